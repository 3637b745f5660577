"""agenda.synthetic: a made-up data folder of any size, shaped like the real data, that validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.loader import load
from agenda.model import ONBEKEND, Model
from agenda.schemas import schema
from agenda.synthetic import (
    COUNTED,
    TEXTS,
    YEARS,
    Plan,
    Profile,
    first_year,
    generate,
    values_at,
)
from agenda.yamlfile import read_yaml

ROOT = Path(__file__).parents[1]
REAL = ROOT / "data"
SIZE = 20
# where the real data has none, the module replaces the zero by a stated minimum
MINIMUMS = {("opgave", "evaluaties"), ("pilot", "evaluaties"), ("pilot", "indicatoren[].metingen")}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


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
def model(made) -> Model:
    result = load(made[0])
    assert result.problems == (), [p.format() for p in result.problems]
    return result.model


def test_validates_without_any_problem(model: Model) -> None:
    assert model.opgaven and model.pilots and model.evaluaties


def test_the_real_data_is_only_read(made) -> None:
    assert snapshot(REAL) == made[2]


def test_size_and_split_follow_the_real_data(made, model: Model, real: Model) -> None:
    target, layout, _ = made
    files = [p for folder in FOLDERS for p in (target / folder).glob("*.yaml")]
    assert len(files) == layout.size == SIZE
    assert len(model.opgaven) == layout.opgaven
    assert len(model.pilots) == layout.pilots
    assert len(model.evaluaties) == YEARS
    share = len(real.pilots) / (len(real.opgaven) + len(real.pilots))
    assert layout.pilots == round((SIZE - YEARS) * share)
    # one evaluation per year, from the first year the real data names
    assert [e.jaar for e in model.evaluaties] == list(range(first_year(real), first_year(real) + YEARS))


def test_region_files_are_copied_unchanged(made) -> None:
    for name in SINGLE_FILES:
        assert (made[0] / name).read_bytes() == (REAL / name).read_bytes()


def test_counts_and_shares_match_the_real_data(model: Model, real: Model) -> None:
    want, got = Profile.of(real), Profile.of(model)
    records = {"opgave": model.opgaven, "pilot": model.pilots}
    for kind, paths in COUNTED.items():
        for path in paths:
            if (kind, path) in MINIMUMS:
                continue
            parent = path.rpartition(".")[0]
            owners = len(values_at(records[kind], parent)) if parent else len(records[kind])
            # dealt out exactly: after n records a mean m has given floor(m·n) items
            assert abs(got.counts[kind][path] - want.counts[kind][path]) < 1 / owners, (kind, path)
    for kind, fields in want.chosen.items():
        for name, shares in fields.items():
            if (kind, name) == ("opgave", "thema"):
                continue
            owners = len(values_at(records[kind], name))
            for value, share in shares.items():
                assert abs(got.chosen[kind][name].get(value, 0) - share) <= 1 / owners, (kind, name, value)
    assert got.optional == want.optional
    steps = values_at([*model.opgaven, *model.pilots], "statushistorie[]")
    assert abs(got.dated - want.dated) <= 1 / len(steps)
    assert (got.decided, got.linked) == (want.decided, want.linked)


def test_texts_are_about_as_long_and_as_often_present(model: Model, real: Model) -> None:
    want, got = Profile.of(real), Profile.of(model)
    for kind, paths in TEXTS.items():
        for path in paths:
            (want_share, want_length), (got_share, got_length) = want.texts[kind][path], got.texts[kind][path]
            assert got_share == pytest.approx(want_share, abs=0.1), (kind, path)
            assert got_length == pytest.approx(want_length, rel=0.3), (kind, path)
    assert got.abbreviations == pytest.approx(want.abbreviations, rel=0.5)


def test_minimums_where_the_real_data_has_none(model: Model, real: Model) -> None:
    jaren = {e.jaar for e in model.evaluaties}
    for record in (*model.opgaven, *model.pilots):
        assert len(record.evaluaties) == 1 and record.evaluaties[0].jaar in jaren
    indicators = values_at(model.pilots, "indicatoren[]")
    assert indicators
    for indicator in indicators:
        assert [m.periode[:4] for m in indicator.metingen] == [str(year) for year in sorted(jaren)]
        assert all(m.waarde is not None and m.waarde >= 10 for m in indicator.metingen)
    if {o.thema for o in real.opgaven} == {ONBEKEND}:
        assert {o.thema for o in model.opgaven} == {t.id for t in model.regio.themas}


def test_names_are_made_up(model: Model, real: Model) -> None:
    for record in (*model.opgaven, *model.pilots):
        kind = "opgave" if record in model.opgaven else "pilot"
        assert record.id.startswith(f"synthetische-{kind}-")
        assert record.titel.startswith(f"Synthetische {kind} ")
    assert all(e.titel == f"Synthetische evaluatie {e.jaar}" for e in model.evaluaties)
    real_titles = {r.titel for r in (*real.opgaven, *real.pilots)}
    assert not real_titles & {r.titel for r in (*model.opgaven, *model.pilots)}


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


def test_too_small_a_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs more than"):
        generate(REAL, tmp_path / "data", YEARS)
    assert not (tmp_path / "data").exists()
