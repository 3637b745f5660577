"""The first check: each document against the JSON Schema of its kind, its errors in Dutch, and
its first line naming that schema. Only the documents that pass go on to the other checks."""

from __future__ import annotations

import contextlib
import difflib
import functools
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from jsonschema.exceptions import ValidationError

from .. import schemas
from ..characters import invisible_codes
from ..layout import SCHEMA_LINE_PREFIX, schema_file
from ..problems import Problem, field_name
from ..yamlfile import FieldPath, YamlDocument
from .codes import code_of_name
from .documents import Documents


def check_schemas(docs: Documents) -> tuple[list[Problem], Documents]:
    """Every problem of the documents with their schemas, and the documents without one."""
    problems: list[Problem] = []
    valid = Documents(
        single={}, records={kind: {} for kind in docs.records}, stems=docs.stems, files=docs.files
    )

    def passes(kind: str, doc: YamlDocument) -> bool:
        problems.extend(_schema_line(docs.files[doc.path], doc, kind))
        found = schema_problems(kind, doc, functools.partial(code_of_name, docs))
        problems.extend(found)
        return not found

    for kind, doc in docs.single.items():
        if passes(kind, doc):
            valid.single[kind] = doc
    for kind, records in docs.records.items():
        for stem, doc in records.items():
            if passes(kind, doc):
                valid.records[kind][stem] = doc
    return problems, valid


def _schema_line(path: Path, doc: YamlDocument, kind: str) -> list[Problem]:
    """The first line names the schema, so that editors complete and check the file.

    Inside this repository the path must lead to the schema from the file;
    a data folder elsewhere (a copy, a test) only has to name the right schema.
    """
    first = doc.text.split("\n", 1)[0].strip()
    name = schema_file(kind)
    expected = _schema_line_in(path.parent, name)
    if expected:
        if first == expected:
            return []
    else:
        expected = f"{SCHEMA_LINE_PREFIX}.../schemas/{name}"
        if first.startswith(SCHEMA_LINE_PREFIX) and first.endswith("/schemas/" + name):
            return []
    return [
        Problem(
            path=doc.path,
            line=1,
            field="",
            message=f"de eerste regel moet '{expected}' zijn, "
            "zodat de editor het bestand kan aanvullen en controleren.",
        )
    ]


@functools.cache
def _schema_line_in(folder: Path, name: str) -> str | None:
    """The schema line for a file in ``folder`` inside this repository; None outside it."""
    folder = folder.resolve()
    if not folder.is_relative_to(schemas.SCHEMA_DIR.parent):
        return None
    return SCHEMA_LINE_PREFIX + Path(os.path.relpath(schemas.SCHEMA_DIR / name, folder)).as_posix()


# the code meant by a value at a path, when it is written as a name (see checks.codes.code_of_name)
CodeOfName = Callable[[FieldPath, object], str | None]


def schema_problems(kind: str, doc: YamlDocument, meant_code: CodeOfName | None = None) -> list[Problem]:
    """Every schema error in ``doc``, as Dutch problems, in file order.

    One problem per field: a date like '14-3-2023' breaks both the pattern
    and the date format, and the first message says it all.
    """
    if schemas.fast_valid(kind, doc.data):
        return []
    first: dict[tuple[int, str], Problem] = {}
    for error in schemas.reference_errors(kind, doc.data):
        for problem in _problems(doc, error, meant_code):
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


def _problems(doc: YamlDocument, error: ValidationError, meant_code: CodeOfName | None) -> list[Problem]:
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
    guess = _guess(path, error.instance, meant_code)
    return [Problem(path=doc.path, line=line, field=field_name(path), message=_message(error, guess))]


_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def _guess(path: FieldPath, value: object, meant_code: CodeOfName | None) -> tuple[str, str] | None:
    """The value meant by one of the wrong form, and what to say about it: a date written day
    first (14-03-2025), or a code written as the name of what it refers to."""
    if not isinstance(value, str):
        return None
    if day_first := _DAY_FIRST.fullmatch(value.strip()):
        day, month, year = (int(part) for part in day_first.groups())
        with contextlib.suppress(ValueError):
            return date(year, month, day).isoformat(), ""
        return None
    code = meant_code(path, value) if meant_code else None
    return (code, " Hier hoort de code, niet de naam.") if code else None


def _missing(error: ValidationError) -> str:
    """The field a 'required' error is about (jsonschema says: "'titel' is a required property")."""
    return error.message.split("'")[1]


def _message(error: ValidationError, guess: tuple[str, str] | None = None) -> str:
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
            # only a guess of the right form: following the advice must not give the same message
            # an invisible character is the mistake, not the name: the code is right once it is gone
            fits = guess is not None and not hidden and re.search(error.validator_value, guess[0])
            meant = f" Bedoelt u '{guess[0]}'?{guess[1]}" if fits else ""
            return f"'{value}' heeft niet de juiste vorm.{meant}{unseen} {hint}".strip()
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
            return _alternatives_message(error, hint, guess)
    return error.message


def _alternatives_message(error: ValidationError, hint: str, guess: tuple[str, str] | None) -> str:
    """For 'a year or onbekend' and the like: the error of the branch whose type fits."""
    value_type = _type_of(error.instance)
    fitting = [
        sub
        for sub in error.context
        if sub.validator not in ("type", "const")
        and (value_type in _schema_types(sub.schema) or not _schema_types(sub.schema))
    ]
    if fitting:
        return _message(min(fitting, key=lambda e: len(e.absolute_path)), guess)
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
