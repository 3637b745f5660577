"""The engine names no region: another region adopts it by replacing data/ alone, so the schemas
(and with them the field reference and the validator's messages), the site's own pages, its
templates, the code and the commands contain no name or code from any region's data."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from agenda.loader import load
from agenda.model import ONBEKEND, Model

ROOT = Path(__file__).resolve().parents[1]
REGIONS = [ROOT / "data", ROOT / "tests" / "regio_alkmaar"]
ENGINE = ("schemas/", "src/", "scripts/", "docs/", "overrides/", "benchmarks/", "mkdocs.yml", "Makefile")
# Words of the Dutch language, of the law on passend onderwijs and jeugdhulp and of the
# kwaliteitskompas, which a region's data uses as names of partners, gremia or themas too: the
# engine may speak of them.
GENERIC = {"mee", "scholen", "gemeenten", "jeugdhulpaanbieders", "mbo", "oogo", "randvoorwaarden"}


def _names(model: Model) -> Iterator[str]:
    """The name, title and codes a region gives: of itself, its records, gremia, partners, themes
    and sources."""
    yield from (model.regio.naam, model.regio.titel)
    for record in (*model.opgaven, *model.pilots):
        yield from (record.id, record.titel)
    for body in (*model.organisatie.gremia, *model.organisatie.partners):
        yield from (body.id, body.naam, getattr(body, "afkorting", None))
    for thema in model.regio.themas:
        yield from (thema.id, thema.naam)
    for bron in model.regio.bronnen:
        yield from (bron.id, bron.titel)


def _region_names() -> set[str]:
    names = set()
    for folder in REGIONS:
        model = load(folder).model
        assert model is not None, folder
        names |= {name.lower() for name in _names(model) if isinstance(name, str) and name != ONBEKEND}
    return names - GENERIC


def _engine_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", *ENGINE], cwd=ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.splitlines() if not name.endswith((".png", ".svg", ".woff2"))]


NAMES = sorted(_region_names())
FILES = _engine_files()
# any of the names as a whole word (longest first, so that a longer name is the one reported)
NAMED = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(NAMES, key=len, reverse=True))) + r")(?![\w-])")


def test_the_names_come_from_both_regions() -> None:
    assert {"amersfoort/eemland", "osj", "leerlingenvervoer"} <= set(NAMES)
    assert len(FILES) > 100


@pytest.mark.parametrize("name", FILES)
def test_an_engine_file_names_no_region(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8").lower()
    found = sorted(set(NAMED.findall(text)))
    assert found == [], f"{name} noemt iets uit de gegevens van een regio: {found}"
