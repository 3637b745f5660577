"""Statuses and status histories of opgaven and pilots (pure, on the model)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import Statusovergang

# every status, in the order of the work: the schema's enum
STATUSES = ("verkennend", "in ontwikkeling", "in uitvoering", "bereikt", "gestopt")
# the columns a status board always shows; other statuses only when a record has them
BOARD_STATUSES = ("verkennend", "in ontwikkeling", "in uitvoering", "bereikt")


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
