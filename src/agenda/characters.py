"""Characters that readers and parsers cannot see.

- :data:`FORBIDDEN` may never be in the data, whether written raw or as a YAML escape (``"\\x0b"``):
  the control characters of C0 (except tab, line feed and carriage return), DEL and C1, the
  surrogates and the noncharacters (U+FDD0 to U+FDEF and the last two code points of every plane).
  XML 1.0 and iCalendar forbid most of them: one makes ``feed.xml`` not well-formed, and feed
  readers then drop the whole feed. libyaml refuses the others written raw; :func:`first_noncharacter`
  finds the noncharacters in a file's text.
- :data:`INVISIBLE` are the bidirectional controls (Unicode's property Bidi_Control) and the
  zero-width characters: a reader does not see them, but they change how a text looks or where
  its words break. :func:`holds_invisible` tells whether a file's text has one.
- :func:`escaped` writes each of these, every line break and tab as its escape (``\\x1b``), so
  that a message that repeats a value cannot move a terminal's cursor or spoof a CI log.
"""

from __future__ import annotations

import re


def _one_of(ranges: tuple[tuple[int, int], ...]) -> str:
    """A regular expression character class of the code point ranges (first, last)."""
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)


def _each(ranges: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    return tuple(chr(point) for first, last in ranges for point in range(first, last + 1))


# libyaml's reader refuses the other forbidden characters when they are written raw, not these
_NONCHARACTERS = ((0xFDD0, 0xFDEF), *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)))
_FORBIDDEN = ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), *_NONCHARACTERS)
_INVISIBLE = (
    (0x061C, 0x061C),  # arabic letter mark
    (0x200B, 0x200F),  # zero width space, non-joiner, joiner; left-to-right and right-to-left mark
    (0x202A, 0x202E),  # embeddings and overrides
    (0x2060, 0x2060),  # word joiner
    (0x2066, 0x2069),  # isolates
    (0xFEFF, 0xFEFF),  # zero width no-break space (a byte order mark inside the text)
)
# tab, carriage return and the line breaks of str.splitlines() that are not forbidden
_LAYOUT = ((0x09, 0x09), (0x0D, 0x0D), (0x2028, 0x2029))

FORBIDDEN = re.compile(f"[{_one_of(_FORBIDDEN)}]")
INVISIBLE = re.compile(f"[{_one_of(_INVISIBLE)}]")
_NONCHARACTER = re.compile(f"[{_one_of(_NONCHARACTERS)}]")
# a single character class: one step per character, whatever the text
_ESCAPED = re.compile(f"[{_one_of(_FORBIDDEN + _INVISIBLE + _LAYOUT)}]")


def _holds_any(text: str, characters: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``characters``, asked with str's own search: that takes no time
    at all when they are wider than the widest character of the text, as in most Dutch text (a
    regular expression would look at every character)."""
    return any(character in text for character in characters)


_NONCHARACTER_LIST = _each(_NONCHARACTERS)
_INVISIBLE_LIST = _each(_INVISIBLE)


def first_noncharacter(text: str) -> re.Match | None:
    """Where the first noncharacter in a whole file is, if any."""
    return _NONCHARACTER.search(text) if _holds_any(text, _NONCHARACTER_LIST) else None


def holds_invisible(text: str) -> bool:
    """Whether a whole file has a character of INVISIBLE."""
    return _holds_any(text, _INVISIBLE_LIST)


def code(point: int) -> str:
    """How messages name a code point: ``#x000b``."""
    return f"#x{point:04x}"


def invisible_codes(text: str) -> str:
    """The invisible characters in ``text``, each once, as ``#x200b, #x202e``; empty if none."""
    return ", ".join(code(ord(character)) for character in dict.fromkeys(INVISIBLE.findall(text)))


def escaped(text: str) -> str:
    """``text`` with every forbidden, invisible or layout character except the line feed as its
    escape (``\\t``, ``\\x1b``, ``\\u202e``); the line feed is left to each output format."""
    return _ESCAPED.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
