"""`make bench` works: what it runs, and a tiny run of benchmarks/bench.py prints its tables.

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
        [sys.executable, "benchmarks/bench.py", "--sizes", "30", "--repeat", "1", "--serve-edits", "0"],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    table = done.stdout
    assert "| Meting | 30 records |" in table
    for row in ("Validatie, `agenda.loader.load`", "Alleen parsen met CSafeLoader", "`mkdocs build --strict`",
                "Basislijn: kale Material-site", "Bouwen / basislijn", "Piekgeheugen bouwen",
                "Grootste pagina die een lezer bekijkt", "Pagina's boven 100 KB", "Grootste drukversie"):
        assert f"| {row}" in table, row
    assert "| Doel | Gemeten | Gehaald |" in table
    assert "| Geen pagina die een lezer bekijkt boven 100 KB bij 5.000 records (drukversies uitgezonderd) |" in table


def test_help_and_usage_errors_are_dutch() -> None:
    """As every command's (tests/test_cli.py): this one lives outside scripts/."""
    shown = subprocess.run([sys.executable, "benchmarks/bench.py", "--help"], cwd=REPO, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("gebruik: python benchmarks/bench.py")
    assert "opties:" in shown.stdout and "toon deze uitleg en stop" in shown.stdout
    refused = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--bestaat-niet"], cwd=REPO, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("gebruik: python benchmarks/bench.py")
    assert "\nfout in de opdracht: " in refused.stderr
    for english in ("usage:", "options:", "positional arguments", "show this help", "the following arguments",
                    "unrecognized", "Traceback"):
        assert english not in shown.stdout + refused.stderr


def make_bench(**env: str) -> str:
    """The command `make bench` would run (`make -n`: nothing runs)."""
    # outside the make that may run these tests (its MAKEFLAGS would add "Entering directory" lines)
    skipped = ("BENCH_SIZES", "MAKE", "MFLAGS")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(skipped)} | env
    done = subprocess.run(["make", "-n", "bench"], cwd=REPO, env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1]


def test_make_bench_measures_the_three_sizes_of_the_readme() -> None:
    assert make_bench() == ".venv/bin/python benchmarks/bench.py --sizes 100,1000,5000"
    # the README's way to measure only the smaller sizes
    assert make_bench(BENCH_SIZES="100,1000") == ".venv/bin/python benchmarks/bench.py --sizes 100,1000"
