"""Every besluit in the agenda (pure, on the model): the besluiten of status steps and of
evaluations, newest first, those whose date is not known last."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import moment_key
from .model import Evaluatie, Model, Moment, Opgave, Pilot
from .status_history import changes


@dataclass(frozen=True)
class Decision:
    datum: Moment
    gremium: str
    verslag: str | None
    record: Opgave | Pilot | Evaluatie
    previous: str | None = None  # a status step: the status before (None for the first step)
    status: str | None = None  # a status step: the status it set
    omschrijving: str | None = None  # a besluit of an evaluation: what was decided


def decisions(model: Model) -> list[Decision]:
    found = [
        Decision(c.step.besluit.datum, c.step.besluit.gremium, c.step.besluit.verslag, record, c.previous, c.step.status)
        for record in (*model.opgaven, *model.pilots)
        for c in changes(record.statushistorie)
        if c.step.besluit is not None
    ]
    found += [
        Decision(b.datum, b.gremium, b.verslag, evaluatie, omschrijving=b.omschrijving)
        for evaluatie in model.evaluaties
        for b in evaluatie.besluiten
    ]
    dated = [d for d in found if moment_key(d.datum) is not None]
    dated.sort(key=lambda d: moment_key(d.datum), reverse=True)
    return dated + [d for d in found if moment_key(d.datum) is None]
