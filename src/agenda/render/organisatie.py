"""Organisatie: the diagram of the gremia, the same tree as a nested list, and the partners."""

from __future__ import annotations

from ..model import Gremium
from ..site import Site
from . import svg
from .besluiten import how_to, when
from .markup import EMPTY, Markup, blocks, bullets, heading, paragraph
from .parts import besluit_href, joined, link, prose, record_item, source_note

# the most besluiten named per gremium: the newest, the rest are on the Besluiten page
DECISIONS = 3


def organisatie(site: Site, here: str) -> Markup:
    org = site.model.organisatie
    return blocks(
        prose(site, org.toelichting) if org.toelichting else None,
        _diagram(site),
        heading(2, "Gremia", "gremia"),
        None if site.decisions else paragraph(
            Markup("Er zijn nog geen besluiten van de gremia vastgelegd. {}.").format(how_to(site, here))
        ),
        _tree(site, here, None),
        heading(2, "Partners", "partners"),
        _partners(site, here),
    )


def _diagram(site: Site) -> Markup | None:
    """The diagram at its own size, so that the names stay readable, in a container that a
    keyboard can reach and scroll sideways when the diagram is wider than the page."""
    diagram = svg.organisation_diagram(site.model.organisatie, lambda g: f"#gremium-{g.id}")
    if not diagram:
        return None
    return Markup(
        '<figure class="agenda-figure">\n'
        '<div class="agenda-diagram" tabindex="0" role="region" aria-label="Organisatieschema">\n'
        "{}\n</div>\n"
        "<figcaption>De gremia en aan wie ze verantwoording afleggen. "
        "Dezelfde indeling staat hieronder als lijst.</figcaption>\n</figure>"
    ).format(diagram)


def _name_line(name: Markup, soort: str) -> Markup:
    return Markup('<p class="agenda-org__name"><strong>{}</strong> <span class="agenda-note">{}</span></p>').format(
        name, soort
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
    leads = site.leading.get(gremium.id, [])
    works = [r for r in site.working.get(gremium.id, []) if r not in leads]
    if leads:
        lines.append(paragraph("Trekker van:", "agenda-label"))
        lines.append(bullets(record_item(site, here, r) for r in leads))
    if works:
        lines.append(paragraph("Werkt mee aan:", "agenda-label"))
        lines.append(bullets(record_item(site, here, r) for r in works))
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
    items = []
    for partner in site.model.organisatie.partners:
        name = site.prose.inline(partner.naam)
        if partner.afkorting:
            name += Markup(" ({})").format(site.prose.inline(partner.afkorting))
        records = site.partnering.get(partner.id, [])
        parts = [_name_line(name, partner.soort)]
        if partner.omschrijving:
            parts.append(prose(site, partner.omschrijving))
        if records:
            parts.append(paragraph(Markup("Doet mee aan: ") + joined([record_item(site, here, r) for r in records])))
        parts.append(paragraph(source_note(site, here, partner.bronnen)))
        items.append(Markup('<li id="partner-{}">\n{}\n</li>').format(partner.id, Markup("\n").join(parts)))
    if not items:
        return paragraph("Er zijn geen partners vastgelegd.")
    return Markup('<ul class="agenda-org agenda-org--flat">\n{}\n</ul>').format(Markup("\n").join(items))

