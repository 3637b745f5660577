"""The page "Open data": every download with its size and what it holds, the fields of each file
(titles from the schemas), the date of the data and the licence."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from datetime import date

from babel.numbers import format_decimal

from ..dates import LOCALE, dutch_date
from ..downloads import Download
from ..site import Site
from ..urls import page_url
from .markup import EMPTY, Markup, blocks, heading, paragraph, table
from .parts import link

OPEN_DATA = "open-data.md"
FIELD_REFERENCE = "bijdragen/velden.md"  # the page that explains every field
_GROUPS = (
    ("json", "JSON", "json"),
    ("csv", "CSV (tabellen)", "csv"),
    ("schema", "JSON Schema's", "schemas"),
    ("feed", "Nieuwsfeed en agenda", "feed"),
)


def size_text(size: int) -> str:
    """'850 bytes', '12,3 kB' (1 kB = 1000 bytes)."""
    if size < 1000:
        return f"{size} bytes"
    return f"{format_decimal(size / 1000, '#,##0.0', locale=LOCALE)} kB"


def file_href(site: Site, here: str, path: str) -> str:
    """A relative link from the page ``here`` to the file at ``path`` below the site root."""
    folder = posixpath.dirname(page_url(here, site.directory_urls))
    return posixpath.relpath(path, folder or ".")


def _name(download: Download) -> str:
    return posixpath.basename(download.path)


def _table(site: Site, here: str, title: str, downloads: Sequence[Download]) -> Markup:
    rows = [(link(file_href(site, here, d.path), _name(d)), d.description, size_text(d.size)) for d in downloads]
    return table(title, ("Bestand", "Inhoud", "Grootte"), rows)


def _licence(site: Site) -> Markup:
    licentie = site.regio.licentie
    if licentie is None:
        return paragraph(
            Markup(
                "De licentie van deze gegevens is nog niet vastgesteld. Voor open data van de overheid is "
                "CC0 gebruikelijk: iedereen mag de gegevens dan zonder voorwaarden hergebruiken. De regio "
                "legt de licentie vast in regio.yaml, in het veld <code>licentie</code>."
            )
        )
    name = site.prose.inline(licentie.naam)
    named = link(licentie.adres, name) if licentie.adres else name
    return paragraph(Markup("De gegevens zijn beschikbaar onder de licentie {}.").format(named))


def _fields(downloads: Sequence[Download]) -> list[Markup]:
    parts = []
    for download in downloads:
        if not download.fields:
            continue
        rows = EMPTY.join(
            Markup("<div><dt><code>{}</code></dt><dd>{}</dd></div>").format(name, title)
            for name, title in download.fields
        )
        parts.append(
            Markup(
                '<details class="agenda-fields">\n<summary>{}</summary>\n<dl class="agenda-facts">{}</dl>\n</details>'
            ).format(_name(download), rows)
        )
    return parts


def open_data(site: Site, here: str, downloads: Sequence[Download], data_date: date | None) -> Markup:
    """The body of the page "Open data": the files a build publishes, made from the data of
    ``data_date`` (the day of its last commit)."""
    when = dutch_date(data_date) if data_date else "onbekend (de gegevens staan niet in git)"
    groups = []
    for group, title, anchor in _GROUPS:
        members = [d for d in downloads if d.group == group]
        if members:
            groups += [heading(2, title, anchor), _table(site, here, title, members)]
            if group == "csv":
                groups.append(
                    paragraph(
                        Markup(
                            "CSV volgens RFC 4180: komma's tussen de velden, UTF-8. Een cel met meer waarden "
                            "heeft er één per regel; bronnen staan er met hun code in. Ja/nee staat als "
                            "'ja' en 'nee', getallen met een punt als decimaalteken. De rest van elk record "
                            "(statushistorie, evaluaties, ...) staat in de JSON."
                        ),
                        "agenda-note",
                    )
                )
    explained = link(site.href(here, FIELD_REFERENCE), "Alle velden")
    return blocks(
        paragraph(
            Markup(
                "<strong>Stand van de gegevens:</strong> {}. Dat is de datum van de laatste "
                "wijziging van de gegevens in git; alle bestanden hieronder zijn daaruit gemaakt."
            ).format(when)
        ),
        heading(2, "Licentie", "licentie"),
        _licence(site),
        *groups,
        heading(2, "Velden per bestand", "velden"),
        paragraph(
            Markup(
                "De veldnamen zijn de namen uit de YAML-bestanden. Een veld zonder waarde staat er niet in. "
                "Wat elk veld betekent, staat bij {}."
            ).format(explained)
        ),
        *_fields(downloads),
    )
