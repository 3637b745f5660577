"""Fragments that several pages share: statuses, links to records and gremia, sources,
status histories, yearly evaluations, the review state and the error report link. Each returns
HTML with every value escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .. import urls
from ..dates import dutch_date, moment_text
from ..model import ONBEKEND, Besluit, Bronverwijzing, Evaluatie, Jaarevaluatie, Opgave, Pilot, Statusovergang
from ..review import review_state
from ..site import Site
from ..status_history import changes
from .links import error_report_url
from .markup import blocks, bullets, heading, html_heading, paragraph
from .text import esc

UNKNOWN = f'<span class="agenda-onbekend">{ONBEKEND}</span>'


def slug(text: str) -> str:
    """A code for CSS classes and anchors made from a status or level: 'in uitvoering' -> 'in-uitvoering'."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def status_badge(status: str | None) -> str:
    if status is None:
        return UNKNOWN
    return f'<span class="agenda-status agenda-status--{slug(status)}">{esc(status)}</span>'


def link(url: str, text_html: str) -> str:
    return f'<a href="{esc(url)}">{text_html}</a>'


def back_link(site: Site, here: str, target: str, text: str) -> str:
    """'← Alle opgaven' at the top of a generated page."""
    return paragraph(link(site.href(here, target), f"← {esc(text)}"), "agenda-back")


def changed_fact(site: Site, record: Opgave | Pilot | Evaluatie) -> tuple[str, str]:
    """The date of the last commit of the record's data file, for its facts."""
    day = site.changed(record)
    return ("Laatst gewijzigd", esc(dutch_date(day)) if day else UNKNOWN)


def record_link(site: Site, here: str, record: Opgave | Pilot | Evaluatie) -> str:
    return link(site.href(here, site.record_page(record)), site.prose.inline(record.titel))


def record_item(site: Site, here: str, record: Opgave | Pilot) -> str:
    """A record's link with its current status, for lists."""
    return f"{record_link(site, here, record)} {status_badge(record.status)}"


def opgave_ref(site: Site, here: str, code: str) -> str:
    opgave = site.opgaven.get(code)
    return record_link(site, here, opgave) if opgave else UNKNOWN


def gremium_name(site: Site, code: str) -> str:
    """The gremium's name as HTML, without a link."""
    gremium = site.gremia.get(code)
    return site.prose.inline(gremium.naam) if gremium else UNKNOWN


def gremium_ref(site: Site, here: str, code: str) -> str:
    if code not in site.gremia:
        return UNKNOWN
    return link(site.href(here, urls.ORGANISATIE, f"gremium-{code}"), gremium_name(site, code))


def partner_ref(site: Site, here: str, code: str) -> str:
    partner = site.partners.get(code)
    if partner is None:
        return UNKNOWN
    return link(site.href(here, urls.ORGANISATIE, f"partner-{code}"), site.prose.inline(partner.naam))


def thema_name(site: Site, code: str) -> str:
    thema = site.themas.get(code)
    return site.prose.inline(thema.naam) if thema else UNKNOWN


def thema_ref(site: Site, here: str, code: str) -> str:
    """The thema's name, linked to the list of its opgaven."""
    if code not in site.themas:
        return UNKNOWN
    return link(site.href(here, *site.thema_board(code)), thema_name(site, code))


def principe_ref(site: Site, here: str, code: str) -> str:
    found = site.principes.get(code)
    if found is None:
        return UNKNOWN
    versie, principe = found
    anchor = f"principe-{code}" if versie is site.versie else f"versie-{versie.periode}"
    return link(site.href(here, urls.VISIE, anchor), site.prose.inline(principe.kort or principe.tekst))


def joined(items: Sequence[str]) -> str:
    """Items separated by commas, or 'onbekend' when there are none."""
    return ", ".join(items) if items else UNKNOWN


def plain(text: str) -> str:
    """A computed text (a date, a number) as HTML, with 'onbekend' marked as such."""
    return UNKNOWN if text == ONBEKEND else esc(text)


def text_or_unknown(site: Site, value: object) -> str:
    return UNKNOWN if value is None or value == ONBEKEND else site.prose.inline(value)


def prose(site: Site, markdown: str | None) -> str:
    """A Markdown field as a block, or 'onbekend'."""
    if not markdown:
        return paragraph(UNKNOWN)
    return f'<div class="agenda-prose">\n{site.prose.markdown(markdown)}\n</div>'


