"""Herziening: the date by which an opgave or pilot must be looked at again.

Within :data:`SOON` days of that date the validator warns; after it the record
is overdue ("verlopen"). Both are warnings, never errors: an overdue review
must not block a change. "Today" is a parameter, so that the outcome does not
depend on the day the tests run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Literal, Protocol

from .dates import dutch_date
from .problems import Problem
from .yamlfile import YamlDocument

SOON = timedelta(days=30)
RECORD_KINDS = ("opgave", "pilot")

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


def warnings(records: dict[str, dict[str, YamlDocument]], today: date) -> Iterator[Problem]:
    """A warning for every opgave and pilot whose herziening is due soon or overdue."""
    for kind in RECORD_KINDS:
        for doc in records.get(kind, {}).values():
            herziening = doc.data.get("herziening")
            found = state(herziening, today)
            if found is None:
                continue
            due = date.fromisoformat(herziening)
            shown = dutch_date(due)
            days = abs((due - today).days)
            if found == "verlopen":
                message = (
                    f"de herziening is verlopen: de gegevens moesten uiterlijk {shown} opnieuw "
                    f"bekeken zijn ({days} {'dag' if days == 1 else 'dagen'} geleden). Bekijk ze "
                    "en zet daarna een nieuwe datum bij 'herziening'."
                )
            else:
                when = "vandaag" if days == 0 else f"over {days} {'dag' if days == 1 else 'dagen'}"
                message = (
                    f"de herziening komt eraan: de gegevens moeten uiterlijk {shown} ({when}) "
                    "opnieuw bekeken zijn. Bekijk ze en zet daarna een nieuwe datum bij 'herziening'."
                )
            yield Problem(
                path=doc.path,
                line=doc.line(("herziening",)),
                field="herziening",
                message=message,
                severity="waarschuwing",
            )
