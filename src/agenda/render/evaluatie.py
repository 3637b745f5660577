"""The page of one yearly evaluation, and the list of evaluations.

Status changes since the previous evaluation are computed from the status histories of the
opgaven and pilots, never typed by hand. When the year has more opgaven and pilots than a page
can name (``listing``), the page gives the counts, linked to lists of their own, and what the
evaluation said about each record is on that record's page.
"""

from __future__ import annotations

from .. import urls
from ..dates import moment_text
from ..indicators import assessment, measurements_in, meting_text, period_label, target_for, target_text
from ..model import Evaluatie, Opgave, Pilot
from ..site import Site
from ..status_history import STATUSES, changes_between, status_in
from ..timeline import evaluation_besluit_key
from .listing import Listing, counted, fits, own_pages, summary
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
        _records(site, here, jaar, previous),
        heading(2, "Bronnen", "bronnen", searched=False),  # the same few documents on every page
        sources(site, here, evaluatie.bronnen),
        error_report(site, here, evaluatie.titel),
    )
    return document(evaluatie.titel, body)


def _records(site: Site, here: str, jaar: int, previous: int | None) -> Markup:
    """The status changes, the opgaven, the pilots and the indicators of the year: in full, or
    (when the page cannot name them all) their counts, linked to lists of their own."""
    changed, opgaven, pilots, measured = listings = _listings(site, jaar, previous)
    if fits(listings):
        return blocks(
            status_change_section(site, here, jaar, previous),
            record_section(site, here, jaar, ("Opgaven", "Opgave", "opgave"), site.model.opgaven),
            record_section(site, here, jaar, ("Pilots", "Pilot", "pilot"), site.model.pilots),
            indicator_section(site, here, jaar),
        )
    _, title, window = _window(jaar, previous)

    def at_end(listing: Listing) -> Markup:
        known = [status_in(r.statushistorie, jaar) for r in listing.records]
        counts = ", ".join(f"{known.count(s)} {s}" for s in STATUSES if known.count(s))
        discussed = sum(1 for r in listing.records if _evaluated(r, jaar))
        return paragraph(
            Markup("{}: {}. Status eind {}: {}. De evaluatie bespreekt er {}; wat ze over elk zegt, staat op "
                   "de eigen pagina.").format(f"In {jaar}", summary(site, here, listing), jaar, counts or "geen",
                                                discussed)
        )  # fmt: skip

    return blocks(
        heading(2, title, "statuswijzigingen"),
        paragraph(
            Markup("Berekend uit de statushistorie van elke opgave en pilot ({}): {} veranderden van status.").format(
                window, summary(site, here, changed)
            )
            if changed.records
            else "Er zijn in deze periode geen statuswijzigingen vastgelegd."
        ),
        [heading(2, "Opgaven", "opgaven"), at_end(opgaven)] if opgaven.records else None,
        [heading(2, "Pilots", "pilots"), at_end(pilots)] if pilots.records else None,
        [heading(2, f"Indicatoren in {jaar}", "indicatoren"),
         paragraph(Markup("Streefwaarden of metingen in {} hebben {}; ze staan op de pagina van elke pilot.").format(
             jaar, summary(site, here, measured)))]
        if measured.records
        else None,
    )  # fmt: skip


def _known(records, jaar: int) -> list:
    """The records known in the year: with a status then, or discussed in its evaluation."""
    return [r for r in records if status_in(r.statushistorie, jaar) or _evaluated(r, jaar)]


def _measuring(pilot: Pilot, jaar: int) -> bool:
    return any(target_for(i.doelen, jaar) is not None or measurements_in(i, jaar) for i in pilot.indicatoren)


def _listings(site: Site, jaar: int, previous: int | None) -> tuple[Listing, Listing, Listing, Listing]:
    """The records the page names: those whose status changed, the opgaven and the pilots of the
    year, and the pilots with a target or a measurement in it."""
    after, _, _ = _window(jaar, previous)
    back = (urls.evaluatie_page(jaar), f"Evaluatie {jaar}")
    folder = f"evaluaties/{jaar}"
    records = (*site.model.opgaven, *site.model.pilots)
    now = "Achter elke titel staat de status van nu."
    said = f"{now} Wat de evaluatie van {jaar} over elk zegt, staat op de eigen pagina."
    return (
        Listing(f"{folder}/statuswijzigingen.md", f"Statuswijzigingen in de evaluatie van {jaar}",
                [r for r in records if changes_between(r.statushistorie, after, jaar)], back,
                f"{now} Elke stap staat in de statushistorie op de pagina zelf."),
        Listing(f"{folder}/opgaven.md", f"Opgaven in de evaluatie van {jaar}", _known(site.model.opgaven, jaar),
                back, said),
        Listing(f"{folder}/pilots.md", f"Pilots in de evaluatie van {jaar}", _known(site.model.pilots, jaar),
                back, said),
        Listing(f"{folder}/indicatoren.md", f"Pilots met streefwaarden of metingen in {jaar}",
                [p for p in site.model.pilots if _measuring(p, jaar)], back,
                "De streefwaarden en metingen staan bij de indicatoren op de pagina van elke pilot."),
    )  # fmt: skip


def listing_pages(site: Site) -> dict[str, str]:
    """The lists of their own of each evaluation year, when its page cannot name every record."""
    found: dict[str, str] = {}
    for evaluatie in site.model.evaluaties:
        found |= own_pages(site, _listings(site, evaluatie.jaar, site.previous_evaluation(evaluatie.jaar)))
    return found


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


def _window(jaar: int, previous: int | None) -> tuple[int, str, str]:
    """The year after which status steps count, the section's title and the period in words."""
    if previous is None:
        return jaar - 1, f"Statuswijzigingen in {jaar}", f"stappen gedateerd in {jaar}"
    return previous, f"Statuswijzigingen sinds de evaluatie van {previous}", f"stappen gedateerd na {previous} tot en met {jaar}"


def status_change_section(site: Site, here: str, jaar: int, previous: int | None) -> Markup:
    after, title, window = _window(jaar, previous)
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

