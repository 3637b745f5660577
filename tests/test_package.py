"""The engine is an installed package: it imports from anywhere, and nothing edits sys.path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_package_imports_from_outside_the_repository(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", "import agenda.loader, agenda.adapters.macros, agenda.commands.validate as v; print(v.__name__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "agenda.commands.validate\n"


def test_a_script_runs_from_another_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "validate.py"), str(REPO / "data")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Alle gegevens zijn in orde")


def test_no_code_changes_the_import_path() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for folder in ("src", "scripts", "tests", "benchmarks")
        for path in sorted((REPO / folder).rglob("*.py"))
        if "sys.path" in path.read_text(encoding="utf-8") and path != Path(__file__)
    ]
    assert offenders == []
