"""Every command speaks Dutch: its help, and argparse's own usage errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(path.name for path in (REPO / "scripts").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_is_dutch(script: str) -> None:
    done = subprocess.run([sys.executable, f"scripts/{script}", "--help"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"gebruik: .venv/bin/python scripts/{script}")
    assert "opties:" in done.stdout and "toon deze uitleg en stop" in done.stdout
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in done.stdout


@pytest.mark.parametrize("script", SCRIPTS)
def test_unknown_option_is_a_dutch_usage_error(script: str) -> None:
    done = subprocess.run([sys.executable, f"scripts/{script}", "--bestaat-niet"], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 2
    assert done.stderr.startswith(f"gebruik: .venv/bin/python scripts/{script}")
    assert "\nfout in de opdracht: " in done.stderr  # a missing argument, or the unknown option
    for english in ("the following arguments", "unrecognized", "Traceback"):
        assert english not in done.stderr


def test_a_value_of_the_wrong_type_is_named() -> None:
    done = subprocess.run([sys.executable, "scripts/check_links.py", "site", "--timeout", "lang"], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "fout in de opdracht: 'lang' is geen geldige waarde voor --timeout." in done.stderr
