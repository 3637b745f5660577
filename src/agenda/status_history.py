"""Statuses and status histories of opgaven and pilots (pure, on the model): the steps with the
status before each, the status at the end of a year, and the steps between two years. Not to be
confused with the data's change history in git (agenda.data_changes)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .dates import moment_year
from .model import ONBEKEND, Statusovergang
from .schemas import schema

# every status, in the order of the work: the schema's enum
STATUSES: tuple[str, ...] = tuple(schema("defs")["$defs"]["status"]["enum"])
# the columns a status board always shows; other statuses ('gestopt', 'onbekend') only when a
# record has them
BOARD_STATUSES = ("verkennend", "in ontwikkeling", "in uitvoering", "bereikt")
# the statuses a besluit can give: every status but 'onbekend', which only a source can leave open
DECIDED_STATUSES = tuple(status for status in STATUSES if status != ONBEKEND)


def status_heading(status: str) -> str:
    """The heading of a status on a board: 'In uitvoering'; 'Status nog niet bekend' for 'onbekend'."""
    return "Status nog niet bekend" if status == ONBEKEND else status.capitalize()


@dataclass(frozen=True)
class Change:
    """One step of a status history and the status before it (None for the first step)."""

    step: Statusovergang
    previous: str | None


def changes(steps: Sequence[Statusovergang]) -> Iterator[Change]:
    """The steps of a status history, oldest first, each with the status before it."""
    previous = None
    for step in steps:
        yield Change(step=step, previous=previous)
        previous = step.status


def status_in(steps: Sequence[Statusovergang], year: int) -> str | None:
    """The status at the end of ``year``: the last step dated in or before it (None if none)."""
    status = None
    for step in steps:
        step_year = moment_year(step.datum)
        if step_year is not None and step_year <= year:
            status = step.status
    return status


def changes_between(steps: Sequence[Statusovergang], after: int, until: int) -> list[Change]:
    """The steps dated in a year after ``after`` up to and including ``until``."""
    return [
        change
        for change in changes(steps)
        if (year := moment_year(change.step.datum)) is not None and after < year <= until
    ]
