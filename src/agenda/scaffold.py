"""Start a new opgave, pilot or evaluation file: ``python scripts/nieuw.py opgave|pilot|evaluatie``.

Asks for the few required fields (or takes them as options), writes the file
with the schema line and a comment above each field taken from the schema, and
checks the data folder with the one loader before it reports success. Nothing
is invented: a required field the schema allows to be unknown becomes
'onbekend', and the sources are always asked for.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cli import DutchParser
from .layout import FOLDERS, SCHEMA_LINE_PREFIX, schema_file
from .loader import display_path, load
from .model import ONBEKEND, Model
from .problems import Problem
from .schema_fields import alternatives, schema_field
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


_ID = Question("id", ("id",))
_TITEL = Question("titel", ("titel",))
_SAMENVATTING = Question("samenvatting", ("samenvatting",))
_STATUS = Question("status", ("status", "statushistorie[].status"))
_DATUM = Question("datum", ("statushistorie[].datum",), number=True)
_BESLUIT_GREMIUM = Question(
    "besluit-gremium", ("statushistorie[].besluit.gremium",), required=False, references=_gremia
)
_BESLUIT_DATUM = Question(
    "besluit-datum", ("statushistorie[].besluit.datum",), number=True, after="besluit-gremium"
)
_BRON = Question(
    "bron", ("bronnen[].bron", "statushistorie[].bronnen[].bron"), references=_bronnen, several=True
)

QUESTIONS: dict[str, tuple[Question, ...]] = {
    "opgave": (
        _ID,
        _TITEL,
        _SAMENVATTING,
        Question("thema", ("thema",), default=ONBEKEND, references=_themas),
        Question("niveau", ("niveau",), default=ONBEKEND),
        Question("trekker", ("trekker",), default=ONBEKEND, references=_gremia),
        _STATUS,
        _DATUM,
        _BESLUIT_GREMIUM,
        _BESLUIT_DATUM,
        _BRON,
    ),
    "pilot": (
        _ID,
        _TITEL,
        _SAMENVATTING,
        Question("opgave", ("opgave",), required=False, references=_opgaven),
        Question("trekker", ("trekker",), required=False, references=_gremia),
        _STATUS,
        _DATUM,
        _BESLUIT_GREMIUM,
        _BESLUIT_DATUM,
        _BRON,
    ),
    "evaluatie": (
        Question("jaar", ("jaar",), number=True),
        _TITEL,
        Question("datum", ("datum",), required=False, number=True),
        _BRON,
    ),
}


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
    """The new file's data, in the order of the schema."""
    sources = [{"bron": code} for code in answers["bron"]]
    if kind == "evaluatie":
        given = {"jaar": answers["jaar"], "titel": answers["titel"], "datum": answers.get("datum")}
    else:
        step: dict = {"datum": answers["datum"], "status": answers["status"]}
        if "besluit-gremium" in answers:
            step["besluit"] = {"datum": answers["besluit-datum"], "gremium": answers["besluit-gremium"]}
        step["bronnen"] = sources
        given = {
            **{name: answers.get(name) for name in ("id", "titel", "samenvatting", "status")},
            **{name: answers.get(name) for name in ("thema", "niveau", "opgave", "trekker")},
            "statushistorie": [step],
        }
    given["bronnen"] = sources
    return in_schema_order(kind, given)


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
        "'Bijdragen'. Controleer het bestand met: python scripts/validate.py",
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


# ---------------------------------------------------------------- the command


def parser() -> argparse.ArgumentParser:
    main_parser = DutchParser(
        prog="python scripts/nieuw.py",
        description="Maak een nieuw bestand voor een opgave, pilot of jaarevaluatie. Het commando "
        "vraagt naar de verplichte velden (of neemt ze als opties), zet uitleg bij elk veld en "
        "controleert het resultaat. Een bestaand bestand wordt nooit overschreven.",
    )
    kinds = main_parser.add_subparsers(
        title="soort", dest="soort", required=True, metavar="opgave|pilot|evaluatie", parser_class=DutchParser
    )
    for kind in KINDS:
        sub = kinds.add_parser(
            kind,
            help=f"nieuw bestand in data/{FOLDER[kind]}/",
            description=f"{schema(kind)['title']}: {schema(kind)['description']}",
        )
        sub.add_argument("--data", default="data", metavar="MAP", help="de datamap (standaard: data)")
        for question in QUESTIONS[kind]:
            enum = schema_field(kind, question.fields[0]).schema.get("enum")
            extra = [
                f"Kies uit: {', '.join(enum)}." if enum else "",
                f"Zonder deze optie: {question.default}." if question.default else "",
                "Herhaal de optie voor meer bronnen." if question.several else "",
            ]
            sub.add_argument(
                question.option,
                dest=question.name,
                action="append" if question.several else "store",
                metavar="CODE" if question.references else "WAARDE",
                help=" ".join([explanation(kind, question.fields[0]), *filter(None, extra)]),
            )
    return main_parser


Ask = Callable[[str], str]


