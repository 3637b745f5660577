"""The JSON Schemas of the data and their two validators.

Two validators read the same schemas. jsonschema-rs (compiled, about fifty times faster) answers
whether a file is valid; jsonschema, the reference implementation, explains what is wrong with a
file that is not (in Dutch: ``agenda.checks.schema``). A test holds them to the same verdict on
every fixture and real record.
"""

from __future__ import annotations

import json
import math
import re
import sys
from functools import cache
from pathlib import Path

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from jsonschema.validators import extend
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


@cache
def _documents() -> dict[str, dict]:
    """Every schema file by name, read once for both validators."""
    return {
        path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    }


@cache
def _registry() -> Registry:
    return Registry().with_resources(
        (name, Resource.from_contents(contents)) for name, contents in _documents().items()
    )


@cache
def schema(kind: str) -> dict:
    """The schema of one kind of file, such as ``opgave``."""
    return _registry().contents(f"{kind}.schema.json")


# JSON Schema patterns are ECMA-262, as jsonschema-rs reads them; Python's re differs in two ways.
# '$' is the end of the text (in Python it also matches before a final newline, which would let
# 'code\n' through). And \d, \w and \s are ASCII digits, ASCII word characters and ECMA's white
# space (Python takes every Unicode digit and letter, and for \s also \x1c-\x1f and \x85 but not
# \ufeff); \D, \W and \S are the rest. Each is given here as code point ranges.
_ECMA_CLASSES = {
    "d": ((0x30, 0x39),),
    "w": ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)),
    "s": (
        (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
        (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
    ),
}
# a pattern's parts: an escape, a bracket, a '$', or a run of anything else
_PATTERN_PART = re.compile(r"\\.|\[|\]|\$|[^\\\[\]$]+", re.DOTALL)


def _ranges(ranges: tuple[tuple[int, int], ...], negated: bool) -> str:
    """The code point ranges (or all others) as the inside of a Python character class."""
    if negated:
        starts = [0] + [high + 1 for _, high in ranges]
        ends = [low - 1 for low, _ in ranges] + [sys.maxunicode]
        ranges = tuple((start, end) for start, end in zip(starts, ends, strict=True) if start <= end)
    return "".join(re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "") for low, high in ranges)


@cache
def _ecma_pattern(pattern: str) -> re.Pattern:
    """A JSON Schema pattern as a Python regular expression that matches the same texts."""
    parts, in_class = [], False
    for part in _PATTERN_PART.findall(pattern):
        letter = part[1:].lower()
        if part in ("[", "]"):
            in_class = part == "["
        elif part == "$" and not in_class:
            part = r"\Z"
        elif part.startswith("\\") and letter in _ECMA_CLASSES:
            negated = part[1].isupper()
            if in_class:
                part = _ranges(_ECMA_CLASSES[letter], negated)
            else:
                part = f"[{'^' if negated else ''}{_ranges(_ECMA_CLASSES[letter], False)}]"
        parts.append(part)
    return re.compile("".join(parts))


def _pattern(validator, pattern: str, instance: object, schema: dict):
    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# a year of 2023.0 is not a whole number as the data is concerned (JSON
# Schema would accept it, and the model would then hold a float)
_Validator = extend(
    Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
    ),
)


@cache
def validator(kind: str) -> Draft202012Validator:
    """A validator for one kind of file, built once."""
    return _Validator(schema(kind), registry=_registry(), format_checker=FormatChecker(["date"]))


# jsonschema-rs resolves '$ref's against an absolute address; no file is read from it
_FAST_BASE = "file:///agenda-schemas/"


@cache
def _fast_validator(kind: str) -> jsonschema_rs.Validator:
    registry = jsonschema_rs.Registry([(_FAST_BASE + name, contents) for name, contents in _documents().items()])
    return jsonschema_rs.validator_for(
        schema(kind), registry=registry, base_uri=f"{_FAST_BASE}{kind}.schema.json", validate_formats=True
    )


def fast_valid(kind: str, data: object) -> bool:
    """jsonschema-rs's verdict on ``data``: True when the reference would find no error."""
    return _fast_validator(kind).is_valid(_not_whole(data))


def _not_whole(value: object) -> object:
    """``value`` with every whole number written as a decimal (2023.0) moved by the smallest step
    towards zero (0.0 up).

    To the data such a number is no integer (see ``_Validator``), to JSON Schema it is one. Moved,
    it is a number that is not whole, so 'type: integer' fails as it should. The verdict on
    'minimum' and 'maximum' stays the same as long as every number has both, whole and below 2**53
    (beyond it every float is whole, and beyond every bound), and the range of every 'type: number'
    holds 0 and more than 0, which a test checks: a value right on a bound moves inside it (on a
    maximum down, on a minimum of 0 or below up), a value beyond a bound stays beyond it.
    """
    if isinstance(value, dict):
        return {key: _not_whole(sub) for key, sub in value.items()}
    if isinstance(value, list):
        return [_not_whole(sub) for sub in value]
    if isinstance(value, float) and value.is_integer():
        return math.nextafter(value, 0.0) if value else math.nextafter(0.0, 1.0)
    return value


def reference_errors(kind: str, data: object) -> list[ValidationError]:
    """Every schema error in ``data`` according to jsonschema."""
    return list(validator(kind).iter_errors(data))
