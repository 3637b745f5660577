"""Every event of the agenda with its moment (pure, on the model): status steps (with their
besluit), evaluations, the besluiten of evaluations, mijlpalen with a date and measurements. One
list for the news (the home page, "Wat is er veranderd", the feed), the Besluiten page and the
calendar; each takes what it shows from it.

A moment that is only a year counts as 1 January of that year, a measurement's periode as its
first day (the earliest day it can be); ``year_only`` says so. A moment that is 'onbekend' has no
day: it stays in the list (the Besluiten page shows it), but not in a list by date. Each event
has a key that stays the same from build to build: the kind and code of the record and the place
of the item in it (a status history is append-only, the checks keep it so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from .dates import moment_key
from .model import Besluit, Evaluatie, EvaluatieBesluit, Indicator, Meting, Mijlpaal, Model, Moment, Opgave, Pilot
from .status_history import Change, changes

# the kinds of event that are news: what happened, on a known day
NEWS_KINDS = ("status", "besluit", "evaluatie", "mijlpaal", "meting")


@dataclass(frozen=True)
class Event:
    kind: str  # 'status', 'besluit' (of an evaluation), 'evaluatie', 'mijlpaal' or 'meting'
    key: str  # stable: the same event has the same key in every build
    record: Opgave | Pilot | Evaluatie
    day: date | None  # None when the moment is not known
    year_only: bool = False  # only the year is known (a meting: not the exact day); ``day`` is its first day
    change: Change | None = None  # 'status': the step and the status before it
    besluit: Besluit | EvaluatieBesluit | None = None  # 'besluit', or the besluit of a status step
    mijlpaal: Mijlpaal | None = None
    indicator: Indicator | None = None  # 'meting'
    meting: Meting | None = None

    @property
    def current(self) -> bool:
        """A status step that led to the record's current status (its last step)."""
        return self.change is not None and self.change.step is self.record.statushistorie[-1]

    @property
    def news(self) -> bool:
        """On a known day, and something that happened (a mijlpaal only when it was reached)."""
        return self.day is not None and (self.kind != "mijlpaal" or self.mijlpaal.gereed == "ja")


def moment_day(moment: Moment | None) -> tuple[date | None, bool]:
    """The day of a moment and whether only its year is known; (None, False) when it is unknown."""
    if isinstance(moment, int):
        return date(moment, 1, 1), True
    if isinstance(moment, str) and moment[:4].isdigit():
        return date.fromisoformat(moment), False
    return None, False


def periode_day(periode: str) -> date:
    """The first day of a measurement's periode: '2023', '2023-S2', '2023-Q3', '2023-07'."""
    year, _, part = periode.partition("-")
    if not part:
        return date(int(year), 1, 1)
    if part[0] == "Q":
        return date(int(year), 3 * int(part[1]) - 2, 1)
    if part[0] == "S":
        return date(int(year), 6 * int(part[1]) - 5, 1)
    return date(int(year), int(part), 1)


def record_kind(record: Opgave | Pilot | Evaluatie) -> str:
    return "evaluatie" if isinstance(record, Evaluatie) else "pilot" if isinstance(record, Pilot) else "opgave"


def step_key(record: Opgave | Pilot, index: int) -> str:
    """The key of the ``index``-th step (from 0) of a record's status history."""
    return f"{record_kind(record)}/{record.id}/statushistorie/{index}"


def evaluation_besluit_key(evaluatie: Evaluatie, index: int) -> str:
    """The key of the ``index``-th besluit (from 0) of an evaluation."""
    return f"evaluatie/{evaluatie.jaar}/besluiten/{index}"


def besluit_anchor(key: str) -> str:
    """The anchor of a besluit on the Besluiten page, from its event's key."""
    return "besluit-" + key.replace("/", "-")


def _record_events(record: Opgave | Pilot) -> Iterator[Event]:
    for index, change in enumerate(changes(record.statushistorie)):
        day, year_only = moment_day(change.step.datum)
        yield Event("status", step_key(record, index), record, day, year_only, change=change, besluit=change.step.besluit)
    if isinstance(record, Opgave):
        seen: Counter[str] = Counter()  # mijlpalen on the same day
        for mijlpaal in record.mijlpalen:
            if mijlpaal.datum is None:
                continue
            seen[mijlpaal.datum] += 1
            key = f"opgave/{record.id}/mijlpaal/{mijlpaal.datum}/{seen[mijlpaal.datum]}"
            yield Event("mijlpaal", key, record, date.fromisoformat(mijlpaal.datum), mijlpaal=mijlpaal)
    else:
        for indicator in record.indicatoren:
            seen = Counter()
            for meting in indicator.metingen:
                seen[meting.periode] += 1
                key = f"pilot/{record.id}/indicator/{indicator.id}/meting/{meting.periode}/{seen[meting.periode]}"
                yield Event(
                    "meting", key, record, periode_day(meting.periode), meting.periode[4:] == "",
                    indicator=indicator, meting=meting,
                )


def _evaluation_events(evaluatie: Evaluatie) -> Iterator[Event]:
    day, year_only = moment_day(evaluatie.datum)
    yield Event("evaluatie", f"evaluatie/{evaluatie.jaar}", evaluatie, day, year_only)
    for index, besluit in enumerate(evaluatie.besluiten):
        day, year_only = moment_day(besluit.datum)
        yield Event("besluit", evaluation_besluit_key(evaluatie, index), evaluatie, day, year_only, besluit=besluit)


def events(model: Model) -> list[Event]:
    """Every event, newest first; on the same day in a fixed order (by key); unknown days last."""
    found = [e for record in (*model.opgaven, *model.pilots) for e in _record_events(record)]
    found += [e for evaluatie in model.evaluaties for e in _evaluation_events(evaluatie)]
    found.sort(key=lambda e: e.key)
    found.sort(key=lambda e: e.day or date.min, reverse=True)
    return found


def news(found: Sequence[Event]) -> list[Event]:
    """The events that are news, newest first."""
    return [e for e in found if e.news]


def decisions(found: Sequence[Event]) -> list[Event]:
    """The events with a besluit, by the besluit's date, newest first; those whose date is not
    known last."""
    with_besluit = [e for e in found if e.besluit is not None]
    dated = [e for e in with_besluit if moment_key(e.besluit.datum) is not None]
    dated.sort(key=lambda e: moment_key(e.besluit.datum), reverse=True)
    return dated + [e for e in with_besluit if moment_key(e.besluit.datum) is None]
