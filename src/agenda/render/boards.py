"""The agenda and pilots pages: status boards with a card per record in a column per status,
the opgaven grouped per thema, niveau and trekker, the counts per status and the open questions.

The board is plain HTML and complete without JavaScript. Narrowing by thema, niveau and
trekker works without JavaScript through grouped lists (``agenda_groups``) that the board
page links to; the filter form is hidden until the small script on the agenda page shows it.

What is not known is said once per page (``unknowns_note``), not on each card: a card shows only
the facts that are known, and the latest evaluation only when the region has evaluations. A
grouping (and filter) whose value is unknown for every opgave is left out; otherwise the opgaven
with an unknown value form one group, "Nog niet bekend", last.

With more opgaven than ``context.ONE_BOARD_MAX`` the agenda page shows, per thema, how many
opgaven stand in each status, and links to a generated board page per thema (``thema_page``),
which has the same filter form, board and groups for that thema's opgaven. No page then lists
every opgave: the agenda page grows with the number of themas, niveaus and trekkers only. With
more pilots than that, the pilots page shows how many stand in each status, each linked to a
list of its own (``listing``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import urls
from ..model import ONBEKEND, Opgave, Pilot
from ..site import ONE_BOARD_MAX, Site
from ..status_history import BOARD_STATUSES, STATUSES
from .listing import Listing, own_pages, summary
from .markup import EMPTY, NOT_SEARCHED, Markup, blocks, bullets, document, esc, heading, paragraph, table
from .parts import (
    back_link,
    gremium_name,
    link,
    open_questions,
    record_item,
    record_link,
    review_mark,
    slug,
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


def _known_facts(
    site: Site, record: Opgave | Pilot, facts: list[tuple[str, Markup | None]]
) -> list[tuple[str, Markup]]:
    """The facts that are known (None is unknown, said once on the page by ``unknowns_note``),
    and the latest evaluation only when the region has evaluations."""
    if site.evaluaties:
        facts = [*facts, ("Laatste evaluatie", _evaluation_year(site, record))]
    return [(label, value) for label, value in facts if value is not None]


def _gremium(site: Site, code: str) -> Markup | None:
    return gremium_name(site, code) if code in site.gremia else None


def _opgave_facts(site: Site, opgave: Opgave) -> list[tuple[str, Markup]]:
    thema = site.themas.get(opgave.thema)
    thema_text = site.prose.inline(thema.naam) if thema else None
    return _known_facts(site, opgave, [("Thema", thema_text), ("Trekker", _gremium(site, opgave.trekker))])


def _opgave_facts_in_thema(site: Site, opgave: Opgave) -> list[tuple[str, Markup]]:
    """The facts on a card on the board of one thema, which needs no thema on each card."""
    return _known_facts(site, opgave, [("Trekker", _gremium(site, opgave.trekker))])


def _pilot_facts(site: Site, pilot: Pilot) -> list[tuple[str, Markup]]:
    opgave = site.opgaven.get(pilot.opgave)
    return _known_facts(
        site,
        pilot,
        [
            ("Opgave", site.prose.inline(opgave.titel) if opgave else None),
            ("Trekker", _gremium(site, pilot.trekker)),
        ],
    )


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
                '<h2 class="agenda-column__title" id="{1}"{5}>{2} '
                '<span class="agenda-column__count">{3}</span></h2>\n'
                "{4}\n</section>"
            ).format(slug(status), anchor, status.capitalize(), len(in_column), content, NOT_SEARCHED)
        )
    return Markup('<div class="agenda-board" data-board="{}">\n{}\n</div>').format(kind, Markup("\n").join(columns))


def _opgaven_board(
    site: Site, here: str, opgaven: Sequence[Opgave], card: Card = _opgave_facts, *, per_thema: bool = True
) -> Markup:
    """What the cards leave out, the filter form (shown by the script) and the board of these opgaven."""
    return blocks(
        unknowns_note(site, opgaven),
        _filter_form(site, opgaven, per_thema=per_thema),
        board(site, here, "opgaven", opgaven, card, "Geen opgaven."),
    )


def statusbord(site: Site, here: str) -> Markup:
    """The board of every opgave, or, when there are too many, the counts per thema and status."""
    if site.per_thema:
        return _thema_overview(site, here)
    return _opgaven_board(site, here, site.model.opgaven)


def pilotbord(site: Site, here: str) -> Markup:
    """The board of every pilot, or, when there are too many, their count per status, linked to lists."""
    pilots = site.model.pilots
    if len(pilots) <= ONE_BOARD_MAX:
        return blocks(unknowns_note(site, pilots), board(site, here, "pilots", pilots, _pilot_facts, "Geen pilots."))
    return blocks(
        unknowns_note(site, pilots),
        paragraph(f"Er zijn {len(pilots)} pilots: te veel voor één bord. Hieronder staat per status hoeveel het er "
                  "zijn, met een link naar hun lijst."),
        [
            blocks(heading(2, f"{status.capitalize()} ({len(listing.records)})", column_anchor("pilots", status)),
                   paragraph(summary(site, here, listing) if listing.records else "Geen pilots."))
            for status, listing in _pilot_listings(site).items()
        ],
    )  # fmt: skip


def _pilot_listings(site: Site) -> dict[str, Listing]:
    pilots = site.model.pilots
    return {
        status: Listing(f"pilots/status/{slug(status)}.md", f"Pilots: {status}",
                        [p for p in pilots if p.status == status], (urls.PILOTS, "Alle pilots"))
        for status in board_statuses(pilots)
    }  # fmt: skip


def pilot_pages(site: Site) -> dict[str, str]:
    """The list of the pilots of each status, when there are too many pilots for one board; none otherwise."""
    if len(site.model.pilots) <= ONE_BOARD_MAX:
        return {}
    return own_pages(site, list(_pilot_listings(site).values()))


def _options(label: str, name: str, choices: list[tuple[str, str]]) -> Markup:
    """A select for one property; '' when there is nothing to choose."""
    if len(choices) < 2:
        return EMPTY
    options = EMPTY.join(Markup('<option value="{}">{}</option>').format(value, text) for value, text in choices)
    return Markup('<label>{} <select name="{}"><option value="">Alle</option>{}</select></label>').format(
        label, name, options
    )


def _filter_form(site: Site, opgaven: Sequence[Opgave], *, per_thema: bool) -> Markup:
    groupings = _groupings(site, opgaven, per_thema=per_thema)
    selects = [_options(title, name, groups) for name, title, groups, _ in groupings]
    return Markup(
        '<form class="agenda-filter" data-board="opgaven"{} hidden>\n'
        '{}\n<p class="agenda-filter__count" aria-live="polite"></p>\n</form>'
    ).format(NOT_SEARCHED, EMPTY.join(selects))


# -- grouping ------------------------------------------------------------------------------------


# the group of the records whose value is unknown, last in each grouping
UNKNOWN_GROUP = "Nog niet bekend"

Grouping = tuple[str, str, list[tuple[str, str]], Callable[[Opgave], str]]  # name, label, groups, value


def _themas(site: Site) -> list[tuple[str, str]]:
    """Every thema (code, name), and the opgaven without a known thema last."""
    return [(t.id, t.naam) for t in site.regio.themas] + [(ONBEKEND, UNKNOWN_GROUP)]


def _trekkers(site: Site) -> list[tuple[str, str]]:
    return [(g.id, g.naam) for g in site.model.organisatie.gremia] + [(ONBEKEND, UNKNOWN_GROUP)]


def _niveaus(opgaven: Sequence[Opgave]) -> list[tuple[str, str]]:
    known = sorted({o.niveau for o in opgaven} - {ONBEKEND})
    return [(slug(n), n.capitalize()) for n in known] + [(ONBEKEND, UNKNOWN_GROUP)]


def _groupings(site: Site, opgaven: Sequence[Opgave], *, per_thema: bool) -> list[Grouping]:
    """The groupings of these opgaven (per thema optional) with their groups that have opgaven;
    a grouping whose value is unknown for every opgave tells nothing and is left out."""
    candidates: list[Grouping] = [("thema", "Thema", _themas(site), lambda o: o.thema)] if per_thema else []
    candidates += [
        ("niveau", "Niveau", _niveaus(opgaven), lambda o: slug(o.niveau)),
        ("trekker", "Trekker", _trekkers(site), lambda o: o.trekker),
    ]
    return [
        (name, label, [(code, text) for code, text in groups if any(value(o) == code for o in opgaven)], value)
        for name, label, groups, value in candidates
        if any(value(o) != ONBEKEND for o in opgaven)
    ]


def _either(items: Sequence[str | Markup], last: str = "of") -> Markup:
    """'a', 'a of b', 'a, b of c'."""
    if len(items) < 2:
        return Markup(EMPTY.join(items))
    return Markup(f" {last} ").join([Markup(", ").join(items[:-1]), items[-1]])


def groups_intro(site: Site, opgaven: Sequence[Opgave], *, per_thema: bool) -> Markup:
    """The question the groupings below the board answer, with a link to each ('' when none is shown)."""
    names = [name for name, *_ in _groupings(site, opgaven, per_thema=per_thema)]
    if not names:
        return EMPTY
    return Markup("Zoekt u de opgaven van één {}? Ga naar {}.").format(
        _either(names), _either([link(f"#per-{name}", f"per {name}") for name in names])
    )


def agenda_intro(site: Site) -> Markup:
    """The way to the groupings on the agenda page."""
    return paragraph(groups_intro(site, site.model.opgaven, per_thema=True)) if site.model.opgaven else EMPTY


def unknowns_note(site: Site, records: Sequence[Opgave | Pilot]) -> Markup:
    """What the cards leave out because it is not known yet, said once for the page ('' when all is known)."""
    opgaven = [r for r in records if isinstance(r, Opgave)]
    fields: list[tuple[str, Sequence[Opgave | Pilot], Callable]] = [
        ("het thema", opgaven, lambda o: o.thema if o.thema in site.themas else ONBEKEND),
        ("het niveau", opgaven, lambda o: o.niveau),
        ("de trekker", records, lambda r: r.trekker if r.trekker in site.gremia else ONBEKEND),
    ]
    word = "opgaven" if opgaven else "pilots"
    parts = []
    for field, members, value in fields:
        unknown = sum(1 for r in members if value(r) == ONBEKEND)
        if unknown and unknown == len(members):
            parts.append(f"{field} van alle {word}")
        elif unknown:
            parts.append(f"{field} van {unknown} van de {len(members)} {word}")
    sentences = []
    if parts:
        sentences.append(
            Markup("Nog niet bekend is {}. De bronnen noemen het (nog) niet. Wat niet bekend is, staat niet op de "
                   "kaarten.").format(_either(parts, "en"))
        )
    if records and not site.evaluaties:
        sentences.append(Markup("Er is nog geen jaarlijkse evaluatie."))
    return paragraph(Markup(" ").join(sentences), "agenda-unknowns") if sentences else EMPTY


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
            heading(3, f"{title} ({len(members)})", anchor, searched=False),
            extra,
            bullets(record_item(site, here, o) for o in members),
        )

    sections = []
    for name, _, groups, value in _groupings(site, opgaven, per_thema=per_thema):
        sections += [
            heading(2, f"Per {name}", f"per-{name}", searched=False),
            [
                group(text, f"{name}-{code}", [o for o in opgaven if value(o) == code],
                      _about_thema(site, here, code) if name == "thema" else None)
                for code, text in groups
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
    # the groupings each thema's board shows
    shown = {code: {g[0] for g in _groupings(site, members, per_thema=False)} for code, _, members in themas}

    def spread(grouping: str, title: str, anchor: str, belongs: Callable[[Opgave], bool]) -> Markup:
        """One niveau or trekker: how many of its opgaven each thema has, linked to that group."""
        counts = [(code, name, sum(1 for o in members if belongs(o))) for code, name, members in themas]
        items = [
            Markup("{} ({})").format(
                link(site.href(here, urls.thema_page(code), anchor if grouping in shown[code] else None),
                     site.prose.inline(name)),
                count,
            )
            for code, name, count in counts
            if count
        ]
        return blocks(heading(3, f"{title} ({sum(c for _, _, c in counts)})", anchor, searched=False), bullets(items))

    sections = [
        heading(2, "Per thema", "per-thema", searched=False),
        bullets(
            Markup("{} ({})").format(link(site.href(here, urls.thema_page(code)), site.prose.inline(name)), len(members))
            for code, name, members in themas
        ),
    ]
    for name, _, groups, value in _groupings(site, site.model.opgaven, per_thema=False):
        sections += [
            heading(2, f"Per {name}", f"per-{name}", searched=False),
            [spread(name, text, f"{name}-{code}", lambda o, c=code, v=value: v(o) == c) for code, text in groups],
        ]
    return blocks(*sections)


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
        unknowns_note(site, opgaven),
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
    title = name if code in site.themas else f"Thema {name.lower()}"
    body = blocks(
        back_link(site, here, urls.AGENDA, "Alle thema's"),
        heading(1, title),
        paragraph(
            Markup("De {} opgaven van dit thema, in een kolom per status. {}").format(
                len(opgaven), groups_intro(site, opgaven, per_thema=False)
            )
        ),
        _about_thema(site, here, code),
        _opgaven_board(site, here, opgaven, _opgave_facts_in_thema, per_thema=False),
        _groups(site, here, opgaven, per_thema=False),
    )
    return document(title, body)


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
    if not site.regio.open_vragen:
        return EMPTY
    return blocks(heading(2, site.regio.koppen.open_vragen, "open-vragen"), open_questions(site, here))
