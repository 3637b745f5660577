"""The page "Alle codes" of Bijdragen: the code of every gremium, partner, thema, periode,
principe, source document, opgave and pilot, with its name and the fields that refer to it, so
that an editor who writes a reference by hand can look the code up. When there are more opgaven
and pilots than a page can name, their codes are on lists of their own (``listing``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..checks.codes import REFERENCE_KEYS
from ..model import Opgave, Pilot
from ..site import Site
from .listing import Listing, fits, own_pages, summary
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


HERE = "bijdragen/codes.md"
RECORD_KINDS = {"opgave": "Opgaven", "pilot": "Pilots"}


def _record_listings(site: Site) -> dict[str, Listing]:
    records: dict[str, tuple[Opgave | Pilot, ...]] = {"opgave": site.model.opgaven, "pilot": site.model.pilots}
    return {
        kind: Listing(f"bijdragen/codes/{title.lower()}.md", f"Codes: {title.lower()}", records[kind],
                      (HERE, "Alle codes"), "De code staat achter de titel.", codes=True)
        for kind, title in RECORD_KINDS.items()
    }  # fmt: skip


def listing_pages(site: Site) -> dict[str, str]:
    """The codes of the opgaven and pilots on lists of their own, when the page cannot name them all."""
    return own_pages(site, list(_record_listings(site).values()))


def code_lists(site: Site, here: str) -> Markup:
    """A heading and a table of codes per kind (or, for many opgaven and pilots, a link to their codes)."""
    model, regio = site.model, site.regio
    named = {
        "gremium": [(g.id, g.naam) for g in model.organisatie.gremia],
        "partner": [(p.id, p.naam) for p in model.organisatie.partners],
        "thema": [(t.id, t.naam) for t in regio.themas],
        "periode": [(p.id, p.naam) for p in regio.periodes],
        "principe": [(code, principe.naam) for code, (_, principe) in site.principes.items()],
        "bron": [(b.id, b.titel) for b in regio.bronnen],
        "opgave": [(o.id, o.titel) for o in model.opgaven],
        "pilot": [(p.id, p.titel) for p in model.pilots],
    }
    listings = _record_listings(site)
    inline = fits(list(listings.values()))

    def codes(kind: str, title: str) -> Markup:
        if kind in listings and not inline:
            listing = listings[kind]
            return paragraph(Markup("De codes van de {} staan op een eigen lijst.").format(summary(site, here, listing)))
        return _table(title, named[kind])

    return blocks(
        *(blocks(heading(2, title, anchor), _used_in(kind), codes(kind, title)) for kind, title, anchor in _SECTIONS)
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
