"""A new opgave, pilot or evaluation file: its questions, its data and its text.

The questions are the schema's required fields (the command is in
:mod:`agenda.commands.nieuw`); the file gets the schema line and a comment above
each field taken from the schema, and is checked with the one loader before the
command reports success. Nothing is invented: a required field the schema allows
to be unknown becomes 'onbekend', and the sources are always asked for.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from .layout import FOLDERS, SCHEMA_LINE_PREFIX, schema_file
from .loader import display_path, load
from .model import ONBEKEND, Model
from .problems import Problem
from .schema_fields import SchemaField, alternatives, schema_field, schema_fields
from .schemas import SCHEMA_DIR, schema
from .yamltext import inline

KINDS = ("opgave", "pilot", "evaluatie")
FOLDER = {kind: folder for folder, kind in FOLDERS.items()}
_COMMENT_WIDTH = 96

Choices = Callable[[Model], dict[str, str]]  # code -> what it stands for


def _gremia(model: Model) -> dict[str, str]:
    return {g.id: g.naam for g in model.organisatie.gremia}


def _themas(model: Model) -> dict[str, str]:
    return {t.id: t.naam for t in model.regio.themas}


def _opgaven(model: Model) -> dict[str, str]:
    return {o.id: o.titel for o in model.opgaven}


def _bronnen(model: Model) -> dict[str, str]:
    return {b.id: f"{b.titel} ({b.datering})" for b in model.regio.bronnen}


# What the schemas cannot say. The codes a field offers, by the field's name:
REFERENCES: dict[str, Choices] = {
    "thema": _themas,
    "trekker": _gremia,
    "gremium": _gremia,
    "opgave": _opgaven,
    "bron": _bronnen,
}
# The optional fields that are asked all the same; of an optional block (the decision on a
# status step) its reference is asked first, and its other required fields only when that is given.
ALSO_ASKED = {
    "opgave": ("statushistorie[].besluit",),
    "pilot": ("opgave", "trekker", "statushistorie[].besluit"),
    "evaluatie": ("datum",),
}


@dataclass(frozen=True)
class Question:
    """One answer the command needs; its explanation is the schema's title and description."""

    name: str  # the option (--name) and the key of the answer
    fields: tuple[str, ...]  # the schema fields the answer goes into; the first explains it
    required: bool = True
    default: str | None = None  # used when the question is skipped
    references: Choices | None = None  # the codes the answer must be one of
    several: bool = False  # a list of codes, such as the sources
    number: bool = False  # digits are written as a number (a year)
    after: str | None = None  # only asked when this other answer is given

    @property
    def option(self) -> str:
        return "--" + self.name


@cache
def questions(kind: str) -> tuple[Question, ...]:
    """The questions for a new file of ``kind``, from its schema.

    Every required field is asked (inside a required list: in its one item, such as the status
    step), and the fields of :data:`ALSO_ASKED`. Fields of the same name are one answer (the
    record's status is that of its step; the sources of both are the same). First come the
    record's own fields, then those of the status step, then the sources (a list whose items need
    one field is answered with several codes); each group in the order of the schema.
    """
    fields = {field.path: field for field in schema_fields(kind)}
    found: dict[str, Question] = {}
    for field in _asked(kind, fields):
        name = _name(field.path)
        if name in found:  # the record's own field first: it explains the answer
            paths = sorted((*found[name].fields, field.path), key=lambda path: path.count("."))
            found[name] = replace(found[name], fields=tuple(paths))
        else:
            found[name] = _question(field, name, fields)
    order = list(fields)

    def place(question: Question) -> tuple[int, int, bool]:
        lead = found[question.after] if question.after else question
        group = 2 if question.several else 1 if any("[]" in path for path in question.fields) else 0
        return group, order.index(lead.fields[0]), question.after is not None

    return tuple(sorted(found.values(), key=place))


def _asked(kind: str, fields: dict[str, SchemaField]) -> list[SchemaField]:
    """The fields an answer goes into: required (or also asked) all the way up, and not a block."""
    chosen = {path for path, field in fields.items() if field.required or path in ALSO_ASKED.get(kind, ())}
    wanted = {path for path in chosen if all(parent in chosen for parent in _parents(path))}
    blocks = {_parent(path) for path in wanted}
    return [field for path, field in fields.items() if path in wanted and path not in blocks]


def _parent(path: str) -> str:
    """The field that holds ``path``: 'statushistorie' for 'statushistorie[].datum', '' at the top."""
    return path.rpartition(".")[0].removesuffix("[]")


def _parents(path: str) -> list[str]:
    parents = []
    while path := _parent(path):
        parents.append(path)
    return parents


def _leaf(path: str) -> str:
    return path.rpartition(".")[2]


def _name(path: str) -> str:
    """The answer's name: the field's, after its block's unless that is a list ('besluit-datum')."""
    holder = path.rpartition(".")[0]
    return f"{_leaf(holder)}-{_leaf(path)}" if holder and not holder.endswith("[]") else _leaf(path)


