"""Organisatie: the diagram of the gremia, who leads what (a table), the same tree as the
diagram as a nested list, and the partners.

The table and the partners name the opgaven and pilots; when there are more than a page can
name (``listing``), each cell says how many, linked to a list of its own.
"""

from __future__ import annotations

from .. import urls
from ..model import Gremium, Opgave, Partner, Pilot
from ..site import Site
from . import svg
from .besluiten import how_to, when
from .listing import Listing, fits, items, own_pages, summary
from .markup import EMPTY, Heading, Markup, blocks, heading, paragraph, table
from .parts import besluit_href, joined, kind_text, link, prose, record_item, source_note

# the most besluiten named per gremium: the newest, the rest are on the Besluiten page
DECISIONS = 3


def organisatie(site: Site, here: str) -> Markup:
    return blocks(*sections(site, here, heading, 2, diagram=True))


def sections(site: Site, here: str, head: Heading, level: int, *, diagram: bool = False) -> list[Markup | None]:
    """How the cooperation is organised: the region's text on it (such as the special position of
    a partner), the diagram (on the site), who leads what, the gremia and the partners, with
    ``head``ings of ``level`` (the page Organisatie, or a chapter of a printable edition)."""
    org = site.model.organisatie
    return [
        prose(site, org.toelichting) if org.toelichting else None,
        paragraph(source_note(site, here, org.bronnen)) if org.bronnen else None,
        _diagram(site) if diagram else None,
        head(level, "Wie trekt wat", "wie-trekt-wat"),
        _who_leads_what(site, here),
        head(level, "Gremia", "gremia"),
        None if site.decisions else paragraph(
            Markup("Er zijn nog geen besluiten van de gremia vastgelegd. {}.").format(how_to(site, here))
        ),
        _tree(site, here, None),
        head(level, "Partners", "partners"),
        _partners(site, here),
    ]


def _works(site: Site, gremium: Gremium) -> list[Opgave | Pilot]:
    """What the gremium takes part in without leading it."""
    leads = site.leading.get(gremium.id, [])
    return [r for r in site.working.get(gremium.id, []) if r not in leads]


def _gremium_listings(site: Site, gremium: Gremium) -> tuple[Listing, Listing]:
    """What the gremium leads and what it takes part in, as lists that may get pages of their own."""
    back = (urls.ORGANISATIE, "Organisatie")
    return (
        Listing(f"organisatie/trekker/{gremium.id}.md", f"Trekker: {gremium.naam}",
                site.leading.get(gremium.id, []), back),
        Listing(f"organisatie/werkt-mee/{gremium.id}.md", f"{gremium.naam} werkt mee aan",
                _works(site, gremium), back),
    )  # fmt: skip


def _partner_listing(site: Site, partner: Partner) -> Listing:
    return Listing(f"organisatie/partner/{partner.id}.md", f"{partner.naam} doet mee aan",
                   site.partnering.get(partner.id, []), (urls.ORGANISATIE, "Organisatie"))  # fmt: skip


def _table_listings(site: Site) -> list[Listing]:
    return [listing for g in site.model.organisatie.gremia for listing in _gremium_listings(site, g)]


def _partner_listings(site: Site) -> list[Listing]:
    return [_partner_listing(site, p) for p in site.model.organisatie.partners]


def listing_pages(site: Site) -> dict[str, str]:
    """The lists of their own of the table and of the partners, when the page cannot name every record."""
    return own_pages(site, _table_listings(site)) | own_pages(site, _partner_listings(site))


def _cell(site: Site, here: str, listing: Listing, inline: bool) -> Markup | str:
    if not listing.records:
        return "geen"
    return items(site, here, listing.records) if inline else summary(site, here, listing)


def _who_leads_what(site: Site, here: str) -> Markup:
    """A row per gremium: what it leads (trekker) and what else it takes part in."""
    gremia = site.model.organisatie.gremia
    if not gremia:
        return paragraph("Er zijn geen gremia vastgelegd.")
    inline = fits(_table_listings(site))
    rows = []
    for gremium in gremia:
        leads, works = _gremium_listings(site, gremium)
        rows.append(
            (link(f"#gremium-{gremium.id}", site.prose.inline(gremium.naam)),
             _cell(site, here, leads, inline), _cell(site, here, works, inline))
        )  # fmt: skip
    unknown = [r for r in (*site.model.opgaven, *site.model.pilots) if r.trekker not in site.gremia]
    note = (
        paragraph(f"Van {len(unknown)} van de {len(site.model.opgaven) + len(site.model.pilots)} opgaven en "
                  "pilots is de trekker nog niet bekend. De bronnen noemen die (nog) niet.")
        if unknown
        else None
    )  # fmt: skip
    return blocks(table("Wie trekt wat", ("Gremium", "Trekker van", "Werkt mee aan"), rows), note)


