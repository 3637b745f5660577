"""Problems found in the data, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["fout", "waarschuwing"]

# every character at which str.splitlines() breaks a line, as its escape (\\n)
_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii") for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One problem: where it is (file, line, field) and what to do about it."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "fout"

    def format(self) -> str:
        """``path:line: field: message`` on one line: a line break in a value is shown as \\n."""
        prefix = "waarschuwing: " if self.severity == "waarschuwing" else ""
        field = self.field or "(bestand)"
        return f"{self.path}:{self.line}: {field}: {prefix}{self.message}".translate(_LINE_BREAKS)


def field_name(path: tuple[str | int, ...]) -> str:
    """Render a data path as the user sees it: ``statushistorie[1].datum``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
