"""Review dates: a warning when the herziening of an opgave or pilot is due soon or overdue.

Warnings, never errors: an overdue review must not block a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .. import review
from ..dates import dutch_date
from ..layout import STATUS_KINDS
from ..problems import Problem
from .documents import Documents, problem_at


def check_review_dates(docs: Documents, today: date) -> Iterator[Problem]:
    """A warning for every opgave and pilot whose herziening is due soon or overdue."""
    for kind in STATUS_KINDS:
        for doc in docs.records[kind].values():
            herziening = doc.data.get("herziening")
            found = review.state(herziening, today)
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
            yield problem_at(doc, ("herziening",), message, "waarschuwing")
