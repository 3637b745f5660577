"""Problems found in the data, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One problem: where it is (file, line, field) and what to do about it."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "fout"

    def format(self) -> str:
        prefix = "waarschuwing: " if self.severity == "waarschuwing" else ""
        field = self.field or "(bestand)"
        return f"{self.path}:{self.line}: {field}: {prefix}{self.message}"


def field_name(path: tuple[str | int, ...]) -> str:
    """Render a data path as the user sees it: ``statushistorie[1].datum``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
