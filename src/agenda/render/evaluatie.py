"""The page of one yearly evaluation, and the list of evaluations.

Status changes since the previous evaluation are computed from the status histories of the
opgaven and pilots, never typed by hand.
"""

from __future__ import annotations

from .. import urls
from ..dates import moment_text
from ..indicators import assessment, measurements_in, meting_text, period_label, target_for, target_text
from ..model import Evaluatie, Opgave, Pilot
from ..site import Site
from ..status_history import changes_between, status_in
from ..timeline import evaluation_besluit_key
from .markup import EMPTY, Markup, blocks, bullets, document, facts, heading, paragraph, table
from .parts import (
    back_link,
    besluit,
    besluit_href,
    changed_fact,
    error_report,
    good_and_needed,
    gremium_ref,
    link,
    plain,
    points,
    prose,
    record_link,
    source_note,
    sources,
    status_badge,
)


def _evaluated(record: Opgave | Pilot, jaar: int):
    return next((e for e in record.evaluaties if e.jaar == jaar), None)


def evaluatie_page(site: Site, evaluatie: Evaluatie) -> str:
    jaar = evaluatie.jaar
    here = urls.evaluatie_page(jaar)
    previous = site.previous_evaluation(jaar)
    rows = [
        ("Jaar", str(jaar)),
        ("Datum", plain(moment_text(evaluatie.datum))),
        (
            "Vorige evaluatie",
            link(site.href(here, urls.evaluatie_page(previous)), site.evaluaties[previous].titel)
            if previous is not None
            else "geen",
        ),
        changed_fact(site, evaluatie),
    ]
    body = blocks(
        back_link(site, here, urls.EVALUATIES, "Alle evaluaties"),
        heading(1, evaluatie.titel),
        facts(rows),
        prose(site, evaluatie.samenvatting) if evaluatie.samenvatting else None,
        good_and_needed(site, evaluatie.wat_gaat_goed, evaluatie.wat_is_nodig, 2),
        niveau_sections(site, evaluatie),
        [heading(2, "Vervolgdoelen", "vervolgdoelen"), points(site, evaluatie.vervolgdoelen)]
        if evaluatie.vervolgdoelen
        else None,
        heading(2, "Besluiten", "besluiten"),
        besluit_list(site, here, evaluatie),
        status_change_section(site, here, jaar, previous),
        record_section(site, here, jaar, ("Opgaven", "Opgave", "opgave"), site.model.opgaven),
        record_section(site, here, jaar, ("Pilots", "Pilot", "pilot"), site.model.pilots),
        indicator_section(site, here, jaar),
        heading(2, "Bronnen", "bronnen", searched=False),  # the same few documents on every page
        sources(site, here, evaluatie.bronnen),
        error_report(site, here, evaluatie.titel),
    )
    return document(evaluatie.titel, body)


def niveau_sections(site: Site, evaluatie: Evaluatie) -> list[Markup]:
    if not evaluatie.niveaus:
        return []
    parts = [heading(2, "Per niveau", "niveaus")]
    for index, niveau in enumerate(evaluatie.niveaus, start=1):
        parts.append(heading(3, niveau.titel, f"niveau-{index}"))
        if niveau.doel:
            parts.append(paragraph(Markup("<strong>Doel:</strong> {}").format(site.prose.inline(niveau.doel))))
        parts.append(good_and_needed(site, niveau.wat_gaat_goed, niveau.wat_is_nodig, 4))
    return parts


def besluit_list(site: Site, here: str, evaluatie: Evaluatie) -> Markup:
    items = []
    for index, decision in enumerate(evaluatie.besluiten):
        target = besluit_href(site, here, evaluation_besluit_key(evaluatie, index), decision)
        text = Markup('{}<br><span class="agenda-note">{}, {}').format(
            site.prose.inline(decision.omschrijving),
            gremium_ref(site, here, decision.gremium),
            plain(moment_text(decision.datum)),
        )
        if decision.verslag:
            text += Markup(", verslag: {}").format(site.prose.inline(decision.verslag))
        items.append(text + Markup(" ({})</span>").format(link(target, "naar het besluit")))
    return bullets(items) or paragraph("Er zijn geen besluiten vastgelegd.")


