"""What a build adds to the hand-written pages, assembled from the renderers and the exports:
the pages generated from the data (one per opgave, pilot and evaluation year, and the printable
editions, all outside the navigation) and every file the site publishes besides its pages (the
open data in JSON and CSV, the JSON Schemas, the feed and the calendar).

It sits above agenda.render and agenda.export, which never import each other. The MkDocs hook
adds all of it to the build, and the page "Open data" lists the downloads, both from the one
:func:`published` of the build, so the sizes on that page are the sizes of the files.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schemas, urls
from .downloads import Download
from .export.addresses import Addresses
from .export.calendar import icalendar
from .export.catalogue import CATALOGUE_FILE, catalogue
from .export.feed import atom_feed
from .export.records import ALL, documents, dumps
from .export.tables import tables
from .layout import COLLECTIONS, SINGLE_KINDS
from .render.generated import GeneratedPage, generated_pages
from .render.print_edition import edition_page, editions
from .schema_fields import schema_fields
from .site import Site

DATA_FOLDER = "data"
SCHEMA_FOLDER = "schemas"


@dataclass(frozen=True)
class PrintPage:
    src_uri: str
    content: str  # Markdown


@dataclass(frozen=True)
class Published:
    generated: tuple[GeneratedPage, ...]  # a page per record (and per thema board)
    editions: tuple[PrintPage, ...]  # the printable editions
    downloads: tuple[Download, ...]


def top_fields(kind: str) -> tuple[tuple[str, str], ...]:
    """The fields at the top of a record of ``kind``, with their titles, in schema order."""
    return tuple((f.path, f.title) for f in schema_fields(kind) if "." not in f.path and "[]" not in f.path)


def schema_path(kind: str) -> str:
    return f"{SCHEMA_FOLDER}/{kind}.schema.json"


def _json_downloads(site: Site) -> list[Download]:
    data = documents(site.model)
    found = []
    for kind in SINGLE_KINDS:
        found.append(
            Download(
                f"{DATA_FOLDER}/{kind}.json",
                dumps(data[kind]).encode("utf-8"),
                "json",
                f"{schemas.schema(kind)['description']} Eén record, volgens {schema_path(kind)}.",
                top_fields(kind),
                schema_path(kind),
            )
        )
    for name, kind in COLLECTIONS.items():
        key = "het jaar" if kind == "evaluatie" else "de code"
        found.append(
            Download(
                f"{DATA_FOLDER}/{name}.json",
                dumps(data[name]).encode("utf-8"),
                "json",
                f"Alle {name}, op {key}; elk record volgens {schema_path(kind)}. "
                f"{schemas.schema(kind)['description']}",
                top_fields(kind),
                schema_path(kind),
            )
        )
    found.append(
        Download(
            f"{DATA_FOLDER}/{ALL}.json",
            dumps(data[ALL]).encode("utf-8"),
            "json",
            "Alles in één bestand: de inhoud van de bestanden hierboven, onder hun naam ("
            + ", ".join([*SINGLE_KINDS, *COLLECTIONS])
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


def published(site: Site, site_url: str | None) -> Published:
    """Everything a build adds, from the site (its model and its history of the data; pure)."""
    history = site.history
    addresses = Addresses(site_url, site.directory_urls)
    feeds = [
        Download(
            urls.FEED_FILE,
            atom_feed(site.model, addresses, data_date=history.data_date, today=site.today).encode("utf-8"),
            "feed",
            "Nieuwsfeed (Atom) van besluiten, statuswijzigingen en evaluaties, de nieuwste eerst. "
            "Volg hem met een feedlezer of in Outlook.",
        ),
        Download(
            urls.CALENDAR_FILE,
            icalendar(site.model, addresses, stamp=history.data_date or site.today).encode("utf-8"),
            "feed",
            "Agenda (iCalendar) met de mijlpalen met een datum en de data van de evaluaties, als "
            "dagen zonder tijd. Abonneer u erop in uw agenda-programma.",
        ),
    ]
    base_url = addresses.file("") if addresses.absolute else None
    pages = tuple(
        PrintPage(e.src_uri, edition_page(site, e, history.data_date, base_url)) for e in editions(site)
    )
    data = [*_json_downloads(site), *_csv_downloads(site), *_schema_downloads()]
    listed = catalogue(site.model.regio, data, addresses, history.data_date)
    catalogued = Download(
        CATALOGUE_FILE,
        dumps(listed).encode("utf-8"),
        "catalogus",
        "De catalogus van de bestanden hierboven (JSON, CSV en JSON Schema's) volgens DCAT-AP-NL 3.0, "
        "als JSON-LD: voor portalen als data.overheid.nl, die open data verzamelen.",
    )
    downloads = [*data, catalogued, *feeds]
    return Published(tuple(generated_pages(site)), pages, tuple(downloads))
