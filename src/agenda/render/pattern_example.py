"""A short example text that matches a schema's ``pattern``, for the field reference.

The schemas' patterns use a small part of the regular expression syntax, and this module reads
exactly that part (anything else raises ValueError, so a new pattern cannot go wrong unnoticed):
literal characters, ``.``, the escapes ``\\d \\D \\s \\S \\w \\W`` and escaped punctuation, character
classes (``[a-z0-9_.-]``, ``[^\\s]``), groups with alternatives (``(Q[1-4]|S[12])``), the
quantifiers ``? * + {m} {m,n}`` and the anchors ``^ $``.

The example takes every part at its minimum and every group's first alternative. A run of
characters from a class is a filler word (``voorbeeld``, or ``2024`` for digits) when the class
takes all of its letters, otherwise the first printable ASCII character the class takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

# the letters or digits that fill a part of a pattern that takes a word or a number
_FILLERS = ("voorbeeld", "2024")
_UNBOUNDED = 2**31
_CATEGORIES: dict[str, Callable[[str], bool]] = {
    "d": str.isdigit,
    "D": lambda char: not char.isdigit(),
    "s": str.isspace,
    "S": lambda char: not char.isspace(),
    "w": lambda char: char.isalnum() or char == "_",
    "W": lambda char: not (char.isalnum() or char == "_"),
}

Accepts = Callable[[str], bool]


@dataclass(frozen=True)
class _Chars:
    """One character from a set; ``literal`` when the pattern names the character itself."""

    accepts: Accepts
    literal: str | None = None


@dataclass(frozen=True)
class _Group:
    alternatives: list[list[_Item]]


@dataclass(frozen=True)
class _Item:
    atom: _Chars | _Group
    low: int = 1
    high: int = 1
    repeated: bool = False  # has a quantifier


def example(pattern: str) -> str:
    """A short text that matches ``pattern``."""
    parser = _Parser(pattern)
    sequence = parser.alternatives()
    if parser.pos != len(pattern):
        raise ValueError(f"unsupported pattern {pattern!r} at {parser.pos}")
    return "".join(_matching(sequence[0]))


def _matching(items: list[_Item]) -> Iterator[str]:
    for item in items:
        if isinstance(item.atom, _Group):
            for _ in range(item.low):
                yield from _matching(item.atom.alternatives[0])
        elif not item.repeated and item.atom.literal is not None:
            yield item.atom.literal
        elif item.low:
            yield _characters(item.atom.accepts, item.low, item.high)


def _characters(accepts: Accepts, low: int, high: int) -> str:
    """Between ``low`` and ``high`` characters that the class accepts: a filler word if it can."""
    for filler in _FILLERS:
        if all(accepts(char) for char in filler):
            wanted = low if low == high else min(max(low, len(filler)), high)
            return (filler * wanted)[:wanted]
    first = next(chr(code) for code in range(33, 127) if accepts(chr(code)))
    return first * low


class _Parser:
    def __init__(self, pattern: str):
        self.pattern, self.pos = pattern, 0

    def _peek(self) -> str | None:
        return self.pattern[self.pos] if self.pos < len(self.pattern) else None

    def _next(self) -> str:
        if self.pos >= len(self.pattern):
            raise ValueError(f"unsupported pattern {self.pattern!r}: it ends too early")
        char = self.pattern[self.pos]
        self.pos += 1
        return char

    def alternatives(self) -> list[list[_Item]]:
        found = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            found.append(self._sequence())
        return found

    def _sequence(self) -> list[_Item]:
        items: list[_Item] = []
        while self._peek() not in (None, "|", ")"):
            char = self._next()
            if char in "^$":
                continue  # an anchor matches no character
            atom = self._atom(char)
            items.append(self._quantified(atom))
        return items

    def _atom(self, char: str) -> _Chars | _Group:
        if char == "(":
            if self._peek() == "?":
                raise ValueError(f"unsupported group in {self.pattern!r}")
            group = _Group(self.alternatives())
            if self._next() != ")":
                raise ValueError(f"unclosed group in {self.pattern!r}")
            return group
        if char == "[":
            return self._class()
        if char == ".":
            return _Chars(lambda c: c != "\n")
        if char == "\\":
            return self._escape()
        if char in "*+?{)":
            raise ValueError(f"unsupported pattern {self.pattern!r} at {self.pos - 1}")
        return _Chars(char.__eq__, char)

    def _escape(self) -> _Chars:
        char = self._next()
        if char in _CATEGORIES:
            return _Chars(_CATEGORIES[char])
        if char.isalnum():
            raise ValueError(f"unsupported escape \\{char} in {self.pattern!r}")
        return _Chars(char.__eq__, char)

    def _class(self) -> _Chars:
        negate = self._peek() == "^"
        if negate:
            self.pos += 1
        tests: list[Accepts] = []
        first = True
        while first or self._peek() != "]":
            first = False
            char = self._next()
            if char == "\\":
                tests.append(self._escape().accepts)
                continue
            if self._peek() == "-" and self.pattern[self.pos + 1 : self.pos + 2] not in ("]", ""):
                self.pos += 1
                end = self._next()
                tests.append(lambda c, a=char, b=end: a <= c <= b)
            else:
                tests.append(char.__eq__)
        self.pos += 1  # the ]
        return _Chars(lambda c: any(test(c) for test in tests) != negate)

    def _quantified(self, atom: _Chars | _Group) -> _Item:
        char = self._peek()
        if char == "?":
            low, high = 0, 1
        elif char == "*":
            low, high = 0, _UNBOUNDED
        elif char == "+":
            low, high = 1, _UNBOUNDED
        elif char == "{":
            end = self.pattern.index("}", self.pos)
            low_text, comma, high_text = self.pattern[self.pos + 1 : end].partition(",")
            low = int(low_text)
            high = (int(high_text) if high_text else _UNBOUNDED) if comma else low
            self.pos = end
        else:
            return _Item(atom)
        self.pos += 1
        if self._peek() in ("?", "+"):
            raise ValueError(f"unsupported lazy or possessive quantifier in {self.pattern!r}")
        return _Item(atom, low, high, repeated=True)
