"""Herziening: the date by which an opgave or pilot must be looked at again.

Within :data:`SOON` days of that date it is due soon ("binnenkort"); after it the
record is overdue ("verlopen"). The boards and record pages show it, and the
validator warns (``agenda.checks.review_dates``). "Today" is a parameter, so that
the outcome does not depend on the day the tests run.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, Protocol

SOON = timedelta(days=30)

ReviewState = Literal["verlopen", "binnenkort"]


class _Reviewed(Protocol):
    herziening: str | None


def state(herziening: str | None, today: date) -> ReviewState | None:
    """'verlopen' after the date, 'binnenkort' from 30 days before it, else None."""
    if herziening is None:
        return None
    due = date.fromisoformat(herziening)
    if due < today:
        return "verlopen"
    if due - today <= SOON:
        return "binnenkort"
    return None


def review_state(record: _Reviewed, today: date) -> ReviewState | None:
    """The review state of an opgave or pilot of the model, for the boards and record pages."""
    return state(record.herziening, today)
