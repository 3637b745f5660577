"""The one loader: data folder -> problems and, when there are no errors, the model.

The validator, the site, the macros and the exports all call :func:`load`.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .checks import Documents, check_all
from .datafiles import NotData, display_path, read, scan
from .layout import FOLDERS, SINGLE_FILES, schema_file
from .model import (
    Begrippen,
    Evaluatie,
    Model,
    Opgave,
    Organisatie,
    Pilot,
    Regio,
    Visie,
    build,
)
from .problems import Problem
from .yamlfile import YamlDocument, read_yaml

# the model class of each kind of file (see layout.py for where each kind lives)
MODEL_CLASSES: dict[str, type] = {
    "regio": Regio,
    "visie": Visie,
    "organisatie": Organisatie,
    "begrippen": Begrippen,
    "opgave": Opgave,
    "pilot": Pilot,
    "evaluatie": Evaluatie,
}


@dataclass(frozen=True)
class LoadResult:
    model: Model | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "fout")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "waarschuwing")


def load(data_dir: str | Path, *, today: date | None = None) -> LoadResult:
    """Read, check and link every file in ``data_dir``; problems in file and line order.

    ``today`` (default: the real date) decides which herzieningen are due.
    """
    # Reading makes hundreds of thousands of small objects and no reference cycles, which the
    # cyclic garbage collector would scan again and again: a fifth of the time at 5,000 records.
    # Reference counting still frees what is no longer used.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(data_dir), today or date.today())
    finally:
        if collecting:
            gc.enable()


def _load(root: Path, today: date) -> LoadResult:
    problems: list[Problem] = []
    docs = Documents.empty()

    found = scan(root)  # every entry that is not data is reported there
    problems.extend(found.problems)
    for name, kind in SINGLE_FILES.items():
        if kind not in found.single:
            problems.append(
                Problem(
                    path=display_path(root / name),
                    line=1,
                    field="",
                    message=f"dit bestand ontbreekt. Maak het aan volgens schemas/{schema_file(kind)}.",
                )
            )
        elif (path := found.single[kind]) is not None and (doc := _read(path, problems)) is not None:
            docs.single[kind] = doc
            docs.files[doc.path] = path

    for kind in FOLDERS.values():
        files = found.records[kind]
        docs.stems[kind] = set(files)  # also a record that is no regular file: it is there, but invalid
        for stem, path in sorted(files.items()):
            if path is not None and (doc := _read(path, problems)) is not None:
                docs.records[kind][stem] = doc
                docs.files[doc.path] = path

    problems.extend(check_all(docs, today))
    problems.sort(key=lambda p: (p.path, p.line, p.field))
    if any(p.severity == "fout" for p in problems):
        return LoadResult(None, tuple(problems))
    return LoadResult(_model(docs), tuple(problems))


def _read(path: Path, problems: list[Problem]) -> YamlDocument | None:
    """The document of the file at ``path`` when it can be parsed; the checks come after."""
    shown = display_path(path)
    try:
        raw = read(path, shown)
    except NotData as exc:
        problems.append(exc.problem)
        return None
    doc, found = read_yaml(shown, raw)
    problems.extend(found)
    return doc


def _model(docs: Documents) -> Model:
    single = {kind: build(MODEL_CLASSES[kind], doc.data) for kind, doc in docs.single.items()}
    bestanden: dict[tuple[str, str], str] = {}
    records: dict[str, list] = {}
    for kind, documents in docs.records.items():
        records[kind] = []
        for stem, doc in sorted(documents.items()):
            records[kind].append(build(MODEL_CLASSES[kind], doc.data))
            bestanden[(kind, stem)] = doc.path
    return Model(
        regio=single["regio"],
        visie=single["visie"],
        organisatie=single["organisatie"],
        begrippen=single["begrippen"],
        opgaven=tuple(records["opgave"]),
        pilots=tuple(records["pilot"]),
        evaluaties=tuple(sorted(records["evaluatie"], key=lambda e: e.jaar)),
        bestanden=bestanden,
    )
