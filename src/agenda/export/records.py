"""The model as JSON: one file per kind of record and one file with everything.

Each value is written with the Dutch field name of the YAML; a field without a value (None, or
an empty list) is left out, just as in the YAML, so every record stays valid against its schema.
Records of a folder are keyed by their code (evaluations by their year), and carry it too.
The file with everything first names the version of the schemas it follows (``schemaversie``).
``agenda.model.build`` turns each record back into the very dataclass it came from.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass

from ..layout import COLLECTIONS, SINGLE_KINDS
from ..model import Model
from ..schema_versions import current

ALL = "alles"
VERSION = "schemaversie"  # the key in ALL of the version of the schemas


def plain(value: object) -> object:
    """A model value as JSON data: dataclasses as objects, tuples as lists, no empty fields."""
    if is_dataclass(value):
        return {
            f.name: plain(item)
            for f in fields(value)
            if (item := getattr(value, f.name)) is not None and item != ()
        }
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def record_key(record: object) -> str:
    """The key of a record in its file: its code, or the year of an evaluation."""
    return str(getattr(record, "id", None) or getattr(record, "jaar"))


def documents(model: Model) -> dict[str, object]:
    """The JSON data of each file, by file name without .json: a single kind, a collection
    (agenda.layout) or ALL (the version of the schemas, then every other file under its name)."""
    data: dict[str, object] = {name: plain(getattr(model, name)) for name in SINGLE_KINDS}
    for name in COLLECTIONS:
        data[name] = {record_key(r): plain(r) for r in getattr(model, name)}
    data[ALL] = {VERSION: current().versie, **data}
    return data


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
