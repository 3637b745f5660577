"""The news, for the home page and "Wat is er veranderd": the events of the agenda that are news
(status steps, besluiten, evaluations, reached mijlpalen, measurements; agenda.timeline) and, from
git, the later edits of records, newest first.

A status step that is no longer the record's current one says the current status after it ("nu
bereikt, datum niet bekend"): no record appears with a status it no longer has. Git gives only
edits (a record added, edited or removed after the data first came in); what an edit did to the
agenda is told by the agenda's own events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..data_changes import RecordChange
from ..dates import dutch_date, moment_key, moment_text
from ..indicators import meting_text, period_label
from ..model import Evaluatie, Opgave, Pilot
from ..site import Site
from ..timeline import Event, news
from .markup import Markup
from .parts import besluit_href, gremium_name, link, record_link, status_badge


@dataclass(frozen=True)
class Item:
    day: date  # for the order: the first day the moment can be
    when: str  # '14 maart 2024', '2023', '1e halfjaar 2024'
    text: Markup

    def html(self) -> Markup:
        return Markup('<span class="agenda-when">{}</span>: {}').format(self.when, self.text)


def record_of(site: Site, kind: str, code: str) -> Opgave | Pilot | Evaluatie | None:
    """The record of a change in git (None when it no longer exists)."""
    if kind == "opgave":
        return site.opgaven.get(code)
    if kind == "pilot":
        return site.pilots.get(code)
    return site.evaluaties.get(int(code)) if code.isdigit() else None


def _besluit_link(site: Site, here: str, event: Event) -> Markup:
    return link(besluit_href(site, here, event.key, event.besluit), "besluit")


def _status(site: Site, here: str, event: Event) -> Markup:
    step, previous, record = event.change.step, event.change.previous, event.record
    if previous is None:
        what = Markup("status {}").format(status_badge(step.status))
    elif previous != step.status:
        what = Markup("van {} naar {}").format(status_badge(previous), status_badge(step.status))
    else:
        what = Markup("blijft {}").format(status_badge(step.status))
    text = Markup("{}: {}").format(record_link(site, here, record), what)
    if step.besluit:
        text += Markup(", door een {} van {}").format(_besluit_link(site, here, event), gremium_name(site, step.besluit.gremium))
    if not event.current:
        since = record.statushistorie[-1].datum
        when = f"sinds {moment_text(since)}" if moment_key(since) is not None else "datum niet bekend"
        text += Markup("; nu {} ({})").format(status_badge(record.status), when)
    return text


def _event_text(site: Site, here: str, event: Event) -> Markup:
    record = event.record
    if event.kind == "status":
        return _status(site, here, event)
    if event.kind == "evaluatie":
        return Markup("{} is verschenen").format(record_link(site, here, record))
    if event.kind == "besluit":
        return Markup("{} van {} bij {}: {}").format(
            _besluit_link(site, here, event), gremium_name(site, event.besluit.gremium),
            record_link(site, here, record), site.prose.inline(event.besluit.omschrijving),
        )
    if event.kind == "mijlpaal":
        return Markup("{}: mijlpaal bereikt: {}").format(
            record_link(site, here, record), site.prose.inline(event.mijlpaal.omschrijving)
        )
    indicator = event.indicator
    return Markup("{}: meting {}: {}").format(
        record_link(site, here, record), site.prose.inline(indicator.naam), meting_text(event.meting, indicator.eenheid)
    )


def _when(event: Event) -> str:
    if event.kind == "meting":
        return " ".join(period_label(event.meting.periode))
    return str(event.day.year) if event.year_only else dutch_date(event.day)


def _edit(site: Site, here: str, change: RecordChange) -> Item:
    record = record_of(site, change.kind, change.code)
    if record is not None:
        name = record_link(site, here, record)
    else:
        name = Markup("{} ({}, bestaat niet meer)").format(site.prose.inline(change.titel or change.code), change.kind)
    what = "bijgewerkt" if change.what == "gewijzigd" else change.what
    return Item(change.day, dutch_date(change.day), Markup("{}: {}").format(name, what))


def _edits(site: Site) -> list[RecordChange]:
    """The edits in git, newest first, one per record and day (the last of that day)."""
    seen: set[tuple[str, str, date]] = set()
    found = []
    for change in reversed(site.history.changes or ()):
        if (change.kind, change.code, change.day) not in seen:
            seen.add((change.kind, change.code, change.day))
            found.append(change)
    return found


def items(site: Site, here: str, limit: int) -> tuple[list[Item], int]:
    """The newest ``limit`` news items (the agenda's events and the edits in git, newest first;
    on the same day the events first), and how many there are in all."""
    found: list[Event | RecordChange] = [*news(site.events), *_edits(site)]
    found.sort(key=lambda x: x.day, reverse=True)
    shown = [
        Item(x.day, _when(x), _event_text(site, here, x)) if isinstance(x, Event) else _edit(site, here, x)
        for x in found[:limit]
    ]
    return shown, len(found)
