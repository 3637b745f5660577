"""The change overview "Wat is er veranderd", from the git history of the data folder.

The tests build a small git repository (git init, commit, change, commit) holding a copy of the
valid fixture in data/, with the commit dates set, and read its history.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from gitrepo import FIXTURE, GitRepo

from agenda.data_changes import Commit, DataHistory, RecordChange, classify, parse_log
from agenda.git_facts import change_dates, data_history
from agenda.loader import load
from agenda.model import Regio, build
from agenda.render import veranderingen as veranderingen_module
from agenda.render.veranderingen import veranderingen
from agenda.site import Site

OPGAVE = "data/agenda/leerlingenvervoer.yaml"
NEW_STEP = """\
  - datum: 2025-02-01
    status: bereikt
    besluit:
      datum: 2025-02-01
      gremium: bestuurlijk-overleg
    bronnen:
      - bron: testbron
"""
NEW_EVALUATION = """\
  - jaar: 2025
    voortgang: Klaar.
    bronnen:
      - bron: testbron
"""


class Repo(GitRepo):
    def __init__(self, root: Path):
        super().__init__(root)
        (root / "README.md").write_text("Niet in de gegevens.\n", encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    made = Repo(tmp_path / "repo")
    made.commit("begin", "2025-01-06")
    # a status change with a decision, in February
    made.edit(OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    made.edit(OPGAVE, "periodes: [2023-2024]", NEW_STEP + "periodes: [2023-2024]")
    made.commit("status", "2025-02-03")
    # an evaluation added to the same opgave, a typo fixed elsewhere, a file outside data/
    made.edit(OPGAVE, "evaluaties:\n", "evaluaties:\n" + NEW_EVALUATION)
    made.edit("data/begrippen.yaml", "Wijkteam", "Buurtteam")
    (made.root / "README.md").write_text("Anders.\n", encoding="utf-8")
    made.commit("evaluatie", "2025-02-20")
    # a pilot removed, a new opgave
    (made.root / "data/pilots/wijk-test.yaml").unlink()
    shutil.copy(made.root / "data/agenda/thuiszitters.yaml", made.root / "data/agenda/nieuw.yaml")
    made.edit("data/agenda/nieuw.yaml", "id: thuiszitters", "id: nieuw")
    made.commit("nieuw en weg", "2025-03-15")
    return made


def history(data: Path) -> DataHistory:
    """The history of the data folder ``data``, for the region its regio.yaml names now (the
    other files need not be valid)."""
    return data_history(data, build(Regio, yaml.safe_load((data / "regio.yaml").read_text(encoding="utf-8"))))


def test_the_history_lists_what_happened_to_each_record(repo: Repo) -> None:
    found = history(repo.root / "data")
    assert found.data_date == date(2025, 3, 15)
    later = [c for c in found.changes if c.day > date(2025, 1, 6)]
    # what the edits did to the agenda (a status step, an evaluation) is told by the agenda itself
    assert [(c.day.isoformat(), c.kind, c.code, c.what) for c in later] == [
        ("2025-02-03", "opgave", "leerlingenvervoer", "gewijzigd"),
        ("2025-02-20", "opgave", "leerlingenvervoer", "gewijzigd"),
        ("2025-03-15", "opgave", "nieuw", "nieuw"),
        ("2025-03-15", "pilot", "wijk-test", "verwijderd"),
    ]
    removed = later[-1]
    assert removed.titel == "Wijkteam in de testwijk"  # from the last version that had it


def test_the_commit_that_first_adds_the_data_is_not_news(repo: Repo) -> None:
    """The first commit adds every file: its records were not new then, only new to git."""
    changes = history(repo.root / "data").changes
    assert [c for c in changes if c.day == date(2025, 1, 6)] == []
    # the opgave added by a later commit is new
    assert [(c.code, c.day) for c in changes if c.what == "nieuw"] == [("nieuw", date(2025, 3, 15))]


def test_the_sites_own_texts_are_not_news(repo: Repo) -> None:
    repo.edit("data/regio.yaml", "titel: Samenwerkingsagenda Testregio\n", "titel: Agenda Testregio\n")
    repo.commit("regio", "2025-04-01")
    changes = history(repo.root / "data").changes
    assert {c.kind for c in changes} == {"opgave", "pilot"}  # begrippen (20 februari) and regio left out


def test_an_edit_is_an_edit(repo: Repo) -> None:
    repo.edit(OPGAVE, "Afspraken over vervoer naar school.", "Afspraken over het vervoer.")
    repo.commit("tekst", "2025-04-01")
    last = history(repo.root / "data").changes[-1]
    assert (last.code, last.what, last.titel) == ("leerlingenvervoer", "gewijzigd", "Samenwerking onderwijs en leerlingenvervoer")


def test_a_merged_branch_counts_once_on_the_day_it_was_merged(repo: Repo) -> None:
    repo.git("checkout", "--quiet", "-b", "voorstel")
    repo.edit("data/pilots/school-test.yaml", "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:")
    repo.commit("voorstel", "2025-04-01")
    repo.git("checkout", "--quiet", "main")
    repo.git("merge", "--quiet", "--no-ff", "-m", "samengevoegd", "voorstel", day="2025-05-02")
    last = history(repo.root / "data").changes[-1]
    assert (last.day, last.code, last.what) == (date(2025, 5, 2), "school-test", "gewijzigd")


def test_outside_git_there_is_no_history(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "data")
    assert history(tmp_path / "data") == DataHistory(None, None, "De gegevens staan niet in een git-repository.")


def test_a_shallow_clone_has_the_date_of_the_data_but_no_history(repo: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "kloon"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", repo.root.as_uri(), str(clone)], check=True,
                   capture_output=True)
    found = history(clone / "data")
    assert found.data_date == date(2025, 3, 15)
    assert found.changes is None
    assert "shallow clone" in found.reason


# --- only this region's history ----------------------------------------------------------------

ALKMAAR = Path(__file__).parent / "regio_alkmaar"
NOT_COMMITTED = DataHistory(None, None, "De gegevens zijn nog niet vastgelegd in git.")


def _replace_data(repo: Repo) -> None:
    """data/ replaced by another region's data (which also has an agenda/leerlingenvervoer.yaml)."""
    shutil.rmtree(repo.root / "data", ignore_errors=True)  # gone already after git rm
    shutil.copytree(ALKMAAR, repo.root / "data")


