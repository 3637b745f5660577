"""The page of one pilot, with its indicators (chart and table)."""

from __future__ import annotations

from .. import urls
from ..dates import euro_text, moment_text, number_text
from ..indicators import DIRECTION, NOT_MEASURED, meting_text, period_label, periods, target_sentence, target_text
from ..model import Financiering, Indicator, Pilot
from ..site import Site
from . import svg
from .markup import EMPTY, Markup, blocks, bullets, document, facts, heading, paragraph, table
from .parts import (
    UNKNOWN,
    accountability,
    back_link,
    changed_fact,
    error_report,
    gremium_ref,
    history,
    joined,
    opgave_ref,
    partner_ref,
    plain,
    points,
    principe_ref,
    prose,
    record_evaluations,
    review_mark,
    source_note,
    sources,
    status_badge,
    text_or_unknown,
)
from .summary import summary_block


def pilot_page(site: Site, pilot: Pilot) -> str:
    here = urls.pilot_page(pilot.id)
    rows = [
        ("Status", status_badge(pilot.status)),
        ("Opgave", opgave_ref(site, here, pilot.opgave)),
        *([("Onderwijs", site.prose.inline(", ".join(pilot.onderwijs)))] if pilot.onderwijs else []),
        ("Start", plain(moment_text(pilot.start))),
        ("Einde", plain(moment_text(pilot.einde))),
        ("Gremia", joined([gremium_ref(site, here, g) for g in pilot.gremia])),
        ("Partners", joined([partner_ref(site, here, p) for p in pilot.partners])),
        changed_fact(site, pilot),
    ]
    if pilot.herziening:
        rows.append(("Herzien uiterlijk", moment_text(pilot.herziening)))
    title = f"{pilot.titel} ({pilot.afkorting})" if pilot.afkorting else pilot.titel

    body = blocks(
        back_link(site, here, urls.PILOTS, "Alle pilots"),
        heading(1, title),
        summary_block(
            site,
            here,
            pilot,
            [("Wat wil het bereiken?", targets(site, pilot)), ("Hoort bij de opgave", opgave_ref(site, here, pilot.opgave))],
        ),
        review_mark(site, pilot, "agenda-notice"),
        facts(rows, searched=False),
        [heading(2, "Achtergrond", "achtergrond"), prose(site, pilot.achtergrond)] if pilot.achtergrond else None,
        heading(2, "Doel", "doel"),
        prose(site, pilot.doel),
        heading(2, "Doelgroep", "doelgroep"),
        prose(site, pilot.doelgroep),
        heading(2, "Werkwijze", "werkwijze"),
        prose(site, pilot.werkwijze),
        heading(2, "Voorwaarden", "voorwaarden"),
        points(site, pilot.voorwaarden) or paragraph(UNKNOWN),
        heading(2, "Locaties", "locaties"),
        locaties(site, pilot),
        heading(2, "Financiering", "financiering"),
        financiering(site, here, pilot),
        heading(2, "Verwachte resultaten", "resultaten"),
        verwachte_resultaten(site, pilot),
        heading(2, "Indicatoren", "indicatoren"),
        [indicator(site, here, pilot, i) for i in pilot.indicatoren]
        or [paragraph("Er zijn geen indicatoren vastgelegd.")],
        [heading(2, "Sturing", "sturing"), prose(site, pilot.sturing)] if pilot.sturing else None,
        heading(2, "Status en besluiten", "status"),
        history(site, here, pilot),
        heading(2, "Principes", "principes") if pilot.principes else None,
        bullets([principe_ref(site, here, p) for p in pilot.principes]),
        heading(2, "Evaluaties", "evaluaties"),
        record_evaluations(site, here, pilot.evaluaties),
        heading(2, "Bronnen", "bronnen", searched=False),  # the same few documents on every page
        accountability(sources(site, here, pilot.bronnen)),
        error_report(site, here, title),
    )
    return document(title, body)


def targets(site: Site, pilot: Pilot) -> Markup:
    """The targets of the indicators, one line per indicator: 'Name: 30 kinderen minder in 2021,
    60 kinderen minder in 2022'; for the summary."""
    lines = []
    for ind in pilot.indicatoren:
        if ind.doelen:
            values = ", ".join(
                target_text(d, ind.eenheid) if d.vanaf else f"{target_text(d, ind.eenheid)} in {d.jaar}" for d in ind.doelen
            )
            lines.append(Markup("{}: {}").format(site.prose.inline(ind.naam), values))
    return bullets(lines) or Markup("er zijn nog geen streefwaarden vastgelegd")