def _diagram(site: Site) -> Markup | None:
    """The diagram, drawn for the width of a phone and scaled down on a narrower page (svg.py)."""
    diagram = svg.organisation_diagram(site.model.organisatie, lambda g: f"#gremium-{g.id}")
    if not diagram:
        return None
    return Markup(
        '<figure class="agenda-figure">\n'
        '<div class="agenda-diagram">\n'
        "{}\n</div>\n"
        "<figcaption>De gremia en aan wie ze verantwoording afleggen. "
        "Dezelfde indeling staat hieronder als lijst, onder Gremia.</figcaption>\n</figure>"
    ).format(diagram)


def _name_line(name: Markup, soort: str) -> Markup:
    return Markup('<p class="agenda-org__name"><strong>{}</strong> <span class="agenda-note">{}</span></p>').format(
        name, kind_text(soort)
    )


def _gremium(site: Site, here: str, gremium: Gremium) -> Markup:
    name = site.prose.inline(gremium.naam)
    if gremium.afkorting:
        name += Markup(" ({})").format(site.prose.inline(gremium.afkorting))
    lines = [_name_line(name, gremium.soort)]
    if gremium.omschrijving:
        lines.append(prose(site, gremium.omschrijving))
    if gremium.samenstelling:
        lines.append(paragraph(Markup("Samenstelling: {}").format(site.prose.inline(gremium.samenstelling))))
    if site.decisions:
        lines.append(paragraph(Markup("Besluiten: {}").format(_decisions(site, here, gremium.id))))
    lines.append(paragraph(source_note(site, here, gremium.bronnen)))
    return Markup("\n").join(lines)


def _decisions(site: Site, here: str, code: str) -> Markup | str:
    """The gremium's newest besluiten (at most DECISIONS), linked on the Besluiten page."""
    found = site.decisions_of.get(code, [])
    if not found:
        return "nog geen"
    dates = [
        link(besluit_href(site, here, e.key, e.besluit), when(e.besluit))
        for e in found[:DECISIONS]
    ]
    more = len(found) - DECISIONS
    return joined(dates) + (f" en {more} eerdere" if more > 0 else "")


def _tree(site: Site, here: str, parent: str | None) -> Markup:
    known = set(site.gremia)
    children = [
        g
        for g in site.model.organisatie.gremia
        if g.valt_onder == parent or (parent is None and g.valt_onder not in known)
    ]
    if not children:
        return EMPTY
    items = [
        Markup('<li id="gremium-{}">\n{}\n{}\n</li>').format(g.id, _gremium(site, here, g), _tree(site, here, g.id))
        for g in children
    ]
    return Markup('<ul class="agenda-org">\n{}\n</ul>').format(Markup("\n").join(items))


def _partners(site: Site, here: str) -> Markup:
    inline = fits(_partner_listings(site))
    found = []
    for partner in site.model.organisatie.partners:
        name = site.prose.inline(partner.naam)
        if partner.afkorting:
            name += Markup(" ({})").format(site.prose.inline(partner.afkorting))
        listing = _partner_listing(site, partner)
        parts = [_name_line(name, partner.soort)]
        if partner.omschrijving:
            parts.append(prose(site, partner.omschrijving))
        if listing.records:
            named = joined([record_item(site, here, r) for r in listing.records]) if inline else summary(site, here, listing)
            parts.append(paragraph(Markup("Doet mee aan: ") + named))
        parts.append(paragraph(source_note(site, here, partner.bronnen)))
        found.append(Markup('<li id="partner-{}">\n{}\n</li>').format(partner.id, Markup("\n").join(parts)))
    if not found:
        return paragraph("Er zijn geen partners vastgelegd.")
    return Markup('<ul class="agenda-org agenda-org--flat">\n{}\n</ul>').format(Markup("\n").join(found))

