"""Fragments that several pages share: statuses, links to records and gremia, sources,
status histories, yearly evaluations, the review state and the error report link. Each returns
Markup: plain text passed in is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .. import urls
from ..dates import dutch_date, moment_text
from ..model import (
    ONBEKEND,
    Besluit,
    Brondocument,
    Bronverwijzing,
    Evaluatie,
    EvaluatieBesluit,
    Jaarevaluatie,
    Opgave,
    Pilot,
)
from ..review import review_state
from ..site import Site
from ..status_history import changes
from ..timeline import besluit_anchor, step_key
from .links import error_report_url
from .markup import EMPTY, NOT_SEARCHED, Markup, blocks, bullets, esc, heading, html_heading, paragraph

UNKNOWN = Markup('<span class="agenda-onbekend">{}</span>').format(ONBEKEND)


def slug(text: str) -> str:
    """A code for CSS classes and anchors made from a status or level: 'in uitvoering' -> 'in-uitvoering'."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def status_badge(status: str | None) -> Markup:
    if status is None:
        return UNKNOWN
    return Markup('<span class="agenda-status agenda-status--{}">{}</span>').format(slug(status), status)


def link(url: str, text: str | Markup) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, text)


def back_link(site: Site, here: str, target: str, text: str) -> Markup:
    """'← Alle opgaven' at the top of a generated page; not in the search index, so that the page's
    entry there is its title and what follows it."""
    return Markup('<p class="agenda-back"{}>{}</p>').format(NOT_SEARCHED, link(site.href(here, target), f"← {text}"))


def changed_fact(site: Site, record: Opgave | Pilot | Evaluatie) -> tuple[str, Markup]:
    """The date of the last commit of the record's data file, for its facts."""
    day = site.changed(record)
    return ("Laatst gewijzigd", esc(dutch_date(day)) if day else UNKNOWN)


def record_link(site: Site, here: str, record: Opgave | Pilot | Evaluatie) -> Markup:
    return link(site.href(here, site.record_page(record)), site.prose.inline(record.titel))


def record_item(site: Site, here: str, record: Opgave | Pilot) -> Markup:
    """A record's link with its current status, for lists."""
    return Markup("{} {}").format(record_link(site, here, record), status_badge(record.status))


def opgave_ref(site: Site, here: str, code: str) -> Markup:
    opgave = site.opgaven.get(code)
    return record_link(site, here, opgave) if opgave else UNKNOWN


def gremium_name(site: Site, code: str) -> Markup:
    """The gremium's name as HTML, without a link."""
    gremium = site.gremia.get(code)
    return site.prose.inline(gremium.naam) if gremium else UNKNOWN


def gremium_ref(site: Site, here: str, code: str) -> Markup:
    if code not in site.gremia:
        return UNKNOWN
    return link(site.href(here, urls.ORGANISATIE, f"gremium-{code}"), gremium_name(site, code))


def partner_ref(site: Site, here: str, code: str) -> Markup:
    partner = site.partners.get(code)
    if partner is None:
        return UNKNOWN
    return link(site.href(here, urls.ORGANISATIE, f"partner-{code}"), site.prose.inline(partner.naam))


def thema_name(site: Site, code: str) -> Markup:
    thema = site.themas.get(code)
    return site.prose.inline(thema.naam) if thema else UNKNOWN


def thema_ref(site: Site, here: str, code: str) -> Markup:
    """The thema's name, linked to the list of its opgaven."""
    if code not in site.themas:
        return UNKNOWN
    return link(site.href(here, *site.thema_board(code)), thema_name(site, code))


def principe_ref(site: Site, here: str, code: str) -> Markup:
    found = site.principes.get(code)
    if found is None:
        return UNKNOWN
    versie, principe = found
    anchor = f"principe-{code}" if versie is site.versie else f"versie-{versie.periode}"
    return link(site.href(here, urls.VISIE, anchor), site.prose.inline(principe.naam))


def joined(items: Sequence[str | Markup]) -> Markup:
    """Items separated by commas, or 'onbekend' when there are none."""
    return Markup(", ").join(items) if items else UNKNOWN


