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

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .. import urls
from ..model import Model
from .addresses import Addresses
from .feed import stable_id
from .ical_text import escape, ical_text



@dataclass(frozen=True)
class CalendarEvent:
    day: date
    key: str
    summary: str
    description: str
    page: str
    anchor: str | None


def _full_date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value[:4].isdigit() else None


def calendar_events(model: Model) -> Iterator[CalendarEvent]:
    for opgave in model.opgaven:
        seen: Counter[str] = Counter()
        for mijlpaal in opgave.mijlpalen:
            day = _full_date(mijlpaal.datum)
            if day is None:
                continue
            seen[mijlpaal.datum] += 1
            yield CalendarEvent(
                day,
                f"opgave/{opgave.id}/mijlpaal/{mijlpaal.datum}/{seen[mijlpaal.datum]}",
                f"Mijlpaal: {mijlpaal.omschrijving}",
                f"Opgave: {opgave.titel}\nGereed: {mijlpaal.gereed}",
                urls.opgave_page(opgave.id),
                "mijlpalen",
            )
    for evaluatie in model.evaluaties:
        day = _full_date(evaluatie.datum)
        if day is not None:
            yield CalendarEvent(
                day,
                f"evaluatie/{evaluatie.jaar}",
                evaluatie.titel,
                f"De evaluatie over {evaluatie.jaar}.",
                urls.evaluatie_page(evaluatie.jaar),
                None,
            )


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
    for event in sorted(calendar_events(model), key=lambda e: (e.day, e.key)):
        address = addresses.page(event.page, event.anchor)
        description = event.description + (f"\nOp de site: {address}" if addresses.absolute else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{stable_id(model, event.key).removeprefix('urn:uuid:')}",
            f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT",
        ]
        if addresses.absolute:
            lines.append(f"URL:{address}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ical_text(lines)
