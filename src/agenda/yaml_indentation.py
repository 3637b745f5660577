"""Diagnose a YAML syntax error that is an indentation mistake, by comparing the line with
the lines above it.

libyaml reports a line indented one space too far as 'mapping values are not allowed' (the
line is read as more text of the value above it) and one indented too little as 'did not find
expected key'. Both are indentation mistakes only when the line starts with a field name (or a
'- ') at a column where no field or list item above it is open; only then do we say so, and
which indentation would fit.
"""

from __future__ import annotations

import re
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
    line indented to a column that fits none of the lines above it; else None."""
    found = str(exc.problem or "")
    mark = exc.problem_mark
    if mark is None or not any(error in found for error in _INDENTATION_ERRORS):
        return None
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    field, item = _FIELD_LINE.match(line), _ITEM_LINE.match(line)
    if field is None and item is None:
        return None
    indent = len(line) - len(line.lstrip(" "))
    if found.startswith("mapping values"):
        # the colon libyaml stopped at must be the one after the field name that starts the line
        if field is None or mark.column != field.end(2):
            return None
    elif mark.column != indent:
        return None
    levels = _open_levels(text, mark.line)
    if not levels or indent in {level.column for level in levels}:
        return None
    # a field belongs at the column of a field; a list item at that of a list item or a field;
    # and only an indentation that gets the parser past the line counts
    lines = text.splitlines(keepends=True)
    fitting = [
        level
        for level in levels
        if (level.key is not None or field is None) and _reads_past(lines, mark.line, level.column)
    ]
    if not fitting:
        return None
    nearest = min(abs(level.column - indent) for level in fitting)
    best = [level for level in reversed(fitting) if abs(level.column - indent) == nearest]
    number = mark.line + 1
    if len(best) == 1:
        level = best[0]
        difference = indent - level.column
        further = "verder" if difference > 0 else "minder ver"
        return number, (
            f"regel {number} springt {_spaces(abs(difference))} {further} in dan {level.described()}. "
            f"Maak de inspringing {_spaces(level.column)}, net als {'dat veld' if level.key else 'dat lijstpunt'}"
        )
    options = " of ".join(f"{_spaces(level.column)} (net als {level.described()})" for level in best)
    return number, (
        f"regel {number} springt {_spaces(indent)} in; dat past bij geen van de regels erboven. "
        f"Maak de inspringing {options}"
    )


def _reads_past(lines: list[str], number: int, column: int) -> bool:
    """Whether the text parses past line ``number`` (0-based) once that line is indented to ``column``."""
    changed = lines[:number] + [" " * column + lines[number].lstrip(" ")] + lines[number + 1 :]
    loader = yaml.CSafeLoader("".join(changed))
    try:
        while loader.get_event() is not None:
            pass
    except yaml.MarkedYAMLError as exc:
        return exc.problem_mark is not None and exc.problem_mark.line > number
    finally:
        loader.dispose()
    return True


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
