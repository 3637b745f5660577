"""synthetic.py: a data folder of any size, made of copies of the real records, that validates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.loader import load
from agenda.model import ONBEKEND, Model
from agenda.schemas import schema
from agenda.yamlfile import read_yaml
from synthetic import YEARS, Plan, first_year, generate

ROOT = Path(__file__).parents[1]
REAL = ROOT / "data"
SIZE = 30  # a tiny folder: every real record once, a few twice
# what a copy changes: its id and title, its references, and what the benchmark adds
CHANGED = {"id", "titel", "verwant", "opgave", "thema", "evaluaties", "indicatoren"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def records(folder: Path, name: str) -> dict[str, dict]:
    """The data of each file in ``folder/name``, by its id."""
    found = {}
    for path in sorted((folder / name).glob("*.yaml")):
        doc, problems = read_yaml(str(path), path.read_bytes())
        assert problems == []
        found[doc.data["id"]] = doc.data
    return found


@pytest.fixture(scope="module")
def real() -> Model:
    model = load(REAL).model
    assert model is not None
    return model


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan, dict[str, bytes]]:
    before = snapshot(REAL)
    target = tmp_path_factory.mktemp("synthetisch") / "data"
    layout = generate(REAL, target, SIZE)
    return target, layout, before


@pytest.fixture(scope="module")
def synthetic(made) -> Model:
    result = load(made[0])
    assert result.problems == (), [p.format() for p in result.problems]
    return result.model


def test_validates_without_any_problem(synthetic: Model) -> None:
    assert synthetic.opgaven and synthetic.pilots and synthetic.evaluaties


def test_the_real_data_is_only_read(made) -> None:
    assert snapshot(REAL) == made[2]


def test_size_and_split_follow_the_real_data(made, synthetic: Model, real: Model) -> None:
    target, layout, _ = made
    files = [p for folder in FOLDERS for p in (target / folder).glob("*.yaml")]
    assert len(files) == layout.size == SIZE
    assert len(synthetic.opgaven) == layout.opgaven
    assert len(synthetic.pilots) == layout.pilots
    assert len(synthetic.evaluaties) == YEARS
    share = len(real.pilots) / (len(real.opgaven) + len(real.pilots))
    assert layout.pilots == round((SIZE - YEARS) * share)
    # one evaluation per year, from the first year the real data names
    assert [e.jaar for e in synthetic.evaluaties] == list(range(first_year(real), first_year(real) + YEARS))


def test_region_files_are_copied_unchanged(made) -> None:
    for name in SINGLE_FILES:
        assert (made[0] / name).read_bytes() == (REAL / name).read_bytes()


@pytest.mark.parametrize("folder", ["agenda", "pilots"])
def test_each_real_record_is_copied_as_often_and_unchanged_but_for_what_a_copy_changes(made, folder) -> None:
    real, copies = records(REAL, folder), records(made[0], folder)
    originals = Counter(code.rpartition("-kopie-")[0] for code in copies)
    assert set(originals) == set(real)
    assert max(originals.values()) - min(originals.values()) <= 1  # the records in turn
    for code, data in copies.items():
        original = real[code.rpartition("-kopie-")[0]]
        assert {k: v for k, v in data.items() if k not in CHANGED} == {
            k: v for k, v in original.items() if k not in CHANGED
        }, code
        for indicator, real_indicator in zip(data.get("indicatoren", []), original.get("indicatoren", [])):
            assert {**indicator, "metingen": []} == {**real_indicator, "metingen": []}


def test_copies_refer_to_copies(synthetic: Model, real: Model) -> None:
    ids = {o.id for o in synthetic.opgaven}
    real_verwant = {o.id: o.verwant for o in real.opgaven}
    for opgave in synthetic.opgaven:
        original, _, number = opgave.id.rpartition("-kopie-")
        assert [code.rpartition("-kopie-")[0] for code in opgave.verwant] == list(real_verwant[original])
        assert all(code.endswith(f"-kopie-{number}") or code.endswith("-kopie-0001") for code in opgave.verwant)
        assert set(opgave.verwant) <= ids
    for pilot in synthetic.pilots:
        assert pilot.opgave == ONBEKEND or pilot.opgave in ids


def test_what_the_real_data_has_none_of_is_added(synthetic: Model, real: Model) -> None:
    jaren = {e.jaar for e in synthetic.evaluaties}
    for record in (*synthetic.opgaven, *synthetic.pilots):
        assert len(record.evaluaties) == 1 and record.evaluaties[0].jaar in jaren
    indicators = [i for p in synthetic.pilots for i in p.indicatoren]
    assert indicators
    for indicator in indicators:
        assert [m.periode[:4] for m in indicator.metingen] == [str(year) for year in sorted(jaren)]
        assert all(m.waarde is not None and m.waarde >= 10 for m in indicator.metingen)
    if {o.thema for o in real.opgaven} == {ONBEKEND}:
        assert {o.thema for o in synthetic.opgaven} == {t.id for t in synthetic.regio.themas}


def test_names_are_new(synthetic: Model, real: Model) -> None:
    for record in (*synthetic.opgaven, *synthetic.pilots):
        number = int(record.id.rpartition("-kopie-")[2])
        assert record.titel.endswith(f" (kopie {number})")
    assert all(e.titel == f"Synthetische evaluatie {e.jaar}" for e in synthetic.evaluaties)
    real_records, copies = (*real.opgaven, *real.pilots), (*synthetic.opgaven, *synthetic.pilots)
    assert not {r.id for r in real_records} & {r.id for r in copies}
    assert not {r.titel for r in real_records} & {r.titel for r in copies}


def test_files_are_written_by_the_scaffold_in_schema_order(made) -> None:
    for folder, kind in FOLDERS.items():
        for path in (made[0] / folder).glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            assert text.startswith("# yaml-language-server: $schema=")
            assert f"\n# {schema(kind)['title']}: " in text  # the scaffold's explanation of the file
            doc, problems = read_yaml(str(path), path.read_bytes())
            assert problems == []
            order = list(schema(kind)["properties"])
            keys = list(doc.data)
            assert keys == sorted(keys, key=order.index), path.name


def test_same_input_gives_the_same_files(made, tmp_path: Path) -> None:
    generate(REAL, tmp_path / "data", SIZE)
    assert snapshot(tmp_path / "data") == snapshot(made[0])


def test_too_small_a_size_is_refused(real: Model, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too few"):
        generate(REAL, tmp_path / "data", len(real.opgaven) + len(real.pilots) + YEARS - 1)
    assert not (tmp_path / "data").exists()


def test_a_pilot_refers_to_a_copy_of_its_opgave_at_any_size(tmp_path: Path) -> None:
    """A bug: where a pilot and its opgave share a code and the pilot has more copies than the
    opgave (as at 300 records), a copy of the pilot named a copy of the pilot as its opgave."""
    generate(REAL, tmp_path / "data", 300)
    result = load(tmp_path / "data")
    assert result.problems == (), [p.format() for p in result.problems]
