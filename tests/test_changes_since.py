"""The changes since a git revision (--base): a status change is a decision, history is
append-only, codes stay.

Each test builds a small git repository from the valid fixture (git init,
commit, change, commit) and compares the data folder with the first commit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import FIXTURE, GitRepo

from agenda import schemas
from agenda.checks.changes_since import STOPPED, CannotCompare, check_changes_since
from agenda.loader import load
from agenda.problems import Problem

VALIDATE = Path(__file__).parents[1] / "scripts" / "validate.py"
OPGAVE = "data/agenda/leerlingenvervoer.yaml"
PILOT = "data/pilots/school-test.yaml"

NEW_STEP_WITH_DECISION = """\
  - datum: 2025-02-01
    status: bereikt
    besluit:
      datum: 2025-02-01
      gremium: bestuurlijk-overleg
      verslag: Verslag van 1 februari 2025
    bronnen:
      - bron: testbron
"""
NEW_STEP_WITHOUT_DECISION = """\
  - datum: 2025-02-01
    status: bereikt
    bronnen:
      - bron: testbron
"""


class Repo(GitRepo):
    def __init__(self, root: Path):
        super().__init__(root)
        self.commit("begin")

    def line(self, name: str, text: str) -> int:
        """The line on which ``text`` (found once in the file) starts."""
        content = (self.root / name).read_text(encoding="utf-8")
        assert content.count(text) == 1, f"{text!r} not once in {name}"
        return content[: content.index(text)].count("\n") + 1

    def check(self) -> list[Problem]:
        self.commit("wijziging")
        return check_changes_since(self.root / "data", "HEAD~1")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    made = Repo(tmp_path / "repo")
    monkeypatch.chdir(made.root)  # messages name files relative to the working folder
    return made


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_unchanged_data_passes(repo: Repo) -> None:
    assert repo.check() == []


def test_status_change_with_new_step_and_decision_passes(repo: Repo) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    repo.edit(OPGAVE, "periodes:", NEW_STEP_WITH_DECISION + "periodes:")
    assert repo.check() == []
    assert load(repo.root / "data").errors == ()


def test_status_change_without_new_step(repo: Repo) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (
        OPGAVE,
        repo.line(OPGAVE, "status: bereikt"),
        "status",
    )
    assert problem.message == (
        "de status is veranderd van 'in uitvoering' in 'bereikt', maar er is geen nieuwe stap in "
        "de statushistorie. Voeg onderaan de statushistorie een stap toe met de datum, de nieuwe "
        "status en het besluit (datum en gremium)."
    )


def test_new_step_that_changes_the_status_needs_a_decision(repo: Repo) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    repo.edit(OPGAVE, "periodes:", NEW_STEP_WITHOUT_DECISION + "periodes:")
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (
        OPGAVE,
        repo.line(OPGAVE, "  - datum: 2025-02-01"),
        "statushistorie[2]",
    )
    assert problem.message == (
        "deze nieuwe stap verandert de status van 'in uitvoering' in 'bereikt', maar er staat geen "
        "besluit bij. Voeg 'besluit:' toe met de datum en het gremium dat besloot (en zo mogelijk "
        "het verslag)."
    )


def test_new_step_that_changes_the_status_needs_a_known_gremium_and_year(repo: Repo) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    unknown = NEW_STEP_WITH_DECISION.replace("2025-02-01\n      gremium: bestuurlijk-overleg", "onbekend\n      gremium: onbekend")
    repo.edit(OPGAVE, "periodes:", unknown + "periodes:")
    change = "deze nieuwe stap verandert de status van 'in uitvoering' in 'bereikt', maar"
    assert [(p.line, p.field, p.message) for p in repo.check()] == [
        (
            repo.line(OPGAVE, "      gremium: onbekend"),
            "statushistorie[2].besluit.gremium",
            f"{change} het gremium van het besluit is onbekend. Vul de code in van het gremium dat "
            "besloot, uit organisatie.yaml.",
        ),
        (
            repo.line(OPGAVE, "      datum: onbekend"),
            "statushistorie[2].besluit.datum",
            f"{change} de datum van het besluit is onbekend. Vul de datum van het besluit in "
            "(jjjj-mm-dd), of ten minste het jaar.",
        ),
    ]
    assert load(repo.root / "data").errors == ()  # only the comparison with the base refuses it


def test_the_year_of_a_decision_is_enough(repo: Repo) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    repo.edit(OPGAVE, "periodes:", NEW_STEP_WITH_DECISION.replace("datum: 2025-02-01\n      gremium", "datum: 2025\n      gremium") + "periodes:")
    assert repo.check() == []


def test_old_steps_may_keep_an_unknown_decision(repo: Repo) -> None:
    # transcribed from the sources, which do not say who decided when
    repo.edit(OPGAVE, "      datum: 2024-03-14\n      gremium: bestuurlijk-overleg", "      datum: onbekend\n      gremium: onbekend")
    repo.commit("historie uit de bronnen")
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    repo.edit(OPGAVE, "periodes:", NEW_STEP_WITH_DECISION + "periodes:")
    assert repo.check() == []


def test_new_step_without_status_change_needs_no_decision(repo: Repo) -> None:
    repo.edit(
        OPGAVE,
        "periodes:",
        "  - datum: 2025\n    status: in uitvoering\n    toelichting: Nog steeds bezig.\n"
        "    bronnen:\n      - bron: testbron\nperiodes:",
    )
    assert repo.check() == []


def test_removed_record(repo: Repo) -> None:
    (repo.root / OPGAVE).unlink()
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (OPGAVE, 1, "")
    assert problem.message == (
        "dit bestand is verwijderd, maar de status was 'in uitvoering'. Verwijder een opgave niet: "
        "zet de status op gestopt met een besluit in plaats van het bestand te verwijderen."
    )


def test_removing_a_stopped_record_is_allowed(repo: Repo) -> None:
    repo.edit(PILOT, "status: in uitvoering\nstatushistorie:", "status: gestopt\nstatushistorie:")
    repo.edit(
        PILOT,
        "start:",
        "  - datum: 2025-01-15\n    status: gestopt\n    besluit:\n      datum: 2025-01-15\n"
        "      gremium: bestuurlijk-overleg\n    bronnen:\n      - bron: testbron\nstart:",
    )
    assert repo.check() == []
    assert load(repo.root / "data").errors == ()
    (repo.root / PILOT).unlink()
    assert repo.check() == []


def test_renamed_file(repo: Repo) -> None:
    repo.edit(OPGAVE, "id: leerlingenvervoer", "id: vervoer")
    repo.git("mv", OPGAVE, "data/agenda/vervoer.yaml")
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (
        "data/agenda/vervoer.yaml",
        repo.line("data/agenda/vervoer.yaml", "id: vervoer"),
        "id",
    )
    assert problem.message == (
        "de code 'leerlingenvervoer' is veranderd in 'vervoer' (het bestand leerlingenvervoer.yaml "
        "is hernoemd). Een code blijft altijd hetzelfde, want links en verwijzingen gebruiken die. "
        "Zet de bestandsnaam en 'id' terug op 'leerlingenvervoer'; verander zo nodig alleen de titel."
    )


def test_changed_id(repo: Repo) -> None:
    repo.edit(PILOT, "id: school-test", "id: testschool")
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (PILOT, repo.line(PILOT, "id: testschool"), "id")
    assert problem.message == (
        "de code is veranderd van 'school-test' in 'testschool'. Een code blijft altijd hetzelfde, "
        "want links en verwijzingen gebruiken die. Zet 'id' terug op 'school-test'."
    )


def test_altered_history_step(repo: Repo) -> None:
    repo.edit(OPGAVE, "      gremium: bestuurlijk-overleg", "      gremium: werkgroep-test")
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (
        OPGAVE,
        repo.line(OPGAVE, "      gremium: werkgroep-test"),
        "statushistorie[1].besluit.gremium",
    )
    assert problem.message == (
        "deze stap uit de statushistorie is veranderd (het was: datum 2024-03-14, status "
        "'in uitvoering'). Oude stappen blijven zoals ze waren: zet de stap terug en voeg onderaan "
        "een nieuwe stap toe."
    )


def test_removed_history_step(repo: Repo) -> None:
    first = repo.line(OPGAVE, "  - datum: 2023\n")
    lines = (repo.root / OPGAVE).read_text(encoding="utf-8").splitlines(keepends=True)
    second = repo.line(OPGAVE, "  - datum: 2024-03-14\n")
    repo.edit(OPGAVE, "".join(lines[first - 1 : second - 1]), "")
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (OPGAVE, first, "statushistorie[0]")
    assert problem.message == (
        "uit de statushistorie is een stap verwijderd (datum 2023, status 'verkennend'). "
        "De statushistorie wordt alleen aangevuld: zet de stap terug."
    )


def test_step_put_between_existing_steps(repo: Repo) -> None:
    repo.edit(
        OPGAVE,
        "  - datum: 2024-03-14\n    status: in uitvoering\n",
        "  - datum: 2023-10-01\n    status: in ontwikkeling\n    besluit:\n      datum: 2023-10-01\n"
        "      gremium: werkgroep-test\n    bronnen:\n      - bron: testbron\n"
        "  - datum: 2024-03-14\n    status: in uitvoering\n",
    )
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field) == (
        OPGAVE,
        repo.line(OPGAVE, "  - datum: 2023-10-01"),
        "statushistorie[1]",
    )
    assert problem.message == (
        "deze stap staat tussen bestaande stappen in. De statushistorie wordt alleen aangevuld: "
        "zet een nieuwe stap onderaan."
    )


def test_a_record_that_does_not_pass_todays_schema_at_the_base_is_not_skipped_silently(repo: Repo) -> None:
    # as after a change of the schema: the old file cannot be compared with the new one
    repo.edit(OPGAVE, "niveau: regionaal\n", "niveau: regionaal\nonbekend_veld: ja\n")
    repo.commit("een veld dat het schema van nu niet kent")
    repo.edit(OPGAVE, "niveau: regionaal\nonbekend_veld: ja\n", "niveau: regionaal\n")
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    warning = (
        "een opgave in git-versie 'HEAD~1' voldoet niet aan het schema van nu (is het schema "
        "veranderd?), dus is niet nagegaan of de statushistorie alleen is aangevuld, elke nieuwe "
        "status een besluit heeft en de code gelijk is gebleven. Kijk dat zelf na."
    )
    problem = only(repo.check())
    assert (problem.path, problem.line, problem.field, problem.severity) == (OPGAVE, 1, "", "waarschuwing")
    assert problem.message == warning
    (repo.root / OPGAVE).unlink()  # nor is its removal
    assert [p.message for p in check_changes_since(repo.root / "data", "HEAD~1")] == [warning]


def test_a_base_that_git_cannot_read_stops_the_comparison(repo: Repo) -> None:
    blob = repo.git("rev-parse", f"HEAD:{OPGAVE}").strip()
    (repo.root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()  # as in a damaged or partial clone
    with pytest.raises(CannotCompare) as raised:
        check_changes_since(repo.root / "data", "HEAD")
    assert str(raised.value).startswith(
        "de gegevens van git-versie 'HEAD' kunnen niet gelezen worden (git-melding: "
    )
    assert str(raised.value).endswith("). Haal de geschiedenis opnieuw op (git fetch) en controleer opnieuw.")


def test_unknown_revision(repo: Repo) -> None:
    with pytest.raises(CannotCompare, match="de git-versie 'bestaat-niet' bestaat niet"):
        check_changes_since(repo.root / "data", "bestaat-niet")


def test_folder_outside_git(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "data")
    with pytest.raises(CannotCompare, match="staat niet in een git-repository"):
        check_changes_since(tmp_path / "data", "HEAD")


def test_without_git_the_comparison_says_so(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    with pytest.raises(CannotCompare, match=r"^git is niet gevonden\. Installeer git, of laat --base weg\.$"):
        check_changes_since(repo.root / "data", "HEAD")


def run_validate(repo: Repo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(VALIDATE), "data", *args],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_validator_runs_the_checks_only_with_base(repo: Repo) -> None:
    repo.edit(PILOT, "id: school-test", "id: testschool")
    repo.git("mv", PILOT, "data/pilots/testschool.yaml")
    repo.commit("hernoemd")
    plain = run_validate(repo)
    assert plain.returncode == 0, plain.stdout
    with_base = run_validate(repo, "--base", "HEAD~1")
    assert with_base.returncode == 1
    line = repo.line("data/pilots/testschool.yaml", "id: testschool")
    assert (
        f"data/pilots/testschool.yaml:{line}: id: de code 'school-test' is veranderd in 'testschool'"
        in with_base.stdout
    )
    annotated = run_validate(repo, "--base", "HEAD~1", "--format", "github")
    assert annotated.returncode == 1
    assert (
        f"::error file=data/pilots/testschool.yaml,line={line},title=id::id: de code 'school-test' "
        "is veranderd in 'testschool'" in annotated.stdout
    )


def test_validator_refuses_an_unknown_revision(repo: Repo) -> None:
    done = run_validate(repo, "--base", "bestaat-niet")
    assert done.returncode == 2
    assert "fout in de opdracht: de git-versie 'bestaat-niet' bestaat niet" in done.stderr


@pytest.mark.parametrize("base", ["", " "])
def test_validator_refuses_an_empty_revision(repo: Repo, base: str) -> None:
    # an empty --base (such as a CI variable that was not set) must not skip the comparison
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    for args in (["--base", base], [f"--base={base}"]):
        done = run_validate(repo, *args)
        assert done.returncode == 2, done.stdout
        assert done.stderr == (
            "fout in de opdracht: na --base staat geen git-versie. Geef een bestaande branch, tag of "
            "commit op, zoals origin/main, of laat --base weg.\n"
        )


def test_new_record_passes(repo: Repo) -> None:
    text = (repo.root / PILOT).read_text(encoding="utf-8")
    new = text.replace("id: school-test", "id: tweede-pilot").replace(
        "titel: Jeugdhulp op de testschool", "titel: Een tweede pilot"
    )
    (repo.root / "data/pilots/tweede-pilot.yaml").write_text(new, encoding="utf-8")
    # same history as an existing pilot, but that pilot is still there: not a rename
    assert repo.check() == []


def test_uncommitted_changes_are_compared_too(repo: Repo) -> None:
    repo.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    [problem] = check_changes_since(repo.root / "data", "HEAD")  # as the pre-commit hook runs it
    assert problem.field == "status"


def test_the_status_after_which_a_file_may_go_is_one_of_the_schema():
    assert STOPPED in schemas.schema("defs")["$defs"]["status"]["enum"]
