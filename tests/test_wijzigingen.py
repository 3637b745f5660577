"""scripts/wijzigingen.py --base REF: what a change means for the agenda, from the data at REF
and now, in a test git repository (git init, commit, change, commit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import GitRepo
from test_change_summary import HEADING, LLV, NEW_STEP

from agenda.commands.wijzigingen import main

SCRIPT = Path(__file__).parents[1] / "scripts" / "wijzigingen.py"
OPGAVE = "data/agenda/leerlingenvervoer.yaml"
PILOT = "data/pilots/school-test.yaml"
PILOT_NAME = "Pilot *Jeugdhulp op de testschool*"


class Repo(GitRepo):
    def __init__(self, root: Path):
        super().__init__(root)
        self.commit("begin")

    def copy(self, source: str, target: str, *replacements: tuple[str, str]) -> None:
        text = (self.root / source).read_text(encoding="utf-8")
        for old, new in replacements:
            text = text.replace(old, new)
        (self.root / target).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    made = Repo(tmp_path / "repo")
    monkeypatch.chdir(made.root)  # messages name files relative to the working folder
    return made


def summary(repo: Repo, capsys: pytest.CaptureFixture[str], code: int = 0) -> str:
    """What the command prints after the change is committed, compared with the commit before."""
    repo.commit("wijziging", day="2025-03-20")
    assert main(["--base", "HEAD~1", "data"]) == code
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_no_change(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert summary(repo, capsys) == HEADING + "Deze wijziging verandert niets aan de gegevens van de agenda.\n"


def test_a_status_change_with_its_decision(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    repo.edit(OPGAVE, "periodes:", NEW_STEP)
    assert summary(repo, capsys) == HEADING + (
        f"- {LLV}: status van *in uitvoering* naar *bereikt*, besluit van Werkgroep Test op 14 maart 2025 "
        "(verslag: Verslag van 14 maart).\n"
    )


def test_a_new_opgave_pilot_evaluation_and_source(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.copy("data/agenda/thuiszitters.yaml", "data/agenda/vroeg.yaml", ("thuiszitters", "vroeg"), ("Geen kind thuis", "Vroeg erbij"))
    repo.copy(PILOT, "data/pilots/klas.yaml", ("id: school-test", "id: klas"), ("Jeugdhulp op de testschool", "Hulp in de klas"))
    repo.copy("data/evaluaties/2024.yaml", "data/evaluaties/2025.yaml", ("2024", "2025"))
    repo.edit("data/regio.yaml", "licentie:", "  - id: verslag-llv\n    titel: Verslag werkgroep LLV\n    datering: maart 2025\nlicentie:")
    assert summary(repo, capsys) == HEADING + (
        "- Nieuwe opgave *Vroeg erbij*, met de status *verkennend*.\n"
        "- Nieuwe pilot *Hulp in de klas*, met de status *in uitvoering*.\n"
        "- Nieuwe evaluatie *Evaluatie 2025*, over 2025.\n"
        "- Nieuwe bron *Verslag werkgroep LLV* (maart 2025).\n"
    )


def test_a_mijlpaal_and_a_measurement(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(OPGAVE, "    gereed: onbekend\n", "    gereed: ja\n")
    repo.edit(OPGAVE, "verwant:", "  - jaar: 2026\n    omschrijving: Eén loket\n    gereed: nee\n    bronnen:\n      - bron: testbron\nverwant:")
    repo.edit(
        PILOT,
        "    bronnen:\n      - bron: testbron\n  - id: tevredenheid",
        '      - periode: "2025"\n        waarde: 30\n        bronnen:\n          - bron: testbron\n'
        "    bronnen:\n      - bron: testbron\n  - id: tevredenheid",
    )
    assert summary(repo, capsys) == HEADING + (
        f"- {LLV}: mijlpaal *Afspraken in alle gemeenten* is bereikt.\n"
        f"- {LLV}: nieuwe mijlpaal *Eén loket* (jaar 2026).\n"
        f"- {PILOT_NAME}: nieuwe meting van *Minder verwijzingen* over 2025: 30 kinderen.\n"
    )


def test_a_removed_record(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    (repo.root / "data/pilots/wijk-test.yaml").unlink()  # gestopt: it may go
    assert summary(repo, capsys) == HEADING + "- Pilot *Wijkteam in de testwijk* is verwijderd.\n"


def test_changed_texts_and_the_warnings(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(OPGAVE, "samenvatting: Afspraken", "samenvatting: Nieuwe\u200b afspraken")
    repo.edit(OPGAVE, "trekker: werkgroep-test", "trekker: bestuurlijk-overleg")
    assert summary(repo, capsys) == HEADING + (
        f"- {LLV}: de tekst is veranderd bij Samenvatting en Trekker.\n"
        "\n"
        "### Waarschuwingen van de controle\n"
        "\n"
        "- data\\/agenda\\/leerlingenvervoer\\.yaml\\:&#8203;4\\:&#8203; samenvatting\\:&#8203; waarschuwing\\:&#8203; "
        "deze tekst bevat een onzichtbaar teken \\(\\#&#8203;x200b\\) dat de leesrichting omdraait of geen "
        "breedte heeft\\. Lezers zien het niet\\, maar de tekst kan er anders door lijken dan hij is\\. Verwijder "
        "het\\; typ de tekst desnoods opnieuw\\.\n"
    )


def test_a_hostile_title_is_escaped(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(OPGAVE, "titel: Samenwerking onderwijs en leerlingenvervoer", "titel: '*Vet* [klik](https://x.nl) <img> @jan #12'")
    assert summary(repo, capsys) == HEADING + (
        "- Opgave *\\*Vet\\* \\[klik\\]\\(https\\:&#8203;\\/\\/x\\.nl\\) \\<img\\> \\@&#8203;jan \\#&#8203;12*: "
        "de tekst is veranderd bij Titel.\n"
        "\n### Waarschuwingen van de controle\n\n"
        "- data\\/agenda\\/leerlingenvervoer\\.yaml\\:&#8203;3\\:&#8203; titel\\:&#8203; waarschuwing\\:&#8203; dit veld "
        "toont tekst zonder opmaak\\, maar de tekst is geschreven met opmaak \\(\\[link\\]\\(adres\\)\\)\\. De site "
        "toont de tekens letterlijk\\. Haal de opmaak weg\\. Opmaak kan wel in het veld \\'beschrijving\\'\\.\n"
    )


def test_data_with_errors_now_lists_the_errors(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    assert summary(repo, capsys, code=1) == HEADING + (
        "De gegevens hebben fouten. Daarom is niet te zeggen wat deze wijziging betekent. Los eerst deze fouten op:\n"
        "\n"
        "- data\\/agenda\\/leerlingenvervoer\\.yaml\\:&#8203;12\\:&#8203; status\\:&#8203; de status \\'bereikt\\' "
        "is niet gelijk aan de laatste stap in de statushistorie \\(\\'in uitvoering\\'\\)\\. Voeg een stap met de "
        "nieuwe status en het besluit toe aan de statushistorie\\.\n"
        "- data\\/agenda\\/leerlingenvervoer\\.yaml\\:&#8203;12\\:&#8203; status\\:&#8203; de status is veranderd "
        "van \\'in uitvoering\\' in \\'bereikt\\'\\, maar er is geen nieuwe stap in de statushistorie\\. Voeg "
        "onderaan de statushistorie een stap toe met de datum\\, de nieuwe status en het besluit \\(datum en "
        "gremium\\)\\.\n"
    )


def test_an_earlier_version_with_errors_is_not_compared(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit("data/regio.yaml", "licentie:", "onbekend_veld: 1\nlicentie:")
    repo.commit("kapot")
    repo.edit("data/regio.yaml", "onbekend_veld: 1\nlicentie:", "licentie:")
    assert summary(repo, capsys).startswith(
        HEADING + "Er is geen eerdere versie van de gegevens om mee te vergelijken (die ontbreekt of heeft fouten). "
        "Alles staat hieronder als nieuw.\n\n- Nieuwe opgave *Samenwerking onderwijs en leerlingenvervoer*"
    )


def run_script(repo: Repo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=repo.root, capture_output=True, text=True, check=False)


def test_the_script_prints_the_summary(repo: Repo) -> None:
    repo.edit(OPGAVE, "samenvatting: Afspraken", "samenvatting: Nieuwe afspraken")
    done = run_script(repo, "--base", "HEAD")
    assert (done.returncode, done.stdout, done.stderr) == (
        0, HEADING + f"- {LLV}: de tekst is veranderd bij Samenvatting.\n", ""
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "bestaat-niet"], "de git-versie 'bestaat-niet' bestaat niet. Geef een bestaande branch, tag of "
         "commit op, zoals origin/main (haal die eerst op met: git fetch)."),
        (["--base", ""], "de git-versie '' bestaat niet. Geef een bestaande branch, tag of commit op, zoals "
         "origin/main (haal die eerst op met: git fetch)."),
        (["--base", "HEAD", "gegevens"], "de map 'gegevens' bestaat niet."),
        (["data"], "geef ook op: --base."),
    ],
)
def test_usage_errors(repo: Repo, args: list[str], message: str) -> None:
    done = run_script(repo, *args)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == f"fout in de opdracht: {message}"


def test_a_folder_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    done = subprocess.run([sys.executable, str(SCRIPT), "--base", "HEAD"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "fout in de opdracht: de map 'data' staat niet in een git-repository.\n"
    )