def main(argv: list[str] | None = None, ask: Ask | None = None) -> int:
    """Run the command; ``ask`` reads an answer (default: input() when stdin is a terminal)."""
    args = parser().parse_args(argv)
    kind = args.soort
    data_dir = Path(args.data)
    if ask is None and sys.stdin.isatty():
        ask = input
    loaded = load(data_dir) if data_dir.is_dir() else None
    if loaded is None or loaded.model is None:
        print(
            f"fout: de datamap '{args.data}' bestaat niet of bevat fouten. Controleer eerst met: "
            f"python scripts/validate.py {args.data}",
            file=sys.stderr,
        )
        return 1
    model = loaded.model
    questions = QUESTIONS[kind]
    given = {q.name: getattr(args, q.name) for q in questions if getattr(args, q.name) is not None}
    answers: Answers = {}
    for question in questions:
        value = _answer(kind, question, given, answers, model, ask)
        if value is _MISSING:
            return _missing(kind, questions, given, answers)
        if value is not None:
            answers[question.name] = value
    for question in questions:
        if question.name in given and question.name not in answers:
            print(
                f"fout in de opdracht: {question.option} hoort bij --{question.after}; "
                f"geef ook --{question.after} op.",
                file=sys.stderr,
            )
            return 2
    while True:
        try:
            target, problems = create(kind, answers, data_dir)
        except FileExistsError:
            target = file_path(kind, answers, data_dir)
            print(
                f"fout: {display_path(target)} bestaat al. Kies een andere code, of pas het "
                "bestaande bestand aan.",
                file=sys.stderr,
            )
            if ask is None:
                return 1
            key = "jaar" if kind == "evaluatie" else "id"
            answers[key] = _ask(kind, _question(kind, key), model, ask)
            continue
        if not problems:
            break
        retry = _report(kind, problems)
        if ask is None or not retry:
            return 1
        for name in retry:
            answers[name] = _ask(kind, _question(kind, name), model, ask)
    print(f"Gemaakt: {display_path(target)}. Het bestand is gecontroleerd en in orde.")
    print("Vul de andere velden aan (de uitleg staat in het bestand) en controleer daarna met: "
          f"python scripts/validate.py {args.data}")
    return 0


_MISSING = object()


def _question(kind: str, name: str) -> Question:
    return next(q for q in QUESTIONS[kind] if q.name == name)


def _answer(kind: str, question: Question, given: dict, answers: Answers, model: Model, ask: Ask | None):
    if question.after and question.after not in answers:
        return None
    if question.name in given:
        return _parse(question, given[question.name])
    if ask is not None:
        return _ask(kind, question, model, ask)
    if question.default is not None:
        return question.default
    return _MISSING if question.required else None


def _parse(question: Question, value: str | list[str]):
    if question.several:
        return [code.strip() for item in value for code in item.split(",") if code.strip()]
    value = value.strip()
    return int(value) if question.number and value.isdigit() else value


def _ask(kind: str, question: Question, model: Model, ask: Ask):
    print()
    print(explanation(kind, question.fields[0]))
    allowed = choices(kind, question, model)
    for code, meaning in allowed.items():
        print(f"  {code}" + (f"  ({meaning})" if meaning != code else ""))
    if question.several:
        print("  Meerdere codes: scheid ze met komma's.")
    hint = f" [{question.default}]" if question.default else " (Enter: overslaan)" if not question.required else ""
    while True:
        text = ask(f"{question.name}{hint}: ").strip()
        if not text:
            if question.default is not None:
                return question.default
            if not question.required:
                return None
            print("  Dit veld is verplicht.")
            continue
        value = _parse(question, [text] if question.several else text)
        unknown = [v for v in (value if question.several else [value]) if allowed and v not in allowed]
        if unknown:
            print(f"  '{unknown[0]}' staat niet in de lijst. Kies een van de codes hierboven.")
            continue
        return value


def _missing(kind: str, questions: tuple[Question, ...], given: dict, answers: Answers) -> int:
    missing = [
        q.option
        for q in questions
        if q.required and q.default is None and q.name not in given and (not q.after or q.after in answers)
    ]
    print(
        f"fout in de opdracht: geef ook {', '.join(missing)} op (of start het commando in een "
        f"terminal, dan vraagt het ernaar). Zie: python scripts/nieuw.py {kind} --help",
        file=sys.stderr,
    )
    return 2


def _report(kind: str, problems: list[Problem]) -> list[str]:
    """Print the problems as the options to fix; return the questions to ask again."""
    by_field = {field: q for q in QUESTIONS[kind] for field in q.fields}
    retry: list[str] = []
    for problem in problems:
        question = by_field.get(re.sub(r"\[\d+\]", "[]", problem.field))
        where = question.option if question else problem.field or "(bestand)"
        print(f"fout: {where}: {problem.message}", file=sys.stderr)
        if question and question.name not in retry:
            retry.append(question.name)
    print("Er is niets aangemaakt.", file=sys.stderr)
    return retry
