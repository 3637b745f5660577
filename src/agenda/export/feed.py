"""The Atom feed (RFC 4287) of the agenda's news (agenda.export.entries), newest first.

Ids are ``urn:uuid:`` names (RFC 4122, version 5) made from the region's name and the event's
stable key, never from the build time or a host: a feed reader shows an entry once, however
often the site is built or moved. ``updated`` of an entry is the day of its event at 00:00 UTC
(1 January when only the year is known); of the feed, the newest of those and the date of the
data.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import date

from .. import urls
from ..model import Model
from .addresses import Addresses
from .entries import entries

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"


def stable_id(model: Model, key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"samenwerkingsagenda:{model.regio.naam}:{key}").urn


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def feed_title(model: Model) -> str:
    return f"Veranderingen in de {model.regio.titel}"


def atom_feed(model: Model, addresses: Addresses, *, data_date: date | None, today: date) -> str:
    """The feed as XML text. ``today`` is only used when nothing in it has a date."""
    found = entries(model)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    _add(feed, "id", stable_id(model, "feed"))
    _add(feed, "title", feed_title(model))
    _add(
        feed,
        "subtitle",
        "Besluiten, statuswijzigingen, evaluaties, bereikte mijlpalen en metingen, de nieuwste eerst. "
        "Wat geen bekende datum heeft, staat op de pagina van de opgave of pilot, niet in deze feed.",
    )
    days = [e.day for e in found] + ([data_date] if data_date else [])
    _add(feed, "updated", _timestamp(max(days, default=today)))
    author = _add(feed, "author")
    _add(author, "name", model.regio.overleg or model.regio.naam)
    _add(feed, "link", rel="alternate", type="text/html", href=addresses.page("index.md"))
    if addresses.absolute:
        _add(feed, "link", rel="self", type=MEDIA_TYPE, href=addresses.file(urls.FEED_FILE))
    if model.regio.licentie:
        _add(feed, "rights", f"Licentie: {model.regio.licentie.naam}")
    for event in found:
        entry = _add(feed, "entry")
        _add(entry, "id", stable_id(model, event.key))
        _add(entry, "title", event.title)
        _add(entry, "updated", _timestamp(event.day))
        _add(entry, "link", rel="alternate", type="text/html", href=addresses.page(event.page, event.anchor))
        _add(entry, "summary", "\n".join(event.lines))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
