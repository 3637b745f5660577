"""Diagnose a YAML syntax error that is an indentation mistake, by comparing the line with
the lines around it.

libyaml reports a line indented one space too far as 'mapping values are not allowed' (the
line is read as more text of the value above it), one indented too little as 'did not find
expected key', and a line of text indented unlike the text above it in yet other ways. We try
the line where the parser stopped, and the one above it, at the indentation of the fields and
list items above them and of the lines next to them; only an indentation with which the file
then reads further is suggested, and never one that would turn text into a field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.tokens import (
    BlockEntryToken,
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
    KeyToken,
    ScalarToken,
)

# the errors of libyaml that a wrongly indented line gives
_INDENTATION_ERRORS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
)
# a line that starts with a field name (as the schemas write them) and its colon, or with a '- '
_FIELD_LINE = re.compile(r"( *)([a-z][a-z0-9_-]*):(?: |$)")
_ITEM_LINE = re.compile(r"( *)- ")
_ITEM_FIELD = re.compile(r"( *)- +([a-z][a-z0-9_-]*):(?: |$)")


@dataclass(frozen=True)
class _Level:
    """A field or list item that is open where the line starts: its column and line (1-based)."""

    column: int
    line: int
    key: str | None  # None for a list item

    def described(self) -> str:
        what = f"het veld '{self.key}'" if self.key else "het lijstpunt"
        return f"{what} op regel {self.line}"


def indentation_hint(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """The line to change and what to do, when ``exc`` (from parsing ``text``) comes from a
    wrongly indented line; else None.

    A candidate is the line where the parser stopped or the line above it, indented like an
    open field or list item above it, or like the line above or below it. Only a candidate with
    which the parser gets past the line where it stopped counts, and of those the one with
    which it gets furthest (the whole file, when one line was all that was wrong).
    """
    mark = exc.problem_mark
    lines = text.splitlines(keepends=True)
    if mark is None or mark.line >= len(lines):
        return None
    stopped = mark.line
    candidates: list[tuple[int, tuple[int, str]]] = []  # (how far the parser then gets, hint)
    if any(error in str(exc.problem or "") for error in _INDENTATION_ERRORS):
        candidates.extend(_field_hint(text, lines, str(exc.problem), mark))
    previous = _content_line(lines, stopped, -1)
    # where libyaml started reading what it could not finish, such as text it took for a field
    started = exc.context_mark.line if exc.context_mark is not None and exc.context_mark.line < stopped else None
    for number, neighbours in ((stopped, (-1, 1)), (previous, (1, -1)), (started, (-1, 1))):
        if number is None or (number == stopped and lines[number].lstrip().startswith(("-", "?"))):
            continue
        for step in neighbours:
            neighbour = _content_line(lines, number, step)
            if neighbour is not None:
                candidates.extend(_neighbour_hints(lines, number, neighbour, stopped))
    useful = [(reached, hint) for reached, hint in candidates if reached > stopped]
    if not useful:
        return None
    furthest = max(reached for reached, _ in useful)
    return next(hint for reached, hint in useful if reached == furthest)


def _content_line(lines: list[str], number: int, step: int) -> int | None:
    """The nearest line above (step -1) or below (step 1) that is not empty or a comment."""
    number += step
    while 0 <= number < len(lines):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number
        number += step
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _neighbour_hints(
    lines: list[str], number: int, neighbour: int, stopped: int
) -> list[tuple[int, tuple[int, str]]]:
    """Line ``number`` indented like line ``neighbour``; and a list item ('- veld:') above a
    field, indented so that its field stands right above that one. Neither may turn the line
    or the one where the parser stopped into a field when it does not look like one."""
    indent, column = _indent(lines[number]), _indent(lines[neighbour])
    texts = {n for n in (number, stopped) if not (_FIELD_LINE.match(lines[n]) or _ITEM_FIELD.match(lines[n]))}
    where = "erboven" if neighbour < number else "eronder"
    hints = []
    if column != indent:
        hints.append((
            _reached(lines, number, column, texts),
            (number + 1, f"regel {number + 1} springt {_spaces(abs(indent - column))} {_further(indent - column)} "
             f"in dan regel {neighbour + 1} {where}. Maak de inspringing {_spaces(column)}, net als regel {neighbour + 1}"),
        ))  # fmt: skip
    item, below = _ITEM_FIELD.match(lines[number]), _FIELD_LINE.match(lines[neighbour])
    if item and below and neighbour > number:
        offset = item.start(2) - indent  # from the '-' to the field name
        if column - offset >= 0 and column - offset != indent:
            hints.append((
                _reached(lines, number, column - offset, texts),
                (number + 1, f"het veld '{item.group(2)}' op regel {number + 1} springt "
                 f"{_spaces(abs(item.start(2) - column))} {_further(item.start(2) - column)} in dan het veld "
                 f"'{below.group(2)}' op regel {neighbour + 1} eronder. Maak de inspringing van regel {number + 1} "
                 f"{_spaces(column - offset)}, zodat de twee velden recht onder elkaar staan"),
            ))  # fmt: skip
    return hints


def _further(difference: int) -> str:
    return "verder" if difference > 0 else "minder ver"


def _field_hint(text: str, lines: list[str], found: str, mark: yaml.Mark) -> list[tuple[int, tuple[int, str]]]:
    """For a field or list item at a column where none of the fields and items above is open:
    the indentation of the nearest one with which the parser gets furthest."""
    line = lines[mark.line].rstrip("\r\n")
    field, item = _FIELD_LINE.match(line), _ITEM_LINE.match(line)
    if field is None and item is None:
        return []
    indent = _indent(line)
    if found.startswith("mapping values"):
        # the colon libyaml stopped at must be the one after the field name that starts the line
        if field is None or mark.column != field.end(2):
            return []
    elif mark.column != indent:
        return []
    levels = _open_levels(text, mark.line)
    # a field at the column of an open field or list item, or a list item at that of an open list
    # item, may lack a '- ' or a value: not only the indentation can be wrong then
    if not levels or indent in {level.column for level in levels if field is not None or level.key is None}:
        return []
    # a field belongs at the column of a field; a list item at that of a list item or a field
    reached = {
        level: _reached(lines, mark.line, level.column) for level in levels if level.key is not None or field is None
    }
    fitting = [level for level in reached if reached[level] > mark.line]
    if not fitting:
        return []
    furthest = max(reached[level] for level in fitting)
    fitting = [level for level in fitting if reached[level] == furthest]
    nearest = min(abs(level.column - indent) for level in fitting)
    best = [level for level in reversed(fitting) if abs(level.column - indent) == nearest]
    number = mark.line + 1
    if len(best) == 1:
        level = best[0]
        return [(furthest, (number, (
            f"regel {number} springt {_spaces(abs(indent - level.column))} {_further(indent - level.column)} "
            f"in dan {level.described()}. "
            f"Maak de inspringing {_spaces(level.column)}, net als {'dat veld' if level.key else 'dat lijstpunt'}"
        )))]  # fmt: skip
    options = " of ".join(f"{_spaces(level.column)} (net als {level.described()})" for level in best)
    return [(furthest, (number, (
        f"regel {number} springt {_spaces(indent)} in; dat past bij geen van de regels erboven. "
        f"Maak de inspringing {options}"
    )))]  # fmt: skip


def _reached(lines: list[str], number: int, column: int, texts: set[int] = frozenset()) -> int:
    """How far (the 0-based line of the next error, or past the end) the parser gets once line
    ``number`` is indented to ``column``; -1 when that makes one of the lines ``texts`` start a
    field (text with a colon, such as 'Let op: ...', must stay text)."""
    changed = "".join(lines[:number] + [" " * column + lines[number].lstrip(" ")] + lines[number + 1 :])
    loader = yaml.CSafeLoader(changed)
    try:
        while loader.get_event() is not None:
            pass
    except yaml.MarkedYAMLError as exc:
        return exc.problem_mark.line if exc.problem_mark is not None else -1
    finally:
        loader.dispose()
    if texts and any(line in texts for line in _key_lines(changed)):
        return -1
    return len(lines) + 1


def _key_lines(text: str) -> Iterator[int]:
    """The 0-based line of every field name in ``text`` (YAML that parses)."""
    loader = yaml.CSafeLoader(text)
    try:
        while (token := loader.get_token()) is not None:
            if isinstance(token, KeyToken):
                yield token.start_mark.line
    finally:
        loader.dispose()


def _spaces(count: int) -> str:
    return f"{count} spatie" if count == 1 else f"{count} spaties"


def _open_levels(text: str, before: int) -> list[_Level]:
    """The fields and list items still open at the start of line ``before`` (0-based), from
    the outermost in: read from the scanner's tokens, so text inside values never counts."""
    stack: list[_Level] = []
    loader = yaml.CSafeLoader(text)
    previous, flow = None, 0  # the token before, and how deep inside brackets we are
    try:
        while (token := loader.get_token()) is not None:
            start = token.start_mark
            if start.line >= before:
                break
            if isinstance(token, FlowMappingStartToken | FlowSequenceStartToken):
                flow += 1
            elif isinstance(token, FlowMappingEndToken | FlowSequenceEndToken):
                flow -= 1
            level = None
            if isinstance(token, BlockEntryToken):
                level = _Level(start.column, start.line + 1, None)
            elif isinstance(token, ScalarToken) and isinstance(previous, KeyToken) and not flow:
                level = _Level(start.column, start.line + 1, token.value)
            if level is not None:
                while stack and stack[-1].column >= level.column:
                    stack.pop()
                stack.append(level)
            previous = token
    except yaml.YAMLError:
        pass  # the tokens before the error are all we need
    finally:
        loader.dispose()
    return stack
