"""A fork: a repository whose history holds one region (the valid fixture, with news of its own)
and then, in a later commit, another region's data in its place (tests/regio_alkmaar). The site
built from it (`mkdocs build --strict`) shows nothing of the first region: no title in any built
file (the pages, the search index, the feed, the calendar, the JSON and the CSV files), and the
second region's record with the same file name (agenda/leerlingenvervoer.yaml) has its own date.
Built twice: with the second region's data committed, and with it only in the work tree (the first
region's data removed in git).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from gitrepo import FIXTURE, GitRepo

from agenda.loader import load

REPO = Path(__file__).resolve().parents[1]
ALKMAAR = Path(__file__).parent / "regio_alkmaar"
# built files that are not text
BINARY = {".png", ".jpg", ".ico", ".gz", ".woff", ".woff2", ".pdf"}


def _first_region(root: Path) -> GitRepo:
    """A repository with the first region's data and news of its own: an edit and a removed pilot."""
    repo = GitRepo(root)
    repo.commit("de eerste regio", "2025-01-06")
    repo.edit("data/agenda/leerlingenvervoer.yaml", "Afspraken over vervoer naar school.", "Afspraken over het vervoer.")
    (repo.root / "data/pilots/wijk-test.yaml").unlink()
    repo.commit("nieuws van de eerste regio", "2025-02-03")
    return repo


def _committed(root: Path) -> Path:
    """The second region replaces the data in a commit, then edits one record."""
    repo = _first_region(root)
    shutil.rmtree(repo.root / "data")
    shutil.copytree(ALKMAAR, repo.root / "data")
    repo.commit("de tweede regio", "2025-04-01")
    repo.edit("data/agenda/kader-oza.yaml", "Een gezamenlijk kader, zodat", "Een gezamenlijk kader zodat")
    repo.commit("nieuws van de tweede regio", "2025-05-02")
    return repo.root / "data"


def _not_committed(root: Path) -> Path:
    """The first region's data removed in a commit; the second region's data only in the work tree."""
    repo = _first_region(root)
    repo.git("rm", "--quiet", "-r", "data")
    repo.commit("weg", "2025-04-01")
    shutil.copytree(ALKMAAR, repo.root / "data")
    return repo.root / "data"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """Both forks built at once (in parallel)."""
    started = {}
    for name, make in {"vastgelegd": _committed, "niet-vastgelegd": _not_committed}.items():
        data = make(tmp_path_factory.mktemp(name) / "repo")
        built = tmp_path_factory.mktemp(f"site-{name}")
        env = {**os.environ, "AGENDA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
        started[name] = built, subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(built)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
    for built, process in started.values():
        log, _ = process.communicate()
        assert process.returncode == 0, log
    return {name: built for name, (built, _) in started.items()}


def _text(path: Path) -> str:
    """A built file's text as a reader sees it: JSON without escapes, HTML and XML unescaped."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


@pytest.mark.parametrize("fork", ["vastgelegd", "niet-vastgelegd"])
def test_no_built_file_names_a_title_of_the_region_before(sites: dict[str, Path], fork: str) -> None:
    site = sites[fork]
    first = load(FIXTURE).model
    titles = {r.titel for r in (*first.opgaven, *first.pilots)} | {first.regio.naam, first.regio.titel}
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix not in BINARY]
    assert {"search_index.json", "feed.xml", "kalender.ics", "alles.json"} <= {p.name for p in files}
    assert any(p.suffix == ".csv" for p in files)
    found = [(p.relative_to(site).as_posix(), t) for p in files for t in sorted(titles) if t in _text(p)]
    assert found == []


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_changes_are_the_second_regions_own(sites: dict[str, Path]) -> None:
    items = [li.get_text(" ", strip=True) for li in _page(sites["vastgelegd"], "veranderd").select("article li")]
    assert "2 mei 2025 : Ontwikkelen van een kader voor onderwijs-zorgarrangementen : bijgewerkt" in items
    assert not any("verwijderd" in item or "bestaat niet meer" in item for item in items)


@pytest.mark.parametrize(
    ("fork", "day"),
    [
        ("vastgelegd", "1 april 2025"),  # the commit of the second region's data
        ("niet-vastgelegd", "onbekend"),  # not the day the first region's file of that name was removed
    ],
)
def test_a_record_with_the_same_file_name_has_its_own_date(sites: dict[str, Path], fork: str, day: str) -> None:
    soup = _page(sites[fork], "agenda/leerlingenvervoer")
    facts = dict(zip((dt.get_text(strip=True) for dt in soup.select(".agenda-facts dt")),
                     (dd.get_text(strip=True) for dd in soup.select(".agenda-facts dd"))))
    assert facts["Laatst gewijzigd"] == day