def _dates(data: Path, start: str | None) -> dict[str, date | None]:
    """The change date of each file of the data in ``data`` (by its path from ``data``)."""
    files = [str(path) for path in data.rglob("*.yaml")]
    return {Path(name).relative_to(data).as_posix(): day for name, day in change_dates(data, files, start).items()}


def test_a_region_that_replaced_the_data_has_only_its_own_history(repo: Repo) -> None:
    _replace_data(repo)
    repo.commit("een andere regio", "2025-04-01")
    start = repo.git("rev-parse", "HEAD").strip()
    repo.edit("data/agenda/kader-oza.yaml", "titel: ", "titel: Nieuw: ")
    repo.commit("tekst", "2025-05-02")
    found = history(repo.root / "data")
    # the replacing commit is not news (like the first commit of a region), nor is anything before it
    assert [(c.day, c.code, c.what) for c in found.changes] == [(date(2025, 5, 2), "kader-oza", "gewijzigd")]
    assert (found.data_date, found.start) == (date(2025, 5, 2), start)
    dates = _dates(repo.root / "data", found.start)
    assert dates["agenda/leerlingenvervoer.yaml"] == date(2025, 4, 1)  # the same file name, another region
    assert dates["agenda/kader-oza.yaml"] == date(2025, 5, 2)


