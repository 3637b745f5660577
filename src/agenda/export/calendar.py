"""The iCalendar file (RFC 5545) of the dated mijlpalen and the evaluation moments.

Only what has a full date is in it (a year is not a day in a calendar), each as an all-day
event. UIDs are version 5 UUIDs made from the region's name and the event's code (RFC 7986
advises a UUID), so a calendar that subscribes to the file keeps each event once. DTSTAMP, which
RFC 5545 requires, is the date of the data, not the build time. A region without any dated event
still gets the file (without VEVENT, which calendar programs accept), so that its address works
for a subscription before the first date is known. How text and lines are written is in
agenda.export.ical_text.
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import urls
from ..model import Model
from ..timeline import Event, events
from .addresses import Addresses
from .feed import stable_id
from .ical_text import escape, ical_text


def _text(event: Event) -> tuple[str, str, str | None]:
    """The summary, description and anchor of a mijlpaal or an evaluation."""
    if event.kind == "mijlpaal":
        mijlpaal = event.mijlpaal
        return f"Mijlpaal: {mijlpaal.omschrijving}", f"Opgave: {event.record.titel}\nGereed: {mijlpaal.gereed}", "mijlpalen"
    return event.record.titel, f"De evaluatie over {event.record.jaar}.", None


def calendar_events(model: Model) -> list[Event]:
    """The mijlpalen and evaluations on a known day (not only a year), oldest first."""
    found = [e for e in events(model) if e.kind in ("mijlpaal", "evaluatie") and e.day and not e.year_only]
    return sorted(found, key=lambda e: (e.day, e.key))


def icalendar(model: Model, addresses: Addresses, *, stamp: date) -> str:
    """The calendar as text: CRLF line ends, folded lines."""
    regio = model.regio
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Samenwerkingsagenda//{escape(regio.naam)}//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape(regio.titel)}",
        f"X-WR-CALNAME:{escape(regio.titel)}",
    ]
    for event in calendar_events(model):
        summary, description, anchor = _text(event)
        address = addresses.page(urls.record_page(event.record), anchor)
        description += f"\nOp de site: {address}" if addresses.absolute else ""
        lines += [
            "BEGIN:VEVENT",
            f"UID:{stable_id(model, event.key).removeprefix('urn:uuid:')}",
            f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape(summary)}",
            f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT",
        ]
        if addresses.absolute:
            lines.append(f"URL:{address}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ical_text(lines)
