"""Open data: the JSON holds the loaded model record for record, validates against the published
schemas, and the CSV tables, the schema files and the page "Open data" say what they hold."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from agenda import schemas
from agenda.data_changes import DataHistory
from agenda.downloads import Download
from agenda.export.csv_text import cell
from agenda.export.records import ALL, VERSION, dumps, plain
from agenda.export.tables import tables
from agenda.layout import COLLECTIONS, SINGLE_KINDS
from agenda.loader import MODEL_CLASSES, load
from agenda.model import Model, build
from agenda.published import Published, published
from agenda.schema_versions import current
from agenda.render.open_data import open_data, size_text
from agenda.site import Site

REPO = Path(__file__).resolve().parents[1]
REGIONS = {
    "data": REPO / "data",
    "geldig": REPO / "tests" / "fixtures" / "geldig",
    "alkmaar": REPO / "tests" / "regio_alkmaar",
}
TODAY = date(2025, 1, 15)
HISTORY = DataHistory(date(2025, 1, 10), ())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test of the model runs on each region (conftest's model fixture)."""
    if "model" in metafunc.fixturenames:
        metafunc.parametrize("model", list(REGIONS.values()), indirect=True, ids=list(REGIONS), scope="module")


def published_of(model: Model, site_url: str | None = None) -> Published:
    return published(Site(model, today=TODAY, history=HISTORY), site_url)


def downloads(model: Model) -> dict[str, Download]:
    return {d.path: d for d in published_of(model).downloads}


def read_json(found: dict[str, Download], name: str) -> object:
    return json.loads(found[f"data/{name}.json"].content.decode("utf-8"))


# --- JSON ---------------------------------------------------------------------------------------


def test_the_json_is_the_model_record_for_record(model: Model) -> None:
    found = downloads(model)
    rebuilt = {kind: build(MODEL_CLASSES[kind], read_json(found, kind)) for kind in SINGLE_KINDS}
    for name in COLLECTIONS:
        records = read_json(found, name)
        originals = getattr(model, name)
        assert list(records) == [str(getattr(r, "id", None) or r.jaar) for r in originals]
        rebuilt[name] = tuple(build(MODEL_CLASSES[COLLECTIONS[name]], data) for data in records.values())
        for key, data in records.items():  # each record carries its own key
            assert str(data.get("id", data.get("jaar"))) == key
    assert Model(**rebuilt, bestanden=model.bestanden) == model


def test_nothing_is_dropped_and_empty_fields_are_left_out(model: Model) -> None:
    found = downloads(model)
    for name in SINGLE_KINDS:
        assert read_json(found, name) == plain(getattr(model, name))
    text = json.dumps(read_json(found, ALL))
    assert "null" not in text and "[]" not in text


def test_the_combined_file_names_its_schema_version_then_holds_every_file_under_its_name(model: Model) -> None:
    found = downloads(model)
    combined = read_json(found, ALL)
    assert list(combined) == [VERSION, *SINGLE_KINDS, *COLLECTIONS]
    assert combined[VERSION] == current().versie
    for name in [*SINGLE_KINDS, *COLLECTIONS]:
        assert combined[name] == read_json(found, name)


