"""Read the body of a submitted issue as GitHub writes it for an issue form.

GitHub writes every field as ``### Label``, a blank line and the answer; an empty optional field as
``_No response_``; a checkbox as ``- [X] option`` (ticked) or ``- [ ] option``. The form is
recognised from the body itself: its labels, in the order of the form. A label that appears twice
(an answer that holds another field's heading) makes the body unreadable: it is refused rather
than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .definitions import Form

MAX_CHARACTERS = 65_536  # GitHub's limit for the body of an issue
NO_RESPONSE = "_No response_"
HEADING = "### "


TOO_LONG = f"de tekst van het formulier is te lang: meer dan {MAX_CHARACTERS} tekens. Maak de antwoorden korter."


class Unreadable(Exception):
    """The body is not a form that can be processed; the message says why, in Dutch."""


@dataclass(frozen=True)
class Submission:
    form: Form
    answers: dict[str, str | None]  # field id -> the answer (None: left empty)
    ticked: dict[str, bool]  # checkboxes field id -> ticked


def _blocks(lines: list[str], form: Form) -> dict[str, list[str]] | None:
    """The lines of each field's answer, or None when the headings are not exactly the form's."""
    headings = {HEADING + item.label: item.id for item in form.fields}
    found = [(index, line) for index, line in enumerate(lines) if line.rstrip() in headings]
    if [line.rstrip() for _, line in found] != list(headings) or found[0][0] != 0:
        return None
    ends = [index for index, _ in found[1:]] + [len(lines)]
    return {headings[line.rstrip()]: lines[index + 1 : end] for (index, line), end in zip(found, ends, strict=True)}


def parse(body: str, forms: Sequence[Form]) -> Submission:
    """The form and its answers; raises Unreadable."""
    if len(body) > MAX_CHARACTERS:
        raise Unreadable(TOO_LONG)
    lines = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    for form in forms:
        blocks = _blocks(lines, form)
        if blocks is not None:
            return _answers(form, blocks)
    names = ", ".join(f"'{form.name}'" for form in forms)
    raise Unreadable(
        "dit is geen formulier dat de computer kan verwerken, of een kop ('### ...') is veranderd "
        f"of staat er twee keer. Gebruik een van de formulieren {names} en verander de koppen niet."
    )


def _answers(form: Form, blocks: dict[str, list[str]]) -> Submission:
    answers: dict[str, str | None] = {}
    ticked: dict[str, bool] = {}
    for item in form.fields:
        text = "\n".join(blocks[item.id]).strip("\n")
        if item.type == "checkboxes":
            ticked[item.id] = _ticked(text, item.checkbox, item.label)
        else:
            answers[item.id] = None if text.strip() in ("", NO_RESPONSE) else text.strip()
    return Submission(form=form, answers=answers, ticked=ticked)


def _ticked(text: str, option: str, label: str) -> bool:
    for line in text.split("\n"):
        mark, _, rest = line.strip().partition("] ")
        if rest.strip() == option and mark in ("- [X", "- [x", "- [ "):
            return mark != "- [ "
    if text.strip() in ("", NO_RESPONSE):
        return False
    raise Unreadable(f"{label}: het vakje '{option}' is niet te lezen. Vink het aan of laat het leeg.")
