"""The options of the dropdowns: what a reader sees (names, never codes) and what each stands for.

The same functions make the options of a template and read a submitted form back, so the mapping
from a shown name to its code is the one of the data at that moment. A name is shown on one line
(white space, line breaks included, becomes one space); names that come out the same get a number
after them, in the order of their codes: ``Titel``, ``Titel (2)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from ..model import Model
from ..scaffold import REFERENCES
from ..status_history import DECIDED_STATUSES, STATUSES

T = TypeVar("T")
Options = dict[str, T]  # shown text -> what it stands for

# GitHub keeps the option 'None' for an empty dropdown
_RESERVED = {"none"}
_SPACE = re.compile(r"\s+")


def shown(text: str) -> str:
    """A name as one line of text."""
    return _SPACE.sub(" ", text).strip()


def unique(pairs: Iterable[tuple[str, T]]) -> Options[T]:
    """Options from (name, value) pairs in a stable order: every shown text is different."""
    options: Options[T] = {}
    for name, value in pairs:
        base = shown(name)
        label, number = base, 1
        while label in options or label.casefold() in _RESERVED:
            number += 1
            label = f"{base} ({number})"
        options[label] = value
    return options


def _codes(field: str, model: Model) -> Options[str]:
    """The codes of a reference field (scaffold.REFERENCES: code -> name), by name."""
    named = REFERENCES[field](model)
    return unique((name, code) for code, name in sorted(named.items()))


def gremia(model: Model) -> Options[str]:
    return _codes("gremium", model)


def bronnen(model: Model) -> Options[str]:
    return _codes("bron", model)


def statuses(*, decided: bool = False) -> Options[str]:
    """Every status; with ``decided`` only those a besluit can give (not 'onbekend')."""
    return {status: status for status in (DECIDED_STATUSES if decided else STATUSES)}


def items(model: Model) -> Options[tuple[str, str]]:
    """Every opgave and pilot: (kind, code)."""
    return unique(
        [(f"Opgave: {o.titel}", ("opgave", o.id)) for o in sorted(model.opgaven, key=lambda o: o.id)]
        + [(f"Pilot: {p.titel}", ("pilot", p.id)) for p in sorted(model.pilots, key=lambda p: p.id)]
    )


def indicators(model: Model) -> Options[tuple[str, str]]:
    """Every indicator of every pilot: (pilot, indicator)."""
    return unique(
        (f"{pilot.titel}: {indicator.naam}", (pilot.id, indicator.id))
        for pilot in sorted(model.pilots, key=lambda p: p.id)
        for indicator in pilot.indicatoren
    )


def open_milestones(model: Model) -> Options[tuple[str, int]]:
    """Every mijlpaal of an opgave that is not reached yet: (opgave, its place in the list)."""
    return unique(
        (f"{opgave.titel}: {mijlpaal.omschrijving} ({mijlpaal.jaar})", (opgave.id, index))
        for opgave in sorted(model.opgaven, key=lambda o: o.id)
        for index, mijlpaal in enumerate(opgave.mijlpalen)
        if mijlpaal.gereed != "ja"
    )
