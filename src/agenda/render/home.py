"""The home page: visie, principes in brief, counts per status, the latest evaluation and
what changed most recently."""

from __future__ import annotations

from .. import urls
from ..dates import moment_key, moment_text
from ..site import Site
from . import boards, news
from .markup import EMPTY, Markup, blocks, bullets, heading, paragraph
from .parts import accountability, link, points, principe_ref, prose, source_note
from .visie import has_visie, visie_points

RECENT = 5


def title(site: Site) -> Markup:
    return heading(1, site.regio.titel)


def inleiding(site: Site, here: str) -> Markup:
    """The region's introduction, and where it comes from (closed, under Verantwoording)."""
    if not site.regio.inleiding:
        return EMPTY
    sources = accountability(source_note(site, here, site.regio.inleiding_bronnen))
    return blocks(prose(site, site.regio.inleiding), sources)


def visie(site: Site, here: str) -> Markup:
    """The points of the visie (or of the visie of each hoofdlijn), or '' while the region has written none down."""
    if not has_visie(site, site.versie):
        return EMPTY
    return blocks(
        heading(2, site.regio.koppen.visie, "visie"),
        visie_points(site, site.versie, lambda code: site.href(here, urls.VISIE, f"thema-{code}")),
        paragraph(link(site.href(here, urls.VISIE), "Lees de hele visie en de principes")),
    )


def principes(site: Site, here: str) -> Markup:
    """The principles, or '' while the region has written none down."""
    if not site.versie.principes:
        return EMPTY
    return blocks(
        heading(2, site.versie.principes_kop or "Leidende principes", "principes"),
        paragraph(site.prose.inline(site.versie.principes_inleiding)) if site.versie.principes_inleiding else None,
        bullets(principe_ref(site, here, p.id) for p in site.versie.principes),
    )


def status_counts(site: Site, here: str) -> Markup:
    return blocks(heading(2, "Waar staan de opgaven en pilots?", "stand"), boards.status_counts(site, here))


def laatste_evaluatie(site: Site, here: str) -> Markup:
    title = heading(2, "Laatste evaluatie", "evaluatie")
    if not site.model.evaluaties:
        return blocks(title, paragraph("Er is nog geen evaluatie."))
    latest = site.model.evaluaties[-1]
    target = site.href(here, urls.evaluatie_page(latest.jaar))
    return blocks(
        title,
        paragraph(
            Markup('<strong>{}</strong><br><span class="agenda-note">{}</span>').format(
                link(target, site.prose.inline(latest.titel)), moment_text(latest.datum)
            )
        ),
        prose(site, latest.samenvatting) if latest.samenvatting else None,
        [paragraph("Wat gaat goed?", "agenda-label"), points(site, latest.wat_gaat_goed)]
        if latest.wat_gaat_goed
        else None,
        [paragraph("Wat is nodig?", "agenda-label"), points(site, latest.wat_is_nodig)] if latest.wat_is_nodig else None,
    )


def recent(site: Site, here: str) -> Markup:
    """The latest news (agenda.render.news), with a link to all of it and to the besluiten; and
    how many records have a current status without a date."""
    latest, _ = news.items(site, here, RECENT)
    undated = sum(1 for r in (*site.model.opgaven, *site.model.pilots) if moment_key(r.statushistorie[-1].datum) is None)
    return blocks(
        heading(2, "Wat is er veranderd?", "veranderd"),
        paragraph("Het laatste nieuws uit de agenda, het nieuwste eerst.") if latest else None,
        bullets(item.html() for item in latest),
        None if latest else paragraph("Er is nog geen nieuws met een datum."),
        paragraph(
            Markup("{} {}").format(
                _undated_text(undated), link(site.href(here, urls.AGENDA), "Alle opgaven met hun status")
            )
        )
        if undated
        else None,
        paragraph(
            Markup("{} · {}").format(
                link(site.href(here, urls.VERANDERD), "Alles wat er veranderd is"),
                link(site.href(here, urls.BESLUITEN), "Alle besluiten, het nieuwste eerst"),
            )
        ),
    )


def _undated_text(count: int) -> str:
    """'Bij 3 opgaven en pilots is de datum van de huidige status niet bekend.'"""
    records = "1 opgave of pilot" if count == 1 else f"{count} opgaven en pilots"
    return f"Bij {records} is de datum van de huidige status niet bekend."
