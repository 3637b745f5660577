"""Every command the site and the data files tell an editor to type works after `make serve`:
the system Python lacks the packages, so a script is run with the project's .venv/bin/python,
and every `make` target named exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from agenda import scaffold

ROOT = Path(__file__).resolve().parents[1]
# a Python script run by name, with what comes before it on the line
SCRIPT = re.compile(r"(\S*?)python3? (scripts/[\w.-]+)")
MAKE = re.compile(r"(?<![\w/.-])make ([a-z][\w-]*)")


def _comments(path: Path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#"))


def _new_file(kind: str) -> str:
    """The text of a new file of ``kind``, with its header."""
    answers = {"jaar" if kind == "evaluatie" else "id": 2030}
    return scaffold.render(kind, answers, ROOT / "data" / scaffold.FOLDER[kind] / "x.yaml")


def _written() -> list[tuple[str, str]]:
    """(where, text) of the pages of the site, the comments of the data files, and a new file."""
    return (
        [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in (ROOT / "docs").rglob("*.md")]
        + [(str(path.relative_to(ROOT)), _comments(path)) for path in (ROOT / "data").rglob("*.yaml")]
        + [(f"nieuw bestand ({kind})", _new_file(kind)) for kind in scaffold.KINDS]
    )


WRITTEN = _written()


def test_the_commands_are_found() -> None:
    bijdragen = dict(WRITTEN)["docs/bijdragen/index.md"]
    assert ("`.venv/bin/", "scripts/nieuw.py") in SCRIPT.findall(bijdragen)
    assert "serve" in MAKE.findall(bijdragen)


@pytest.mark.parametrize(("where", "text"), WRITTEN, ids=[where for where, _ in WRITTEN])
def test_every_script_is_run_with_the_python_of_the_project(where: str, text: str) -> None:
    for before, script in SCRIPT.findall(text):
        assert re.fullmatch(r"[(`'\"]*\.venv/bin/", before), f"{where}: {before}python {script}"
        assert (ROOT / script).is_file(), f"{where}: {script}"


def test_every_make_target_named_exists() -> None:
    targets = sorted({target for _, text in WRITTEN for target in MAKE.findall(text)})
    assert "serve" in targets
    for target in targets:
        # outside the make that may run these tests (its MAKEFLAGS would change what make -n says)
        env = {"PATH": "/usr/bin:/bin"}
        done = subprocess.run(["make", "-n", target], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"make {target}: {done.stderr}"