def status_change_section(site: Site, here: str, jaar: int, previous: int | None) -> Markup:
    if previous is None:
        after, title, window = jaar - 1, f"Statuswijzigingen in {jaar}", f"stappen gedateerd in {jaar}"
    else:
        after = previous
        title = f"Statuswijzigingen sinds de evaluatie van {previous}"
        window = f"stappen gedateerd na {previous} tot en met {jaar}"
    rows = []
    for record in (*site.model.opgaven, *site.model.pilots):
        for change in changes_between(record.statushistorie, after, jaar):
            step = change.step
            rows.append(
                (
                    record_link(site, here, record),
                    status_badge(change.previous) if change.previous else "nieuw",
                    status_badge(step.status),
                    plain(moment_text(step.datum)),
                    besluit(site, here, step.besluit) if step.besluit else "geen besluit vastgelegd",
                )
            )
    return blocks(
        heading(2, title, "statuswijzigingen"),
        paragraph(f"Berekend uit de statushistorie van elke opgave en pilot ({window})."),
        table(title, ("Opgave of pilot", "Van", "Naar", "Datum", "Besluit"), rows)
        if rows
        else paragraph("Er zijn in deze periode geen statuswijzigingen vastgelegd."),
    )


def record_section(site: Site, here: str, jaar: int, names: tuple[str, str, str], records) -> Markup:
    """Every record known in the year: its status then, and what the evaluation said."""
    title, singular, kind = names
    shown = [r for r in records if status_in(r.statushistorie, jaar) or _evaluated(r, jaar)]
    if not shown:
        return EMPTY
    shown.sort(key=lambda r: r.titel.lower())
    rows, sections = [], []
    for record in shown:
        said = _evaluated(record, jaar)
        anchor = f"{kind}-{record.id}"
        rows.append(
            (
                record_link(site, here, record),
                status_badge(status_in(record.statushistorie, jaar)),
                link(f"#{anchor}", "lees verder") if said else "niet besproken",
            )
        )
        if said:
            sections.append(
                blocks(
                    heading(3, record.titel, anchor),
                    paragraph(
                        Markup("Status eind {}: {} · {}").format(
                            jaar, status_badge(status_in(record.statushistorie, jaar)), record_link(site, here, record)
                        )
                    ),
                    prose(site, said.voortgang) if said.voortgang else None,
                    good_and_needed(site, said.wat_gaat_goed, said.wat_is_nodig, 4),
                    paragraph(source_note(site, here, said.bronnen)),
                )
            )
    return blocks(
        heading(2, title, title.lower()),
        table(f"{title} in {jaar}", (singular, f"Status eind {jaar}", "Evaluatie"), rows),
        sections,
    )


def indicator_section(site: Site, here: str, jaar: int) -> Markup:
    rows = []
    for pilot in site.model.pilots:
        for ind in pilot.indicatoren:
            doel = target_for(ind.doelen, jaar)
            metingen = measurements_in(ind, jaar)
            if doel is None and not metingen:
                continue
            name = link(site.href(here, urls.pilot_page(pilot.id), f"indicator-{ind.id}"), site.prose.inline(ind.naam))
            values = Markup("<br>").join(
                f"{' '.join(period_label(m.periode))}: {meting_text(m, ind.eenheid)} ({assessment(ind, m, doel)})"
                for m in metingen
            )
            rows.append(
                (
                    record_link(site, here, pilot),
                    name,
                    target_text(doel, ind.eenheid),
                    values or "nog geen meting",
                )
            )
    if not rows:
        return EMPTY
    return blocks(
        heading(2, f"Indicatoren in {jaar}", "indicatoren"),
        table(f"Indicatoren in {jaar}", ("Pilot", "Indicator", f"Streefwaarde {jaar}", "Meting"), rows),
    )


def evaluaties_index(site: Site, here: str) -> Markup:
    """The list of yearly evaluations, newest first."""
    if not site.model.evaluaties:
        return paragraph("Er zijn nog geen evaluaties.")
    items = []
    for evaluatie in sorted(site.model.evaluaties, key=lambda e: e.jaar, reverse=True):
        discussed = sum(1 for r in (*site.model.opgaven, *site.model.pilots) if _evaluated(r, evaluatie.jaar))
        text = link(site.href(here, urls.evaluatie_page(evaluatie.jaar)), site.prose.inline(evaluatie.titel))
        text += Markup('<br><span class="agenda-note">{}').format(moment_text(evaluatie.datum))
        text += Markup(", {} opgaven en pilots besproken</span>").format(discussed) if discussed else Markup("</span>")
        items.append(text)
    return bullets(items, "agenda-list")

