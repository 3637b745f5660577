"""Where each page lives (its source path in the docs tree), where the site publishes its files,
and relative links between pages. Shared by the renderers and the exports.

Links are written as relative URLs, the way MkDocs writes them, so the site works from any
folder and offline. ``directory_urls`` follows MkDocs' ``use_directory_urls``.
"""

from __future__ import annotations

import functools
import posixpath

from .model import Evaluatie, Opgave, Pilot

# Hand-written pages in docs/ that the renderers link to.
HOME = "index.md"
VISIE = "visie.md"
AGENDA = "agenda/index.md"
PILOTS = "pilots/index.md"
EVALUATIES = "evaluaties/index.md"
ORGANISATIE = "organisatie.md"
BEGRIPPEN = "begrippen.md"
BRONNEN = "bronnen.md"
BESLUITEN = "besluiten.md"
VERANDERD = "veranderd.md"
BIJDRAGEN = "bijdragen/index.md"

# Files and folders the build publishes besides the hand-written pages.
FEED_FILE = "feed.xml"  # the Atom feed
CALENDAR_FILE = "kalender.ics"  # the iCalendar file
PRINT_FOLDER = "afdrukken"  # the printable editions


def opgave_page(opgave_id: str) -> str:
    return f"agenda/{opgave_id}.md"


def thema_page(thema_id: str) -> str:
    """The board of one thema's opgaven, when the agenda has too many for one board."""
    return f"agenda/thema/{thema_id}.md"


def grouping_page(name: str) -> str:
    """The opgaven grouped per thema, niveau, trekker or gremium (``name``), linked from the agenda."""
    return f"agenda/per/{name}.md"


def pilot_page(pilot_id: str) -> str:
    return f"pilots/{pilot_id}.md"


def hoofdstuk_page(hoofdstuk_id: str) -> str:
    """A chapter of the agenda besides visie, opgaven and organisation (regio.yaml: hoofdstukken)."""
    return f"over/{hoofdstuk_id}.md"


def evaluatie_page(jaar: int) -> str:
    return f"evaluaties/{jaar}.md"


def besluiten_page(year: int | None) -> str:
    """The besluiten of one year (None: those whose date is not known), when there are too many
    for one page."""
    return f"besluiten/{year or 'onbekend'}.md"


def record_page(record: Opgave | Pilot | Evaluatie) -> str:
    if isinstance(record, Evaluatie):
        return evaluatie_page(record.jaar)
    if isinstance(record, Pilot):
        return pilot_page(record.id)
    return opgave_page(record.id)


def bron_page(bron_id: str) -> str:
    """What a source document is and what cites it."""
    return f"bronnen/{bron_id}.md"


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root, as MkDocs makes it."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@functools.cache  # pure, and asked for the same few pairs of pages thousands of times per build
def href(from_src: str, to_src: str, anchor: str | None = None, directory_urls: bool = True) -> str:
    """A relative link from the page ``from_src`` to ``to_src`` (and an anchor on it)."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    base = here.rsplit("/", 1)[0] if "/" in here else ""
    link = posixpath.relpath(there.rstrip("/") or ".", base or ".")
    if there.endswith("/") or there == "":
        link = link.rstrip("/") + "/" if link != "." else "./"
    return link + (f"#{anchor}" if anchor else "")
