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


def check_histories(docs: Documents) -> Iterator[Problem]:
    """Each status history runs from old to new and ends in the record's status."""
    for kind in STATUS_KINDS:
        for doc in docs.records[kind].values():
            history = doc.data["statushistorie"]
            previous = None
            for index, step in enumerate(history):
                key = _order_key(step["datum"])
                if key is None:
                    continue
                if previous and (key[0] < previous[0] or (key[1] and previous[1] and key[1] < previous[1])):
                    yield problem_at(
                        doc,
                        ("statushistorie", index, "datum"),
                        f"{step['datum']} ligt vóór de stap erboven. "
                        "Zet de statushistorie in volgorde van oud naar nieuw.",
                    )
                else:
                    previous = key
            last = history[-1]["status"]
            if last != doc.data["status"]:
                yield problem_at(
                    doc,
                    ("status",),
                    f"de status '{doc.data['status']}' is niet gelijk aan de laatste stap in de "
                    f"statushistorie ('{last}'). Voeg een stap met de nieuwe status en het besluit "
                    "toe aan de statushistorie.",
                )
