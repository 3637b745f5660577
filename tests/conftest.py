"""Shared fixtures: the valid test region (its model and site, and copies of it to break one thing
at a time) and the HTML parsers of rendered pages."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, settings

from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.loader import LoadResult, load
from agenda.model import Model
from agenda.site import Site

# every property-based test: the same examples on every run (a failure can be run again), no
# time limit per example (a build takes long), and fixtures that each example shares
settings.register_profile(
    "agenda",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("agenda")

REPO = Path(__file__).resolve().parents[1]
GELDIG = REPO / "tests" / "fixtures" / "geldig"
# every valid data folder: the region's own, the valid fixtures, the second region (Alkmaar)
REGIONS = [folder for folder in (REPO / "data", GELDIG, REPO / "tests" / "regio_alkmaar") if folder.is_dir()]
TODAY = date(2025, 1, 15)  # the site's today: the valid region's herziening dates (2099) are far ahead of it
# the Markdown extensions of mkdocs.yml that the rendered pages use
SITE_MARKDOWN = ["attr_list", "md_in_html", "tables", "toc"]


def kind_of(root: Path, path: Path) -> str | None:
    """The kind of a file of a data folder, by where it lives (layout.py)."""
    parts = path.relative_to(root).parts
    if len(parts) == 1:
        return SINGLE_FILES.get(parts[0])
    if len(parts) == 2 and path.suffix == ".yaml":
        return FOLDERS.get(parts[0])
    return None


class Region:
    """A copy of tests/fixtures/geldig at ``data/`` in a temporary working folder.

    Messages then name files as ``data/agenda/...``, the way a user sees them.
    """

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"
        shutil.copytree(GELDIG, self.data)

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in ``data/<name>`` by ``new``."""
        path = self.data / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, name: str, content: str | bytes) -> None:
        path = self.data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)

    def load(self) -> LoadResult:
        return load("data")

    def messages(self) -> list[str]:
        """Every problem, formatted as the validator prints it, in its order."""
        return [problem.format() for problem in self.load().problems]


@pytest.fixture
def region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Region:
    monkeypatch.chdir(tmp_path)
    return Region(tmp_path)


@pytest.fixture(scope="module")
def model(request: pytest.FixtureRequest) -> Model:
    """The model of a valid region, which has no problem at all: tests/fixtures/geldig, or the
    folder a test passes (``@pytest.mark.parametrize("model", [folder], indirect=True)``)."""
    result = load(getattr(request, "param", GELDIG))
    assert [p.format() for p in result.problems] == []
    return result.model


@pytest.fixture(scope="module")
def site(model: Model) -> Site:
    return Site(model, today=TODAY)


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _page_soup(page: str) -> BeautifulSoup:
    body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S)
    return _soup(markdown.markdown(body, extensions=SITE_MARKDOWN))


@pytest.fixture(scope="session")
def soup() -> Callable[[str], BeautifulSoup]:
    """HTML, parsed."""
    return _soup


@pytest.fixture(scope="session")
def page_soup() -> Callable[[str], BeautifulSoup]:
    """A rendered page (front matter, Markdown), converted as the site does and parsed."""
    return _page_soup
