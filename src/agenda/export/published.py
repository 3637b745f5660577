"""Every file the site publishes besides its pages: the open data (JSON, CSV), the JSON Schemas,
the feed and the calendar; and the printable editions (pages outside the navigation).

The MkDocs hook adds them to the build and the page "Open data" lists them, both from
:func:`published`, so the sizes on that page are the sizes of the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .. import schemas
from ..render.context import Site
from ..render.print_edition import edition_page, editions
from ..schema_fields import schema_fields
from .addresses import Addresses
from .calendar import CALENDAR_FILE, icalendar
from .feed import FEED_FILE, atom_feed
from .git_history import DataHistory, data_history
from .records import ALL, RECORD_KINDS, SINGLE_KINDS, documents, dumps
from .tables import tables

DATA_FOLDER = "data"
SCHEMA_FOLDER = "schemas"


@dataclass(frozen=True)
class Download:
    path: str  # below the site root
    content: bytes
    group: str  # 'json', 'csv', 'schema' or 'feed'
    description: str  # plain Dutch text
    fields: tuple[tuple[str, str], ...] = ()  # (field name, its title from the schema)

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class PrintPage:
    src_uri: str
    content: str  # Markdown


@dataclass(frozen=True)
class Published:
    downloads: tuple[Download, ...]
    pages: tuple[PrintPage, ...]
    history: DataHistory


def top_fields(kind: str) -> tuple[tuple[str, str], ...]:
    """The fields at the top of a record of ``kind``, with their titles, in schema order."""
    return tuple((f.path, f.title) for f in schema_fields(kind) if "." not in f.path and "[]" not in f.path)


def schema_path(kind: str) -> str:
    return f"{SCHEMA_FOLDER}/{kind}.schema.json"


def _json_downloads(site: Site) -> list[Download]:
    data = documents(site.model)
    found = []
    for name, kind in SINGLE_KINDS.items():
        found.append(
            Download(
                f"{DATA_FOLDER}/{name}.json",
                dumps(data[name]).encode("utf-8"),
                "json",
                f"{schemas.schema(kind)['description']} Eén record, volgens {schema_path(kind)}.",
                top_fields(kind),
            )
        )
    for name, kind in RECORD_KINDS.items():
        key = "het jaar" if kind == "evaluatie" else "de code"
        found.append(
            Download(
                f"{DATA_FOLDER}/{name}.json",
                dumps(data[name]).encode("utf-8"),
                "json",
                f"Alle {name}, op {key}; elk record volgens {schema_path(kind)}. "
                f"{schemas.schema(kind)['description']}",
                top_fields(kind),
            )
        )
    found.append(
        Download(
            f"{DATA_FOLDER}/{ALL}.json",
            dumps(data[ALL]).encode("utf-8"),
            "json",
            "Alles in één bestand: de inhoud van de bestanden hierboven, onder hun naam ("
            + ", ".join([*SINGLE_KINDS, *RECORD_KINDS])
            + ").",
        )
    )
    return found


def _csv_downloads(site: Site) -> list[Download]:
    return [
        Download(
            f"{DATA_FOLDER}/{t.name}.csv",
            t.csv().encode("utf-8"),
            "csv",
            t.description,
            tuple((c.name, c.title) for c in t.columns),
        )
        for t in tables(site.model)
    ]


def _schema_downloads() -> list[Download]:
    found = []
    for path in sorted(schemas.SCHEMA_DIR.glob("*.schema.json")):
        schema = schemas.schema(path.name.removesuffix(".schema.json"))
        found.append(
            Download(
                f"{SCHEMA_FOLDER}/{path.name}",
                path.read_bytes(),
                "schema",
                f"{schema['title']}: {schema['description']}",
            )
        )
    return found


def build_published(site: Site, history: DataHistory, site_url: str | None, today: date) -> Published:
    """Everything, from the model and the history of the data (pure)."""
    addresses = Addresses(site_url, site.directory_urls)
    feeds = [
        Download(
            FEED_FILE,
            atom_feed(site.model, addresses, data_date=history.data_date, today=today).encode("utf-8"),
            "feed",
            "Nieuwsfeed (Atom) van besluiten, statuswijzigingen en evaluaties, de nieuwste eerst. "
            "Volg hem met een feedlezer of in Outlook.",
        ),
        Download(
            CALENDAR_FILE,
            icalendar(site.model, addresses, stamp=history.data_date or today).encode("utf-8"),
            "feed",
            "Agenda (iCalendar) met de mijlpalen met een datum en de data van de evaluaties, als "
            "dagen zonder tijd. Abonneer u erop in uw agenda-programma.",
        ),
    ]
    base_url = addresses.file("") if addresses.absolute else None
    pages = tuple(
        PrintPage(e.src_uri, edition_page(site, e, history.data_date, base_url)) for e in editions(site)
    )
    downloads = [*_json_downloads(site), *_csv_downloads(site), *_schema_downloads(), *feeds]
    return Published(tuple(downloads), pages, history)


@lru_cache(maxsize=2)
def _cached(site: Site, history: DataHistory, site_url: str | None, today: date) -> Published:
    return build_published(site, history, site_url, today)


def published(site: Site, data_dir: Path, site_url: str | None) -> Published:
    """Everything for the site of ``data_dir``; made once per build (per model and commit)."""
    return _cached(site, data_history(data_dir), site_url, date.today())
