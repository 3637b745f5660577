"""The home page: visie, principes in brief, counts per status, the latest evaluation and
what changed most recently."""

from __future__ import annotations

from datetime import date

from .. import urls
from ..dates import dutch_date, moment_key, moment_text
from ..model import Evaluatie, Opgave, Pilot, Statusovergang
from ..site import Site
from . import boards
from .markup import EMPTY, Markup, blocks, bullets, heading, paragraph
from .parts import link, points, principe_ref, prose, record_link, status_badge
from .veranderingen import record_of

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


def _current_steps(site: Site) -> tuple[list[tuple[Opgave | Pilot, Statusovergang]], int]:
    """The records whose last step (the step to their current status) has a date, the latest
    first, with that step; and how many records have a last step without a date."""
    current = [(r, r.statushistorie[-1]) for r in (*site.model.opgaven, *site.model.pilots)]
    dated = [s for s in current if moment_key(s[1].datum) is not None]
    dated.sort(key=lambda s: moment_key(s[1].datum), reverse=True)
    return dated, len(current) - len(dated)


def _before(record: Opgave | Pilot) -> str | None:
    """The status before the current one, when the last step changed it."""
    steps = record.statushistorie
    return steps[-2].status if len(steps) > 1 and steps[-2].status != steps[-1].status else None


def _last_edits(site: Site) -> list[tuple[date, Opgave | Pilot | Evaluatie]]:
    """The records edited after the data was first added (from git), the latest edit first."""
    latest: dict[tuple[str, str], date] = {}
    for change in site.history.changes or ():
        latest[(change.kind, change.code)] = change.day
    edited = [(day, record) for (kind, code), day in latest.items() if (record := record_of(site, kind, code))]
    return sorted(edited, key=lambda e: e[0], reverse=True)


def recent(site: Site, here: str) -> Markup:
    """Where the records stand now (the dated last steps of their histories, the latest first)
    and the records edited most recently (from git)."""
    dated, undated = _current_steps(site)
    status_items = [
        Markup('<span class="agenda-when">{}</span>: {} {}{}').format(
            moment_text(step.datum),
            record_link(site, here, record),
            Markup("van {} naar ").format(status_badge(before)) if (before := _before(record)) else "",
            status_badge(step.status),
        )
        for record, step in dated[:RECENT]
    ]
    edited_items = [
        Markup('<span class="agenda-when">{}</span>: {}').format(dutch_date(day), record_link(site, here, record))
        for day, record in _last_edits(site)[:RECENT]
    ]
    return blocks(
        heading(2, "Wat is er veranderd?", "veranderd"),
        heading(3, "Laatste statuswijzigingen", "laatste-statuswijzigingen"),
        paragraph("De huidige status van de opgaven en pilots, de laatste wijziging eerst.") if status_items else None,
        bullets(status_items),
        paragraph(
            Markup("{} {}").format(
                _undated_text(undated, bool(dated)), link(site.href(here, urls.AGENDA), "Alle opgaven met hun status")
            )
        )
        if undated
        else None,
        None if dated or undated else paragraph("Er zijn nog geen opgaven of pilots."),
        [heading(3, "Laatst bijgewerkt", "laatst-bijgewerkt"), bullets(edited_items)] if edited_items else None,
        paragraph(link(site.href(here, urls.BESLUITEN), "Alle besluiten, het nieuwste eerst")),
    )


def _undated_text(count: int, others: bool) -> str:
    """'Bij 3 (andere) opgaven en pilots is de datum van de huidige status niet bekend.'"""
    which = "andere " if others else ""
    records = f"1 {which}opgave of pilot" if count == 1 else f"{count} {which}opgaven en pilots"
    return f"Bij {records} is de datum van de huidige status niet bekend."
