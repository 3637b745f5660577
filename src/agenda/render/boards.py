"""The agenda and pilots pages: status boards with a card per record in a column per status,
the opgaven grouped per thema, niveau and trekker, the counts per status and the open questions.

The board is plain HTML and complete without JavaScript. Narrowing by thema, niveau and
trekker works without JavaScript through grouped lists (``agenda_groups``) that the board
page links to; the filter form is hidden until the small script on the agenda page shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..history import BOARD_STATUSES, STATUSES
from ..model import ONBEKEND, Opgave, Pilot
from . import urls
from .context import Site
from .markup import blocks, bullets, heading, paragraph
from .parts import gremium_name, link, prose, record_item, record_link, slug, source_note, thema_name
from .text import esc

Card = Callable[[Site, Opgave | Pilot], list[tuple[str, str]]]  # the facts on a card


def board_statuses(records: Sequence[Opgave | Pilot]) -> tuple[str, ...]:
    """The columns: the four of the agenda, and 'gestopt' only when a record has it."""
    used = {r.status for r in records}
    return tuple(s for s in STATUSES if s in BOARD_STATUSES or s in used)


def column_anchor(kind: str, status: str) -> str:
    return f"{kind}-{slug(status)}"


def _evaluation_year(site: Site, record: Opgave | Pilot) -> str:
    year = site.latest_evaluation(record)
    return esc(year) if year is not None else "nog geen"


def _opgave_facts(site: Site, opgave: Opgave) -> list[tuple[str, str]]:
    return [
        ("Thema", thema_name(site, opgave.thema)),
        ("Trekker", gremium_name(site, opgave.trekker)),
        ("Laatste evaluatie", _evaluation_year(site, opgave)),
    ]


def _pilot_facts(site: Site, pilot: Pilot) -> list[tuple[str, str]]:
    opgave = site.opgaven.get(pilot.opgave)
    return [
        ("Opgave", site.prose.inline(opgave.titel) if opgave else esc(ONBEKEND)),
        ("Trekker", gremium_name(site, pilot.trekker)),
        ("Laatste evaluatie", _evaluation_year(site, pilot)),
    ]


def _card(site: Site, here: str, record: Opgave | Pilot, card: Card) -> str:
    data = {"status": slug(record.status), "trekker": record.trekker}
    if isinstance(record, Opgave):
        data |= {"thema": record.thema, "niveau": slug(record.niveau)}
    attrs = "".join(f' data-{key}="{esc(value)}"' for key, value in data.items())
    rows = "".join(f"<div><dt>{esc(label)}</dt><dd>{value}</dd></div>" for label, value in card(site, record))
    return (
        f'<li class="agenda-card"{attrs}>\n'
        f'<p class="agenda-card__title">{record_link(site, here, record)}</p>\n'
        f'<dl class="agenda-card__facts">{rows}</dl>\n</li>'
    )


def board(site: Site, here: str, kind: str, records: Sequence[Opgave | Pilot], card: Card, empty: str) -> str:
    columns = []
    for status in board_statuses(records):
        anchor = column_anchor(kind, status)
        in_column = sorted((r for r in records if r.status == status), key=lambda r: r.titel.lower())
        cards = "\n".join(_card(site, here, r, card) for r in in_column)
        content = (
            f'<ul class="agenda-cards">\n{cards}\n</ul>' if in_column else f'<p class="agenda-empty">{esc(empty)}</p>'
        )
        columns.append(
            f'<section class="agenda-column agenda-column--{slug(status)}" aria-labelledby="{anchor}">\n'
            f'<h2 class="agenda-column__title" id="{anchor}">{esc(status.capitalize())} '
            f'<span class="agenda-column__count">{len(in_column)}</span></h2>\n'
            f"{content}\n</section>"
        )
    return f'<div class="agenda-board" data-board="{kind}">\n' + "\n".join(columns) + "\n</div>"


def statusbord(site: Site, here: str) -> str:
    """The filter form (shown by the script) and the board of opgaven."""
    return blocks(
        _filter_form(site),
        board(site, here, "opgaven", site.model.opgaven, _opgave_facts, "Geen opgaven."),
    )


def pilotbord(site: Site, here: str) -> str:
    return board(site, here, "pilots", site.model.pilots, _pilot_facts, "Geen pilots.")


def _options(label: str, name: str, choices: list[tuple[str, str]]) -> str:
    """A select for one property; '' when there is nothing to choose."""
    if len(choices) < 2:
        return ""
    options = "".join(f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in choices)
    return (
        f'<label>{esc(label)} <select name="{name}"><option value="">Alle</option>{options}</select></label>'
    )


def _filter_form(site: Site) -> str:
    opgaven = site.model.opgaven
    themas = [(t.id, t.naam) for t in site.regio.themas if any(o.thema == t.id for o in opgaven)]
    if any(o.thema == ONBEKEND for o in opgaven):
        themas.append((ONBEKEND, ONBEKEND))
    niveaus = sorted({o.niveau for o in opgaven})
    trekkers = [(g.id, g.naam) for g in site.model.organisatie.gremia if g.id in site.leading]
    if any(o.trekker == ONBEKEND for o in opgaven):
        trekkers.append((ONBEKEND, ONBEKEND))
    return (
        '<form class="agenda-filter" data-board="opgaven" hidden>\n'
        + _options("Thema", "thema", themas)
        + _options("Niveau", "niveau", [(slug(n), n) for n in niveaus])
        + _options("Trekker", "trekker", trekkers)
        + '\n<p class="agenda-filter__count" aria-live="polite"></p>\n</form>'
    )


def agenda_groups(site: Site, here: str) -> str:
    """The opgaven grouped per thema, per niveau and per trekker: narrowing without a script."""
    opgaven = sorted(site.model.opgaven, key=lambda o: o.titel.lower())

    def group(title: str, anchor: str, members: list[Opgave], extra: str | None = None) -> str:
        return blocks(
            heading(3, f"{title} ({len(members)})", anchor),
            extra,
            bullets(record_item(site, here, o) for o in members),
        )

    themas = [(t.id, t.naam) for t in site.regio.themas] + [(ONBEKEND, "Thema onbekend")]
    per_thema = []
    for code, name in themas:
        members = [o for o in opgaven if o.thema == code]
        thema = site.themas.get(code)
        about = None
        if thema and (thema.omschrijving or thema.visie or thema.maatschappelijk_resultaat or thema.grootste_opgave):
            about = paragraph(link(site.href(here, urls.VISIE, f"thema-{code}"), "Over dit thema"))
        if members:
            per_thema.append(group(name, f"thema-{code}", members, about))

    niveaus = sorted({o.niveau for o in opgaven})
    per_niveau = [group(n.capitalize(), f"niveau-{slug(n)}", [o for o in opgaven if o.niveau == n]) for n in niveaus]

    trekkers = [(g.id, g.naam) for g in site.model.organisatie.gremia] + [(ONBEKEND, "Trekker onbekend")]
    per_trekker = [
        group(name, f"trekker-{code}", members)
        for code, name in trekkers
        if (members := [o for o in opgaven if o.trekker == code])
    ]
    return blocks(
        heading(2, "Per thema", "per-thema"),
        per_thema,
        heading(2, "Per niveau", "per-niveau"),
        per_niveau,
        heading(2, "Per trekker", "per-trekker"),
        per_trekker,
    )


def status_counts(site: Site, here: str) -> str:
    """How many opgaven and pilots stand in each status, linked to the board columns."""
    rows = []
    kinds = (("opgaven", urls.AGENDA, site.model.opgaven), ("pilots", urls.PILOTS, site.model.pilots))
    for kind, page, records in kinds:
        cells = []
        for status in board_statuses(records):
            count = sum(1 for r in records if r.status == status)
            target = site.href(here, page, column_anchor(kind, status))
            cells.append(
                f'<li class="agenda-count agenda-count--{slug(status)}"><a href="{esc(target)}">'
                f'<span class="agenda-count__number">{count}</span> '
                f'<span class="agenda-count__label">{esc(status)}</span></a></li>'
            )
        rows.append(
            f'<div class="agenda-counts"><p class="agenda-counts__title">{esc(kind.capitalize())}</p>'
            f'<ul>{"".join(cells)}</ul></div>'
        )
    return '<div class="agenda-counts-group">\n' + "\n".join(rows) + "\n</div>"


def open_vragen(site: Site, here: str) -> str:
    """The questions the bestuurders still have to decide on ('' when there are none)."""
    vragen = site.regio.open_vragen
    if not vragen:
        return ""
    items = []
    for vraag in vragen:
        text = f"<strong>{site.prose.inline(vraag.vraag)}</strong>"
        if vraag.toelichting:
            text += "\n" + prose(site, vraag.toelichting)
        items.append(text + "\n" + paragraph(source_note(site, here, vraag.bronnen)))
    return blocks(
        heading(2, "Open vragen voor de bestuurders", "open-vragen"),
        bullets(items, "agenda-questions"),
    )