def points(site: Site, items: Iterable[str], css: str | None = None) -> str:
    return bullets((site.prose.inline(item) for item in items), css)


def source(site: Site, here: str, ref: Bronverwijzing) -> str:
    doc = site.bronnen.get(ref.bron)
    title = site.prose.inline(doc.titel) if doc else esc(ref.bron)
    text = link(site.href(here, urls.BRONNEN, f"bron-{ref.bron}"), title)
    if doc:
        text += f" · {esc(doc.datering)}"
    if ref.onderdeel:
        text += f" · {site.prose.inline(ref.onderdeel)}"
    if ref.noot:
        text += f'<br><span class="agenda-note">Noot: {site.prose.inline(ref.noot)}</span>'
    return text


def sources(site: Site, here: str, refs: Iterable[Bronverwijzing]) -> str:
    return bullets((source(site, here, ref) for ref in refs), "agenda-sources")


def source_note(site: Site, here: str, refs: Sequence[Bronverwijzing]) -> str:
    """A compact 'Bron: ...' line under an item."""
    if not refs:
        return ""
    label = "Bron" if len(refs) == 1 else "Bronnen"
    return f'<span class="agenda-note">{label}: {"; ".join(source(site, here, r) for r in refs)}</span>'


def besluit(site: Site, here: str, decision: Besluit) -> str:
    when = moment_text(decision.datum)
    text = f"Besluit van {gremium_ref(site, here, decision.gremium)}"
    text += " (datum onbekend)" if when == ONBEKEND else f" op {esc(when)}"
    if decision.verslag:
        text += f" (verslag: {site.prose.inline(decision.verslag)})"
    return text


def history(site: Site, here: str, steps: Sequence[Statusovergang]) -> str:
    """The status history, oldest first, with what changed, why and who decided."""
    items = []
    for change in changes(steps):
        step = change.step
        parts = [f'<span class="agenda-when">{plain(moment_text(step.datum))}</span>: ']
        if change.previous and change.previous != step.status:
            parts.append(f"van {status_badge(change.previous)} naar {status_badge(step.status)}")
        else:
            parts.append(status_badge(step.status))
        if step.toelichting:
            parts.append(f"<br>{site.prose.inline(step.toelichting)}")
        if step.besluit:
            parts.append(f"<br>{besluit(site, here, step.besluit)}")
        parts.append(f"<br>{source_note(site, here, step.bronnen)}")
        items.append("".join(parts))
    return '<ol class="agenda-history">\n' + "\n".join(f"<li>{i}</li>" for i in items) + "\n</ol>"


def good_and_needed(
    site: Site, goed: Sequence[str], nodig: Sequence[str], level: int, *, html: bool = False
) -> str:
    """'Wat gaat goed?' and 'Wat is nodig?' under headings of ``level`` (in HTML when ``html``)."""
    make = html_heading if html else heading
    return blocks(
        make(level, "Wat gaat goed?") if goed else None,
        points(site, goed),
        make(level, "Wat is nodig?") if nodig else None,
        points(site, nodig),
    )


def record_evaluations(site: Site, here: str, evaluaties: Sequence[Jaarevaluatie]) -> str:
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


def review_mark(site: Site, record: Opgave | Pilot, css: str) -> str:
    """The review state in words (never colour alone): 'Herziening verlopen sinds 3 maart 2026' or
    'Herziening binnenkort: uiterlijk 3 maart 2026'; '' when the review is not due within 30 days."""
    found = review_state(record, site.today)
    if found is None:
        return ""
    due = dutch_date(date.fromisoformat(record.herziening))
    text = f"Herziening verlopen sinds {due}" if found == "verlopen" else f"Herziening binnenkort: uiterlijk {due}"
    return paragraph(esc(text), f"{css} agenda-review agenda-review--{found}")


def error_report(site: Site, here: str, title: str) -> str:
    """'Meld een fout op deze pagina': the error form of the region's repository with the page
    filled in; without a repository, where to read how to propose a change."""
    if site.regio.repository:
        page = urls.page_url(here, site.directory_urls) or "./"
        target = error_report_url(site.regio.repository, page, " ".join(title.split()))
        return paragraph(
            link(target, "Meld een fout op deze pagina") + ' <span class="agenda-note">(op GitHub)</span>',
            "agenda-report",
        )
    how = link(site.href(here, urls.BIJDRAGEN), "Bijdragen")
    return paragraph(f"Klopt er iets niet op deze pagina? Op {how} leest u hoe u een wijziging voorstelt.", "agenda-report")
