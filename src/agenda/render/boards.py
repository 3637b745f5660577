"""The agenda and pilots pages: status boards with a card per record in a column per status,
the counts per status and the open questions.

The board is plain HTML and complete without JavaScript. Narrowing by thema, niveau, trekker and
gremium works without JavaScript through the grouping pages the agenda page links to
(``groupings``); the filter form above the board is hidden until the script shows it. A card of an
opgave names its pilots, so that an opgave and its pilot read as one subject.

What is not known is said once per page (``unknowns_note``), not on each card: a card shows only
the facts that are known, and the latest evaluation only when the region has evaluations. A
grouping (and filter) whose value is unknown for every opgave is left out; otherwise the opgaven
with an unknown value form one group, "Nog niet bekend", last.

With more opgaven than ``context.ONE_BOARD_MAX`` the agenda page shows, per thema, how many
opgaven stand in each status, and links to a generated board page per thema (``thema_page``),
which has the same filter form, board and groups for that thema's opgaven (the grouping pages
link to those groups). A thema with more opgaven than that has no board either: its page counts
them per status, niveau and trekker, under the anchors of a board's columns and groups, each count
linked to a list of its own (``listing``). No page then lists every opgave: the agenda page grows
with the number of themas, niveaus and trekkers only. The cards follow the region's order
(``Site.in_order``). With more pilots than that, the pilots page shows how many
stand in each status, each linked to a list of its own (``listing``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import urls
from ..model import ONBEKEND, Opgave, Pilot
from ..site import ONE_BOARD_MAX, Site
from ..status_history import BOARD_STATUSES, STATUSES, status_heading
from .groupings import (
    about_thema,
    board_group_sections,
    board_groupings,
    either,
    filter_attributes,
    filter_form,
    groups_intro,
    per_thema,
)
from .listing import Listing, listing_pages, own_pages, summary
from .markup import EMPTY, NOT_SEARCHED, Markup, blocks, bullets, document, esc, heading, paragraph, table
from .parts import back_link, gremium_name, joined, link, open_questions, record_link, review_mark, slug

Card = Callable[[Site, str, Opgave | Pilot], list[tuple[str, Markup]]]  # the facts on a card (site, here, record)


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


def _pilots(site: Site, here: str, opgave: Opgave) -> Markup | None:
    """The links to the opgave's pilots (None when it has none)."""
    pilots = site.pilots_of.get(opgave.id)
    return joined([record_link(site, here, p) for p in pilots]) if pilots else None


def _opgave_facts(site: Site, here: str, opgave: Opgave) -> list[tuple[str, Markup]]:
    thema = site.themas.get(opgave.thema)
    thema_text = site.prose.inline(thema.naam) if thema else None
    return _known_facts(
        site,
        opgave,
        [("Thema", thema_text), ("Trekker", _gremium(site, opgave.trekker)), ("Pilot", _pilots(site, here, opgave))],
    )


def _opgave_facts_in_thema(site: Site, here: str, opgave: Opgave) -> list[tuple[str, Markup]]:
    """The facts on a card on the board of one thema, which needs no thema on each card."""
    return _known_facts(
        site, opgave, [("Trekker", _gremium(site, opgave.trekker)), ("Pilot", _pilots(site, here, opgave))]
    )


def _pilot_facts(site: Site, here: str, pilot: Pilot) -> list[tuple[str, Markup]]:
    opgave = site.opgaven.get(pilot.opgave)
    return _known_facts(
        site,
        pilot,
        [
            ("Opgave", record_link(site, here, opgave) if opgave else None),
            ("Trekker", _gremium(site, pilot.trekker)),
        ],
    )


def _card(site: Site, here: str, record: Opgave | Pilot, card: Card) -> Markup:
    rows = EMPTY.join(
        Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(label, value) for label, value in card(site, here, record)
    )
    review = review_mark(site, record, "agenda-card__review")
    return Markup(
        '<li class="agenda-card"{}>\n'
        '<p class="agenda-card__title">{}</p>\n'
        '<dl class="agenda-card__facts">{}</dl>\n'
        "{}</li>"
    ).format(filter_attributes(record), record_link(site, here, record), rows, Markup("{}\n").format(review) if review else EMPTY)


def board(site: Site, here: str, kind: str, records: Sequence[Opgave | Pilot], card: Card, empty: str) -> Markup:
    columns = []
    for status in board_statuses(records):
        anchor = column_anchor(kind, status)
        in_column = site.in_order(r for r in records if r.status == status)
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
            ).format(slug(status), anchor, status_heading(status), len(in_column), content, NOT_SEARCHED)
        )
    return Markup('<div class="agenda-board" data-board="{}">\n{}\n</div>').format(kind, Markup("\n").join(columns))


