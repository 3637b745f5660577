"""The JSON Schemas of the data, and schema errors translated into Dutch.

Two validators read the same schemas. jsonschema-rs (compiled, about fifty times faster) answers
whether a file is valid; jsonschema, the reference implementation, explains what is wrong with a
file that is not. A test holds them to the same verdict on every fixture and real record.
"""

from __future__ import annotations

import difflib
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

from .characters import invisible_codes
from .problems import Problem, field_name
from .yamlfile import YamlDocument

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


def check(kind: str, doc: YamlDocument) -> list[Problem]:
    """Every schema error in ``doc``, as Dutch problems, in file order.

    One problem per field: a date like '14-3-2023' breaks both the pattern
    and the date format, and the first message says it all.
    """
    if fast_valid(kind, doc.data):
        return []
    first: dict[tuple[int, str], Problem] = {}
    for error in reference_errors(kind, doc.data):
        for problem in _problems(doc, error):
            first.setdefault((problem.line, problem.field), problem)
    return [first[key] for key in sorted(first)]


_TYPE_NAMES = {
    "object": "een blok velden ('veld: waarde')",
    "array": "een lijst ('- ' per punt)",
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "null": "niets",
}


def _type_of(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _problems(doc: YamlDocument, error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        return [
            Problem(
                path=doc.path,
                line=doc.line(path + (key,)),
                field=field_name(path + (key,)),
                message=_unknown_field(key, error.schema),
            )
            for key in error.instance
            if key not in known
        ]
    line = doc.line(path)
    if error.validator == "required":
        path = path + (_missing(error),)
    return [Problem(path=doc.path, line=line, field=field_name(path), message=_message(error))]


def _missing(error: ValidationError) -> str:
    """The field a 'required' error is about (jsonschema says: "'titel' is a required property")."""
    return error.message.split("'")[1]


def _message(error: ValidationError) -> str:
    value = error.instance
    hint = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    match error.validator:
        case "required":
            missing = _missing(error)
            prop = error.schema.get("properties", {}).get(missing, {})
            about = prop.get("description", "")
            return f"verplicht veld ontbreekt. Voeg '{missing}:' toe. {about}".strip()
        case "enum":
            allowed = ", ".join(str(v) for v in error.validator_value)
            return f"'{value}' is geen toegestane waarde. Kies uit: {allowed}."
        case "const":
            return f"'{value}' is niet toegestaan; schrijf '{error.validator_value}'."
        case "type":
            wanted = error.validator_value
            wanted = wanted if isinstance(wanted, list) else [wanted]
            names = " of ".join(_TYPE_NAMES[w] for w in wanted)
            return f"hier hoort {names}, maar er staat {_TYPE_NAMES[_type_of(value)]}. {hint}".strip()
        case "pattern":
            hidden = invisible_codes(value)
            unseen = f" Er staat een onzichtbaar teken in ({hidden}): verwijder het." if hidden else ""
            return f"'{value}' heeft niet de juiste vorm.{unseen} {hint}".strip()
        case "format":
            return f"'{value}' is geen bestaande datum. Schrijf een echte datum als jjjj-mm-dd."
        case "minimum":
            return f"{value} is te klein (minimaal {error.validator_value}). {hint}".strip()
        case "maximum":
            return f"{value} is te groot (maximaal {error.validator_value}). {hint}".strip()
        case "minItems":
            return "de lijst is leeg. Voeg minstens één punt toe ('- ...')."
        case "minLength":
            return "de tekst is leeg. Vul een tekst in of laat het veld weg als het niet verplicht is."
        case "maxLength":
            return f"de tekst is te lang (maximaal {error.validator_value} tekens). {hint}".strip()
        case "uniqueItems":
            double = next(v for i, v in enumerate(value) if v in value[:i])
            return f"'{double}' staat twee keer in de lijst. Verwijder er één."
        case "anyOf":
            return _alternatives_message(error, hint)
    return error.message


def _alternatives_message(error: ValidationError, hint: str) -> str:
    """For 'a year or onbekend' and the like: the error of the branch whose type fits."""
    value_type = _type_of(error.instance)
    fitting = [
        sub
        for sub in error.context
        if sub.validator not in ("type", "const")
        and (value_type in _schema_types(sub.schema) or not _schema_types(sub.schema))
    ]
    if fitting:
        return _message(min(fitting, key=lambda e: len(e.absolute_path)))
    # the value has the wrong type for every branch: name what each branch wants
    wanted: list[str] = []
    for sub in error.context:
        if sub.validator == "const":
            name = f"'{sub.validator_value}'"
        elif sub.validator == "type":
            kinds = sub.validator_value if isinstance(sub.validator_value, list) else [sub.validator_value]
            name = " of ".join(_TYPE_NAMES[kind] for kind in kinds)
        else:
            continue
        if name not in wanted:
            wanted.append(name)
    return f"hier hoort {' of '.join(wanted)}, maar er staat {_TYPE_NAMES[value_type]}. {hint}".strip()


def _schema_types(sub_schema: object) -> set[str]:
    if not isinstance(sub_schema, dict) or "type" not in sub_schema:
        return set()
    kinds = sub_schema["type"]
    kinds = set(kinds if isinstance(kinds, list) else [kinds])
    if "number" in kinds:
        kinds.add("integer")
    return kinds


def _unknown_field(key: str, parent: dict) -> str:
    known = sorted(parent.get("properties", {}))
    close = difflib.get_close_matches(key, known, n=1)
    guess = f" Bedoelt u '{close[0]}'?" if close else ""
    return f"onbekend veld '{key}'.{guess} Toegestane velden: {', '.join(known)}."
