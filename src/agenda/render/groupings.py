"""The opgaven grouped per thema, niveau, trekker and gremium, each grouping on its own page
(``grouping_pages``) that the agenda page links to (``agenda_intro``), and the filter form with
the same groupings: narrowing the agenda works without JavaScript through these pages, and with
the script (docs/javascripts/agenda-filter.js) through the form, which stays hidden until the
script shows it. A static site cannot answer a plain GET form: without the script the page would
come back with the choice in its address and every opgave on it.

A grouping whose value is unknown for every opgave tells nothing and is left out (no page, no link,
no filter); otherwise the opgaven with an unknown value form one group, "Nog niet bekend", last.
An opgave is in one group per grouping, except per gremium: it is in the group of each gremium that
works on it.

When the agenda is split per thema (``Site.per_thema``) no grouping page lists the opgaven: the
page per thema lists the thema boards, and a page per niveau, trekker or gremium says per group how
many of its opgaven each thema has, linked to that group on the thema's board page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import urls
from ..model import ONBEKEND, Opgave, Pilot
from ..site import Site
from .markup import EMPTY, NOT_SEARCHED, Markup, blocks, bullets, document, heading, paragraph
from .parts import back_link, link, record_item, slug
from .visie import described

# the group of the records whose value is unknown, last in each grouping
UNKNOWN_GROUP = "Nog niet bekend"

# the groups an opgave is in, per grouping (the value of the filter's data attribute)
VALUES: dict[str, Callable[[Opgave], tuple[str, ...]]] = {
    "thema": lambda o: (o.thema,),
    "niveau": lambda o: (slug(o.niveau),),
    "trekker": lambda o: (o.trekker,),
    "gremium": lambda o: o.gremia or (ONBEKEND,),
}
# what each grouping's page is about, after "De opgaven ..."
ABOUT = {
    "thema": "per thema",
    "niveau": "per niveau",
    "trekker": "per gremium dat ze trekt",
    "gremium": "per gremium dat eraan werkt. Een opgave waar meer gremia aan werken, staat bij elk van die gremia",
}


@dataclass(frozen=True)
class Grouping:
    name: str  # thema, niveau, trekker or gremium: the filter's name, the anchors and the page
    label: str  # the filter's label
    groups: tuple[tuple[str, str], ...]  # (code, name) of each group that has opgaven, unknown last

    def members(self, opgaven: Sequence[Opgave], code: str) -> list[Opgave]:
        return [o for o in opgaven if code in VALUES[self.name](o)]


def _themas(site: Site) -> list[tuple[str, str]]:
    """Every thema (code, name) in the region's order, and the opgaven without a known thema last."""
    return [(t.id, t.naam) for t in site.themas_in_order] + [(ONBEKEND, UNKNOWN_GROUP)]


def _gremia(site: Site) -> list[tuple[str, str]]:
    return [(g.id, g.naam) for g in site.model.organisatie.gremia] + [(ONBEKEND, UNKNOWN_GROUP)]


def _niveaus(opgaven: Sequence[Opgave]) -> list[tuple[str, str]]:
    known = sorted({o.niveau for o in opgaven} - {ONBEKEND})
    return [(slug(n), n.capitalize()) for n in known] + [(ONBEKEND, UNKNOWN_GROUP)]


def groupings(site: Site, opgaven: Sequence[Opgave], *, per_thema: bool) -> list[Grouping]:
    """The groupings of these opgaven (per thema optional) with their groups that have opgaven;
    a grouping whose value is unknown for every opgave is left out."""
    candidates = [("thema", "Thema", _themas(site))] if per_thema else []
    candidates += [
        ("niveau", "Niveau", _niveaus(opgaven)),
        ("trekker", "Trekker", _gremia(site)),
        ("gremium", "Gremium", _gremia(site)),
    ]
    found = []
    for name, label, groups in candidates:
        values = [VALUES[name](o) for o in opgaven]
        if any(v != (ONBEKEND,) for v in values):
            found.append(Grouping(name, label, tuple((c, t) for c, t in groups if any(c in v for v in values))))
    return found