def _question(field: SchemaField, name: str, fields: dict[str, SchemaField]) -> Question:
    branches = [branch for branch, _ in alternatives(field.schema, field.base)]
    holder = _parent(field.path)
    siblings = [f for path, f in fields.items() if _parent(path) == holder]
    lead = None  # of an optional block: its reference, asked first
    if holder and not fields[holder].required:
        lead = next(f for f in siblings if _leaf(f.path) in REFERENCES)
    unknown = any(b.get("const") == ONBEKEND or ONBEKEND in b.get("enum", ()) for b in branches)
    in_list = field.path.rpartition(".")[0].endswith("[]")
    return Question(
        name,
        (field.path,),
        required=field.required and field is not lead,
        default=ONBEKEND if field.required and not holder and unknown else None,
        references=REFERENCES.get(_leaf(field.path)),
        several=in_list and sum(f.required for f in siblings) == 1,
        number=any(branch.get("type") == "integer" for branch in branches),
        after=_name(lead.path) if lead is not None and field is not lead else None,
    )


def choices(kind: str, question: Question, model: Model) -> dict[str, str]:
    """The codes or values an answer may take (empty: any text), from the data and the schema."""
    found = schema_field(kind, question.fields[0])
    options = question.references(model) if question.references else {}
    for branch, _ in alternatives(found.schema, found.base):
        options.update({value: value for value in branch.get("enum", ())})
        if "const" in branch and options:
            options[branch["const"]] = "staat niet in de bronnen"
    return options


Answers = dict[str, str | int | list[str]]


def explanation(kind: str, field: str) -> str:
    """'Titel: description' of a field, from the schema."""
    found = schema_field(kind, field)
    return f"{found.title}: {found.description}" if found.description else found.title


def document(kind: str, answers: Answers) -> dict:
    """The new file's data: each answer in the fields it goes into, in the order of the schema."""
    owner = {path: question for question in questions(kind) for path in question.fields}
    data: dict = {}
    for field in schema_fields(kind):
        question = owner.get(field.path)
        if question is not None and answers.get(question.name) is not None:
            _put(data, field.path, answers[question.name], question.several)
    return data


def _put(data: dict, path: str, value: str | int | list[str], several: bool) -> None:
    """Put ``value`` at ``path`` (a list gets one item; several codes one item each)."""
    *blocks, leaf = path.split(".")
    node = data
    for index, block in enumerate(blocks):
        key = block.removesuffix("[]")
        if several and index == len(blocks) - 1:
            node[key] = [{leaf: code} for code in value]
            return
        node = node.setdefault(key, [{}])[0] if block.endswith("[]") else node.setdefault(key, {})
    node[leaf] = value


def in_schema_order(kind: str, data: dict) -> dict:
    """The fields of ``data`` in the order of the schema; fields that are None are left out."""
    return {key: data[key] for key in schema(kind)["properties"] if data.get(key) is not None}


def file_path(kind: str, answers: Answers, data_dir: Path) -> Path:
    stem = answers["jaar"] if kind == "evaluatie" else answers["id"]
    return data_dir / FOLDER[kind] / f"{stem}.yaml"


def render(kind: str, data: dict, target: Path) -> str:
    """The YAML text: the schema line, what the file is, and each field with its explanation."""
    location = SCHEMA_DIR / schema_file(kind)
    schema_path = Path(os.path.relpath(location, target.resolve().parent)).as_posix()
    top = schema(kind)
    lines = [f"{SCHEMA_LINE_PREFIX}{schema_path}"]
    lines += _comment(f"{top['title']}: {top['description']}", 0)
    lines += _comment(
        "De uitleg boven elk veld komt uit het schema. Alle velden staan op de site onder "
        "'Bijdragen'. Controleer het bestand met: .venv/bin/python scripts/validate.py",
        0,
    )
    lines.append("")
    lines += _mapping(kind, data, "", 0, comments=True)
    optional = [name for name in top["properties"] if name not in data]
    if optional:
        lines.append("")
        lines += _comment("Velden die u nog kunt toevoegen (alleen met een bron):", 0)
        for name in optional:
            found = schema_field(kind, name)
            lines += _comment(f"- {name} ({found.title}): {found.description}", 0, hanging="  ")
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: int, hanging: str = "") -> list[str]:
    pad = " " * indent + "# "
    return textwrap.wrap(
        text, width=_COMMENT_WIDTH, initial_indent=pad, subsequent_indent=pad + hanging
    )


def _mapping(kind: str, data: dict, path: str, indent: int, comments: bool) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for key, value in data.items():
        field = f"{path}.{key}" if path else key
        if comments:
            lines += _comment(explanation(kind, field), indent)
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += _mapping(kind, value, field, indent + 2, comments)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for index, item in enumerate(value):
                block = _mapping(kind, item, field + "[]", indent + 4, comments and index == 0)
                lines += _list_item(block, indent + 2)
        else:
            lines.append(f"{pad}{key}: {inline(value)}")
    return lines


def _list_item(lines: list[str], indent: int) -> list[str]:
    """Turn the lines of a block into a list item: '- ' before its first field."""
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    dash = " " * indent + "- "
    head = [" " * indent + line.lstrip() for line in lines[:first]]
    return head + [dash + lines[first].lstrip()] + lines[first + 1 :]


def create(kind: str, answers: Answers, data_dir: Path) -> tuple[Path, list[Problem]]:
    """Write the new file, then check the data folder; on errors the file is removed again.

    Raises FileExistsError when the file is already there: nothing is overwritten.
    """
    target = file_path(kind, answers, data_dir)
    text = render(kind, document(kind, answers), target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    shown = display_path(target)
    problems = [p for p in load(data_dir).errors if p.path == shown]
    if problems:
        target.unlink()
    return target, problems
