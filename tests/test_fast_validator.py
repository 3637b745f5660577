"""jsonschema-rs (the fast validator the loader asks first) gives the same verdict as jsonschema.

The loader trusts jsonschema-rs when it calls a file valid and asks jsonschema, the reference,
to explain every file that is not. A file the fast validator wrongly passed would lose its errors,
so both must agree on every real record, every must-fail case and every damaged file (the
fuzz test checks those too).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import jsonschema_rs
import pytest
from conftest import REGIONS, REPO, kind_of
from failing_cases import Case, cases
from jsonschema import FormatChecker

from agenda import schemas
from agenda.render.field_reference import KINDS
from agenda.schema_fields import alternatives, schema_fields
from agenda.yamlfile import read_yaml

RECORDS = sorted(
    (kind, path) for root in REGIONS for path in root.rglob("*.yaml") if (kind := kind_of(root, path))
)


def _data(path: Path) -> object:
    doc, problems = read_yaml(str(path), path.read_bytes())
    assert doc is not None, problems
    return doc.data


@pytest.mark.parametrize(("kind", "path"), RECORDS, ids=[str(path.relative_to(REPO)) for _, path in RECORDS])
def test_both_validators_accept_every_real_record(kind: str, path: Path) -> None:
    data = _data(path)
    assert schemas.fast_valid(kind, data)
    assert schemas.reference_errors(kind, data) == []


def _schema_failures() -> list[tuple[Case, object]]:
    """The must-fail cases that can be read as YAML (the others fail before any schema), with their data."""
    read = [(case, read_yaml(case.target, case.content)[0]) for case in cases()]
    return [(case, doc.data) for case, doc in read if doc]


@pytest.mark.parametrize(("case", "data"), _schema_failures(), ids=[case.name for case, _ in _schema_failures()])
def test_both_validators_agree_on_every_must_fail_case(case: Case, data: object) -> None:
    assert schemas.fast_valid(case.kind, data) == (schemas.reference_errors(case.kind, data) == [])


def test_some_must_fail_cases_fail_on_the_schema_alone() -> None:
    failing = [case for case, data in _schema_failures() if schemas.reference_errors(case.kind, data)]
    assert len(failing) > 100


@pytest.mark.parametrize("year", [2024.0, 2024.5, True])
def test_a_year_is_a_whole_number_written_without_decimals(year: object) -> None:
    data = {**_data(REPO / "tests" / "fixtures" / "geldig" / "evaluaties" / "2024.yaml"), "jaar": year}
    assert schemas.reference_errors("evaluatie", data)
    assert not schemas.fast_valid("evaluatie", data)


def _bounds(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
                yield key, value
            else:
                yield from _bounds(value)
    elif isinstance(node, list):
        for item in node:
            yield from _bounds(item)


def test_numbers_are_bounded_only_by_whole_minimums_and_maximums() -> None:
    """What the fast validator's handling of 2023.0 relies on (see schemas._not_whole)."""
    for path in sorted(schemas.SCHEMA_DIR.glob("*.schema.json")):
        for keyword, value in _bounds(json.loads(path.read_text(encoding="utf-8"))):
            assert keyword in ("minimum", "maximum"), f"{path.name}: {keyword}"
            assert isinstance(value, int), f"{path.name}: {keyword} {value}"


def test_every_number_is_bounded_below_2_to_the_53_and_its_range_holds_zero() -> None:
    """The rest of what the fast validator's handling of 2023.0 relies on: a whole decimal moved
    towards zero (0.0 up) stays inside every range it was in and outside every range it was not,
    and a float beyond 2**53, which is always whole, is beyond every bound."""
    for kind in KINDS:
        for field in schema_fields(kind):
            for branch, _ in alternatives(field.schema, field.base):
                if branch.get("type") not in ("number", "integer"):
                    continue
                low, high = branch.get("minimum"), branch.get("maximum")
                assert low is not None and high is not None, f"{kind} {field.path}: needs a minimum and a maximum"
                assert -(2**53) < low and high < 2**53, f"{kind} {field.path}: {low} .. {high}"
                if branch["type"] == "number":
                    assert low <= 0 < high, f"{kind} {field.path}: {low} .. {high}"


