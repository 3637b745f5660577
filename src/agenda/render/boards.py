"""The agenda and pilots pages: status boards with a card per record in a column per status,
the opgaven grouped per thema, niveau and trekker, the counts per status and the open questions.

The board is plain HTML and complete without JavaScript. Narrowing by thema, niveau and
trekker works without JavaScript through grouped lists (``agenda_groups``) that the board
page links to; the filter form is hidden until the small script on the agenda page shows it.

With more opgaven than ``context.ONE_BOARD_MAX`` the agenda page shows, per thema, how many
opgaven stand in each status, and links to a generated board page per thema (``thema_page``),
which has the same filter form, board and groups for that thema's opgaven. No page then lists
every opgave: the agenda page grows with the number of themas, niveaus and trekkers only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import urls
from ..model import ONBEKEND, Opgave, Pilot
from ..site import Site
from ..status_history import BOARD_STATUSES, STATUSES
from .markup import EMPTY, Markup, blocks, bullets, document, esc, heading, paragraph, table
from .parts import (
    back_link,
    gremium_name,
    link,
    prose,
    record_item,
    record_link,
    review_mark,
    slug,
    source_note,
    thema_name,
)
from .visie import described

Card = Callable[[Site, Opgave | Pilot], list[tuple[str, Markup]]]  # the facts on a card


def board_statuses(records: Sequence[Opgave | Pilot]) -> tuple[str, ...]:
    """The columns: the four of the agenda, and 'gestopt' only when a record has it."""
    used = {r.status for r in records}
    return tuple(s for s in STATUSES if s in BOARD_STATUSES or s in used)


def column_anchor(kind: str, status: str) -> str:
    return f"{kind}-{slug(status)}"


def _evaluation_year(site: Site, record: Opgave | Pilot) -> Markup:
    year = site.latest_evaluation(record)
    return esc(year if year is not None else "nog geen")


def _opgave_facts(site: Site, opgave: Opgave) -> list[tuple[str, Markup]]:
    return [("Thema", thema_name(site, opgave.thema)), *_opgave_facts_in_thema(site, opgave)]


def _opgave_facts_in_thema(site: Site, opgave: Opgave) -> list[tuple[str, Markup]]:
    """The facts on a card on the board of one thema, which needs no thema on each card."""
    return [
        ("Trekker", gremium_name(site, opgave.trekker)),
        ("Laatste evaluatie", _evaluation_year(site, opgave)),
    ]


def _pilot_facts(site: Site, pilot: Pilot) -> list[tuple[str, Markup]]:
    opgave = site.opgaven.get(pilot.opgave)
    return [
        ("Opgave", site.prose.inline(opgave.titel) if opgave else esc(ONBEKEND)),
        ("Trekker", gremium_name(site, pilot.trekker)),
        ("Laatste evaluatie", _evaluation_year(site, pilot)),
    ]


def _card(site: Site, here: str, record: Opgave | Pilot, card: Card) -> Markup:
    data = {"status": slug(record.status), "trekker": record.trekker}
    if isinstance(record, Opgave):
        data |= {"thema": record.thema, "niveau": slug(record.niveau)}
    attrs = EMPTY.join(Markup(' data-{}="{}"').format(key, value) for key, value in data.items())
    rows = EMPTY.join(
        Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(label, value) for label, value in card(site, record)
    )
    review = review_mark(site, record, "agenda-card__review")
    return Markup(
        '<li class="agenda-card"{}>\n'
        '<p class="agenda-card__title">{}</p>\n'
        '<dl class="agenda-card__facts">{}</dl>\n'
        "{}</li>"
    ).format(attrs, record_link(site, here, record), rows, Markup("{}\n").format(review) if review else EMPTY)


def board(site: Site, here: str, kind: str, records: Sequence[Opgave | Pilot], card: Card, empty: str) -> Markup:
    columns = []
    for status in board_statuses(records):
        anchor = column_anchor(kind, status)
        in_column = sorted((r for r in records if r.status == status), key=lambda r: r.titel.lower())
        cards = Markup("\n").join(_card(site, here, r, card) for r in in_column)
        content = (
            Markup('<ul class="agenda-cards">\n{}\n</ul>').format(cards)
            if in_column
            else Markup('<p class="agenda-empty">{}</p>').format(empty)
        )
        columns.append(
            Markup(
                '<section class="agenda-column agenda-column--{0}" aria-labelledby="{1}">\n'
                '<h2 class="agenda-column__title" id="{1}">{2} '
                '<span class="agenda-column__count">{3}</span></h2>\n'
                "{4}\n</section>"
            ).format(slug(status), anchor, status.capitalize(), len(in_column), content)
        )
    return Markup('<div class="agenda-board" data-board="{}">\n{}\n</div>').format(kind, Markup("\n").join(columns))


def _opgaven_board(site: Site, here: str, opgaven: Sequence[Opgave], card: Card = _opgave_facts) -> Markup:
    """The filter form (shown by the script) and the board of these opgaven."""
    return blocks(_filter_form(site, opgaven), board(site, here, "opgaven", opgaven, card, "Geen opgaven."))


def statusbord(site: Site, here: str) -> Markup:
    """The board of every opgave, or, when there are too many, the counts per thema and status."""
    if site.per_thema:
        return _thema_overview(site, here)
    return _opgaven_board(site, here, site.model.opgaven)


def pilotbord(site: Site, here: str) -> Markup:
    return board(site, here, "pilots", site.model.pilots, _pilot_facts, "Geen pilots.")


def _options(label: str, name: str, choices: list[tuple[str, str]]) -> Markup:
    """A select for one property; '' when there is nothing to choose."""
    if len(choices) < 2:
        return EMPTY
    options = EMPTY.join(Markup('<option value="{}">{}</option>').format(value, text) for value, text in choices)
    return Markup('<label>{} <select name="{}"><option value="">Alle</option>{}</select></label>').format(
        label, name, options
    )


def _filter_form(site: Site, opgaven: Sequence[Opgave]) -> Markup:
    themas = [(code, name) for code, name in _themas(site) if any(o.thema == code for o in opgaven)]
    niveaus = sorted({o.niveau for o in opgaven})
    trekkers = [(code, name) for code, name in _trekkers(site) if any(o.trekker == code for o in opgaven)]
    return Markup(
        '<form class="agenda-filter" data-board="opgaven" hidden>\n'
        '{}{}{}\n<p class="agenda-filter__count" aria-live="polite"></p>\n</form>'
    ).format(
        _options("Thema", "thema", themas),
        _options("Niveau", "niveau", [(slug(n), n) for n in niveaus]),
        _options("Trekker", "trekker", trekkers),
    )


# -- grouping ------------------------------------------------------------------------------------


def _themas(site: Site) -> list[tuple[str, str]]:
    """Every thema (code, name), and the opgaven without a known thema last."""
    return [(t.id, t.naam) for t in site.regio.themas] + [(ONBEKEND, "Thema onbekend")]


def _trekkers(site: Site) -> list[tuple[str, str]]:
    return [(g.id, g.naam) for g in site.model.organisatie.gremia] + [(ONBEKEND, "Trekker onbekend")]


def _niveaus(opgaven: Sequence[Opgave]) -> list[tuple[str, str]]:
    return [(slug(n), n.capitalize()) for n in sorted({o.niveau for o in opgaven})]


def _per_thema(site: Site) -> list[tuple[str, str, list[Opgave]]]:
    """Each thema that has opgaven (code, name, its opgaven by title), unknown last."""
    found = []
    for code, name in _themas(site):
        members = sorted((o for o in site.model.opgaven if o.thema == code), key=lambda o: o.titel.lower())
        if members:
            found.append((code, name, members))
    return found


def _about_thema(site: Site, here: str, code: str) -> Markup | None:
    """A link to the thema's section on the visie page, when it has one."""
    thema = site.themas.get(code)
    if thema and described(thema):
        return paragraph(link(site.href(here, urls.VISIE, f"thema-{code}"), "Over dit thema"))
    return None


