"""A submitted form, from its body to the data folder: read, change, check, and only then write.

The change is made in a copy of the data folder and checked there with the one loader
(agenda.loader.load) and with the rules of ``validate.py --base``, compared with the folder as it
was (agenda.checks.changes_since.check_changes_between: the same rules, without git). Only when
nothing is wrong are the changed files written; otherwise nothing is.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..checks.changes_since import check_changes_between
from ..datafiles import display_path
from ..loader import load
from ..model import Model
from ..problems import Problem
from .body import Unreadable, parse
from .changes import CHANGES, Changes, Refused
from .definitions import forms


@dataclass(frozen=True)
class Outcome:
    """Applied (the models before and after, the validator's warnings) or refused (the problems,
    in Dutch; ``details`` belong to the last one)."""

    before: Model | None = None
    after: Model | None = None
    warnings: tuple[Problem, ...] = ()
    changed: tuple[str, ...] = ()  # the files written, in the data folder
    problems: tuple[str, ...] = ()
    details: tuple[str, ...] = ()

    @property
    def applied(self) -> bool:
        return self.after is not None


def _refused(problems: Sequence[str], details: Sequence[str] = ()) -> Outcome:
    return Outcome(problems=tuple(problems), details=tuple(details))


def _located(problem: Problem, copy: Path, data_dir: Path) -> Problem:
    """The problem as if it were found in the data folder itself."""
    prefix = display_path(copy)
    if not problem.path.startswith(prefix):
        return problem
    return replace(problem, path=display_path(data_dir) + problem.path[len(prefix) :])


def submit(body: str, data_dir: Path) -> Outcome:
    before = load(data_dir)
    if before.model is None:
        return _refused(
            ["de gegevens bevatten nu al fouten, dus kan het formulier niet verwerkt worden. Controleer ze met: "
             ".venv/bin/python scripts/validate.py"]
        )
    try:
        submission = parse(body, forms(before.model))
        changes = CHANGES[submission.form.file](submission, before.model, data_dir)
    except Unreadable as exc:
        return _refused([str(exc)])
    except Refused as exc:
        return _refused(exc.problems)
    with tempfile.TemporaryDirectory(prefix="formulier-") as temporary:
        copy = Path(temporary) / "data"
        shutil.copytree(data_dir, copy, symlinks=True)
        _write(copy, changes)
        after = load(copy)
        found = [_located(p, copy, data_dir) for p in (*after.problems, *check_changes_between(data_dir, copy))]
        errors = [p.format() for p in found if p.severity == "fout"]
        if errors or after.model is None:
            return _refused(["de wijziging past niet bij de regels voor de gegevens:"], errors)
        _write(data_dir, changes)
    warnings = tuple(p for p in found if p.severity == "waarschuwing")
    return Outcome(before=before.model, after=after.model, warnings=warnings, changed=tuple(sorted(changes)))


def _write(root: Path, changes: Changes) -> None:
    """Each file whole or not at all (a temporary file, then renamed)."""
    for path, text in changes.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".formulier")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