def _published_validator(found: dict[str, Download], kind: str) -> Draft202012Validator:
    """A plain Draft 2020-12 validator that knows only the schema files the site publishes."""
    resources = [
        (d.path.removeprefix("schemas/"), Resource.from_contents(json.loads(d.content)))
        for d in found.values()
        if d.path.startswith("schemas/")
    ]
    registry = Registry().with_resources(resources)
    schema = registry.contents(f"{kind}.schema.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def test_every_record_validates_against_the_published_schema(model: Model) -> None:
    found = downloads(model)
    errors = []
    for kind in SINGLE_KINDS:
        errors += [e.message for e in _published_validator(found, kind).iter_errors(read_json(found, kind))]
    for name, kind in COLLECTIONS.items():
        validator = _published_validator(found, kind)
        for key, record in read_json(found, name).items():
            errors += [f"{name}/{key}: {e.message}" for e in validator.iter_errors(record)]
    assert errors == []


def test_the_schemas_are_published_unchanged_at_stable_addresses(model: Model) -> None:
    found = downloads(model)
    for path in schemas.SCHEMA_DIR.glob("*.schema.json"):
        assert found[f"schemas/{path.name}"].content == path.read_bytes()


def test_json_keeps_non_ascii_text_readable() -> None:
    assert dumps({"naam": "Eén"}) == '{\n  "naam": "Eén"\n}\n'


# --- licence ------------------------------------------------------------------------------------


def test_the_real_data_states_no_licence_the_sources_do_not_give() -> None:
    assert load(REGIONS["data"]).model.regio.licentie is None


def _page(soup, model: Model) -> BeautifulSoup:
    site = Site(model, today=TODAY, history=HISTORY)
    return soup(open_data(site, "open-data.md", published_of(model).downloads, HISTORY.data_date))


def test_without_a_licence_the_page_says_it_is_not_yet_stated(soup) -> None:
    text = _page(soup, load(REGIONS["data"]).model).get_text(" ", strip=True)
    assert "De licentie van deze gegevens is nog niet vastgesteld" in text
    assert "CC0" in text


def test_a_licence_in_the_data_is_named_and_linked(soup) -> None:
    page = _page(soup, load(REGIONS["geldig"]).model)
    assert "onder de licentie CC0 1.0 Universeel" in page.get_text(" ", strip=True)
    assert page.find("a", string="CC0 1.0 Universeel")["href"] == (
        "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
    )


# --- the page "Open data" -----------------------------------------------------------------------


def test_the_page_lists_every_download_with_its_size_and_the_date_of_the_data(model: Model, soup) -> None:
    found = published_of(model).downloads
    page = _page(soup, model)
    links = {a["href"]: a for a in page.find_all("a")}
    for download in found:
        link = links[f"../{download.path}"]
        row = [td.get_text(" ", strip=True) for td in link.find_parent("tr").find_all("td")]
        assert row[2] == size_text(download.size)
    assert "Stand van de gegevens: 10 januari 2025" in page.get_text(" ", strip=True)


def test_the_page_names_the_fields_of_each_file_with_their_schema_titles(soup) -> None:
    page = _page(soup, load(REGIONS["geldig"]).model)
    opgaven = page.find("summary", string="opgaven.json").find_parent("details")
    fields = {dt.get_text(): dd.get_text() for dt, dd in zip(opgaven.find_all("dt"), opgaven.find_all("dd"))}
    assert fields["id"] == "Code"
    assert fields["statushistorie"] == "Statushistorie"
    assert fields["herziening"] == "Herzien uiterlijk"


def test_sizes_read_in_dutch() -> None:
    assert [size_text(n) for n in (3, 999, 1000, 12345)] == ["3 bytes", "999 bytes", "1,0 kB", "12,3 kB"]


def test_without_git_the_date_of_the_data_is_unknown(soup) -> None:
    model = load(REGIONS["geldig"]).model
    site = Site(model, today=TODAY, history=DataHistory(None, None, "geen git"))
    found = published(site, None)
    text = soup(open_data(site, "open-data.md", found.downloads, site.history.data_date)).get_text(" ", strip=True)
    assert "Stand van de gegevens: onbekend" in text


# --- CSV ----------------------------------------------------------------------------------------


def _rows(model: Model, name: str) -> list[dict[str, str]]:
    table = next(t for t in tables(model) if t.name == name)
    text = table.csv()
    assert text.startswith(",".join(c.name for c in table.columns) + "\r\n") and text.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_a_row_per_opgave_with_its_single_fields() -> None:
    model = load(REGIONS["geldig"]).model
    rows = _rows(model, "opgaven")
    assert [r["id"] for r in rows] == [o.id for o in model.opgaven]
    vervoer = rows[0]
    assert vervoer["status"] == "in uitvoering"
    assert vervoer["periodes"] == "2023-2024"
    assert vervoer["bronnen"] == "testbron"
    assert vervoer["beschrijving"].startswith("Scholen en gemeenten")
    assert "statushistorie" not in vervoer and "mijlpalen" not in vervoer  # nested parts: in the JSON


def test_csv_lists_the_values_of_a_list_one_per_line() -> None:
    rows = _rows(load(REGIONS["geldig"]).model, "pilots")
    assert rows[0]["partners"].split("\n") == ["gemeente-test", "swv-test"]


def test_csv_of_measurements_and_targets() -> None:
    model = load(REGIONS["geldig"]).model
    metingen = _rows(model, "indicator-metingen")
    assert [(m["pilot"], m["indicator"], m["periode"], m["waarde"], m["afgeschermd"]) for m in metingen] == [
        ("school-test", "minder-verwijzingen", "2023", "25", "nee"),
        ("school-test", "minder-verwijzingen", "2024-S1", "", "ja"),  # suppressed: no value
    ]
    doelen = _rows(model, "indicator-doelen")
    assert [(d["jaar"], d["waarde"], d["vanaf"]) for d in doelen] == [("2023", "20", "nee"), ("2024", "40", "ja")]
    mijlpalen = _rows(model, "mijlpalen")
    assert [(m["opgave"], m["jaar"], m["datum"]) for m in mijlpalen] == [
        ("leerlingenvervoer", "2024", "2024-06-30"),
        ("leerlingenvervoer", "onbekend", ""),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
        ("+31 33", "'+31 33"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("gewone tekst", "gewone tekst"),
        ("-5", "'-5"),  # text that looks like a number is still text
        (-5, "-5"),  # a number stays a number
        (-0.5, "-0.5"),
        (-0.0, "0"),
        (0, "0"),
        (10**15, "1000000000000000"),
        (-1.5, "-1.5"),
        (60.0, "60"),
        (True, "ja"),
        (None, ""),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, expected: str) -> None:
    assert cell(value) == expected


def test_negative_numbers_stay_numbers_in_the_csv_and_text_is_still_neutralised(region) -> None:
    region.edit("pilots/school-test.yaml", "    telt_personen: true", "    telt_personen: false")
    region.edit("pilots/school-test.yaml", "        waarde: 25", "        waarde: -5")
    region.edit("pilots/school-test.yaml", "        waarde: 20", "        waarde: -0.5")
    region.edit("pilots/school-test.yaml", "    eenheid: kinderen", "    eenheid: '-5'")
    model = region.load().model
    assert model is not None
    metingen, doelen = _rows(model, "indicator-metingen"), _rows(model, "indicator-doelen")
    assert (metingen[0]["waarde"], metingen[0]["eenheid"]) == ("-5", "'-5")
    assert (doelen[0]["waarde"], doelen[0]["eenheid"]) == ("-0.5", "'-5")


def test_every_csv_column_has_a_title(model: Model) -> None:
    for table in tables(model):
        assert all(c.title for c in table.columns), table.name
        assert len({c.name for c in table.columns}) == len(table.columns), table.name


# --- the adapters: every output is part of the build ---------------------------------------------


def test_the_hook_adds_the_downloads_and_the_printable_editions(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel, get_files

    monkeypatch.setenv("AGENDA_DATA", str(REGIONS["geldig"]))
    config = load_config(str(REPO / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    published_files = ("data/alles.json", "data/opgaven.csv", "schemas/opgave.schema.json", "catalogus.jsonld")
    for path in (*published_files, "feed.xml", "kalender.ics"):
        assert files.get_file_from_path(path).generated_by is not None, path
    edition = files.get_file_from_path("afdrukken/evaluatie-2024.md")
    assert edition.inclusion == InclusionLevel.NOT_IN_NAV
    assert "render_macros: false" in edition.content_string
