"""The page "Open data": every download with its size and what it holds, the fields of each file
(titles from the schemas), the date of the data, the licence, and what alles.json guarantees to
programs that read it (its schema version and how changes are announced)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from datetime import date

from babel.numbers import format_decimal

from ..dates import LOCALE, dutch_date
from ..downloads import Download
from ..schema_versions import VERSION_KEYWORD, current
from ..site import Site
from ..urls import page_url
from .markup import EMPTY, Markup, blocks, bullets, heading, paragraph, table
from .parts import link

OPEN_DATA = "open-data.md"
FIELD_REFERENCE = "bijdragen/velden.md"  # the page that explains every field
SCHEMA_VERSIONS = "schemaversies.md"  # the page with every version of the schemas
_GROUPS = (
    ("json", "JSON", "json"),
    ("csv", "CSV (tabellen)", "csv"),
    ("schema", "JSON Schema's", "schemas"),
    ("catalogus", "Catalogus (DCAT)", "catalogus"),
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


def _catalogue_note(site: Site) -> Markup:
    missing = (
        " DCAT-AP-NL vraagt bij elk bestand een licentie. Zolang die niet is vastgesteld, staat er in de "
        "catalogus geen licentie, maar de zin dat die nog niet is vastgesteld."
        if site.regio.licentie is None
        else ""
    )
    return paragraph(
        Markup(
            "De catalogus noemt van elk bestand de titel, wat erin staat, de licentie, de datum, het "
            "formaat, de grootte en het adres. Een portaal als data.overheid.nl kan de bestanden zo "
            "automatisch overnemen.{}"
        ).format(missing),
        "agenda-note",
    )


def _interface(site: Site, here: str, downloads: Sequence[Download]) -> Markup:
    """What alles.json guarantees, like the JSON of the Python PEPs."""
    everything = next(d for d in downloads if _name(d) == "alles.json")
    names = [_name(d).removesuffix(".json") for d in downloads if d.group == "json" and d is not everything]
    versions = link(site.href(here, SCHEMA_VERSIONS), "Versies van de schema's")
    return blocks(
        heading(2, "alles.json als vaste koppeling", "koppeling"),
        paragraph(
            Markup("Gebruikt u de gegevens in uw eigen programma? Lees dan <code>alles.json</code>. Daarvoor geldt:")
        ),
        bullets(
            [
                Markup("Het adres blijft <code>{}</code>. De schema's blijven in <code>schemas/</code>.").format(
                    everything.path
                ),
                Markup(
                    "Bovenaan staat <code>schemaversie</code>: de versie van de schema's die het bestand "
                    "volgt. Nu is dat versie {}. Daarna komen de andere bestanden, elk onder zijn naam: {}."
                ).format(current().versie, ", ".join(names)),
                Markup(
                    "Elk record klopt met zijn schema. De records uit een map staan onder hun code, "
                    "evaluaties onder hun jaar."
                ),
                Markup(
                    "Een veld zonder waarde staat er niet in. Er staat dus nooit <code>null</code> of een "
                    "lege lijst."
                ),
                Markup(
                    "Een kleine wijziging (bijvoorbeeld van 1.0 naar 1.1) voegt alleen iets toe: een veld, "
                    "of een waarde die een veld mag hebben. Slaat uw programma velden en waarden over die "
                    "het niet kent, dan blijft het werken."
                ),
                Markup(
                    "Een grote wijziging (bijvoorbeeld van 1.1 naar 2.0) haalt een veld weg, geeft het een "
                    "andere naam, of verandert wat erin staat."
                ),
            ]
        ),
        paragraph(
            Markup(
                "Elke versie staat met de datum en de wijzigingen op de pagina {}. Elk schema noemt zijn "
                "versie in <code>{}</code>."
            ).format(versions, VERSION_KEYWORD)
        ),
    )


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
            if group == "catalogus":
                groups.append(_catalogue_note(site))
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
        _interface(site, here, downloads),
        heading(2, "Velden per bestand", "velden"),
        paragraph(
            Markup(
                "De veldnamen zijn de namen uit de YAML-bestanden. Een veld zonder waarde staat er niet in. "
                "Wat elk veld betekent, staat bij {}."
            ).format(explained)
        ),
        *_fields(downloads),
    )
