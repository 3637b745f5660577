"""The page "Besluiten": every besluit, newest first, with its gremium, record, the status
change it made and its verslag (from agenda.decisions)."""

from __future__ import annotations

from .. import urls
from ..dates import moment_key, moment_text
from ..decisions import Decision, decisions
from ..site import Site
from .markup import Markup, blocks, paragraph, table
from .parts import gremium_ref, link, record_link, status_badge

# the section of the contributors' page on recording a new status with a besluit
HOW_TO = (urls.BIJDRAGEN, "een-nieuwe-status-altijd-met-een-besluit")


def _what(site: Site, decision: Decision) -> Markup:
    if decision.omschrijving is not None:
        return site.prose.inline(decision.omschrijving)
    if decision.previous is None:
        return Markup("eerste status: {}").format(status_badge(decision.status))
    return Markup("van {} naar {}").format(status_badge(decision.previous), status_badge(decision.status))


def _row(site: Site, here: str, decision: Decision) -> list[Markup | str]:
    return [
        moment_text(decision.datum) if moment_key(decision.datum) is not None else "datum niet bekend",
        gremium_ref(site, here, decision.gremium),
        record_link(site, here, decision.record),
        _what(site, decision),
        site.prose.inline(decision.verslag) if decision.verslag else "niet bekend",
    ]


def besluiten(site: Site, here: str) -> Markup:
    found = decisions(site.model)
    how = link(site.href(here, *HOW_TO), "Zo legt u een besluit vast")
    if not found:
        return blocks(
            paragraph("Er zijn nog geen besluiten over de opgaven, pilots en evaluaties vastgelegd."),
            paragraph(Markup("Een besluit komt hier zodra het bij een opgave, pilot of evaluatie staat. {}.").format(how)),
        )
    return blocks(
        paragraph(
            "1 besluit over de opgaven, pilots en evaluaties."
            if len(found) == 1
            else f"{len(found)} besluiten over de opgaven, pilots en evaluaties, het nieuwste eerst."
        ),
        table("Besluiten", ["Datum", "Gremium", "Over", "Besluit", "Verslag"], (_row(site, here, d) for d in found)),
        paragraph(Markup("{}.").format(how)),
    )