def plain(text: str) -> Markup:
    """A computed text (a date, a number) as HTML, with 'onbekend' marked as such."""
    return UNKNOWN if text == ONBEKEND else esc(text)


def text_or_unknown(site: Site, value: object) -> Markup:
    return UNKNOWN if value is None or value == ONBEKEND else site.prose.inline(value)


def prose(site: Site, markdown: str | None) -> Markup:
    """A Markdown field as a block, or 'onbekend'."""
    if not markdown:
        return paragraph(UNKNOWN)
    return Markup('<div class="agenda-prose">\n{}\n</div>').format(site.prose.markdown(markdown))


def points(site: Site, items: Iterable[str], css: str | None = None) -> Markup:
    return bullets((site.prose.inline(item) for item in items), css)


def source_address(doc: Brondocument) -> str | None:
    """The web address where the document is published; None when it is not known."""
    return doc.adres if doc.adres and doc.adres != ONBEKEND else None


def source(site: Site, here: str, ref: Bronverwijzing) -> Markup:
    """The source's title linked to its page, its date, and a link to the document itself when
    its web address is known; then the part of the document and the note."""
    doc = site.bronnen.get(ref.bron)
    if doc is None:
        text = esc(ref.bron)
    else:
        text = link(site.href(here, urls.bron_page(doc.id)), site.prose.inline(doc.titel))
        text += f" · {doc.datering}"
        if found := source_address(doc):
            text += Markup(" · ") + link(found, "open het document")
    if ref.onderdeel:
        text += Markup(" · {}").format(site.prose.inline(ref.onderdeel))
    if ref.noot:
        text += Markup('<br><span class="agenda-note">Noot: {}</span>').format(site.prose.inline(ref.noot))
    return text


def sources(site: Site, here: str, refs: Iterable[Bronverwijzing]) -> Markup:
    return bullets((source(site, here, ref) for ref in refs), "agenda-sources")


def source_note(site: Site, here: str, refs: Sequence[Bronverwijzing]) -> Markup:
    """A compact 'Bron: ...' line under an item."""
    if not refs:
        return EMPTY
    label = "Bron" if len(refs) == 1 else "Bronnen"
    notes = Markup("; ").join(source(site, here, r) for r in refs)
    return Markup('<span class="agenda-note">{}: {}</span>').format(label, notes)


def accountability(*parts: Markup) -> Markup:
    """The sources and the transcriber's notes behind an item, in a closed 'Verantwoording' section
    (opened by print.css when printed); '' when there is nothing to account for."""
    shown = [part for part in parts if part]
    if not shown:
        return EMPTY
    return Markup('<details class="agenda-verantwoording"><summary>Verantwoording</summary> {}</details>').format(
        Markup("<br>").join(shown)
    )


def besluit(site: Site, here: str, decision: Besluit) -> Markup:
    when = moment_text(decision.datum)
    text = Markup("Besluit van {}").format(gremium_ref(site, here, decision.gremium))
    text += " (datum onbekend)" if when == ONBEKEND else f" op {when}"
    if decision.verslag:
        text += Markup(" (verslag: {})").format(site.prose.inline(decision.verslag))
    return text


def besluit_href(site: Site, here: str, key: str, decision: Besluit | EvaluatieBesluit) -> str:
    """The address of a besluit on the Besluiten page (or its year's page), from its event's key."""
    return site.href(here, site.besluit_page(decision), besluit_anchor(key))


def history(site: Site, here: str, record: Opgave | Pilot) -> Markup:
    """The status history, oldest first, with what changed, why and who decided (linked to the
    besluit on the Besluiten page)."""
    items = []
    for index, change in enumerate(changes(record.statushistorie)):
        step = change.step
        parts = [Markup('<span class="agenda-when">{}</span>: ').format(plain(moment_text(step.datum)))]
        if change.previous and change.previous != step.status:
            parts.append(Markup("van {} naar {}").format(status_badge(change.previous), status_badge(step.status)))
        else:
            parts.append(status_badge(step.status))
        if step.besluit:
            target = besluit_href(site, here, step_key(record, index), step.besluit)
            parts.append(Markup("<br>{} ({})").format(besluit(site, here, step.besluit), link(target, "naar het besluit")))
        toelichting = site.prose.inline(step.toelichting) if step.toelichting else EMPTY
        parts.append(accountability(toelichting, source_note(site, here, step.bronnen)))
        items.append(EMPTY.join(parts))
    listed = Markup("\n").join(Markup("<li>{}</li>").format(i) for i in items)
    return Markup('<ol class="agenda-history">\n{}\n</ol>').format(listed)


