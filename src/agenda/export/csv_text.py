"""CSV text (RFC 4180): a value as the text of one cell, and rows as a file.

Comma-separated, every line ending in CRLF, quoted where a cell needs it (the csv module).
Yes/no is 'ja'/'nee', a number has a decimal point, an empty cell means not filled in, a list of
values has one value per line inside the cell (sources by their code). Text that a spreadsheet
would take for a formula (starting with = + - @, a tab or a carriage return) gets a leading
apostrophe, so that opening the file never runs anything from the data; a number stays a
number (-5, not '-5).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..model import Bronverwijzing

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Bronverwijzing):
        return value.bron
    if isinstance(value, tuple):
        return "\n".join(cell(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """The file: a header row and the rows, each cell already made by ``cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
