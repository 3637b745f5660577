"""The must-fail cases: edits of the valid fixtures, and the few files that cannot be an edit.

tests/cases/<kind>.yaml is a table of cases for one file of tests/fixtures/geldig (its
``bestand``). Each case makes one edit of that file, at a path written as the validator names a
field (``statushistorie[0].datum``):

- ``zet``: give existing fields a new value;
- ``voeg-toe``: add fields that are not there;
- ``verwijder``: remove fields;

and lists in ``verwacht`` the exact messages the validator then prints. The edit is a
comment-preserving round trip (ruamel.yaml): the rest of the file stays as it is, so the line
numbers are those of the valid file.

What cannot be an edit (a file whose root is a list) stays a file,
tests/fixtures/moet-falen/<kind>/<case>.yaml, with its messages in '# verwacht: regel: veld:
bericht' lines; it goes next to the valid files of its kind (or in place of the single file).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache

from conftest import GELDIG, REPO, kind_of
from ruamel.yaml import YAML

from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.problems import field_name

TABLES = REPO / "tests" / "cases"
MOET_FALEN = REPO / "tests" / "fixtures" / "moet-falen"
EXPECTED = "# verwacht: "
EDITS = ("zet", "voeg-toe", "verwijder")

_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


@dataclass(frozen=True)
class Case:
    """One must-fail case: the file it writes into a copy of tests/fixtures/geldig."""

    name: str  # <kind>/<case>
    kind: str
    target: str  # the file's path in the data folder
    content: bytes
    expected: tuple[str, ...]  # every message, as the validator prints it


def _yaml() -> YAML:
    """A round trip that writes the valid fixtures back exactly as they are."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def steps(path: str) -> tuple[str | int, ...]:
    """``statushistorie[0].datum`` as ('statushistorie', 0, 'datum')."""
    found = tuple(int(index) if index else key for index, key in _STEP.findall(path))
    assert field_name(found) == path, f"geen pad: {path!r}"
    return found


def edited(text: str, case: dict) -> str:
    """``text`` with the edits of ``case`` made (``verwijder`` a list of paths, the others a mapping)."""
    assert set(case) - {"verwacht"} <= set(EDITS) and set(case) & set(EDITS), f"onbekende bewerking: {case}"
    yaml = _yaml()
    data = yaml.load(text)
    for edit in EDITS:
        changes = case.get(edit, ())
        for path in changes:
            *head, last = steps(path)
            parent = data
            for step in head:
                parent = parent[step]
            present = last in parent if isinstance(parent, dict) else last < len(parent)
            assert present == (edit != "voeg-toe"), f"{edit} {path}: het veld is er {'al' if present else 'niet'}"
            if edit == "verwijder":
                del parent[last]
            else:
                parent[last] = changes[path]
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def destination(kind: str, name: str) -> str:
    """Where a file of ``kind`` named ``name`` goes in the data folder."""
    singles = {k: file for file, k in SINGLE_FILES.items()}
    if kind in singles:
        return singles[kind]
    folder = next(folder for folder, k in FOLDERS.items() if k == kind)
    return f"{folder}/{name}.yaml"


def _edit_cases() -> list[Case]:
    cases = []
    for path in sorted(TABLES.glob("*.yaml")):
        kind = path.stem
        rows = _yaml().load(path.read_text(encoding="utf-8"))
        target = rows["bestand"]
        assert kind_of(GELDIG, GELDIG / target) == kind, f"{path.name}: {target} is geen {kind}"
        text = (GELDIG / target).read_text(encoding="utf-8")
        for name, case in rows["gevallen"].items():
            content = edited(text, case).encode("utf-8")
            cases.append(Case(f"{kind}/{name}", kind, target, content, tuple(case.get("verwacht") or ())))
    return cases


def _file_cases() -> list[Case]:
    cases = []
    for path in sorted(MOET_FALEN.glob("*/*.yaml")):
        kind, raw = path.parent.name, path.read_bytes()
        target = destination(kind, path.stem)
        lines = raw.decode("utf-8").splitlines()
        expected = tuple(f"data/{target}:{line.removeprefix(EXPECTED)}" for line in lines if line.startswith(EXPECTED))
        cases.append(Case(f"{kind}/{path.stem}", kind, target, raw, expected))
    return cases


@cache
def cases() -> tuple[Case, ...]:
    """Every must-fail case: the edits of the tables, then the files."""
    return tuple(_edit_cases() + _file_cases())