def good_and_needed(
    site: Site, goed: Sequence[str], nodig: Sequence[str], level: int, *, html: bool = False
) -> Markup:
    """'Wat gaat goed?' and 'Wat is nodig?' under headings of ``level`` (in HTML when ``html``)."""
    make = html_heading if html else heading
    return blocks(
        make(level, "Wat gaat goed?") if goed else None,
        points(site, goed),
        make(level, "Wat is nodig?") if nodig else None,
        points(site, nodig),
    )


def record_evaluations(site: Site, here: str, evaluaties: Sequence[Jaarevaluatie]) -> Markup:
    """What each yearly evaluation said about a record, newest first."""
    if not evaluaties:
        return paragraph("Nog geen evaluatie.")
    parts = []
    for evaluatie in sorted(evaluaties, key=lambda e: e.jaar, reverse=True):
        parts.append(heading(3, f"Evaluatie {evaluatie.jaar}", f"evaluatie-{evaluatie.jaar}"))
        if evaluatie.jaar in site.evaluaties:
            target = site.href(here, urls.evaluatie_page(evaluatie.jaar))
            parts.append(paragraph(link(target, f"Naar de hele evaluatie van {evaluatie.jaar}")))
        if evaluatie.voortgang:
            parts.append(prose(site, evaluatie.voortgang))
        parts.append(good_and_needed(site, evaluatie.wat_gaat_goed, evaluatie.wat_is_nodig, 4))
        parts.append(paragraph(source_note(site, here, evaluatie.bronnen)))
    return blocks(parts)


def review_mark(site: Site, record: Opgave | Pilot, css: str) -> Markup:
    """The review state in words (never colour alone): 'Herziening verlopen sinds 3 maart 2026' or
    'Herziening binnenkort: uiterlijk 3 maart 2026'; '' when the review is not due within 30 days."""
    found = review_state(record, site.today)
    if found is None:
        return EMPTY
    due = dutch_date(date.fromisoformat(record.herziening))
    text = f"Herziening verlopen sinds {due}" if found == "verlopen" else f"Herziening binnenkort: uiterlijk {due}"
    return paragraph(text, f"{css} agenda-review agenda-review--{found}")


def error_report(site: Site, here: str, title: str) -> Markup:
    """'Meld een fout op deze pagina': the error form of the region's repository with the page
    filled in; without a repository, where to read how to propose a change."""
    if site.regio.repository:
        page = urls.page_url(here, site.directory_urls) or "./"
        target = error_report_url(site.regio.repository, page, " ".join(title.split()))
        return paragraph(
            link(target, "Meld een fout op deze pagina") + Markup(' <span class="agenda-note">(op GitHub)</span>'),
            "agenda-report",
        )
    how = link(site.href(here, urls.BIJDRAGEN), "Bijdragen")
    return paragraph(
        Markup("Klopt er iets niet op deze pagina? Op {} leest u hoe u een wijziging voorstelt.").format(how),
        "agenda-report",
    )


def open_questions(site: Site, here: str) -> Markup:
    """The questions the bestuurders still have to decide on, each with its explanation and source."""
    items = []
    for vraag in site.regio.open_vragen:
        text = Markup("<strong>{}</strong>").format(site.prose.inline(vraag.vraag))
        if vraag.toelichting:
            text += Markup("\n") + prose(site, vraag.toelichting)
        items.append(text + Markup("\n") + paragraph(source_note(site, here, vraag.bronnen)))
    return bullets(items, "agenda-questions")


def kind_text(soort: str) -> str:
    """What kind of gremium or partner it is, as a label: 'werkgroep'; 'soort onbekend'."""
    return "soort onbekend" if soort == ONBEKEND else soort
