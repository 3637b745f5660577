"""The page "Besluiten": every besluit, newest first, with its gremium, record, the status
change it made and its verslag (the events with a besluit, agenda.timeline). Each besluit has an
anchor that stays the same from build to build (agenda.timeline.besluit_anchor): the record pages
and the Organisatie page link to it."""

from __future__ import annotations

from .. import urls
from ..dates import moment_key, moment_text
from ..model import Besluit, EvaluatieBesluit
from ..site import Site
from ..timeline import Event, besluit_anchor
from .markup import Markup, blocks, paragraph, table
from .parts import gremium_ref, link, status_badge

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
    return blocks(
        paragraph(
            "1 besluit over de opgaven, pilots en evaluaties."
            if len(found) == 1
            else f"{len(found)} besluiten over de opgaven, pilots en evaluaties, het nieuwste eerst."
        ),
        table("Besluiten", ["Datum", "Gremium", "Over", "Besluit", "Verslag"], (_row(site, here, e) for e in found)),
        paragraph(Markup("{}.").format(how_to(site, here))),
    )