def _groups(site: Site, here: str, opgaven: Sequence[Opgave], *, per_thema: bool) -> Markup:
    """These opgaven in a list per thema (optional), per niveau and per trekker."""
    opgaven = sorted(opgaven, key=lambda o: o.titel.lower())

    def group(title: str, anchor: str, members: list[Opgave], extra: Markup | None = None) -> Markup:
        return blocks(
            heading(3, f"{title} ({len(members)})", anchor),
            extra,
            bullets(record_item(site, here, o) for o in members),
        )

    sections = []
    if per_thema:
        sections += [
            heading(2, "Per thema", "per-thema"),
            [
                group(name, f"thema-{code}", members, _about_thema(site, here, code))
                for code, name in _themas(site)
                if (members := [o for o in opgaven if o.thema == code])
            ],
        ]
    sections += [
        heading(2, "Per niveau", "per-niveau"),
        [
            group(name, f"niveau-{code}", [o for o in opgaven if slug(o.niveau) == code])
            for code, name in _niveaus(opgaven)
        ],
        heading(2, "Per trekker", "per-trekker"),
        [
            group(name, f"trekker-{code}", members)
            for code, name in _trekkers(site)
            if (members := [o for o in opgaven if o.trekker == code])
        ],
    ]
    return blocks(*sections)


