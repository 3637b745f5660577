"""The first check: each document against the JSON Schema of its kind, and its first line naming
that schema. Only the documents that pass go on to the other checks."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from .. import schemas
from ..layout import SCHEMA_LINE_PREFIX, schema_file
from ..problems import Problem
from ..yamlfile import YamlDocument
from .documents import Documents


def check_schemas(docs: Documents) -> tuple[list[Problem], Documents]:
    """Every problem of the documents with their schemas, and the documents without one."""
    problems: list[Problem] = []
    valid = Documents(
        single={}, records={kind: {} for kind in docs.records}, stems=docs.stems, files=docs.files
    )

    def passes(kind: str, doc: YamlDocument) -> bool:
        problems.extend(_schema_line(docs.files[doc.path], doc, kind))
        found = schemas.check(kind, doc)
        problems.extend(found)
        return not found

    for kind, doc in docs.single.items():
        if passes(kind, doc):
            valid.single[kind] = doc
    for kind, records in docs.records.items():
        for stem, doc in records.items():
            if passes(kind, doc):
                valid.records[kind][stem] = doc
    return problems, valid


def _schema_line(path: Path, doc: YamlDocument, kind: str) -> list[Problem]:
    """The first line names the schema, so that editors complete and check the file.

    Inside this repository the path must lead to the schema from the file;
    a data folder elsewhere (a copy, a test) only has to name the right schema.
    """
    first = doc.text.split("\n", 1)[0].strip()
    name = schema_file(kind)
    expected = _schema_line_in(path.parent, name)
    if expected:
        if first == expected:
            return []
    else:
        expected = f"{SCHEMA_LINE_PREFIX}.../schemas/{name}"
        if first.startswith(SCHEMA_LINE_PREFIX) and first.endswith("/schemas/" + name):
            return []
    return [
        Problem(
            path=doc.path,
            line=1,
            field="",
            message=f"de eerste regel moet '{expected}' zijn, "
            "zodat de editor het bestand kan aanvullen en controleren.",
        )
    ]


@functools.cache
def _schema_line_in(folder: Path, name: str) -> str | None:
    """The schema line for a file in ``folder`` inside this repository; None outside it."""
    folder = folder.resolve()
    if not folder.is_relative_to(schemas.SCHEMA_DIR.parent):
        return None
    return SCHEMA_LINE_PREFIX + Path(os.path.relpath(schemas.SCHEMA_DIR / name, folder)).as_posix()