def filter_attributes(record: Opgave | Pilot) -> Markup:
    """The data attributes the filter script narrows by (codes: letters, digits and dashes)."""
    data = {"status": slug(record.status), "trekker": record.trekker}
    if isinstance(record, Opgave):
        data |= {name: " ".join(values(record)) for name, values in VALUES.items()}
    return EMPTY.join(Markup(' data-{}="{}"').format(key, value) for key, value in data.items())


def _select(grouping: Grouping) -> Markup:
    """A select for one grouping; '' when there is nothing to choose."""
    if len(grouping.groups) < 2:
        return EMPTY
    options = EMPTY.join(Markup('<option value="{}">{}</option>').format(c, t) for c, t in grouping.groups)
    return Markup('<label>{} <select name="{}"><option value="">Alle</option>{}</select></label>').format(
        grouping.label, grouping.name, options
    )


def filter_form(site: Site, opgaven: Sequence[Opgave], *, per_thema: bool) -> Markup:
    """The filter of these opgaven, hidden until the script shows it (see the module's text)."""
    selects = EMPTY.join(_select(g) for g in groupings(site, opgaven, per_thema=per_thema))
    return Markup(
        '<form class="agenda-filter" data-board="opgaven" aria-label="Opgaven filteren"{} hidden>\n'
        '{}<label>Zoekwoord <input type="search" name="tekst"></label>'
        '<button type="reset" class="agenda-filter__reset">Alles tonen</button>\n'
        '<p class="agenda-filter__count" aria-live="polite"></p>\n</form>'
    ).format(NOT_SEARCHED, selects)


def either(items: Sequence[str | Markup], last: str = "of") -> Markup:
    """'a', 'a of b', 'a, b of c'."""
    if len(items) < 2:
        return Markup(EMPTY.join(items))
    return Markup(f" {last} ").join([Markup(", ").join(items[:-1]), items[-1]])


def board_groupings(site: Site, opgaven: Sequence[Opgave]) -> list[Grouping]:
    """The groupings listed below a thema's board: per niveau and per trekker. Not per gremium: an
    opgave stands there once for each gremium that works on it, which would make a large thema's
    page larger still (the filter above the board has the gremium)."""
    return [g for g in groupings(site, opgaven, per_thema=False) if g.name != "gremium"]


def groups_intro(found: Sequence[Grouping], target: Callable[[str], str]) -> Markup:
    """The question these groupings answer, with a link (``target`` of its name) to each ('' when there are none)."""
    names = [g.name for g in found]
    if not names:
        return EMPTY
    return Markup("Zoekt u de opgaven van één {}? Ga naar {}.").format(
        either(names), either([link(target(name), f"per {name}") for name in names])
    )


def agenda_intro(site: Site, here: str) -> Markup:
    """The way from the agenda page to the page of each grouping."""
    if not site.model.opgaven:
        return EMPTY
    return paragraph(
        groups_intro(
            groupings(site, site.model.opgaven, per_thema=True), lambda name: site.href(here, urls.grouping_page(name))
        )
    )


def per_thema(site: Site) -> list[tuple[str, str, list[Opgave]]]:
    """Each thema that has opgaven (code, name, its opgaven in the region's order), unknown last."""
    found = []
    for code, name in _themas(site):
        members = site.in_order(o for o in site.model.opgaven if o.thema == code)
        if members:
            found.append((code, name, members))
    return found


def about_thema(site: Site, here: str, code: str) -> Markup | None:
    """A link to the thema's section on the visie page, when it has one."""
    thema = site.themas.get(code)
    if thema and described(thema):
        return paragraph(link(site.href(here, urls.VISIE, f"thema-{code}"), "Over dit thema"))
    return None


