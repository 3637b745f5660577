"""Problems found in the data, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .characters import escaped

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One problem: where it is (file, line, field) and what to do about it."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "fout"

    def __post_init__(self) -> None:
        # Whatever check made it, a problem may repeat a value or a file name from the data: no
        # control or invisible character of it reaches a terminal or a CI log raw (an ESC sequence
        # could rewrite what the log shows). Line feeds are left to each output format.
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, escaped(getattr(self, name)))

    def format(self) -> str:
        """``path:line: field: message`` on one line: a line break in a value is shown as \\n."""
        prefix = "waarschuwing: " if self.severity == "waarschuwing" else ""
        field = self.field or "(bestand)"
        return f"{self.path}:{self.line}: {field}: {prefix}{self.message}".replace("\n", "\\n")


def field_name(path: tuple[str | int, ...]) -> str:
    """Render a data path as the user sees it: ``statushistorie[1].datum``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
