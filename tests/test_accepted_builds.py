"""Whatever the validator accepts, the site builds (property-based, hypothesis).

Each example takes the valid fixtures, puts values drawn from their schemas in a few places and
leaves out a few optional fields. A place is any single value except a code or a choice (the
cross-checks tie those to other files): dates, periods, years, numbers, true/false, texts with a
pattern and free texts, unicode included. The values come from each field's schema: dates from
the whole calendar Python knows, texts that match a field's pattern, numbers of every float and
integer size up to 10**400, and a field's own bounds. So a value the schema lets through but the
Python code cannot handle is found, whatever field it is in; the values of issue 11 are always
among the examples.

For every file both schema validators must give the same verdict (the loader trusts
jsonschema-rs). When the validator accepts the folder, the model is built and every page the
site would have is made, each by the entry point the adapters use: the generated pages and
every published file (``Build.published``: record pages, printable editions, JSON, CSV, schemas,
feed, calendar) and every macro of the hand-written pages (``define_env``). None may raise.

The examples are derived from a fixed seed (derandomize), so CI sees the same inputs every run.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import GELDIG, kind_of
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from agenda import schemas
from agenda.adapters import macros
from agenda.adapters.build import DATA_ENV, Build, DataError
from agenda.schema_fields import SchemaField, alternatives, resolve, schema_fields
from agenda.yamlfile import FieldPath, leaves, read_yaml

EXAMPLES = 150
SITE_URL = "https://voorbeeld.nl/agenda/"
_CODE_PATTERN = schemas.schema("defs")["$defs"]["id"]["pattern"]
# white space, line breaks and digits that Python and ECMA-262 (the schemas' patterns) tell apart
TRICKY = "\t\n\v\r \x1c\x1f\x85\xa0\u1680\u180e\u2007\u200b\u2028\u2029\u3000\ufeff٣０"


def _field_path(path: FieldPath) -> str:
    """``('indicatoren', 0, 'metingen', 1, 'waarde')`` -> ``'indicatoren[].metingen[].waarde'``."""
    out = ""
    for part in path:
        out += "[]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _numbers(node: dict) -> st.SearchStrategy:
    """Numbers the field allows (hypothesis draws its bounds often), and numbers of every size
    and kind beyond them."""
    low, high = node.get("minimum"), node.get("maximum")
    allowed = st.one_of(
        st.integers(low, high),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
        st.sampled_from([float(bound) for bound in (low, high) if bound is not None] or [0.0]),
    )
    beyond = st.one_of(
        st.integers(),
        st.integers(-(10**400), 10**400),
        st.floats(allow_nan=False, allow_infinity=False),
        st.floats(min_value=-1.0e-300, max_value=1.0e-300),
        st.integers(-(10**6), 10**6).map(float),  # whole, written as a decimal (2023.0)
        st.sampled_from([0, 0.0, -0.0, -5, -0.5, 1.0e30, -1.0e30, 10**400]),
    )
    return st.one_of(allowed, beyond)


def _strings(node: dict) -> st.SearchStrategy:
    if node.get("format") == "date":
        # every date Python knows (years 1 to 9999), and anything of the form jjjj-mm-dd
        return st.one_of(
            st.dates().map(lambda day: day.isoformat()),
            st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
            st.from_regex(node["pattern"], fullmatch=True),
        )
    if "pattern" in node:
        return st.from_regex(node["pattern"], fullmatch=True)
    low, high = node.get("minLength", 0), node.get("maxLength", 80)
    return st.text(st.characters(exclude_categories=("Cs",)) | st.sampled_from(TRICKY), min_size=low, max_size=high)


def _values(node: dict, base: str) -> st.SearchStrategy:
    """Values for a resolved leaf schema: each branch of a choice, by its type."""
    options = []
    for branch, _ in alternatives(node, base):
        if "const" in branch:
            options.append(st.just(branch["const"]))
        elif branch.get("type") in ("number", "integer"):
            options.append(_numbers(branch))
        elif branch.get("type") == "string":
            options.append(_strings(branch))
        elif branch.get("type") == "boolean":
            options.append(st.booleans())
    return st.one_of(options)


def _varied(node: dict, base: str) -> bool:
    """Whether the leaf takes generated values: not a code or a choice (the cross-checks tie
    those to other files) and not a list or block."""
    branches = [branch for branch, _ in alternatives(node, base)]
    if any("enum" in b or b.get("pattern") == _CODE_PATTERN or b.get("type") in ("array", "object") for b in branches):
        return False
    return any(b.get("type") in ("string", "number", "integer", "boolean") for b in branches)


def _leaf_schema(field: SchemaField, path: FieldPath) -> tuple[dict, str]:
    """The schema of a leaf and its file: the field's own, or that of its items for a value in a list."""
    if not isinstance(path[-1], int):
        return field.schema, field.base
    return next(resolve(b["items"], base) for b, base in alternatives(field.schema, field.base) if "items" in b)