GETAL = 10**15
NUMBER_FIELDS = [
    ("indicatoren", 0, "metingen", 0, "waarde"),
    ("indicatoren", 0, "doelen", 0, "waarde"),
    ("financiering", 0, "fte"),
    ("financiering", 1, "bedrag"),
]


@pytest.mark.parametrize("where", NUMBER_FIELDS, ids=lambda path: ".".join(map(str, path)))
@pytest.mark.parametrize(
    "value",
    [float(GETAL), float(-GETAL), GETAL, -GETAL, 0.0, -0.0, 0, -5, -0.5, 1.0e-300,
     math.nextafter(float(GETAL), math.inf), GETAL + 1, -GETAL - 1, 1.0e30, 10**400, -(10**400)],
    ids=repr,
)
def test_both_validators_agree_on_numbers_at_and_beyond_their_bounds(where: tuple, value: object) -> None:
    data = _data(REPO / "tests" / "fixtures" / "geldig" / "pilots" / "school-test.yaml")
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert schemas.fast_valid("pilot", data) == (schemas.reference_errors("pilot", data) == [])


@pytest.mark.parametrize(
    "day",
    ["0000-01-01", "0001-01-01", "1989-12-31", "1990-01-01", "2000-02-29", "2023-02-29", "2023-02-30",
     "2100-02-29", "2100-12-31", "2101-01-01", "9999-12-31"],
)
def test_both_validators_agree_on_dates_at_and_beyond_their_bounds(day: str) -> None:
    data = _data(REPO / "tests" / "fixtures" / "geldig" / "agenda" / "leerlingenvervoer.yaml")
    data["herziening"] = day
    assert schemas.fast_valid("opgave", data) == (schemas.reference_errors("opgave", data) == [])


def _patterns(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern":
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


SCHEMA_PATTERNS = sorted({p for path in schemas.SCHEMA_DIR.glob("*.schema.json")
                          for p in _patterns(json.loads(path.read_text(encoding="utf-8")))})
# every character class escape of ECMA-262, outside and inside a class, and '$' as text
ESCAPES = [r"^\d$", r"^\D$", r"^\w$", r"^\W$", r"^\s$", r"^\S$", r"^[\d]$", r"^[\D]$", r"^[\w-]$",
           r"^[\W]$", r"^[\s]$", r"^[\S]$", r"^[^\s]$", r"^[^\S]$", r"^[$]$", r"^\$$", r"^\\d$", r"^.$"]
# white space and digits on which Python's re and ECMA-262 differ, and some on which they do not
TRICKY = ["\t", "\n", "\v", "\r", " ", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u180e", "\u2007",
          "\u200b", "\u2028", "\u202f", "\u3000", "\ufeff", "٣", "０", "é", "_", "-", "a", "Z", "7", "$", "\\"]


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS + ESCAPES)
def test_both_validators_read_a_pattern_alike(pattern: str) -> None:
    """A pattern is ECMA-262 as jsonschema-rs reads it: \\s is ECMA's white space, \\d and \\w ASCII."""
    fast = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
    reference = schemas._Validator({"type": "string", "pattern": pattern})
    texts = [*TRICKY, *(c + "a" for c in TRICKY), *("@a/" + c for c in TRICKY), *("https://" + c for c in TRICKY)]
    differ = [text for text in texts if fast.is_valid(text) != reference.is_valid(text)]
    assert differ == []


def test_both_validators_agree_on_every_day_number_of_every_month_in_every_allowed_year() -> None:
    datum = schemas.schema("defs")["$defs"]["datum"]
    fast = jsonschema_rs.validator_for(datum, validate_formats=True)
    reference = schemas._Validator(datum, format_checker=FormatChecker(["date"]))
    days = [f"{year}-{month:02d}-{day:02d}" for year in range(1989, 2102) for month in range(14) for day in range(33)]
    assert [day for day in days if fast.is_valid(day) != reference.is_valid(day)] == []