def test_data_removed_and_then_replaced_has_only_the_new_regions_history(repo: Repo) -> None:
    repo.git("rm", "--quiet", "-r", "data")
    repo.commit("weg", "2025-04-01")
    _replace_data(repo)
    repo.commit("een andere regio", "2025-04-02")
    found = history(repo.root / "data")
    assert (found.changes, found.data_date) == ((), date(2025, 4, 2))
    assert set(_dates(repo.root / "data", found.start).values()) == {date(2025, 4, 2)}


@pytest.mark.parametrize("removed", [True, False], ids=["weg-vastgelegd", "niets-vastgelegd"])
def test_another_regions_data_not_yet_committed_has_no_history_and_no_dates(repo: Repo, removed: bool) -> None:
    """The old region's data removed in git (or not), the new region's only in the work tree: its
    leerlingenvervoer.yaml does not get the date of the old region's file of that name."""
    if removed:
        repo.git("rm", "--quiet", "-r", "data")
        repo.commit("weg", "2025-04-01")
    _replace_data(repo)
    found = history(repo.root / "data")
    assert found == NOT_COMMITTED
    assert set(_dates(repo.root / "data", found.start).values()) == {None}


def test_a_renamed_region_keeps_its_history_when_it_names_its_earlier_name(repo: Repo) -> None:
    repo.edit("data/regio.yaml", "naam: Testregio\n", "naam: Testregio Noord\n")
    repo.edit("data/regio.yaml", "  - Testregio Oost\n", "  - Testregio Oost\n  - Testregio\n")
    repo.commit("nieuwe naam", "2025-04-01")
    found = history(repo.root / "data")
    assert [c.day for c in found.changes] == [date(2025, 2, 3), date(2025, 2, 20), date(2025, 3, 15), date(2025, 3, 15)]
    assert _dates(repo.root / "data", found.start)["agenda/leerlingenvervoer.yaml"] == date(2025, 2, 20)


def test_a_new_name_without_the_earlier_one_starts_a_new_history(repo: Repo) -> None:
    repo.edit("data/regio.yaml", "naam: Testregio\n", "naam: Testregio Noord\n")
    repo.commit("nieuwe naam", "2025-04-01")
    repo.edit(OPGAVE, "Afspraken over vervoer naar school.", "Afspraken over het vervoer.")
    repo.commit("tekst", "2025-04-02")
    found = history(repo.root / "data")
    assert [(c.day, c.code, c.what) for c in found.changes] == [(date(2025, 4, 2), "leerlingenvervoer", "gewijzigd")]
    dates = _dates(repo.root / "data", found.start)
    assert (dates[OPGAVE.removeprefix("data/")], dates["agenda/thuiszitters.yaml"]) == (date(2025, 4, 2), None)


def test_parse_log_reads_commits_and_their_files() -> None:
    text = (
        "\x00aaa\t2025-03-15\n\nD\tdata/pilots/x.yaml\nA\tdata/agenda/y.yaml\n"
        "\x00bbb\t2025-01-06\n\nM\tdata/regio.yaml\n"
    )
    assert parse_log(text) == [
        Commit("aaa", date(2025, 3, 15), (("D", "data/pilots/x.yaml"), ("A", "data/agenda/y.yaml"))),
        Commit("bbb", date(2025, 1, 6), (("M", "data/regio.yaml"),)),
    ]
    assert parse_log("") == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("data/regio.yaml", ("regio", "regio")),
        ("data/agenda/osj.yaml", ("opgave", "osj")),
        ("data/evaluaties/2024.yaml", ("evaluatie", "2024")),
        ("data/agenda/notities.txt", None),
        ("data/agenda/sub/x.yaml", None),
        ("docs/index.md", None),
        ("database/regio.yaml", None),
    ],
)
def test_classify_knows_the_data_files(path: str, expected) -> None:
    assert classify(path, "data") == expected


# --- the page -----------------------------------------------------------------------------------


def _page(page_soup, history: DataHistory) -> BeautifulSoup:
    site = Site(load(FIXTURE).model, today=date(2025, 6, 1), history=history)
    return page_soup(veranderingen(site, "veranderd.md"))