def _fields(kind: str) -> dict[str, SchemaField]:
    return {field.path: field for field in schema_fields(kind)}


def _places() -> Iterator[tuple[str, str, FieldPath, tuple[dict, str]]]:
    """(file in the fixtures, kind, path, (leaf schema, its file)) of every leaf that takes
    generated values."""
    for file in sorted(GELDIG.rglob("*.yaml")):
        kind = kind_of(GELDIG, file)
        fields = _fields(kind)
        doc, _ = read_yaml(str(file), file.read_bytes())
        for path, _value in leaves(doc.data):
            key = _field_path(path[:-1] if isinstance(path[-1], int) else path)
            leaf = _leaf_schema(fields[key], path)
            if _varied(*leaf):
                yield file.relative_to(GELDIG).as_posix(), kind, path, leaf


def _optional() -> Iterator[tuple[str, FieldPath]]:
    """(file, path) of every optional field present in the fixtures."""
    for file in sorted(GELDIG.rglob("*.yaml")):
        fields = _fields(kind_of(GELDIG, file))
        doc, _ = read_yaml(str(file), file.read_bytes())
        for path in doc.lines:
            if path and isinstance(path[-1], str) and not fields[_field_path(path)].required:
                yield file.relative_to(GELDIG).as_posix(), path


def _shape(node: dict) -> str:
    """What a leaf schema allows, without its title and description."""
    allows = {key: value for key, value in node.items() if key not in ("title", "description")}
    return json.dumps(allows, sort_keys=True)


def _by_shape(places: list[tuple]) -> list[list[tuple]]:
    """The places grouped by the values they allow, so that a kind of value with few places (a
    number) is drawn as often as one with many (a text)."""
    groups: dict[str, list[tuple]] = defaultdict(list)
    for place in places:
        groups[_shape(place[3][0])].append(place)
    return [groups[shape] for shape in sorted(groups)]


PLACES = list(_places())
BY_SHAPE = _by_shape(PLACES)
OPTIONAL = list(_optional())


