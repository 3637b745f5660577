"""The page "Alle codes" of Bijdragen: the code of every gremium, partner, thema, periode,
principe, source document, opgave and pilot, with its name and the fields that refer to it, so
that an editor who writes a reference by hand can look the code up."""

from __future__ import annotations

from collections.abc import Iterable

from ..checks.codes import REFERENCE_KEYS
from ..site import Site
from .markup import Markup, blocks, esc, heading, paragraph

# (kind of reference, heading, anchor), in the order an editor needs them
_SECTIONS = (
    ("gremium", "Gremia", "gremia"),
    ("partner", "Partners", "partners"),
    ("thema", "Thema's", "themas"),
    ("periode", "Periodes", "periodes"),
    ("principe", "Principes", "principes"),
    ("bron", "Brondocumenten", "bronnen"),
    ("opgave", "Opgaven", "opgaven"),
    ("pilot", "Pilots", "pilots"),
)


def code_lists(site: Site) -> Markup:
    """A heading and a table of codes per kind."""
    model, regio = site.model, site.regio
    named = {
        "gremium": [(g.id, g.naam) for g in model.organisatie.gremia],
        "partner": [(p.id, p.naam) for p in model.organisatie.partners],
        "thema": [(t.id, t.naam) for t in regio.themas],
        "periode": [(p.id, p.naam) for p in regio.periodes],
        "principe": [(code, principe.kort or principe.tekst) for code, (_, principe) in site.principes.items()],
        "bron": [(b.id, b.titel) for b in regio.bronnen],
        "opgave": [(o.id, o.titel) for o in model.opgaven],
        "pilot": [(p.id, p.titel) for p in model.pilots],
    }
    return blocks(
        *(
            blocks(heading(2, title, anchor), _used_in(kind), _table(title, named[kind]))
            for kind, title, anchor in _SECTIONS
        )
    )


def _used_in(kind: str) -> Markup:
    keys = [key for key, target in REFERENCE_KEYS.items() if target == kind]
    if not keys:
        return paragraph("De code is ook de naam van het bestand. Andere bestanden verwijzen er niet naar.")
    fields = Markup(", ").join(Markup("<code>{}:</code>").format(key) for key in keys)
    return paragraph(Markup("Schrijf deze code bij {}.").format(fields))


def _table(title: str, rows: Iterable[tuple[str, str]]) -> Markup:
    rows = sorted(rows)
    if not rows:
        return paragraph("Er zijn er nog geen.")
    body = Markup("\n").join(
        Markup("<tr><td><code>{}</code></td><td>{}</td></tr>").format(code, esc(" ".join(name.split())))
        for code, name in rows
    )
    return Markup(
        '<div class="agenda-scroll" role="region" tabindex="0" aria-label="Codes: {}">\n'
        "<table>\n<thead><tr><th>Code</th><th>Naam</th></tr></thead>\n<tbody>\n{}\n</tbody>\n</table>\n</div>"
    ).format(title, body)
