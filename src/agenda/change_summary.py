"""What a change means for the agenda, in plain Dutch Markdown for a pull request (pure).

:func:`summarise` compares two models, record by record (not the text of the files): a new
status with its besluit, a new opgave, pilot, evaluation or source, a new mijlpaal, measurement
or yearly evaluation, a mijlpaal reached, a removed record, and the fields whose text changed
(named by their title in the schema). The validator's warnings come last.

The text lands in a GitHub comment, so every text from the data goes through
:func:`github_text`: GitHub's Markdown, and after it GitHub's own filters, which turn
``@name`` into a mention (a notification), ``#12`` and ``GH-12`` into a reference (an event on
that issue) and ``:tada:`` into an emoji, in the rendered text. A character reference such as
``&#64;`` (``render.markup.md_text``) comes out of Markdown as a plain ``@`` and is seen by those
filters, so it does not help here; a zero-width space after ``@``, ``#``, ``:`` and ``GH`` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace

from .dates import moment_text, number_text
from .model import (
    ONBEKEND,
    Brondocument,
    Evaluatie,
    Indicator,
    Meting,
    Mijlpaal,
    Model,
    Moment,
    Opgave,
    Pilot,
    Statusovergang,
)
from .problems import Problem
from .schema_fields import schema_field

HEADING = "### Wat verandert er in de agenda"
WARNINGS_HEADING = "### Waarschuwingen van de controle"
NOTHING = "Deze wijziging verandert niets aan de gegevens van de agenda."
NO_BEFORE = (
    "Er is geen eerdere versie van de gegevens om mee te vergelijken (die ontbreekt of heeft "
    "fouten). Alles staat hieronder als nieuw."
)
# how each single file is named in a sentence
SINGLE_LABELS = {"regio": "De regio", "visie": "De visie", "organisatie": "De organisatie", "begrippen": "De begrippenlijst"}

# every ASCII punctuation character: CommonMark lets a backslash make each of them plain text
_PUNCTUATION = re.compile(r"""([!-/:-@\[-`{-~])""")
# after Markdown, GitHub links @mentions, #12, GH-12 and :emoji: in the text; a zero-width space breaks them
_GITHUB_REFERENCE = re.compile(r"(?<=[@#:])|(?<=\bGH)(?=-)", re.IGNORECASE)
ZERO_WIDTH_SPACE = "&#8203;"


def github_text(value: object) -> str:
    """Text from the data as it must appear, letter for letter, in GitHub Markdown: on one line,
    every punctuation character escaped, and no mention, reference or emoji."""
    text = " ".join(str(value).split())
    return _PUNCTUATION.sub(r"\\\1", _GITHUB_REFERENCE.sub("\0", text)).replace("\0", ZERO_WIDTH_SPACE)


def summarise(before: Model | None, after: Model, warnings: Sequence[Problem] = ()) -> str:
    """The Markdown summary of the change from ``before`` (None: there is no valid earlier
    version) to ``after``, with the validator's ``warnings``."""
    lines = list(_changes(before, after))
    parts = [HEADING, ""]
    if before is None:
        parts += [NO_BEFORE, ""]
    parts += [f"- {line}" for line in lines] if lines else [NOTHING]
    if warnings:
        parts += ["", WARNINGS_HEADING, "", *_problem_lines(warnings)]
    return "\n".join(parts) + "\n"


def summarise_errors(errors: Sequence[Problem]) -> str:
    """The Markdown text for data that has errors now: what the change means cannot be said."""
    intro = "De gegevens hebben fouten. Daarom is niet te zeggen wat deze wijziging betekent. Los eerst deze fouten op:"
    return "\n".join([HEADING, "", intro, "", *_problem_lines(errors)]) + "\n"


def _problem_lines(problems: Sequence[Problem]) -> list[str]:
    return [f"- {github_text(problem.format())}" for problem in problems]


# --- the records


def _changes(before: Model | None, after: Model) -> Iterator[str]:
    old = _collections(before) if before is not None else {}
    for place, now in _collections(after).items():
        yield from _records(*place, old.get(place, {}), now, after)
    if before is not None:
        for kind, label in SINGLE_LABELS.items():
            skip = {"bronnen"} if kind == "regio" else set()  # the sources are told one by one
            changed = _changed_fields(kind, "", getattr(before, kind), getattr(after, kind), skip)
            if changed:
                yield f"{label}: de tekst is veranderd bij {_listing(changed)}."


def _collections(model: Model) -> dict[tuple[str, str, str], dict]:
    """The records of ``model`` by their code, per (schema kind, path in the schema, name)."""
    return {
        ("opgave", "", "Opgave"): {o.id: o for o in model.opgaven},
        ("pilot", "", "Pilot"): {p.id: p for p in model.pilots},
        ("evaluatie", "", "Evaluatie"): {e.jaar: e for e in model.evaluaties},
        ("regio", "bronnen[].", "Bron"): {b.id: b for b in model.regio.bronnen},
    }


def _records(kind: str, prefix: str, label: str, before: dict, after: dict, model: Model) -> Iterator[str]:
    for key in sorted(before.keys() | after.keys(), key=str):
        was, now = before.get(key), after.get(key)
        if now is None:
            yield f"{label} {_name(was)} is verwijderd."
        elif was is None:
            yield f"Nieuwe {label.lower()} {_name(now)}{_new_details(now)}."
        elif was != now:
            yield from _record_changes(kind, prefix, f"{label} {_name(now)}", was, now, model)


def _name(record: Opgave | Pilot | Evaluatie | Brondocument) -> str:
    return f"*{github_text(record.titel)}*"


def _new_details(record: Opgave | Pilot | Evaluatie | Brondocument) -> str:
    if isinstance(record, Opgave | Pilot):
        return f", met de status *{github_text(record.status)}*"
    if isinstance(record, Evaluatie):
        return f", over {record.jaar}"
    return f" ({github_text(record.datering)})"


def _record_changes(kind: str, prefix: str, label: str, was, now, model: Model) -> Iterator[str]:
    """The lines about one record that is in both versions and changed."""
    handled: set[str] = set()
    if isinstance(now, Opgave | Pilot):
        status_line = _status_change(was, now, model)
        if status_line is not None:
            yield f"{label}: {status_line}."
            handled |= {"status", "statushistorie"} if _only_appended(was, now) else {"status"}
    for field, items in _PARTS.get(kind, {}).items():
        lines, explained = items.tell(getattr(was, field), getattr(now, field))
        yield from (f"{label}: {line}." for line in lines)
        if explained:
            handled.add(field)
    changed = _changed_fields(kind, prefix, was, now, handled)
    if changed:
        yield f"{label}: de tekst is veranderd bij {_listing(changed)}."


def _changed_fields(kind: str, prefix: str, was, now, skip: set[str]) -> list[str]:
    """The titles (from the schema of ``kind``, at ``prefix``) of the fields that differ, in the
    order of the model."""
    return [
        github_text(schema_field(kind, prefix + f.name).title)
        for f in fields(now)
        if f.name not in skip and getattr(was, f.name) != getattr(now, f.name)
    ]


def _listing(items: Sequence[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


# --- status


def _status_change(was: Opgave | Pilot, now: Opgave | Pilot, model: Model) -> str | None:
    if was.status == now.status:
        return None
    line = f"status van *{github_text(was.status)}* naar *{github_text(now.status)}*"
    step = next(
        (s for s in reversed(now.statushistorie) if s.status == now.status and s not in was.statushistorie), None
    )
    return line + _decision(step, model)


def _decision(step: Statusovergang | None, model: Model) -> str:
    if step is None or step.besluit is None:
        return ""
    besluit = step.besluit
    names = {g.id: g.naam for g in model.organisatie.gremia}
    text = f", besluit van {github_text(names.get(besluit.gremium, besluit.gremium))}{_when(besluit.datum)}"
    if besluit.verslag:
        text += f" (verslag: {github_text(besluit.verslag)})"
    return text


def _when(moment: Moment) -> str:
    if moment == ONBEKEND:
        return ""
    return f" in {moment}" if isinstance(moment, int) else f" op {moment_text(moment)}"


def _only_appended(was: Opgave | Pilot, now: Opgave | Pilot) -> bool:
    return now.statushistorie[: len(was.statushistorie)] == was.statushistorie


# --- parts of a record: lists whose items are told one by one


def _nothing_told(was: object, now: object) -> tuple[list[str], bool]:
    return [], False


@dataclass(frozen=True)
class _Items:
    """How the items of a list are told: matched by ``key``, a line for a new and for a removed
    item, and ``changed``: the lines about an item that changed, and whether they tell all of it."""

    key: Callable
    added: Callable
    removed: Callable
    changed: Callable = _nothing_told

    def tell(self, before: Sequence, after: Sequence) -> tuple[list[str], bool]:
        """The lines about the list, and whether they explain every difference (no item
        changed otherwise, none moved)."""
        old = {self.key(item): item for item in before}
        new = {self.key(item): item for item in after}
        lines: list[str] = []
        explained = [k for k in old if k in new] == [k for k in new if k in old]
        for k, item in new.items():
            if k not in old:
                lines.append(self.added(item))
            elif item != old[k]:
                told, all_told = self.changed(old[k], item)
                lines += told
                explained = explained and all_told
        lines += [self.removed(item) for k, item in old.items() if k not in new]
        return lines, explained


def _mijlpaal_changed(was: Mijlpaal, now: Mijlpaal) -> tuple[list[str], bool]:
    if was.gereed == now.gereed:
        return [], False
    name = f"mijlpaal *{github_text(now.omschrijving)}*"
    line = f"{name} is bereikt" if now.gereed == "ja" else f"{name}: gereed van *{was.gereed}* naar *{now.gereed}*"
    if now.datum is not None and now.datum != was.datum:
        line += f" op {moment_text(now.datum)}"
    return [line], replace(was, gereed=now.gereed, datum=now.datum) == now


def _indicator_changed(was: Indicator, now: Indicator) -> tuple[list[str], bool]:
    name = f"*{github_text(now.naam)}*"
    metingen = _Items(
        key=lambda m: m.periode,
        added=lambda m: f"nieuwe meting van {name} over {github_text(m.periode)}: {_value(m, now)}",
        removed=lambda m: f"meting van {name} over {github_text(m.periode)} is verwijderd",
    )
    lines, explained = metingen.tell(was.metingen, now.metingen)
    return lines, explained and replace(was, metingen=now.metingen) == now


def _value(meting: Meting, indicator: Indicator) -> str:
    if meting.afgeschermd:
        return "afgeschermd (minder dan 10, niet getoond)"
    unit = f" {github_text(indicator.eenheid)}" if indicator.eenheid else ""
    return github_text(number_text(meting.waarde)) + unit


_MIJLPALEN = _Items(
    key=lambda m: m.omschrijving,
    added=lambda m: f"nieuwe mijlpaal *{github_text(m.omschrijving)}* (jaar {m.jaar})",
    removed=lambda m: f"mijlpaal *{github_text(m.omschrijving)}* is verwijderd",
    changed=_mijlpaal_changed,
)
_JAAREVALUATIES = _Items(
    key=lambda e: e.jaar,
    added=lambda e: f"nieuwe jaarevaluatie over {e.jaar}",
    removed=lambda e: f"jaarevaluatie over {e.jaar} is verwijderd",
)
_INDICATOREN = _Items(
    key=lambda i: i.id,
    added=lambda i: f"nieuwe indicator *{github_text(i.naam)}*",
    removed=lambda i: f"indicator *{github_text(i.naam)}* is verwijderd",
    changed=_indicator_changed,
)
# the lists of each kind whose items are told one by one
_PARTS: dict[str, dict[str, _Items]] = {
    "opgave": {"mijlpalen": _MIJLPALEN, "evaluaties": _JAAREVALUATIES},
    "pilot": {"indicatoren": _INDICATOREN, "evaluaties": _JAAREVALUATIES},
}
