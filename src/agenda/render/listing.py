"""Lists that name records, small at any size.

A page names at most ``LIST_MAX`` records in its lists. When its lists together name more, each
list becomes its count with a link (``summary``) to pages of its own (``listing_pages``), which
name at most ``LIST_MAX`` records each, by title, with links to the other pages of the list. So
a page that names every record (Organisatie, Visie) grows with the number of gremia, partners
and principes only, as the agenda page does with its board per thema (``boards``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Evaluatie, Opgave, Pilot
from ..site import Site
from .markup import EMPTY, Markup, blocks, bullets, document, heading, paragraph
from .parts import back_link, link, record_item, record_link

# The most records a page names in its lists: about a screen of links per list on a desktop,
# and a page of well under 100 KB of HTML with the site's header and navigation.
LIST_MAX = 60


@dataclass(frozen=True)
class Listing:
    """A list of records that may get pages of its own."""

    src: str  # the first of its own pages (source path, "x.md"); the others are "x/2.md", "x/3.md", ...
    title: str  # the heading of its own pages
    records: Sequence[Opgave | Pilot | Evaluatie]
    back: tuple[str, str]  # the page it belongs to (source path) and the text of the link back
    about: str = ""  # what its pages say below the count
    codes: bool = False  # each record with its code (for editors)


def fits(listings: Sequence[Listing]) -> bool:
    """Whether a page can name every record of these lists itself."""
    return sum(len(listing.records) for listing in listings) <= LIST_MAX


def own_pages(site: Site, listings: Sequence[Listing]) -> dict[str, str]:
    """The own pages of the lists of one page that cannot name them all itself (none when it can)."""
    if fits(listings):
        return {}
    return {src: page for listing in listings if listing.records for src, page in listing_pages(site, listing).items()}


def counted(records: Sequence[Opgave | Pilot | Evaluatie]) -> str:
    """'3 opgaven en 1 pilot'."""
    parts = []
    for kind, singular, plural in ((Opgave, "opgave", "opgaven"), (Pilot, "pilot", "pilots"),
                                   (Evaluatie, "evaluatie", "evaluaties")):  # fmt: skip
        number = sum(1 for r in records if isinstance(r, kind))
        parts += [f"{number} {singular if number == 1 else plural}"] if number else []
    return ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else "".join(parts)


def _sorted(records: Sequence[Opgave | Pilot | Evaluatie]) -> list[Opgave | Pilot | Evaluatie]:
    return sorted(records, key=lambda r: (r.titel.lower(), str(r.jaar) if isinstance(r, Evaluatie) else r.id))


def page_count(listing: Listing) -> int:
    return max(1, math.ceil(len(listing.records) / LIST_MAX))


def page_src(listing: Listing, number: int) -> str:
    """The source path of page ``number`` (from 1) of the list."""
    return listing.src if number == 1 else f"{listing.src.removesuffix('.md')}/{number}.md"


def items(site: Site, here: str, records: Sequence[Opgave | Pilot | Evaluatie], *, codes: bool = False) -> Markup:
    """The records as a list, by title, each opgave and pilot with its status (and its code)."""
    return bullets(_item(site, here, r, codes) for r in _sorted(records))


def _item(site: Site, here: str, record: Opgave | Pilot | Evaluatie, codes: bool) -> Markup:
    if isinstance(record, Evaluatie):
        return record_link(site, here, record)
    return record_item(site, here, record) + (Markup(" <code>{}</code>").format(record.id) if codes else EMPTY)


def summary(site: Site, here: str, listing: Listing) -> Markup:
    """The count of the list, linked to its own pages."""
    return link(site.href(here, listing.src), counted(listing.records))


def listing_pages(site: Site, listing: Listing) -> dict[str, str]:
    """The list's own pages (source path: page), ``LIST_MAX`` records each."""
    records = _sorted(listing.records)
    total = page_count(listing)
    pages = {}
    for number in range(1, total + 1):
        here = page_src(listing, number)
        shown = records[(number - 1) * LIST_MAX : number * LIST_MAX]
        target, text = listing.back
        where = f" Dit is pagina {number} van {total}, op titel." if total > 1 else " Op titel."
        body = blocks(
            back_link(site, here, target, text),
            # out of the search index: the record pages hold what it names
            heading(1, listing.title, searched=False),
            paragraph(f"{counted(records).capitalize()}.{where}"),
            paragraph(listing.about) if listing.about else None,
            _page_links(site, here, listing, number, total),
            items(site, here, shown, codes=listing.codes),
        )
        pages[here] = document(listing.title, body)
    return pages


def _page_links(site: Site, here: str, listing: Listing, number: int, total: int) -> Markup:
    """Links to every page of the list, the current one marked ('' for a list of one page)."""
    if total == 1:
        return EMPTY
    links = [
        Markup('<span aria-current="page">{}</span>').format(n)
        if n == number
        else link(site.href(here, page_src(listing, n)), str(n))
        for n in range(1, total + 1)
    ]
    return Markup('<nav class="agenda-pages" aria-label="Pagina\'s van de lijst">Pagina: {}</nav>').format(
        Markup(" ").join(links)
    )
