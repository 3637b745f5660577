"""The page "Besluiten": every besluit, newest first, with its gremium, record, the status
change it made and its verslag (the events with a besluit, agenda.timeline). Each besluit has an
anchor that stays the same from build to build (agenda.timeline.besluit_anchor): the record pages,
the news and the Organisatie page link to it. With more than ONE_BESLUITEN_PAGE_MAX besluiten
(agenda.site), the page lists the years and each year's besluiten are on a page of their own."""

from __future__ import annotations

from .. import urls
from ..dates import moment_key, moment_text, moment_year
from ..model import Besluit, EvaluatieBesluit
from ..site import Site
from ..timeline import Event, besluit_anchor
from .markup import Markup, blocks, bullets, document, heading, paragraph, table
from .parts import back_link, gremium_ref, link, status_badge

# the section of the contributors' page on recording a new status with a besluit
HOW_TO = (urls.BIJDRAGEN, "een-nieuwe-status-altijd-met-een-besluit")


def how_to(site: Site, here: str) -> Markup:
    return link(site.href(here, *HOW_TO), "Zo legt u een besluit vast")


def when(besluit: Besluit | EvaluatieBesluit) -> str:
    return moment_text(besluit.datum) if moment_key(besluit.datum) is not None else "datum niet bekend"


def _what(site: Site, event: Event) -> Markup:
    if event.change is None:
        return site.prose.inline(event.besluit.omschrijving)
    if event.change.previous is None:
        return Markup("eerste status: {}").format(status_badge(event.change.step.status))
    return Markup("van {} naar {}").format(status_badge(event.change.previous), status_badge(event.change.step.status))


def _row(site: Site, here: str, event: Event) -> list[Markup | str]:
    besluit = event.besluit
    anchor = "status" if event.change else "besluiten"
    return [
        Markup('<span id="{}">{}</span>').format(besluit_anchor(event.key), when(besluit)),
        gremium_ref(site, here, besluit.gremium),
        link(site.href(here, site.record_page(event.record), anchor), site.prose.inline(event.record.titel)),
        _what(site, event),
        site.prose.inline(besluit.verslag) if besluit.verslag else "niet bekend",
    ]


def _table(site: Site, here: str, found: list[Event]) -> Markup:
    return table("Besluiten", ["Datum", "Gremium", "Over", "Besluit", "Verslag"], (_row(site, here, e) for e in found))


def _count(found: list[Event]) -> str:
    return "1 besluit" if len(found) == 1 else f"{len(found)} besluiten"


def _per_year(site: Site) -> dict[int | None, list[Event]]:
    """The besluiten per year, newest first (those whose date is not known last)."""
    years: dict[int | None, list[Event]] = {}
    for event in site.decisions:
        years.setdefault(moment_year(event.besluit.datum), []).append(event)
    return years


def besluiten(site: Site, here: str) -> Markup:
    found = site.decisions
    if not found:
        return blocks(
            paragraph("Er zijn nog geen besluiten over de opgaven, pilots en evaluaties vastgelegd."),
            paragraph(
                Markup("Een besluit komt hier zodra het bij een opgave, pilot of evaluatie staat. {}.").format(
                    how_to(site, here)
                )
            ),
        )
    if site.besluiten_per_jaar:
        years = [
            Markup("{}: {}").format(
                link(site.href(here, urls.besluiten_page(year)), str(year) if year else "datum niet bekend"),
                _count(events),
            )
            for year, events in _per_year(site).items()
        ]
        return blocks(
            paragraph(f"{_count(found)} over de opgaven, pilots en evaluaties, per jaar, het nieuwste eerst."),
            bullets(years),
            paragraph(Markup("{}.").format(how_to(site, here))),
        )
    return blocks(
        paragraph(
            "1 besluit over de opgaven, pilots en evaluaties."
            if len(found) == 1
            else f"{len(found)} besluiten over de opgaven, pilots en evaluaties, het nieuwste eerst."
        ),
        _table(site, here, found),
        paragraph(Markup("{}.").format(how_to(site, here))),
    )


def year_pages(site: Site) -> dict[str, str]:
    """The page (source path: page) of each year's besluiten, when there are too many for one page;
    none otherwise."""
    if not site.besluiten_per_jaar:
        return {}
    pages = {}
    for year, found in _per_year(site).items():
        here = urls.besluiten_page(year)
        title = f"Besluiten in {year}" if year else "Besluiten zonder bekende datum"
        body = blocks(
            back_link(site, here, urls.BESLUITEN, "Alle besluiten"),
            heading(1, title),
            paragraph(f"{_count(found)}, het nieuwste eerst." if year else f"{_count(found)}."),
            _table(site, here, found),
        )
        pages[here] = document(title, body)
    return pages
