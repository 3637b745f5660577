"""Which source documents a part of the model cites: every Bronverwijzing inside it, found by
walking its fields, so that each place a source can be named (a status step, a mijlpaal, a
measurement, a gremium, a begrip...) counts without a list of those places to keep up to date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from typing import TypeVar

from .model import Bronverwijzing

T = TypeVar("T")


def cited(value: object) -> set[str]:
    """The codes of the sources cited anywhere inside ``value`` (a dataclass of the model, a tuple)."""
    found: set[str] = set()
    _collect(value, found)
    return found


def _collect(value: object, found: set[str]) -> None:
    if isinstance(value, Bronverwijzing):
        found.add(value.bron)
    elif isinstance(value, tuple):
        for item in value:
            _collect(item, found)
    elif is_dataclass(value):
        for field in fields(value):
            _collect(getattr(value, field.name), found)


def citing(items: Iterable[T]) -> dict[str, list[T]]:
    """Each source code with the items that cite it, in the order of ``items``."""
    by_source: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for code in sorted(cited(item)):
            by_source[code].append(item)
    return dict(by_source)
