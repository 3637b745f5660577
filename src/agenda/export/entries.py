"""The entries of the feed: each event of the agenda that is news (agenda.timeline) with its
title, its summary in plain text and the page that tells about it.

A moment that is only a year says so in its text ("2023 (alleen het jaar is bekend)").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import urls
from ..dates import moment_text
from ..indicators import meting_text, period_label
from ..model import Besluit, EvaluatieBesluit, Model, Pilot
from ..timeline import Event, events, news


@dataclass(frozen=True)
class Entry:
    day: date
    key: str  # stable: the same event has the same key in every build
    title: str
    lines: tuple[str, ...]  # the summary, plain text
    page: str  # the source path of the page that tells about it
    anchor: str | None


def _when(event: Event, moment: object) -> str:
    text = moment_text(moment)
    return f"{text} (alleen het jaar is bekend)" if event.year_only else text


def _besluit(gremia: dict[str, str], besluit: Besluit | EvaluatieBesluit) -> str:
    text = f"Besluit van {gremia.get(besluit.gremium, besluit.gremium)}"
    when = moment_text(besluit.datum)
    text += " (datum onbekend)" if when == "onbekend" else f" op {when}"
    return text + (f", verslag: {besluit.verslag}." if besluit.verslag else ".")


def _status(event: Event, gremia: dict[str, str]) -> tuple[str, list[str]]:
    step, previous = event.change.step, event.change.previous
    label = "Pilot" if isinstance(event.record, Pilot) else "Opgave"
    if previous is None:
        what, status = f"nieuw, status {step.status}", f"{step.status} (de eerste stap)"
    elif previous != step.status:
        what = status = f"van {previous} naar {step.status}"
    else:
        what, status = f"status blijft {step.status}", f"blijft {step.status}"
    lines = [f"{label}: {event.record.titel}.", f"Status: {status}.", f"Datum: {_when(event, step.datum)}."]
    if not event.current:
        lines.append(f"De status is nu {event.record.status}.")
    if step.toelichting:
        lines.append(step.toelichting)
    if step.besluit:
        lines.append(_besluit(gremia, step.besluit))
    return f"{label} {event.record.titel}: {what}", lines


def _entry(event: Event, gremia: dict[str, str]) -> Entry:
    record = event.record
    if event.kind == "status":
        title, lines = _status(event, gremia)
        anchor = "status"
    elif event.kind == "evaluatie":
        title, lines = record.titel, [f"Datum: {_when(event, record.datum)}."]
        lines += [record.samenvatting] if record.samenvatting else []
        anchor = None
    elif event.kind == "besluit":
        besluit = event.besluit
        title = f"Besluit: {besluit.omschrijving}"
        lines = [
            f"Besluit bij {record.titel}: {besluit.omschrijving}",
            f"Genomen door {gremia.get(besluit.gremium, besluit.gremium)}, op {_when(event, besluit.datum)}."
            + (f" Verslag: {besluit.verslag}." if besluit.verslag else ""),
        ]
        anchor = "besluiten"
    elif event.kind == "mijlpaal":
        title = f"Mijlpaal bereikt: {event.mijlpaal.omschrijving}"
        lines = [f"Opgave: {record.titel}.", f"Datum: {moment_text(event.mijlpaal.datum)}."]
        anchor = "mijlpalen"
    else:
        indicator, meting = event.indicator, event.meting
        period = " ".join(period_label(meting.periode))
        title = f"Meting {indicator.naam}, {period}: {meting_text(meting, indicator.eenheid)}"
        lines = [f"Pilot: {record.titel}.", f"Indicator: {indicator.naam}.", f"Periode: {period}."]
        lines += [meting.toelichting] if meting.toelichting else []
        anchor = f"indicator-{indicator.id}"
    return Entry(event.day, event.key, title, tuple(lines), urls.record_page(record), anchor)


def entries(model: Model) -> list[Entry]:
    """Every event that is news, newest first."""
    gremia = {g.id: g.naam for g in model.organisatie.gremia}
    return [_entry(event, gremia) for event in news(events(model))]
