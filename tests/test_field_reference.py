"""The field reference lists every property of every schema, with a valid example.

The test walks the schema files itself (plain json, its own $ref resolving)
and compares with the tables of the rendered reference.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from jsonschema import Draft202012Validator, FormatChecker

from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.loader import load
from agenda.site import Site
from agenda.render.field_reference import field_reference, field_reference_pages, page_src
from agenda.yamlfile import read_yaml

from conftest import GELDIG, TODAY

ROOT = Path(__file__).parents[1]
SCHEMA_FILES = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.schema.json")}
KINDS = [*FOLDERS.values(), *SINGLE_FILES.values()]


def deref(node: dict, file: str) -> tuple[dict, str]:
    while "$ref" in node:
        target_file, _, pointer = node["$ref"].partition("#")
        file = target_file or file
        target = SCHEMA_FILES[file]
        for part in pointer.split("/")[1:]:
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, file


def properties(node: dict, file: str, prefix: str = "") -> Iterator[tuple[str, dict, str]]:
    """(path, property schema, its file) for every property, nested ones too."""
    node, file = deref(node, file)
    for branch in node.get("anyOf", [node]):
        branch, branch_file = deref(branch, file)
        for name, prop in branch.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            yield path, prop, branch_file
            prop, prop_file = deref(prop, branch_file)
            for sub in [prop, *prop.get("anyOf", [])]:
                sub, sub_file = deref(sub, prop_file)
                if "properties" in sub:
                    yield from properties(sub, sub_file, path)
                if "items" in sub:
                    yield from properties(sub["items"], sub_file, path + "[]")


def inline_refs(node: object, file: str) -> object:
    """The schema with every $ref replaced by what it points at."""
    if isinstance(node, dict):
        node, file = deref(node, file)
        return {k: inline_refs(v, file) for k, v in node.items() if k not in ("$defs", "$schema")}
    if isinstance(node, list):
        return [inline_refs(v, file) for v in node]
    return node


def _reference_html(site) -> str:
    """The pages of the reference, one after the other, as HTML (without their front matter)."""
    pages = field_reference_pages(site).values()
    return "\n".join(markdown.markdown(p.split("---\n", 2)[2], extensions=["tables", "md_in_html"]) for p in pages)


def rendered_tables(site) -> dict[str, dict[str, list[Tag]]]:
    """kind -> field path -> the cells of its row, from the HTML of the reference."""
    soup = BeautifulSoup(_reference_html(site), "html.parser")
    titles = {SCHEMA_FILES[f"{kind}.schema.json"]["title"]: kind for kind in KINDS}
    tables = {}
    for heading in soup.find_all("h1"):
        table = heading.find_next("table")
        rows = {}
        for row in table.find("tbody").find_all("tr"):
            cells = row.find_all("td")
            rows[cells[0].get_text()] = cells
        tables[titles[heading.get_text()]] = rows
    return tables


SITE = Site(load(GELDIG).model, today=TODAY)
TABLES = rendered_tables(SITE)


def test_the_page_alle_velden_links_to_the_page_of_each_kind_of_file() -> None:
    page = BeautifulSoup(field_reference(SITE, "bijdragen/velden.md"), "html.parser")
    links = [(a["href"], a.get_text()) for a in page.find_all("a")]
    assert links == [(f"{kind}/", SCHEMA_FILES[f"{kind}.schema.json"]["title"]) for kind in KINDS]
    # where each kind of file lives, as text: '<code>' in 'data/agenda/<code>.yaml' is no tag
    assert [li.code.get_text() for li in page.find_all("li")][:2] == ["data/agenda/<code>.yaml", "data/pilots/<code>.yaml"]
    pages = field_reference_pages(SITE)
    assert list(pages) == [page_src(kind) for kind in KINDS]
    back = BeautifulSoup(pages[page_src("opgave")], "html.parser").find("p", class_="agenda-back").a
    assert (back["href"], back.get_text()) == ("../", "← Alle velden")


def test_every_kind_of_file_has_a_section() -> None:
    assert list(TABLES) == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_is_listed(kind: str) -> None:
    file = f"{kind}.schema.json"
    expected = [path for path, _, _ in properties(SCHEMA_FILES[file], file)]
    assert len(expected) == len(set(expected))
    assert list(TABLES[kind]) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_rows_show_title_description_required_and_allowed_values(kind: str) -> None:
    file = f"{kind}.schema.json"
    for path, prop, prop_file in properties(SCHEMA_FILES[file], file):
        cells = TABLES[kind][path]
        resolved, resolved_file = deref(prop, prop_file)
        meaning = cells[1].get_text(" ")
        assert resolved["title"] in meaning, path
        assert resolved["description"] in meaning, path
        assert cells[2].get_text() in ("ja", "nee")
        for branch in [resolved, *resolved.get("anyOf", [])]:
            branch, _ = deref(branch, resolved_file)
            for value in branch.get("enum", []):
                assert value in cells[3].get_text(), (path, value)


def test_the_bounds_of_dates_and_numbers_are_shown() -> None:
    """What the schemas refuse so that the site can be built (issue 11) is on the page too."""
    herziening = TABLES["opgave"]["herziening"][3].get_text(" ")
    assert herziening.endswith("een bestaande datum in de jaren 1990 tot en met 2100")
    assert "een bestaande datum in de jaren 1990 tot en met 2100" in TABLES["pilot"]["start"][3].get_text(" ")
    waarde = TABLES["pilot"]["indicatoren[].metingen[].waarde"][3].get_text(" ")
    assert waarde.endswith("-1000000000000000 tot en met 1000000000000000")
    assert TABLES["pilot"]["financiering[].bedrag"][3].get_text(" ").endswith("0 tot en met 1000000000000000")


def test_required_column_follows_the_schema() -> None:
    assert TABLES["opgave"]["status"][2].get_text() == "ja"
    assert TABLES["opgave"]["herziening"][2].get_text() == "nee"
    assert TABLES["opgave"]["statushistorie[].besluit"][2].get_text() == "nee"
    assert TABLES["opgave"]["statushistorie[].besluit.gremium"][2].get_text() == "ja"


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_is_valid_for_its_field(kind: str) -> None:
    file = f"{kind}.schema.json"
    for path, prop, prop_file in properties(SCHEMA_FILES[file], file):
        cell = TABLES[kind][path][4]
        resolved, resolved_file = deref(prop, prop_file)
        is_block = resolved.get("type") == "object" or (
            resolved.get("type") == "array"
            and deref(resolved["items"], resolved_file)[0].get("type") == "object"
        )
        if is_block:
            assert cell.get_text() == "zie de velden hieronder", path
            continue
        shown = cell.find("code").get_text()
        doc, problems = read_yaml("voorbeeld.yaml", shown.encode("utf-8"))
        assert problems == [], (path, shown)
        name = path.rsplit(".", 1)[-1].removesuffix("[]")
        [(key, value)] = doc.data.items()
        assert key == name
        validator = Draft202012Validator(inline_refs(prop, prop_file), format_checker=FormatChecker(["date"]))
        errors = [e.message for e in validator.iter_errors(value)]
        assert errors == [], f"{kind} {path}: {shown} — voeg 'examples' toe aan het schema"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for sub in value.values():
            yield from _strings(sub)
    elif isinstance(value, list):
        for sub in value:
            yield from _strings(sub)
    elif isinstance(value, str):
        yield value


def test_examples_state_no_fact_of_a_region() -> None:
    region_values: set[str] = set()
    for folder in (ROOT / "data", ROOT / "tests" / "fixtures" / "geldig"):
        for path in folder.rglob("*.yaml"):
            doc, _ = read_yaml(str(path), path.read_bytes())
            if doc is not None:
                region_values.update(_strings(doc.data))
    schema_values = {
        str(v) for file in SCHEMA_FILES.values() for v in _enum_and_const_values(file)
    }
    for kind, rows in TABLES.items():
        for path, cells in rows.items():
            code = cells[4].find("code")
            if code is None:
                continue
            doc, _ = read_yaml("voorbeeld.yaml", code.get_text().encode("utf-8"))
            for text in _strings(doc.data):
                assert text in schema_values or text not in region_values, (kind, path, text)


def _enum_and_const_values(node: object) -> Iterator[object]:
    if isinstance(node, dict):
        yield from node.get("enum", [])
        if "const" in node:
            yield node["const"]
        for sub in node.values():
            yield from _enum_and_const_values(sub)
    elif isinstance(node, list):
        for sub in node:
            yield from _enum_and_const_values(sub)


def test_schema_text_is_escaped() -> None:
    html = _reference_html(SITE)
    # 'evaluaties/<jaar>.yaml' in a description stays text, not an HTML tag
    assert "&lt;jaar&gt;" in html
    assert "<jaar>" not in html