def locaties(site: Site, pilot: Pilot) -> Markup:
    place = pilot.locaties
    if place is None:
        return paragraph(UNKNOWN)
    scholen = place.scholen
    named = points(site, scholen) if isinstance(scholen, tuple) and scholen else EMPTY
    return blocks(
        facts([("Aantal", text_or_unknown(site, place.aantal)), ("Scholen", named or UNKNOWN)]),
        prose(site, place.toelichting) if place.toelichting else None,
    )


def _year(value: int, vanaf: bool) -> str:
    return f"vanaf {value}" if vanaf else str(value)


def financiering(site: Site, here: str, pilot: Pilot) -> Markup:
    rows: list[Financiering] = sorted(pilot.financiering, key=lambda f: f.jaar)
    extra = pilot.financiering_toelichting
    if not rows:
        return blocks(paragraph(UNKNOWN), prose(site, extra) if extra else None)
    with_financier = any(f.financier for f in rows)
    headers = ["Jaar", "Fte", "Bedrag"] + (["Financier"] if with_financier else []) + ["Toelichting en bron"]
    cells = []
    for f in rows:
        row = [_year(f.jaar, f.vanaf), plain(number_text(f.fte)), plain(euro_text(f.bedrag))]
        if with_financier:
            row.append(text_or_unknown(site, f.financier))
        note = site.prose.inline(f.toelichting) if f.toelichting else EMPTY
        row.append(note + accountability(source_note(site, here, f.bronnen)))
        cells.append(row)
    return blocks(table("Financiering per jaar", headers, cells), prose(site, extra) if extra else None)


def verwachte_resultaten(site: Site, pilot: Pilot) -> Markup:
    if not pilot.verwachte_resultaten:
        return paragraph(UNKNOWN)
    groups = []
    for group in pilot.verwachte_resultaten:
        groups.append(
            Markup("<dt>{}</dt><dd>{}</dd>").format(site.prose.inline(group.groep), points(site, group.resultaten))
        )
    return Markup('<dl class="agenda-groups">\n{}\n</dl>').format(Markup("\n").join(groups))


def indicator_facts(site: Site, ind: Indicator) -> list[tuple[str, str | Markup]]:
    """What an indicator aims for. Its targets say unit and direction in one sentence each; the
    unit and direction are rows of their own only for an indicator without targets."""
    rows: list[tuple[str, str | Markup]] = []
    if ind.doel_tekst:
        rows.append(("Doel", site.prose.inline(ind.doel_tekst)))
    if ind.doelen:
        targets = [site.prose.inline(target_sentence(d, ind)) for d in sorted(ind.doelen, key=lambda d: d.jaar)]
        rows.append(("Streefwaarden", bullets(targets)))
    else:
        rows.append(("Eenheid", text_or_unknown(site, ind.eenheid)))
        rows.append(("Richting", DIRECTION.get(ind.richting, "onbekend")))
    rows.append(("Meten per", text_or_unknown(site, ind.periodetype)))
    return rows


def indicator(site: Site, here: str, pilot: Pilot, ind: Indicator) -> Markup:
    chart = svg.indicator_chart(ind, id_prefix=pilot.id)
    measured = bool(ind.metingen)
    cells = []
    for period in periods(ind):
        meting = period.meting
        row = [" ".join(period_label(period.periode)), target_text(period.doel, ind.eenheid)]
        if measured:
            row.append(plain(meting_text(meting, ind.eenheid)) if meting else "nog geen meting")
            notes = [site.prose.inline(meting.toelichting)] if meting and meting.toelichting else []
            row.append(accountability(*notes, source_note(site, here, meting.bronnen)) if meting else "")
        cells.append(row)
    headers = ("Periode", "Streefwaarde", "Meting", "Toelichting") if measured else ("Periode", "Streefwaarde")
    return blocks(
        heading(3, ind.naam, f"indicator-{ind.id}"),
        facts(indicator_facts(site, ind)),
        paragraph(NOT_MEASURED) if not measured else None,
        Markup('<figure class="agenda-chart">\n{}\n</figure>').format(chart) if chart else None,
        table(f"Streefwaarden en metingen: {ind.naam}", headers, cells) if cells else None,
        accountability(source_note(site, here, ind.bronnen)),
    )