def _group(
    site: Site, here: str, grouping: Grouping, code: str, text: str, opgaven: Sequence[Opgave], level: int,
    *, below_board: bool = False,
) -> Markup:
    """One group: its heading with the count, and its opgaven, which the filter script narrows. Below
    a board an item needs no data attributes: the script narrows it as the card with the same link."""
    members = grouping.members(opgaven, code)
    items = Markup("\n").join(
        Markup('<li class="agenda-item"{}>{}</li>').format(
            EMPTY if below_board else filter_attributes(o), record_item(site, here, o)
        )
        for o in members
    )
    return blocks(
        heading(level, f"{text} ({len(members)})", f"{grouping.name}-{code}", searched=False),
        about_thema(site, here, code) if grouping.name == "thema" else None,
        Markup('<ul class="agenda-items">\n{}\n</ul>').format(items),
    )


def board_group_sections(site: Site, here: str, opgaven: Sequence[Opgave]) -> Markup:
    """A thema's opgaven in a list per grouping below its board (``board_groupings``), one section
    each; like every list that repeats the opgaven, left out of the search index."""
    opgaven = site.in_order(opgaven)
    sections = []
    for grouping in board_groupings(site, opgaven):
        sections += [
            heading(2, f"Per {grouping.name}", f"per-{grouping.name}", searched=False),
            [_group(site, here, grouping, code, text, opgaven, 3, below_board=True) for code, text in grouping.groups],
        ]
    return blocks(*sections)


def _unknown_said(grouping: Grouping) -> Markup | None:
    """The one explanation of the group 'Nog niet bekend', when the grouping has it."""
    if ONBEKEND not in dict(grouping.groups):
        return None
    what = {"thema": "het thema", "niveau": "het niveau", "trekker": "de trekker", "gremium": "de gremia"}
    return paragraph(
        f"Bij '{UNKNOWN_GROUP}' staan de opgaven waarvan de bronnen {what[grouping.name]} (nog) niet noemen."
    )


def _listed(site: Site, here: str, grouping: Grouping) -> Markup:
    """A grouping's page when the agenda has one board: every opgave in its groups, and the filter."""
    opgaven = site.in_order(site.model.opgaven)
    return blocks(
        _unknown_said(grouping),
        filter_form(site, opgaven, per_thema=True),
        [_group(site, here, grouping, code, text, opgaven, 2) for code, text in grouping.groups],
    )


def _counted(site: Site, here: str, grouping: Grouping) -> Markup:
    """A grouping's page when the agenda is split per thema: counts linked to the thema boards."""
    themas = per_thema(site)
    if grouping.name == "thema":
        return bullets(
            Markup("{} ({})").format(link(site.href(here, urls.thema_page(code)), site.prose.inline(name)), len(members))
            for code, name, members in themas
        )
    # the groupings each thema's board shows
    shown = {code: {g.name for g in board_groupings(site, members)} for code, _, members in themas}
    sections = [_unknown_said(grouping)]
    for group, text in grouping.groups:
        anchor = f"{grouping.name}-{group}"
        counts = [(code, name, len(grouping.members(members, group))) for code, name, members in themas]
        items = [
            Markup("{} ({})").format(
                link(site.href(here, urls.thema_page(code), anchor if grouping.name in shown[code] else None),
                     site.prose.inline(name)),
                count,
            )
            for code, name, count in counts
            if count
        ]
        total = len(grouping.members(site.model.opgaven, group))
        sections += [heading(2, f"{text} ({total})", anchor, searched=False), bullets(items)]
    return blocks(*sections)


def grouping_pages(site: Site) -> dict[str, str]:
    """The page (source path: page) of each grouping of the agenda's opgaven that is shown."""
    pages = {}
    for grouping in groupings(site, site.model.opgaven, per_thema=True):
        here = urls.grouping_page(grouping.name)
        title = f"Opgaven per {grouping.name}"
        body = blocks(
            back_link(site, here, urls.AGENDA, "Agenda"),
            heading(1, title),
            paragraph(f"De opgaven van de agenda, {ABOUT[grouping.name]}."),
            _counted(site, here, grouping) if site.per_thema else _listed(site, here, grouping),
        )
        pages[here] = document(title, body)
    return pages