def agenda_groups(site: Site, here: str) -> Markup:
    """The opgaven grouped per thema, per niveau and per trekker: narrowing without a script.

    When the agenda is split per thema, the groups per niveau and per trekker link to the
    same group on each thema's board, with its count, instead of listing every opgave."""
    if not site.per_thema:
        return _groups(site, here, site.model.opgaven, per_thema=True)
    themas = _per_thema(site)

    def spread(title: str, anchor: str, belongs: Callable[[Opgave], bool]) -> Markup:
        """One niveau or trekker: how many of its opgaven each thema has, linked to that group."""
        counts = [(code, name, sum(1 for o in members if belongs(o))) for code, name, members in themas]
        items = [
            Markup("{} ({})").format(link(site.href(here, urls.thema_page(code), anchor), site.prose.inline(name)), count)
            for code, name, count in counts
            if count
        ]
        return blocks(heading(3, f"{title} ({sum(c for _, _, c in counts)})", anchor), bullets(items))

    opgaven = site.model.opgaven
    return blocks(
        heading(2, "Per thema", "per-thema"),
        bullets(
            Markup("{} ({})").format(link(site.href(here, urls.thema_page(code)), site.prose.inline(name)), len(members))
            for code, name, members in themas
        ),
        heading(2, "Per niveau", "per-niveau"),
        [spread(name, f"niveau-{code}", lambda o, c=code: slug(o.niveau) == c) for code, name in _niveaus(opgaven)],
        heading(2, "Per trekker", "per-trekker"),
        [
            spread(name, f"trekker-{code}", lambda o, c=code: o.trekker == c)
            for code, name in _trekkers(site)
            if any(o.trekker == code for o in opgaven)
        ],
    )


def _thema_overview(site: Site, here: str) -> Markup:
    """Per thema how many opgaven stand in each status, each linked to the thema's board."""
    opgaven = site.model.opgaven
    statuses = board_statuses(opgaven)
    rows = []
    for code, name, members in _per_thema(site):
        page = urls.thema_page(code)
        cells = [link(site.href(here, page), site.prose.inline(name))]
        for status in statuses:
            count = sum(1 for o in members if o.status == status)
            cells.append(link(site.href(here, page, column_anchor("opgaven", status)), str(count)) if count else "0")
        cells.append(str(len(members)))
        rows.append(cells)
    strong = Markup("<strong>{}</strong>")
    rows.append(
        [Markup("<strong>Alle thema's</strong>")]
        + [strong.format(sum(1 for o in opgaven if o.status == s)) for s in statuses]
        + [strong.format(len(opgaven))]
    )
    return blocks(
        paragraph(
            f"De agenda heeft {len(opgaven)} opgaven: te veel voor één bord. Daarom heeft elk thema een eigen "
            "bord. De tabel laat per thema zien hoeveel opgaven er in elke status zijn. Kies een thema voor "
            "zijn bord."
        ),
        table(
            "Opgaven per thema en status",
            ["Thema", *(s.capitalize() for s in statuses), "Totaal"],
            rows,
            [None, *(column_anchor("opgaven", s) for s in statuses)],
        ),
    )


def thema_pages(site: Site) -> dict[str, str]:
    """The board page (source path: page) of each thema with opgaven, when the agenda is split per
    thema; none otherwise."""
    if not site.per_thema:
        return {}
    return {urls.thema_page(code): _thema_page(site, code, name, members) for code, name, members in _per_thema(site)}


def _thema_page(site: Site, code: str, name: str, opgaven: list[Opgave]) -> str:
    here = urls.thema_page(code)
    body = blocks(
        back_link(site, here, urls.AGENDA, "Alle thema's"),
        heading(1, name),
        paragraph(
            Markup(
                "De {} opgaven van dit thema, in een kolom per status. Zoekt u de opgaven van één "
                "niveau of trekker? Ga naar {} of {}."
            ).format(len(opgaven), link("#per-niveau", "per niveau"), link("#per-trekker", "per trekker"))
        ),
        _about_thema(site, here, code),
        _opgaven_board(site, here, opgaven, _opgave_facts_in_thema),
        _groups(site, here, opgaven, per_thema=False),
    )
    return document(name, body)


def status_counts(site: Site, here: str) -> Markup:
    """How many opgaven and pilots stand in each status, linked to the board columns."""
    rows = []
    kinds = (("opgaven", urls.AGENDA, site.model.opgaven), ("pilots", urls.PILOTS, site.model.pilots))
    for kind, page, records in kinds:
        cells = []
        for status in board_statuses(records):
            count = sum(1 for r in records if r.status == status)
            target = site.href(here, page, column_anchor(kind, status))
            cells.append(
                Markup(
                    '<li class="agenda-count agenda-count--{}"><a href="{}">'
                    '<span class="agenda-count__number">{}</span> '
                    '<span class="agenda-count__label">{}</span></a></li>'
                ).format(slug(status), target, count, status)
            )
        rows.append(
            Markup('<div class="agenda-counts"><p class="agenda-counts__title">{}</p><ul>{}</ul></div>').format(
                kind.capitalize(), EMPTY.join(cells)
            )
        )
    return Markup('<div class="agenda-counts-group">\n{}\n</div>').format(Markup("\n").join(rows))


def open_vragen(site: Site, here: str) -> Markup:
    """The questions the bestuurders still have to decide on ('' when there are none)."""
    vragen = site.regio.open_vragen
    if not vragen:
        return EMPTY
    items = []
    for vraag in vragen:
        text = Markup("<strong>{}</strong>").format(site.prose.inline(vraag.vraag))
        if vraag.toelichting:
            text += Markup("\n") + prose(site, vraag.toelichting)
        items.append(text + Markup("\n") + paragraph(source_note(site, here, vraag.bronnen)))
    return blocks(
        heading(2, "Open vragen voor de bestuurders", "open-vragen"),
        bullets(items, "agenda-questions"),
    )
