"""The status history of each opgave and pilot: in order from old to new, and ending in the
record's status."""

from __future__ import annotations

from collections.abc import Iterator

from ..layout import STATUS_KINDS
from ..problems import Problem
from .documents import Documents, problem_at


def _order_key(moment: object) -> tuple[int, str] | None:
    """Sort key of a moment: a year (2023) or date ('2023-03-14'); None for 'onbekend'."""
    if isinstance(moment, int):
        return (moment, "")
    if isinstance(moment, str) and moment[:4].isdigit():
        return (int(moment[:4]), moment)
    return None


def _before(key: tuple[int, str], other: tuple[int, str]) -> bool:
    """Whether a moment lies before another: an earlier year, or in one year an earlier date."""
    return key[0] < other[0] or bool(key[1] and other[1] and key[1] < other[1])


def _newest_on_top(history: list[dict], status: str) -> bool:
    """Whether a new step was put at the top instead of at the bottom (one mistake, said once):
    the first step has the record's new status, which the last has not, and it is newer than
    every other step, which are in order. Without the status, a wrong date is as likely."""
    keys = [key for step in history if (key := _order_key(step["datum"])) is not None]
    if history[0]["status"] != status or history[-1]["status"] == status:
        return False
    if _order_key(history[0]["datum"]) is None or len(keys) < 2:
        return False
    rest = keys[1:]
    return all(_before(key, keys[0]) for key in rest) and not any(
        _before(later, earlier) for earlier, later in zip(rest, rest[1:], strict=False)
    )


def check_histories(docs: Documents) -> Iterator[Problem]:
    """Each status history runs from old to new and ends in the record's status."""
    for kind in STATUS_KINDS:
        for doc in docs.records[kind].values():
            history = doc.data["statushistorie"]
            on_top = _newest_on_top(history, doc.data["status"])
            if on_top:
                top = history[0]
                yield problem_at(
                    doc,
                    ("statushistorie", 0),
                    f"de nieuwste stap ({top['datum']}, '{top['status']}') staat bovenaan de statushistorie. "
                    "Zet hem onderaan: de statushistorie loopt van oud naar nieuw.",
                )
            previous = None
            for index, step in enumerate(history):
                key = _order_key(step["datum"])
                if key is None:
                    continue
                if previous and _before(key, previous) and not on_top:
                    yield problem_at(
                        doc,
                        ("statushistorie", index, "datum"),
                        f"{step['datum']} ligt vóór de stap erboven. "
                        "Zet de statushistorie in volgorde van oud naar nieuw.",
                    )
                previous = key
            last = history[-1]["status"]
            if last != doc.data["status"] and not on_top:
                yield problem_at(
                    doc,
                    ("status",),
                    f"de status '{doc.data['status']}' is niet gelijk aan de laatste stap in de "
                    f"statushistorie ('{last}'). Voeg een stap met de nieuwe status en het besluit "
                    "toe aan de statushistorie.",
                )