def _opgaven_board(
    site: Site, here: str, opgaven: Sequence[Opgave], card: Card = _opgave_facts, *, per_thema: bool = True
) -> Markup:
    """What the cards leave out, the filter form (shown by the script) and the board of these opgaven."""
    return blocks(
        unknowns_note(site, opgaven),
        filter_form(site, opgaven, per_thema=per_thema),
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
        unknowns_note(site, pilots, cards=False),
        paragraph(f"Er zijn {len(pilots)} pilots: te veel voor één bord. Hieronder staat per status hoeveel het er "
                  "zijn, met een link naar hun lijst."),
        [
            blocks(heading(2, f"{status_heading(status)} ({len(listing.records)})", column_anchor("pilots", status)),
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


def unknowns_note(site: Site, records: Sequence[Opgave | Pilot], *, cards: bool = True) -> Markup:
    """What the cards leave out because it is not known yet, said once for the page ('' when all is
    known); a page without ``cards`` only says what is not known."""
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
            Markup("Nog niet bekend is {}. De bronnen noemen het (nog) niet.{}").format(
                either(parts, "en"), " Wat niet bekend is, staat niet op de kaarten." if cards else "")
        )
    if records and not site.evaluaties:
        sentences.append(Markup("Er is nog geen jaarlijkse evaluatie."))
    return paragraph(Markup(" ").join(sentences), "agenda-unknowns") if sentences else EMPTY


def _thema_overview(site: Site, here: str) -> Markup:
    """Per thema how many opgaven stand in each status, each linked to the thema's board."""
    opgaven = site.model.opgaven
    statuses = board_statuses(opgaven)
    rows = []
    for code, name, members in per_thema(site):
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
        unknowns_note(site, opgaven, cards=False),
        paragraph(
            f"De agenda heeft {len(opgaven)} opgaven: te veel voor één bord. Daarom heeft elk thema een eigen "
            "bord. De tabel laat per thema zien hoeveel opgaven er in elke status zijn. Kies een thema voor "
            "zijn bord."
        ),
        table(
            "Opgaven per thema en status",
            ["Thema", *(status_heading(s) for s in statuses), "Totaal"],
            rows,
            [None, *(column_anchor("opgaven", s) for s in statuses)],
        ),
    )


def thema_pages(site: Site) -> dict[str, str]:
    """The board page (source path: page) of each thema with opgaven, when the agenda is split per
    thema, and the lists of a thema too large for one board; none otherwise."""
    if not site.per_thema:
        return {}
    pages = {}
    for code, name, members in per_thema(site):
        title = name if code in site.themas else f"Thema {name.lower()}"
        listings = _thema_listings(site, code, title, members) if len(members) > ONE_BOARD_MAX else None
        pages[urls.thema_page(code)] = _thema_page(site, code, title, members, listings)
        if listings:
            statuses, groups = listings
            for listing in [*statuses.values(), *(listing for found in groups.values() for *_, listing in found)]:
                pages |= listing_pages(site, listing) if listing.records else {}
    return pages


ThemaListings = tuple[dict[str, Listing], dict[str, list[tuple[str, str, Listing]]]]


def _thema_page(site: Site, code: str, title: str, opgaven: list[Opgave], listings: ThemaListings | None) -> str:
    """A thema's board, or, for a thema too large for one board (``listings``), its counts."""
    here = urls.thema_page(code)
    ways = groups_intro(board_groupings(site, opgaven), lambda name: f"#per-{name}")
    if listings is None:
        intro = Markup("De {} opgaven van dit thema, in een kolom per status. {}").format(len(opgaven), ways)
        content = blocks(
            _opgaven_board(site, here, opgaven, _opgave_facts_in_thema, per_thema=False),
            board_group_sections(site, here, opgaven),
        )
    else:
        intro = Markup("Dit thema heeft {} opgaven: te veel voor één bord. Hieronder staat per status hoeveel het er "
                       "zijn, met een link naar hun lijst. {}").format(len(opgaven), ways)  # fmt: skip
        content = blocks(unknowns_note(site, opgaven, cards=False), _thema_counts(site, here, *listings))
    body = blocks(
        back_link(site, here, urls.AGENDA, "Alle thema's"),
        heading(1, title),
        paragraph(intro),
        about_thema(site, here, code),
        content,
    )
    return document(title, body)


def _thema_listings(site: Site, code: str, title: str, opgaven: list[Opgave]) -> ThemaListings:
    """The lists of a thema too large for one board: per status, and per group of each grouping
    below the board (grouping name: (group code, group name, list))."""
    here = urls.thema_page(code)
    folder = here.removesuffix(".md")
    statuses = {
        status: Listing(f"{folder}/status/{slug(status)}.md", f"{title}: {status_heading(status).lower()}",
                        [o for o in opgaven if o.status == status], (here, title))
        for status in board_statuses(opgaven)
    }  # fmt: skip
    groups = {
        grouping.name: [
            (group, text, Listing(f"{folder}/{grouping.name}/{group}.md", f"{title}: {text}",
                            grouping.members(opgaven, group), (here, title)))
            for group, text in grouping.groups
        ]
        for grouping in board_groupings(site, opgaven)
    }  # fmt: skip
    return statuses, groups


def _thema_counts(
    site: Site, here: str, statuses: dict[str, Listing], groups: dict[str, list[tuple[str, str, Listing]]]
) -> Markup:
    """A thema's opgaven counted per status and per group below the board, each count linked to its
    list; the anchors are those of the columns and groups of a board, which other pages link to."""
    sections = [
        blocks(heading(2, f"{status_heading(status)} ({len(listing.records)})", column_anchor("opgaven", status)),
               paragraph(summary(site, here, listing) if listing.records else "Geen opgaven."))
        for status, listing in statuses.items()
    ]  # fmt: skip
    for name, found in groups.items():
        items = EMPTY.join(
            Markup('<li id="{}-{}">{}: {}</li>').format(name, group, text, summary(site, here, listing))
            for group, text, listing in found
        )
        sections += [
            heading(2, f"Per {name}", f"per-{name}", searched=False),
            Markup('<ul class="agenda-groups"{}>{}</ul>').format(NOT_SEARCHED, items),
        ]
    return blocks(*sections)


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
                ).format(slug(status), target, count, status_heading(status).lower())
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
