"""The page of one opgave."""

from __future__ import annotations

from .. import urls
from ..dates import moment_text
from ..model import ONBEKEND, Mijlpaal, Opgave
from ..site import Site
from .markup import Markup, blocks, bullets, document, facts, heading, paragraph, table
from .parts import (
    accountability,
    back_link,
    changed_fact,
    error_report,
    gremium_ref,
    history,
    joined,
    partner_ref,
    plain,
    principe_ref,
    prose,
    record_evaluations,
    record_item,
    review_mark,
    source_note,
    sources,
    status_badge,
    text_or_unknown,
    thema_ref,
)
from .summary import summary_block


def opgave_page(site: Site, opgave: Opgave) -> str:
    here = urls.opgave_page(opgave.id)
    periodes = [site.prose.inline(site.periodes[p].naam) for p in opgave.periodes if p in site.periodes]
    rows = [
        ("Status", status_badge(opgave.status)),
        *([("Thema", thema_ref(site, here, opgave.thema))] if site.thema_known else []),
        ("Niveau", text_or_unknown(site, opgave.niveau)),
        ("Gremia", joined([gremium_ref(site, here, g) for g in opgave.gremia])),
        ("Partners", joined([partner_ref(site, here, p) for p in opgave.partners])),
        ("Agendaperiode", joined(periodes)),
        changed_fact(site, opgave),
    ]
    if opgave.herziening:
        rows.append(("Herzien uiterlijk", moment_text(opgave.herziening)))

    pilots = site.pilots_of.get(opgave.id, [])
    related = sorted(site.related.get(opgave.id, set()))
    body = blocks(
        back_link(site, here, urls.AGENDA, "Alle opgaven"),
        heading(1, opgave.titel),
        summary_block(
            site,
            here,
            opgave,
            [
                ("Volgende mijlpaal", next_mijlpaal(site, opgave)),
                ("Pilots", joined([record_item(site, here, p) for p in pilots]) if pilots else Markup("geen")),
            ],
        ),
        review_mark(site, opgave, "agenda-notice"),
        facts(rows, searched=False),
        heading(2, "Beschrijving", "beschrijving"),
        prose(site, opgave.beschrijving),
        heading(2, "Status en besluiten", "status"),
        history(site, here, opgave),
        heading(2, "Mijlpalen", "mijlpalen"),
        mijlpalen(site, here, opgave),
        heading(2, "Principes", "principes"),
        bullets([principe_ref(site, here, p) for p in opgave.principes])
        or paragraph("Er zijn geen principes aan deze opgave gekoppeld."),
        heading(2, "Pilots", "pilots"),
        bullets([record_item(site, here, p) for p in pilots]) or paragraph("Geen pilots bij deze opgave."),
        heading(2, "Verwante opgaven", "verwant") if related else None,
        bullets([record_item(site, here, site.opgaven[code]) for code in related if code in site.opgaven]),
        heading(2, "Evaluaties", "evaluaties"),
        record_evaluations(site, here, opgave.evaluaties),
        heading(2, "Bronnen", "bronnen", searched=False),  # the same few documents on every page
        accountability(sources(site, here, opgave.bronnen)),
        error_report(site, here, opgave.titel),
    )
    return document(opgave.titel, body)


def mijlpalen(site: Site, here: str, opgave: Opgave) -> Markup:
    if not opgave.mijlpalen:
        return paragraph("Er zijn geen mijlpalen vastgelegd.")
    rows = [
        (
            plain(_when(m)),
            site.prose.inline(m.omschrijving) + accountability(source_note(site, here, m.bronnen)),
            text_or_unknown(site, m.gereed),
        )
        for m in _by_year(opgave.mijlpalen)
    ]
    return table("Mijlpalen per jaar", ("Jaar", "Mijlpaal", "Gereed"), rows)


def _by_year(mijlpalen: tuple[Mijlpaal, ...]) -> list[Mijlpaal]:
    """The mijlpalen in year order, those with an unknown year last."""
    return sorted(mijlpalen, key=lambda m: (isinstance(m.jaar, str), m.jaar if isinstance(m.jaar, int) else 0))


def _when(mijlpaal: Mijlpaal) -> str:
    return moment_text(mijlpaal.datum) if mijlpaal.datum else moment_text(mijlpaal.jaar)


def next_mijlpaal(site: Site, opgave: Opgave) -> Markup:
    """'2023: Nieuw basisdocument ...': the first mijlpaal not reached, for the summary."""
    ahead = [m for m in _by_year(opgave.mijlpalen) if m.gereed != "ja"]
    if not ahead:
        return Markup("geen mijlpaal vastgelegd")
    when = _when(ahead[0])
    label = "jaar niet bekend" if when == ONBEKEND else when
    return Markup("{}: {}").format(label, site.prose.inline(ahead[0].omschrijving))
