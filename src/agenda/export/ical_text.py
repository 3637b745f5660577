"""iCalendar text (RFC 5545): a TEXT value escaped, and content lines folded and ended with CRLF."""

from __future__ import annotations

from collections.abc import Iterable

_FOLD = 75  # octets per line, without the CRLF


def escape(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = _FOLD if not parts else _FOLD - 1  # a continuation line starts with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def ical_text(lines: Iterable[str]) -> str:
    """The file: each content line folded, every line ending in CRLF."""
    return "".join(fold(line) + "\r\n" for line in lines)
