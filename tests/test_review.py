"""Herziening: a warning from 30 days before the date, 'verlopen' after it; never an error."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from agenda.loader import load
from agenda.review import review_state, state

ROOT = Path(__file__).parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "geldig"
PILOT = "pilots/school-test.yaml"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 5, 1), None),
        (date(2025, 5, 31), None),  # 31 days before
        (date(2025, 6, 1), "binnenkort"),  # 30 days before
        (date(2025, 7, 1), "binnenkort"),  # the day itself
        (date(2025, 7, 2), "verlopen"),
        (date(2030, 1, 1), "verlopen"),
    ],
)
def test_state(today: date, expected: str | None) -> None:
    assert state("2025-07-01", today) == expected


def test_no_date_no_state() -> None:
    assert state(None, date(2025, 1, 1)) is None


def test_review_state_of_model_records() -> None:
    model = load(FIXTURE).model
    opgave = model.opgaven[0]
    pilot = dataclasses.replace(model.pilots[0], herziening="2025-03-01")
    assert review_state(dataclasses.replace(opgave, herziening=None), date(2025, 3, 1)) is None
    assert review_state(pilot, date(2025, 2, 20)) == "binnenkort"
    assert review_state(pilot, date(2025, 3, 2)) == "verlopen"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "data" / PILOT
    text = re.sub(r"(?m)^herziening: .*\n", "", path.read_text(encoding="utf-8"))
    assert text.count("\nbronnen:\n") == 1
    path.write_text(text.replace("\nbronnen:\n", "\nherziening: 2025-03-01\nbronnen:\n"), encoding="utf-8")
    return tmp_path / "data"


def herziening_line(data: Path) -> int:
    lines = (data / PILOT).read_text(encoding="utf-8").splitlines()
    return lines.index("herziening: 2025-03-01") + 1


def review_warnings(data: Path, today: date) -> list[str]:
    result = load(data, today=today)
    assert result.errors == ()
    assert result.model is not None  # a due review never blocks
    return [p.format() for p in result.warnings if p.path == f"data/{PILOT}"]


def test_due_soon_is_a_warning(data: Path) -> None:
    assert review_warnings(data, date(2025, 2, 20)) == [
        f"data/{PILOT}:{herziening_line(data)}: herziening: waarschuwing: de herziening komt eraan: "
        "de gegevens moeten uiterlijk 1 maart 2025 (over 9 dagen) opnieuw bekeken zijn. Bekijk ze "
        "en zet daarna een nieuwe datum bij 'herziening'."
    ]


def test_due_today(data: Path) -> None:
    assert "(vandaag)" in review_warnings(data, date(2025, 3, 1))[0]


def test_overdue_is_reported_as_verlopen(data: Path) -> None:
    assert review_warnings(data, date(2025, 3, 2)) == [
        f"data/{PILOT}:{herziening_line(data)}: herziening: waarschuwing: de herziening is "
        "verlopen: de gegevens moesten uiterlijk 1 maart 2025 opnieuw bekeken zijn (1 dag geleden). "
        "Bekijk ze en zet daarna een nieuwe datum bij 'herziening'."
    ]


def test_far_away_is_quiet(data: Path) -> None:
    assert review_warnings(data, date(2024, 1, 1)) == []


def test_validator_passes_with_an_overdue_review(data: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "data"],
        cwd=data.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    assert f"data/{PILOT}:{herziening_line(data)}: herziening: waarschuwing: de herziening is verlopen" in (
        done.stdout
    )