def _items(page: BeautifulSoup, year: int) -> list[str]:
    return [li.get_text(" ", strip=True) for li in page.find("h2", id=f"jaar-{year}").find_next("ul").find_all("li")]


def test_the_page_lists_the_agendas_events_and_later_edits_per_year_newest_first(page_soup) -> None:
    changes = (
        RecordChange(date(2025, 1, 6), "opgave", "leerlingenvervoer", "nieuw", "Oud"),
        RecordChange(date(2025, 2, 20), "pilot", "school-test", "gewijzigd", None),
        RecordChange(date(2025, 2, 20), "pilot", "school-test", "gewijzigd", None),
        RecordChange(date(2025, 3, 15), "pilot", "weg", "verwijderd", "Weggehaalde pilot"),
    )
    page = _page(page_soup, DataHistory(date(2025, 3, 15), changes))
    assert [h.get_text() for h in page.find_all("h2")] == ["2025", "2024", "2023", "2022"]
    assert _items(page, 2025) == [
        "15 maart 2025 : Weggehaalde pilot (pilot, bestaat niet meer): verwijderd",
        "20 februari 2025 : Jeugdhulp op de testschool : bijgewerkt",
        "6 januari 2025 : Samenwerking onderwijs en leerlingenvervoer : nieuw",
    ]
    # every kind of event; the undated step of thuiszitters is not in a list by date
    assert _items(page, 2024) == [
        "1 november 2024 : Evaluatie 2024 is verschenen",
        "1 november 2024 : besluit van Bestuurlijk overleg bij Evaluatie 2024 : Doorgaan met de pilot.",
        "30 juni 2024 : Samenwerking onderwijs en leerlingenvervoer : mijlpaal bereikt: Uitgangspunten uitgewerkt",
        "14 maart 2024 : Samenwerking onderwijs en leerlingenvervoer : van verkennend naar in uitvoering , "
        "door een besluit van Bestuurlijk overleg",
        "1e halfjaar 2024 : Jeugdhulp op de testschool : meting Minder verwijzingen: minder dan 10 kinderen",
    ]
    # a step that is no longer the current one says the current status; a year comes last in its year
    assert _items(page, 2023) == [
        "31 december 2023 : Wijkteam in de testwijk : van in uitvoering naar gestopt , door een besluit van Werkgroep Test",
        "1 september 2023 : Jeugdhulp op de testschool : status in uitvoering",
        "2023 : Samenwerking onderwijs en leerlingenvervoer : status verkennend ; nu in uitvoering (sinds 14 maart 2024)",
        "2023 : Jeugdhulp op de testschool : meting Minder verwijzingen: 25 kinderen",
    ]
    assert _items(page, 2022) == [
        "2022 : Wijkteam in de testwijk : status in uitvoering ; nu gestopt (sinds 31 december 2023)"
    ]
    assert page.find("a", string="Samenwerking onderwijs en leerlingenvervoer")["href"] == "../agenda/leerlingenvervoer/"
    assert page.find("a", string="besluit")["href"] == "../besluiten/#besluit-evaluatie-2024-besluiten-0"
    assert page.find("a", string="nieuwsfeed")["href"] == "../feed.xml"


def test_without_history_the_page_still_shows_the_agendas_events(page_soup) -> None:
    page = _page(page_soup, DataHistory(date(2025, 3, 15), None, "Een shallow clone."))
    text = page.get_text(" ", strip=True)
    assert "Bijgewerkte opgaven en pilots staan hier niet. Een shallow clone." in text
    assert [h.get_text() for h in page.find_all("h2")] == ["2024", "2023", "2022"]


def test_the_page_shows_at_most_the_newest_items_and_says_so(page_soup, monkeypatch) -> None:
    monkeypatch.setattr(veranderingen_module, "LIMIT", 3)
    page = _page(page_soup, DataHistory(None, ()))
    assert "Hier staan de 3 nieuwste van de 10 veranderingen." in page.get_text(" ", strip=True)
    assert len(page.find_all("li")) == 3
