"""scripts/nieuw.py: a new opgave, pilot or evaluation that validates unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agenda import scaffold
from agenda.commands import nieuw as nieuw_command
from agenda.layout import SINGLE_KINDS
from agenda.loader import load
from agenda.region_skeleton import skeleton
from agenda.schema_fields import schema_field, schema_fields
from agenda.schemas import SCHEMA_DIR
from agenda.yamlfile import read_yaml

ROOT = Path(__file__).parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "geldig"
NIEUW = ROOT / "scripts" / "nieuw.py"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    return copy


def nieuw(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command as a user would, with stdin that is not a terminal."""
    return subprocess.run(
        [sys.executable, str(NIEUW), *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def read(path: Path) -> dict:
    doc, problems = read_yaml(str(path), path.read_bytes())
    assert problems == []
    return doc.data


def errors_in(data: Path) -> list[str]:
    return [p.format() for p in load(data).errors]


def test_new_opgave_validates_and_is_in_the_model(data: Path) -> None:
    done = nieuw(
        "opgave", "--data", str(data), "--id", "vroeg-signaleren", "--titel", "Vroeg signaleren",
        "--samenvatting", "Zorgen over een kind eerder zien.", "--status", "verkennend",
        "--datum", "2025", "--bron", "testbron", "--bron", "tweede-bron",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = data / "agenda" / "vroeg-signaleren.yaml"
    assert "Het bestand is gecontroleerd en in orde." in done.stdout
    assert errors_in(data) == []
    assert read(path) == {
        "id": "vroeg-signaleren",
        "titel": "Vroeg signaleren",
        "samenvatting": "Zorgen over een kind eerder zien.",
        # required, not given, and allowed to be unknown: never guessed
        "thema": "onbekend",
        "niveau": "onbekend",
        "status": "verkennend",
        "statushistorie": [
            {
                "datum": 2025,
                "status": "verkennend",
                "bronnen": [{"bron": "testbron"}, {"bron": "tweede-bron"}],
            }
        ],
        "trekker": "onbekend",
        "bronnen": [{"bron": "testbron"}, {"bron": "tweede-bron"}],
    }
    model = load(data).model
    assert "vroeg-signaleren" in {o.id for o in model.opgaven}


def test_new_pilot_with_decision_validates(data: Path) -> None:
    done = nieuw(
        "pilot", "--data", str(data), "--id", "nieuwe-pilot", "--titel", "Nieuwe pilot",
        "--samenvatting", "Een verzonnen pilot.", "--opgave", "leerlingenvervoer",
        "--status", "in ontwikkeling", "--datum", "2025-03-01",
        "--besluit-gremium", "bestuurlijk-overleg", "--besluit-datum", "onbekend",
        "--bron", "testbron",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert errors_in(data) == []
    written = read(data / "pilots" / "nieuwe-pilot.yaml")
    assert written["opgave"] == "leerlingenvervoer"
    assert "trekker" not in written  # optional for a pilot: left out, not guessed
    assert written["statushistorie"] == [
        {
            "datum": "2025-03-01",
            "status": "in ontwikkeling",
            "besluit": {"datum": "onbekend", "gremium": "bestuurlijk-overleg"},
            "bronnen": [{"bron": "testbron"}],
        }
    ]
    assert "nieuwe-pilot" in {p.id for p in load(data).model.pilots}


def test_new_evaluation_validates(data: Path) -> None:
    done = nieuw(
        "evaluatie", "--data", str(data), "--jaar", "2025", "--titel", "Evaluatie 2025",
        "--bron", "testbron",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert errors_in(data) == []
    assert read(data / "evaluaties" / "2025.yaml") == {
        "jaar": 2025,
        "titel": "Evaluatie 2025",
        "bronnen": [{"bron": "testbron"}],
    }
    assert 2025 in {e.jaar for e in load(data).model.evaluaties}


@pytest.mark.parametrize("kind", scaffold.KINDS)
def test_the_questions_are_the_required_fields_of_the_schema(kind: str) -> None:
    """Every required field is answered, down to the required fields of the status step and the
    sources; an optional field only when it is asked all the same (scaffold.ALSO_ASKED)."""
    answered = {path for question in scaffold.questions(kind) for path in question.fields}
    required = {f.path for f in schema_fields(kind) if f.required and "." not in f.path}
    assert {path.split(".")[0].removesuffix("[]") for path in answered} == required | {
        path for path in scaffold.ALSO_ASKED.get(kind, ()) if "." not in path
    }
    if kind != "evaluatie":
        assert {"statushistorie[].datum", "statushistorie[].status", "statushistorie[].bronnen[].bron"} <= answered


def test_file_explains_every_field_from_the_schema(data: Path) -> None:
    answers = {
        "id": "uitleg", "titel": "Uitleg", "samenvatting": "Kort.", "status": "verkennend",
        "datum": "onbekend", "bron": ["testbron"],
    }  # fmt: skip
    path, problems = scaffold.create("pilot", answers, data)
    assert problems == []
    lines = path.read_text(encoding="utf-8").splitlines()
    schema_path = lines[0].removeprefix("# yaml-language-server: $schema=")
    assert (path.parent / schema_path).resolve() == SCHEMA_DIR / "pilot.schema.json"
    comments = "\n".join(line for line in lines if line.lstrip().startswith("#"))
    flat = " ".join(comments.replace("#", " ").split())
    for field in ("id", "titel", "samenvatting", "status", "statushistorie", "statushistorie[].datum",
                  "statushistorie[].status", "statushistorie[].bronnen", "statushistorie[].bronnen[].bron",
                  "bronnen", "bronnen[].bron"):  # fmt: skip
        found = schema_field("pilot", field)
        assert f"{found.title}: {found.description}" in flat, field
    # the optional fields are listed, so that a contributor knows what more there is
    assert "- doelgroep (Doelgroep): Voor wie de pilot is." in comments


def test_schema_line_in_the_repository_data_folder() -> None:
    target = ROOT / "data" / "agenda" / "voorbeeld.yaml"
    text = scaffold.render("opgave", {"id": "voorbeeld"}, target)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/opgave.schema.json"


def test_refuses_to_overwrite(data: Path) -> None:
    path = data / "agenda" / "leerlingenvervoer.yaml"
    before = path.read_bytes()
    done = nieuw(
        "opgave", "--data", str(data), "--id", "leerlingenvervoer", "--titel", "Anders",
        "--samenvatting", "Anders.", "--status", "verkennend", "--datum", "2025", "--bron", "testbron",
    )  # fmt: skip
    assert done.returncode == 1
    assert "leerlingenvervoer.yaml bestaat al. Kies een andere code" in done.stderr
    assert path.read_bytes() == before


def test_sources_are_never_made_up(data: Path) -> None:
    done = nieuw(
        "opgave", "--data", str(data), "--id", "zonder-bron", "--titel", "Zonder bron",
        "--samenvatting", "Geen bron.", "--status", "verkennend", "--datum", "2025",
    )  # fmt: skip
    assert done.returncode == 2
    assert "fout in de opdracht: geef ook --bron op" in done.stderr
    assert not (data / "agenda" / "zonder-bron.yaml").exists()


def test_missing_options_are_named(data: Path) -> None:
    done = nieuw("opgave", "--data", str(data), "--id", "half")
    assert done.returncode == 2
    assert "geef ook --titel, --samenvatting, --datum, --bron op" in done.stderr  # the status may stay unknown


def test_decision_date_needs_its_gremium(data: Path) -> None:
    done = nieuw(
        "pilot", "--data", str(data), "--id", "half-besluit", "--titel", "T", "--samenvatting", "S.",
        "--status", "verkennend", "--datum", "2025", "--besluit-datum", "2025", "--bron", "testbron",
    )  # fmt: skip
    assert done.returncode == 2
    assert "--besluit-datum hoort bij --besluit-gremium; geef ook --besluit-gremium op." in done.stderr
    assert not (data / "pilots" / "half-besluit.yaml").exists()


def test_unknown_source_is_refused_and_nothing_is_written(data: Path) -> None:
    done = nieuw(
        "opgave", "--data", str(data), "--id", "verkeerde-bron", "--titel", "Verkeerde bron",
        "--samenvatting", "Bron bestaat niet.", "--status", "verkennend", "--datum", "2025",
        "--bron", "verzonnen",
    )  # fmt: skip
    assert done.returncode == 1
    assert "fout: --bron: 'verzonnen' bestaat niet als brondocument in regio.yaml" in done.stderr
    assert "Er is niets aangemaakt." in done.stderr
    assert not (data / "agenda" / "verkeerde-bron.yaml").exists()


def test_invalid_code_gets_the_schema_message(data: Path) -> None:
    done = nieuw(
        "opgave", "--data", str(data), "--id", "Met Spaties", "--titel", "T", "--samenvatting", "S.",
        "--status", "klaar", "--datum", "2025", "--bron", "testbron",
    )  # fmt: skip
    assert done.returncode == 1
    assert "fout: --status: 'klaar' is geen toegestane waarde. Kies uit: verkennend" in done.stderr
    assert not list((data / "agenda").glob("Met*"))


def test_interactive_questions(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([
        "vraag-en-antwoord",      # id
        "Vraag en antwoord",      # titel
        "",                       # samenvatting is required: asked again
        "Een test van de vragen.",  # samenvatting
        "",                       # thema: Enter keeps 'onbekend'
        "regionaal",              # niveau
        "niemand",                # trekker: not a gremium, asked again
        "werkgroep-test",         # trekker
        "in uitvoering",          # status (Enter would keep 'onbekend')
        "2025-01-01",             # datum
        "bestuurlijk-overleg",    # besluit-gremium
        "2025",                   # besluit-datum
        "testbron, tweede-bron",  # bron
    ])  # fmt: skip
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    assert nieuw_command.main(["opgave", "--data", str(data)], ask=ask) == 0
    out = capsys.readouterr().out
    assert "'niemand' staat niet in de lijst. Kies een van de codes hierboven." in out
    assert "Dit veld is verplicht." in out
    assert prompts[4] == "thema [onbekend]: "
    assert prompts[10] == "besluit-gremium (Enter: overslaan): "
    written = read(data / "agenda" / "vraag-en-antwoord.yaml")
    assert (written["thema"], written["niveau"], written["trekker"]) == (
        "onbekend",
        "regionaal",
        "werkgroep-test",
    )
    assert written["statushistorie"][0]["besluit"] == {"datum": 2025, "gremium": "bestuurlijk-overleg"}
    assert errors_in(data) == []


def test_interactive_asks_again_after_a_schema_error(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["2025", "Evaluatie", "gisteren", "testbron", "2025-11-30"])
    assert nieuw_command.main(["evaluatie", "--data", str(data)], ask=lambda _: next(answers)) == 0
    assert "fout: --datum: " in capsys.readouterr().err
    assert read(data / "evaluaties" / "2025.yaml")["datum"] == "2025-11-30"


def test_help_is_dutch() -> None:
    done = nieuw("opgave", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("gebruik: .venv/bin/python scripts/nieuw.py opgave")
    assert "toon deze uitleg en stop" in done.stdout
    assert "Zonder deze optie: onbekend." in " ".join(done.stdout.split())
    top = nieuw("--help")
    assert "opgave|pilot|evaluatie" in top.stdout
    assert "Een bestaand bestand wordt nooit overschreven." in " ".join(top.stdout.split())


def test_broken_data_folder_is_refused(data: Path) -> None:
    (data / "regio.yaml").write_text("naam: [\n", encoding="utf-8")
    done = nieuw("evaluatie", "--data", str(data), "--jaar", "2030", "--titel", "T", "--bron", "testbron")
    assert done.returncode == 1
    assert "bevat fouten. Controleer eerst met: .venv/bin/python scripts/validate.py" in done.stderr
    assert not (data / "evaluaties" / "2030.yaml").exists()


def test_new_files_appear_on_the_built_site(data: Path, tmp_path: Path) -> None:
    made = [
        nieuw("opgave", "--data", str(data), "--id", "op-de-site", "--titel", "Op de site",
              "--samenvatting", "S.", "--status", "verkennend", "--datum", "2025", "--bron", "testbron"),
        nieuw("pilot", "--data", str(data), "--id", "pilot-op-de-site", "--titel", "Pilot op de site",
              "--samenvatting", "S.", "--status", "verkennend", "--datum", "2025", "--bron", "testbron"),
        nieuw("evaluatie", "--data", str(data), "--jaar", "2025", "--titel", "Evaluatie op de site",
              "--bron", "testbron"),
    ]  # fmt: skip
    assert [done.returncode for done in made] == [0, 0, 0], [done.stderr for done in made]
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "AGENDA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    for page, title in (
        ("agenda/op-de-site", "Op de site"),
        ("pilots/pilot-op-de-site", "Pilot op de site"),
        ("evaluaties/2025", "Evaluatie op de site"),
    ):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert title in html, page


def test_answers_can_be_piped_in(data: Path) -> None:
    answers = ["2030", "Evaluatie uit een pijp", "2030-12-01", "testbron"]
    done = subprocess.run(
        [sys.executable, str(NIEUW), "evaluatie", "--data", str(data)],
        cwd=ROOT,
        input="\n".join(answers) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "titel: Evaluatie uit een pijp\n" in done.stdout  # each answer is shown after its question
    written = read(data / "evaluaties" / "2030.yaml")
    assert (written["titel"], written["datum"]) == ("Evaluatie uit een pijp", "2030-12-01")


def test_piped_answers_that_run_out_end_with_a_sentence(data: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(NIEUW), "evaluatie", "--data", str(data)],
        cwd=ROOT,
        input="2030\nTitel\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "fout: de antwoorden zijn op, maar de verplichte vraag 'bron' heeft nog geen goed antwoord. "
        "Er is niets aangemaakt.\n"
    )
    assert not (data / "evaluaties" / "2030.yaml").exists()


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("key", [EOFError, KeyboardInterrupt], ids=["ctrl-d", "ctrl-c"])
def test_ctrl_c_or_ctrl_d_in_a_terminal_stops_with_a_sentence(
    data: Path, key: type[BaseException], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def pressed(prompt: str) -> str:
        raise key

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("builtins.input", pressed)
    assert nieuw_command.main(["opgave", "--data", str(data)]) == 1
    assert capsys.readouterr().err == "\nGestopt. Er is niets aangemaakt.\n"
    assert sorted(p.name for p in (data / "agenda").iterdir()) == sorted(p.name for p in (FIXTURE / "agenda").iterdir())


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for sub in value.values() for text in _strings(sub)]
    if isinstance(value, list):
        return [text for sub in value for text in _strings(sub)]
    return [str(value)]


def test_a_new_region_validates_and_holds_nothing_but_what_was_said(tmp_path: Path) -> None:
    target = tmp_path / "nieuw" / "data"
    done = nieuw("regio", "--data", str(target), "--naam", "Regio Nieuw", "--titel", "Agenda van de regio")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in target.iterdir()) == ["begrippen.yaml", "organisatie.yaml", "regio.yaml", "visie.yaml"]
    assert load(target).problems == ()
    values = {text for name in ("regio", "visie", "organisatie", "begrippen") for text in _strings(read(target / f"{name}.yaml"))}
    # the name and title given, 'onbekend', and the codes of the one source and period: no fact beyond that
    assert values == {"Regio Nieuw", "Agenda van de regio", "onbekend", "agenda", "huidige-periode"}
    regio = read(target / "regio.yaml")
    assert regio["bronnen"] == [{"id": "agenda", "titel": "Agenda van de regio", "datering": "onbekend"}]
    assert (regio["themas"], read(target / "organisatie.yaml"), read(target / "begrippen.yaml")) == (
        [], {"gremia": [], "partners": []}, {"begrippen": []}
    )


def test_a_new_region_is_never_written_over_a_folder_with_files(data: Path) -> None:
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    done = nieuw("regio", "--data", str(data), "--naam", "Regio Nieuw", "--titel", "Agenda")
    assert (done.returncode, done.stderr) == (
        1, f"fout: {data} bestaat al en is niet leeg. Kies een nieuwe map; er is niets veranderd.\n"
    )
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_a_new_region_asks_for_its_name_and_title_or_names_the_missing_option(tmp_path: Path, capsys) -> None:
    answers = iter(["", "Regio Nieuw", "Agenda"])  # an empty name is asked again
    assert nieuw_command.main(["regio", "--data", str(tmp_path / "a")], ask=lambda prompt: next(answers)) == 0
    assert read(tmp_path / "a" / "regio.yaml")["naam"] == "Regio Nieuw"
    done = nieuw("regio", "--data", str(tmp_path / "b"), "--titel", "Agenda")
    assert (done.returncode, done.stderr) == (
        2, "fout in de opdracht: geef ook --naam op (of start het commando in een terminal, dan vraagt het ernaar). "
        "Zie: .venv/bin/python scripts/nieuw.py regio --help\n"
    )
    assert not (tmp_path / "b").exists()


def test_a_new_region_with_a_name_the_schema_refuses_writes_nothing(tmp_path: Path) -> None:
    done = nieuw("regio", "--data", str(tmp_path / "data"), "--naam", "Regio\x07", "--titel", "Agenda")
    assert done.returncode == 1
    assert done.stderr.startswith("fout: --naam: ") and done.stderr.endswith("Er is niets aangemaakt.\n")
    assert not (tmp_path / "data").exists()


def test_a_new_region_has_every_file_a_region_has() -> None:
    assert list(skeleton("Regio", "Agenda")) == list(SINGLE_KINDS)
