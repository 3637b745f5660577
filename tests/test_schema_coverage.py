"""Every schema rule is exercised by a must-fail case, and every enum value is accepted.

A must-fail case (tests/failing_cases.py) is an edit of one file of tests/fixtures/geldig, in a
table under tests/cases/, or for what cannot be an edit a file in tests/fixtures/moet-falen. It
is put into a copy of tests/fixtures/geldig and the validator's output must be exactly the
messages the case lists.

A rule is one assertion in a schema file: each entry of a 'required' list,
each 'additionalProperties: false', and each 'type', 'enum', 'const',
'pattern', 'format', 'minimum', 'maximum', 'minItems', 'minLength',
'maxLength', 'uniqueItems' and 'anyOf', at its place in the file (a rule in
defs.schema.json counts once, however many fields use it). Every rule must
make at least one case fail. Every value of every enum must be accepted:
put in place of a value of that enum in the valid fixtures, it loads without
a single problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest
from conftest import GELDIG
from failing_cases import MOET_FALEN, Case, cases

from agenda import schemas
from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.yamlfile import leaves, read_yaml

# keywords that describe or structure a schema; every other keyword is a rule
_NOT_RULES = {"$schema", "$id", "$comment", "title", "description", "default", "examples", "$ref", "x-versie"}
_SUBSCHEMA_MAPS = {"properties", "$defs"}
_SUBSCHEMA_LISTS = {"anyOf", "oneOf", "allOf"}


@dataclass(frozen=True, order=True)
class Rule:
    file: str
    pointer: str
    keyword: str
    detail: str = ""  # the property of a 'required' rule

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.file, self.pointer, self.keyword, self.detail)

    def __str__(self) -> str:
        detail = f" '{self.detail}'" if self.detail else ""
        return f"{self.file}{self.pointer}: {self.keyword}{detail}"


def _schema_files() -> list[str]:
    return sorted(path.name for path in schemas.SCHEMA_DIR.glob("*.schema.json"))


def _document(file: str) -> dict:
    return schemas.schema(file.removesuffix(".schema.json"))


def _walk(node: dict, file: str, pointer: str):
    """Yield (pointer, subschema) for ``node`` and every subschema inside it."""
    yield pointer, node
    for key, value in node.items():
        if key in _SUBSCHEMA_MAPS:
            for name, sub in value.items():
                yield from _walk(sub, file, f"{pointer}/{key}/{name}")
        elif key in _SUBSCHEMA_LISTS:
            for index, sub in enumerate(value):
                yield from _walk(sub, file, f"{pointer}/{key}/{index}")
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            yield from _walk(value, file, f"{pointer}/{key}")


@cache
def schema_ids() -> dict[int, tuple[str, str]]:
    """The place (file, pointer) of every subschema, by the identity of its dict.

    The validator reports the very dicts of the loaded schemas, so a
    reported error can be traced to the rule in the file.
    """
    return {
        id(sub): (file, pointer)
        for file in _schema_files()
        for pointer, sub in _walk(_document(file), file, "#")
    }


@cache
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for file in _schema_files():
        for pointer, sub in _walk(_document(file), file, "#"):
            for key, value in sub.items():
                if key in _NOT_RULES or key in _SUBSCHEMA_MAPS or key == "items":
                    continue
                if key == "required":
                    rules.extend(Rule(file, pointer, key, name) for name in value)
                elif key == "additionalProperties":
                    if value is False:
                        rules.append(Rule(file, pointer, key))
                else:
                    rules.append(Rule(file, pointer, key))
    return tuple(sorted(rules))


def _errors(kind: str, data: dict):
    """Every schema error in ``data``, also those inside a failed 'anyOf'."""
    pending = list(schemas.validator(kind).iter_errors(data))
    while pending:
        error = pending.pop()
        yield error
        pending.extend(error.context or [])


def exercised_rules(kind: str, raw: bytes) -> set[tuple[str, str, str, str]]:
    """The rules that fail on the file ``raw`` of this kind."""
    doc, _ = read_yaml("fixture", raw)
    if doc is None:
        return set()
    found = set()
    for error in _errors(kind, doc.data):
        file, pointer = schema_ids()[id(error.schema)]
        if error.validator == "required":
            found |= {
                (file, pointer, "required", name)
                for name in error.validator_value
                if name not in error.instance
            }
        else:
            found.add((file, pointer, str(error.validator), ""))
    return found


# --- the cases fail as they say -------------------------------------------------


def test_there_are_must_fail_cases_of_every_kind() -> None:
    kinds = {case.kind for case in cases()}
    assert kinds == set(SINGLE_FILES.values()) | set(FOLDERS.values())


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.name)
def test_a_must_fail_case_gives_exactly_its_expected_problems(region, case: Case) -> None:
    region.write(case.target, case.content)
    messages = region.messages()
    assert case.expected, f"{case.name} noemt geen melding ('verwacht'); de validator meldt: {messages}"
    assert messages == list(case.expected)


# --- every rule is exercised ------------------------------------------------------


def checked_by_reader(rule: Rule) -> bool:
    """Whether the YAML reader enforces ``rule`` before the schema is applied.

    The root of every file must be a mapping: the reader refuses a list or
    loose text with its own message, so the schema's root 'type: object'
    never fires. <kind>/lijst.yaml shows that message for each kind.
    """
    root_type = rule.pointer == "#" and rule.keyword == "type" and _node(rule)["type"] == "object"
    return root_type and (MOET_FALEN / rule.file.removesuffix(".schema.json") / "lijst.yaml").is_file()


def test_every_schema_rule_makes_some_case_fail() -> None:
    exercised = set()
    for case in cases():
        exercised |= exercised_rules(case.kind, case.content)
    missing = [
        str(rule)
        for rule in all_rules()
        if rule.key not in exercised and not checked_by_reader(rule)
    ]
    assert not missing, (
        f"{len(missing)} van de {len(all_rules())} regels in de schema's worden door geen enkel "
        "geval in tests/cases of tests/fixtures/moet-falen geraakt:\n" + "\n".join(missing)
    )


def test_the_rules_include_every_kind_of_assertion() -> None:
    keywords = {rule.keyword for rule in all_rules()}
    assert {"required", "additionalProperties", "type", "enum", "pattern", "anyOf"} <= keywords


# --- every enum value is accepted ------------------------------------------------------


_SENTINEL = "§ geen waarde §"


@cache
def _enum_places() -> dict[Rule, list[tuple[str, int, str]]]:
    """For each enum rule: the places (file in geldig, line, value) where it applies."""
    enums = [rule for rule in all_rules() if rule.keyword == "enum"]
    values = {value for rule in enums for value in _node(rule)["enum"]}
    places: dict[Rule, list[tuple[str, int, str]]] = {rule: [] for rule in enums}
    for path in sorted(GELDIG.rglob("*.yaml")):
        relative = path.relative_to(GELDIG).as_posix()
        kind = SINGLE_FILES.get(relative) or FOLDERS[path.parent.name]
        doc, _ = read_yaml(relative, path.read_bytes())
        for data_path, value in leaves(doc.data):
            if value not in values:
                continue
            changed = _replaced(doc.data, data_path, _SENTINEL)
            for error in _errors(kind, changed):
                place = schema_ids()[id(error.schema)]
                if error.validator == "enum" and tuple(error.absolute_path) == data_path:
                    rule = Rule(*place, "enum")
                    places[rule].append((relative, doc.line(data_path), value))
    return places


def _node(rule: Rule) -> dict:
    node = _document(rule.file)
    for part in filter(None, rule.pointer.removeprefix("#").split("/")):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _replaced(data: object, path: tuple, new: object) -> object:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, new)}
    return [_replaced(item, rest, new) if index == head else item for index, item in enumerate(data)]


def _enum_cases() -> list[tuple[Rule, str]]:
    return [(rule, value) for rule in _enum_places() for value in _node(rule)["enum"]]


def test_every_enum_applies_somewhere_in_the_valid_fixtures() -> None:
    assert [str(rule) for rule, places in _enum_places().items() if not places] == []


@pytest.mark.parametrize("rule, value", _enum_cases(), ids=lambda x: str(x).replace(" ", "_"))
def test_every_enum_value_is_accepted(region, rule: Rule, value: str) -> None:
    tried = []
    for relative, line, old in _enum_places()[rule]:
        original = (region.data / relative).read_text(encoding="utf-8")
        lines = original.splitlines(keepends=True)
        head, sep, rest = lines[line - 1].partition(": ")
        if not sep or rest.strip().strip("'\"") != old:
            continue
        lines[line - 1] = f"{head}: {value}\n"
        region.write(relative, "".join(lines))
        messages = region.messages()
        if not messages:
            return
        tried.append((relative, line, messages))
        region.write(relative, original)
    pytest.fail(f"'{value}' ({rule}) is nergens in de geldige voorbeelden geaccepteerd: {tried}")
