"""What happened when, for the feed: status steps (with their besluiten), evaluations and the
besluiten of evaluations, each on a known day.

A moment that is only a year counts as 1 January of that year (the earliest day it can be), and
says so in its text. A step or evaluation whose date is 'onbekend' is left out: it has no place
in a list by date, and its record page shows it. Each event has a key that stays the same from
build to build: the kind and code of the record and the place of the step in its history, which
the checks keep append-only (a step is never changed, removed or pushed aside).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..dates import moment_text
from ..model import Besluit, Model, Moment, Opgave, Pilot
from ..status_history import changes


@dataclass(frozen=True)
class Event:
    day: date
    year_only: bool  # only the year is known; ``day`` is 1 January
    key: str  # stable: the same event has the same key in every build
    title: str
    lines: tuple[str, ...]  # the summary, plain text
    page: str  # the source path of the page that tells about it
    anchor: str | None


def moment_day(moment: Moment | None) -> tuple[date, bool] | None:
    """The day of a moment and whether only its year is known; None when it is unknown."""
    if isinstance(moment, int):
        return date(moment, 1, 1), True
    if isinstance(moment, str) and moment[:4].isdigit():
        return date.fromisoformat(moment), False
    return None


def _when(moment: Moment, year_only: bool) -> str:
    text = moment_text(moment)
    return f"{text} (alleen het jaar is bekend)" if year_only else text


def _besluit(model_gremia: dict[str, str], besluit: Besluit) -> str:
    text = f"Besluit van {model_gremia.get(besluit.gremium, besluit.gremium)}"
    when = moment_text(besluit.datum)
    text += " (datum onbekend)" if when == "onbekend" else f" op {when}"
    return text + (f", verslag: {besluit.verslag}." if besluit.verslag else ".")


def _status_events(model: Model, gremia: dict[str, str]) -> Iterator[Event]:
    records: list[tuple[str, str, Opgave | Pilot]] = [("Opgave", "opgave", o) for o in model.opgaven]
    records += [("Pilot", "pilot", p) for p in model.pilots]
    for label, kind, record in records:
        page = urls.opgave_page(record.id) if kind == "opgave" else urls.pilot_page(record.id)
        for index, change in enumerate(changes(record.statushistorie)):
            step = change.step
            found = moment_day(step.datum)
            if found is None:
                continue
            day, year_only = found
            if change.previous is None:
                what, status = f"nieuw, status {step.status}", f"{step.status} (de eerste stap)"
            elif change.previous != step.status:
                what = status = f"van {change.previous} naar {step.status}"
            else:
                what, status = f"status blijft {step.status}", f"blijft {step.status}"
            lines = [f"{label}: {record.titel}.", f"Status: {status}.", f"Datum: {_when(step.datum, year_only)}."]
            if step.toelichting:
                lines.append(step.toelichting)
            if step.besluit:
                lines.append(_besluit(gremia, step.besluit))
            yield Event(
                day, year_only, f"{kind}/{record.id}/statushistorie/{index}",
                f"{label} {record.titel}: {what}", tuple(lines), page, "status",
            )


def _evaluation_events(model: Model, gremia: dict[str, str]) -> Iterator[Event]:
    for evaluatie in model.evaluaties:
        page = urls.evaluatie_page(evaluatie.jaar)
        found = moment_day(evaluatie.datum)
        if found is not None:
            day, year_only = found
            lines = [f"Datum: {_when(evaluatie.datum, year_only)}."]
            if evaluatie.samenvatting:
                lines.append(evaluatie.samenvatting)
            yield Event(day, year_only, f"evaluatie/{evaluatie.jaar}", evaluatie.titel, tuple(lines), page, None)
        for index, besluit in enumerate(evaluatie.besluiten):
            found = moment_day(besluit.datum)
            if found is None:
                continue
            day, year_only = found
            lines = [
                f"Besluit bij {evaluatie.titel}: {besluit.omschrijving}",
                f"Genomen door {gremia.get(besluit.gremium, besluit.gremium)}, "
                f"op {_when(besluit.datum, year_only)}."
                + (f" Verslag: {besluit.verslag}." if besluit.verslag else ""),
            ]
            yield Event(
                day, year_only, f"evaluatie/{evaluatie.jaar}/besluiten/{index}",
                f"Besluit: {besluit.omschrijving}", tuple(lines), page, "besluiten",
            )


def events(model: Model) -> list[Event]:
    """Every dated event, newest first (on the same day: in a fixed order, by key)."""
    gremia = {g.id: g.naam for g in model.organisatie.gremia}
    found = [*_status_events(model, gremia), *_evaluation_events(model, gremia)]
    found.sort(key=lambda e: e.key)
    found.sort(key=lambda e: e.day, reverse=True)
    return found
