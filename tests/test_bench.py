"""`make bench` works: a small run of scripts/bench.py prints its table and the targets.

The figures themselves are not tested (timed tests are flaky); the README carries the latest run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_benchmark_prints_its_table_and_the_targets() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/bench.py", "--sizes", "30", "--repeat", "1", "--serve-edits", "0"],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    table = done.stdout
    assert "| Meting | 30 records |" in table
    for row in ("Validatie, `agenda.loader.load`", "Alleen parsen met CSafeLoader", "`mkdocs build --strict`",
                "Basislijn: kale Material-site", "Bouwen / basislijn", "Piekgeheugen bouwen", "Grootste pagina"):
        assert f"| {row}" in table, row
    assert "| Doel (issue 7) | Gemeten | Gehaald |" in table


def test_make_bench_measures_the_three_sizes_of_the_issue() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "BENCH_SIZES ?= 100,1000,5000" in makefile
    assert "bench: setup\n\t$(BIN)/python scripts/bench.py --sizes $(BENCH_SIZES)" in makefile