def _edited(data: object, path: FieldPath, value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _removed(data: object, path: FieldPath) -> None:
    for key in path[:-1]:
        if isinstance(data, dict) and key not in data:
            return  # inside a field left out already
        data = data[key]
    data.pop(path[-1], None)


@st.composite
def regions(draw: st.DrawFn) -> dict[str, object]:
    """The changed files of the fixtures (file -> data): a few values drawn, a few fields left out."""
    changed: dict[str, object] = {}

    def data_of(file: str) -> object:
        if file not in changed:
            changed[file] = read_yaml(file, (GELDIG / file).read_bytes())[0].data
        return changed[file]

    for places in draw(st.lists(st.sampled_from(BY_SHAPE), min_size=1, max_size=6, unique_by=id)):
        file, _kind, path, leaf = draw(st.sampled_from(places))
        _edited(data_of(file), path, draw(_values(*leaf)))
    for file, path in draw(st.lists(st.sampled_from(OPTIONAL), max_size=3)):
        _removed(data_of(file), path)
    return changed


def _changed(file: str, *changes: tuple[FieldPath, object]) -> dict[str, object]:
    """The fixtures with values changed in one file, as :func:`regions` draws them."""
    data = read_yaml(file, (GELDIG / file).read_bytes())[0].data
    for path, value in changes:
        _edited(data, path, value)
    return {file: data}


PILOT, OPGAVE = "pilots/school-test.yaml", "agenda/leerlingenvervoer.yaml"
METING, DOEL = ("indicatoren", 0, "metingen", 0), ("indicatoren", 0, "doelen", 0)
# the values of issue 11 that the validator accepted and the build could not handle
ISSUE_EXAMPLES = [
    _changed(PILOT, ((*METING, "periode"), "2024-13")),
    _changed(PILOT, (("herziening",), "0000-01-01")),
    _changed(OPGAVE, (("mijlpalen", 0, "datum"), "9999-12-31")),
    _changed(PILOT, ((*DOEL, "waarde"), 1.0e30)),
    _changed(PILOT, (("financiering", 1, "bedrag"), 10**400)),
    _changed(PILOT, (("financiering", 0, "fte"), 1.0e15)),  # on the maximum, written as a decimal
    _changed(PILOT, ((*DOEL, "waarde"), -0.0)),
    # a chart of nothing but values near 0 (its scale once rounded to nothing)
    _changed(
        PILOT,
        (("indicatoren", 0, "telt_personen"), False),
        ((*METING, "waarde"), 1.0e-300),
        ((*DOEL, "waarde"), 5.0e-324),
        (("indicatoren", 0, "doelen", 1, "waarde"), -1.0e-12),
    ),
]


def _with_issue_examples(test):
    """``test``, run on each of ISSUE_EXAMPLES too, before the drawn ones."""
    for changed in ISSUE_EXAMPLES:
        test = example(changed=changed)(test)
    return test


def _write(folder: Path, file: str, data: object) -> None:
    schema_line = (GELDIG / file).read_text(encoding="utf-8").split("\n", 1)[0]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=math.inf)
    (folder / file).write_text(f"{schema_line}\n{text}", encoding="utf-8")


def build_everything(project: Path) -> bool:
    """Load ``project/data`` as the adapters do and make every page and file; False when refused."""
    collected: dict[str, object] = {}
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), use_directory_urls=True, site_url=SITE_URL)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    env = SimpleNamespace(conf=config, page=page, macro=lambda function, name: collected.__setitem__(name, function))
    try:
        build = Build.of(config)  # as the hook makes it; the macros below find the same build
    except DataError:  # the validator refused the data
        return False
    build.published  # the generated pages, the printable editions and every file
    macros.define_env(env)
    for function in collected.values():
        function()
    return True


def test_generated_values_reach_every_kind_of_field() -> None:
    """Every field of a schema that takes a number, a date or a pattern has a place in the
    fixtures where the test puts generated values (add one to tests/fixtures/geldig if not)."""
    reached = {(kind, _field_path(path[:-1] if isinstance(path[-1], int) else path)) for _, kind, path, _ in PLACES}
    wanted = {
        (kind, field.path)
        for kind in {kind for _, kind, _, _ in PLACES}
        for field in schema_fields(kind)
        if _varied(field.schema, field.base)
        and any(
            b.get("type") in ("number", "integer") or "format" in b or "pattern" in b
            for b, _ in alternatives(field.schema, field.base)
        )
    }
    assert sorted(wanted - reached) == []


@settings(max_examples=EXAMPLES)
@_with_issue_examples
@given(changed=regions())
def test_whatever_the_validator_accepts_builds(monkeypatch: pytest.MonkeyPatch, changed: dict[str, object]) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        folder = project / "data"
        shutil.copytree(GELDIG, folder)
        for file, data in changed.items():
            _write(folder, file, data)
            doc, _ = read_yaml(file, (folder / file).read_bytes())
            if doc is not None:
                kind = kind_of(folder, folder / file)
                assert schemas.fast_valid(kind, doc.data) == (schemas.reference_errors(kind, doc.data) == [])
        event("geaccepteerd en gebouwd" if build_everything(project) else "geweigerd")
