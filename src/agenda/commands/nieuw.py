"""The command that starts a new data file: python scripts/nieuw.py opgave|pilot|evaluatie [opties],
or the data folder of a new region: python scripts/nieuw.py regio [opties]

Asks for the required fields when run in a terminal, reads the answers one a line when they
are piped in, or takes them as options (see --help); the questions and the file come from
:mod:`agenda.scaffold`. Ctrl-C (or Ctrl-D in a terminal) stops it with a sentence, not a
traceback. Exit 0 when the file was made, 1 when not, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from .dutch_parser import DutchParser
from ..loader import display_path, load
from ..model import ONBEKEND, Model
from ..problems import Problem
from ..region_skeleton import create_region
from ..scaffold import FOLDER, KINDS, Answers, Question, choices, create, explanation, file_path, questions
from ..schema_fields import schema_field
from ..schemas import schema


def parser() -> argparse.ArgumentParser:
    main_parser = DutchParser(
        prog=".venv/bin/python scripts/nieuw.py",
        description="Maak een nieuw bestand voor een opgave, pilot of jaarevaluatie, of de datamap van "
        "een nieuwe regio. Het commando vraagt naar de verplichte velden (of neemt ze als opties), zet "
        "uitleg bij elk veld en controleert het resultaat. Een bestaand bestand wordt nooit overschreven.",
    )
    kinds = main_parser.add_subparsers(
        title="soort", dest="soort", required=True, metavar="opgave|pilot|evaluatie|regio", parser_class=DutchParser
    )
    region = kinds.add_parser(
        "regio",
        help="de datamap van een nieuwe regio",
        description="Maak de datamap van een nieuwe regio: de vier bestanden die elke regio heeft, met "
        "alleen de naam van de regio en de titel van de agenda. De rest is onbekend of leeg, tot u het "
        "uit de bronnen overneemt. De map moet nieuw of leeg zijn.",
    )
    region.add_argument("--data", default="data", metavar="MAP", help="de nieuwe datamap (standaard: data)")
    for option, meaning in REGION_QUESTIONS.items():
        region.add_argument(f"--{option}", metavar="TEKST", help=meaning)
    for kind in KINDS:
        sub = kinds.add_parser(
            kind,
            help=f"nieuw bestand in data/{FOLDER[kind]}/",
            description=f"{schema(kind)['title']}: {schema(kind)['description']}",
        )
        sub.add_argument("--data", default="data", metavar="MAP", help="de datamap (standaard: data)")
        for question in questions(kind):
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


class _Stopped(Exception):
    """The user stopped the questions: Ctrl-C, or Ctrl-D in a terminal."""


class _NoAnswer(Exception):
    """The piped answers ran out before a required question."""

    def __init__(self, question: Question):
        super().__init__(question.name)
        self.question = question


def _terminal(prompt: str) -> str:
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        raise _Stopped from None


def _piped(lines: list[str]) -> Ask:
    """Answers read from stdin, one a line; each is shown after its question."""
    answers = iter(lines)

    def ask(prompt: str) -> str:
        answer = next(answers, None)
        if answer is None:
            raise EOFError
        print(prompt + answer)
        return answer

    return ask


def _default_ask() -> Ask | None:
    """input() in a terminal; else the lines piped in, or None (options only) when there are none."""
    if sys.stdin.isatty():
        return _terminal
    lines = sys.stdin.read().splitlines()
    return _piped(lines) if lines else None


def main(argv: list[str] | None = None, ask: Ask | None = None) -> int:
    """Run the command; ``ask`` reads an answer (default: see :func:`_default_ask`)."""
    args = parser().parse_args(argv)
    run = _new_region if args.soort == "regio" else _run
    try:
        return run(args, ask if ask is not None else _default_ask())
    except (_Stopped, KeyboardInterrupt):
        print("\nGestopt. Er is niets aangemaakt.", file=sys.stderr)
        return 1
    except _NoAnswer as exc:
        print(
            f"fout: de antwoorden zijn op, maar de verplichte vraag '{exc.question.name}' heeft nog geen "
            "goed antwoord. Er is niets aangemaakt.",
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace, ask: Ask | None) -> int:
    kind = args.soort
    data_dir = Path(args.data)
    loaded = load(data_dir) if data_dir.is_dir() else None
    if loaded is None or loaded.model is None:
        print(
            f"fout: de datamap '{args.data}' bestaat niet of bevat fouten. Controleer eerst met: "
            f".venv/bin/python scripts/validate.py {args.data}",
            file=sys.stderr,
        )
        return 1
    model = loaded.model
    asked = questions(kind)
    given = {q.name: getattr(args, q.name) for q in asked if getattr(args, q.name) is not None}
    answers: Answers = {}
    for question in asked:
        value = _answer(kind, question, given, answers, model, ask)
        if value is _MISSING:
            return _missing(kind, asked, given, answers)
        if value is not None:
            answers[question.name] = value
    for question in asked:
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
            answers[key] = _ask(kind, _by_name(kind, key), model, ask)
            continue
        if not problems:
            break
        retry = _report(kind, problems)
        if ask is None or not retry:
            return 1
        for name in retry:
            answers[name] = _ask(kind, _by_name(kind, name), model, ask)
    print(f"Gemaakt: {display_path(target)}. Het bestand is gecontroleerd en in orde.")
    print("Vul de andere velden aan (de uitleg staat in het bestand) en controleer daarna met: "
          f".venv/bin/python scripts/validate.py {args.data}")
    return 0


_MISSING = object()

REGION_QUESTIONS = {
    "naam": "De naam van de regio, zoals die in de agenda staat.",
    "titel": "De titel van de agenda: die staat boven elke pagina, en de agenda is de eerste bron.",
    "datering": "Uit welke tijd de agenda is, zoals '2025-2028' (zonder deze optie: onbekend).",
}


def _new_region(args: argparse.Namespace, ask: Ask | None) -> int:
    answers = {option: getattr(args, option) for option in REGION_QUESTIONS}
    for option in ("naam", "titel"):
        while not (answers[option] or "").strip():
            if ask is None:
                print(f"fout in de opdracht: geef ook --{option} op (of start het commando in een terminal, "
                      "dan vraagt het ernaar). Zie: .venv/bin/python scripts/nieuw.py regio --help", file=sys.stderr)
                return 2
            print(f"\n{REGION_QUESTIONS[option]}")
            try:
                answers[option] = ask(f"{option}: ")
            except EOFError:
                raise _Stopped from None
    datering = (answers["datering"] or "").strip() or ONBEKEND
    data_dir = Path(args.data)
    try:
        problems = create_region(data_dir, answers["naam"].strip(), answers["titel"].strip(), datering)
    except FileExistsError:
        print(f"fout: {args.data} bestaat al en is niet leeg. Kies een nieuwe map; er is niets veranderd.",
              file=sys.stderr)
        return 1
    for problem in problems:
        option = problem.field.rsplit(".", 1)[-1]
        print(f"fout: {'--' + option if option in REGION_QUESTIONS else problem.field}: {problem.message}",
              file=sys.stderr)
    if problems:
        print("Er is niets aangemaakt.", file=sys.stderr)
        return 1
    print(f"Gemaakt: de datamap {display_path(data_dir)}, met regio.yaml, visie.yaml, organisatie.yaml en "
          "begrippen.yaml. Alles is gecontroleerd en in orde.")
    print("Neem nu de gegevens over uit de bronnen: begin bij de bronnen in regio.yaml (de gids 'Een nieuwe "
          "regio' zegt hoe), en controleer met: .venv/bin/python scripts/validate.py " + args.data)
    return 0


def _by_name(kind: str, name: str) -> Question:
    return next(q for q in questions(kind) if q.name == name)


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
        try:
            text = ask(f"{question.name}{hint}: ").strip()
        except EOFError:  # the piped answers are used up: what Enter would give, if that is allowed
            if question.default is None and question.required:
                raise _NoAnswer(question) from None
            text = ""
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
        f"terminal, dan vraagt het ernaar). Zie: .venv/bin/python scripts/nieuw.py {kind} --help",
        file=sys.stderr,
    )
    return 2


def _report(kind: str, problems: list[Problem]) -> list[str]:
    """Print the problems as the options to fix; return the questions to ask again."""
    by_field = {field: q for q in questions(kind) for field in q.fields}
    retry: list[str] = []
    for problem in problems:
        question = by_field.get(re.sub(r"\[\d+\]", "[]", problem.field))
        where = question.option if question else problem.field or "(bestand)"
        print(f"fout: {where}: {problem.message}", file=sys.stderr)
        if question and question.name not in retry:
            retry.append(question.name)
    print("Er is niets aangemaakt.", file=sys.stderr)
    return retry
