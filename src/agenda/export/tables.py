"""The tabular parts of the model as CSV: opgaven, pilots, mijlpalen, and the measurements and
targets of the indicators.

UTF-8 without a byte order mark, a header row of Dutch field names as in the YAML. A row holds
the fields of one record that are a single value or a list of values; the nested parts (status
history, evaluations, ...) are in the JSON. How a value becomes a cell, and the cells a file
(RFC 4180), is in agenda.export.csv_text.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields

from ..model import Bronverwijzing, Doel, Indicator, Meting, Mijlpaal, Model, Opgave, Pilot
from ..schema_fields import schema_field
from .csv_text import cell, csv_text


@dataclass(frozen=True)
class Column:
    name: str  # the header: a field name as in the YAML
    title: str  # what it holds, from the schema


@dataclass(frozen=True)
class Table:
    name: str  # the file name without .csv
    description: str  # one sentence in Dutch
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    def csv(self) -> str:
        return csv_text((c.name for c in self.columns), self.rows)


def _single(hint: object) -> bool:
    """Whether a field of this type fits in one cell: a value, or a list of values or sources."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return all(_single(option) for option in typing.get_args(hint))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return item is Bronverwijzing or _single(item)
    return hint in (str, int, float, bool, type(None))


def _fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    return [f.name for f in fields(cls) if _single(hints[f.name])]


# (column name, its title, its value from the parents of a row's record)
_Context = tuple[str, str, Callable[..., object]]


def _table(
    name: str,
    description: str,
    kind: str,
    cls: type,
    path: str,
    context: Iterable[_Context],
    rows: Iterable[tuple],
) -> Table:
    """One row per ``(record, *parents)``: the context columns, then the record's own fields."""
    context = list(context)
    own = _fields(cls)
    prefix = f"{path}." if path else ""
    columns = [Column(c, title) for c, title, _ in context]
    columns += [Column(f, schema_field(kind, prefix + f).title) for f in own]
    body = tuple(
        tuple(cell(get(*parents)) for *_, get in context) + tuple(cell(getattr(record, f)) for f in own)
        for record, *parents in rows
    )
    return Table(name, description, tuple(columns), body)


def _measurements(model: Model) -> Iterator[tuple[Meting, Pilot, Indicator]]:
    for pilot in model.pilots:
        for indicator in pilot.indicatoren:
            for meting in indicator.metingen:
                yield meting, pilot, indicator


def _targets(model: Model) -> Iterator[tuple[Doel, Pilot, Indicator]]:
    for pilot in model.pilots:
        for indicator in pilot.indicatoren:
            for doel in indicator.doelen:
                yield doel, pilot, indicator


_INDICATOR: list[_Context] = [
    ("pilot", "Code van de pilot", lambda pilot, indicator: pilot.id),
    ("indicator", "Code van de indicator", lambda pilot, indicator: indicator.id),
    ("naam", "Naam van de indicator", lambda pilot, indicator: indicator.naam),
    ("eenheid", "Eenheid van de indicator", lambda pilot, indicator: indicator.eenheid),
]


def tables(model: Model) -> list[Table]:
    return [
        _table("opgaven", "Eén regel per opgave.", "opgave", Opgave, "", [], ((o,) for o in model.opgaven)),
        _table("pilots", "Eén regel per pilot.", "pilot", Pilot, "", [], ((p,) for p in model.pilots)),
        _table(
            "mijlpalen",
            "Eén regel per mijlpaal van een opgave.",
            "opgave",
            Mijlpaal,
            "mijlpalen[]",
            [("opgave", "Code van de opgave", lambda opgave: opgave.id)],
            ((m, o) for o in model.opgaven for m in o.mijlpalen),
        ),
        _table(
            "indicator-metingen",
            "Eén regel per meting van een indicator van een pilot.",
            "pilot",
            Meting,
            "indicatoren[].metingen[]",
            _INDICATOR,
            _measurements(model),
        ),
        _table(
            "indicator-doelen",
            "Eén regel per streefwaarde van een indicator van een pilot.",
            "pilot",
            Doel,
            "indicatoren[].doelen[]",
            _INDICATOR,
            _targets(model),
        ),
    ]
