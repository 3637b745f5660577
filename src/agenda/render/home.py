"""The home page: visie, principes in brief, counts per status, the latest evaluation and
what changed most recently."""

from __future__ import annotations

from .. import urls
from ..dates import dutch_date, moment_key, moment_text
from ..site import Site
from ..status_history import changes
from . import boards
from .markup import EMPTY, Markup, blocks, bullets, heading, paragraph
from .parts import link, points, principe_ref, prose, record_link, status_badge

RECENT = 5


def title(site: Site) -> Markup:
    return heading(1, site.regio.titel)


def inleiding(site: Site) -> Markup:
    return prose(site, site.regio.inleiding) if site.regio.inleiding else EMPTY


def visie(site: Site, here: str) -> Markup:
    return blocks(
        heading(2, "Gedeelde visie", "visie"),
        points(site, site.versie.visie),
        paragraph(link(site.href(here, urls.VISIE), "Lees de hele visie en de principes")),
    )


def principes(site: Site, here: str) -> Markup:
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
    """The latest status changes (from the histories) and the latest edited records (from git)."""
    steps = []
    for record in (*site.model.opgaven, *site.model.pilots):
        for change in changes(record.statushistorie):
            key = moment_key(change.step.datum)
            if key is not None:
                steps.append((key, record, change))
    steps.sort(key=lambda s: s[0], reverse=True)
    status_items = [
        Markup('<span class="agenda-when">{}</span>: {} {}{}').format(
            moment_text(change.step.datum),
            record_link(site, here, record),
            Markup("van {} naar ").format(status_badge(change.previous)) if change.previous else "",
            status_badge(change.step.status),
        )
        for _, record, change in steps[:RECENT]
    ]
    edited = [
        (day, record)
        for record in (*site.model.opgaven, *site.model.pilots, *site.model.evaluaties)
        if (day := site.changed(record)) is not None
    ]
    edited.sort(key=lambda e: e[0], reverse=True)
    edited_items = [
        Markup('<span class="agenda-when">{}</span>: {}').format(dutch_date(day), record_link(site, here, record))
        for day, record in edited[:RECENT]
    ]
    return blocks(
        heading(2, "Wat is er veranderd?", "veranderd"),
        heading(3, "Laatste statuswijzigingen", "laatste-statuswijzigingen"),
        bullets(status_items) or paragraph("Er zijn nog geen gedateerde statuswijzigingen."),
        [heading(3, "Laatst bijgewerkt", "laatst-bijgewerkt"), bullets(edited_items)] if edited_items else None,
    )
