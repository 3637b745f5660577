"""Characters that readers and parsers cannot see: bidirectional controls and zero-width characters
are refused in codes and warned about in other text, and no message echoes a control character raw
(a terminal or a CI log would obey an ESC sequence), in the text nor in the GitHub format."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

from agenda.annotations import github_annotation
from agenda.problems import Problem

VALIDATE = REPO / "scripts" / "validate.py"
OPGAVE = "data/agenda/thuiszitters.yaml"
# the bidirectional controls (embeddings, overrides, isolates, marks) and the zero-width characters
INVISIBLE = [0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF]
ID_HINT = (
    "Korte code van kleine letters, cijfers en streepjes, zoals 'werkgroep-zorg' of 'thuiszitters'. "
    "Geen spaties of hoofdletters."
)


def warning(line: int, field: str, point: int, path: str = OPGAVE) -> str:
    return (
        f"{path}:{line}: {field}: waarschuwing: deze tekst bevat een onzichtbaar teken (#x{point:04x}) dat "
        "de leesrichting omdraait of geen breedte heeft. Lezers zien het niet, maar de tekst kan er anders "
        "door lijken dan hij is. Verwijder het; typ de tekst desnoods opnieuw."
    )


@pytest.mark.parametrize("point", INVISIBLE, ids=lambda point: f"U+{point:04X}")
def test_an_invisible_character_in_a_code_is_refused_and_named(region, point: int):
    region.edit("agenda/thuiszitters.yaml", "id: thuiszitters", f"id: thuis{chr(point)}zitters")
    shown = chr(point).encode("unicode_escape").decode("ascii")
    assert region.messages() == [
        f"{OPGAVE}:2: id: 'thuis{shown}zitters' heeft niet de juiste vorm. Er staat een onzichtbaar teken "
        f"in (#x{point:04x}): verwijder het. {ID_HINT}"
    ]


def test_an_invisible_character_in_a_reference_is_refused_and_named(region):
    region.edit("agenda/leerlingenvervoer.yaml", "verwant: [thuiszitters]", "verwant: [thuis\u200bzitters]")
    messages = region.messages()
    assert len(messages) == 1
    assert messages[0].endswith(
        ": verwant[0]: 'thuis\\u200bzitters' heeft niet de juiste vorm. Er staat een onzichtbaar teken in "
        f"(#x200b): verwijder het. {ID_HINT}"
    )


@pytest.mark.parametrize("point", INVISIBLE, ids=lambda point: f"U+{point:04X}")
def test_an_invisible_character_in_a_title_is_warned_about(region, point: int):
    region.edit("agenda/thuiszitters.yaml", "titel: Geen kind thuis", f"titel: Geen kind{chr(point)} thuis")
    result = region.load()
    assert result.model is not None  # a warning: the site is still built
    assert [problem.format() for problem in result.problems] == [warning(3, "titel", point)]


def test_invisible_characters_in_a_name_are_warned_about_once_each(region):
    region.edit("organisatie.yaml", "naam: Werkgroep Test", 'naam: "Werk\\u202egroep\\u2066 \\u202eTest"')
    assert region.messages() == [
        warning(13, "gremia[1].naam", 0x202E, "data/organisatie.yaml").replace("(#x202e)", "(#x202e, #x2066)")
    ]


def test_a_control_character_in_a_file_name_is_never_printed_raw(region):
    """A file name is the one text from the data that reaches a message unchecked: an ESC in it
    could clear a terminal or rewrite the lines a CI log shows."""
    region.write("agenda/\x1b[2Jnep\x07.yaml", (region.data / OPGAVE.removeprefix("data/")).read_bytes())
    for output in ("tekst", "github"):
        done = subprocess.run(
            [sys.executable, str(VALIDATE), "data", "--format", output],
            cwd=region.root, capture_output=True, text=True, timeout=60, check=False,
        )
        assert done.returncode == 1
        assert "\x1b" not in done.stdout and "\x07" not in done.stdout
        assert "agenda/\\x1b[2Jnep\\x07.yaml" in done.stdout


def test_problems_escape_every_control_and_invisible_character_whatever_check_made_them():
    problem = Problem(path="data/a\u202e.yaml", line=1, field="t\x1bitel", message="x\x1b[2K\ry\tz\u2028\x85!")
    assert problem.format() == "data/a\\u202e.yaml:1: t\\x1bitel: x\\x1b[2K\\ry\\tz\\u2028\\x85!"


def test_github_annotations_cannot_be_spoofed_by_the_data():
    problem = Problem(
        path="data/x\n::error file=y::nep.yaml",
        line=2,
        field="titel",
        message="echt\n::warning file=data/regio.yaml::nep\r%0A \x1b[2J",
    )
    annotation = github_annotation(problem)
    assert annotation.splitlines() == [annotation]
    assert annotation == (
        "::error file=data/x%0A%3A%3Aerror file=y%3A%3Anep.yaml,line=2,title=titel::titel: "
        "echt%0A::warning file=data/regio.yaml::nep\\r%250A \\x1b[2J"
    )
