"""When a data file last changed, from ``git log`` (the build time is not a change date)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .git import output, repository_root


def last_commit_dates(folder: Path, files: Iterable[Path]) -> dict[Path, date | None]:
    """The date of the last commit that changed each file; None for a file never committed.

    One ``git log`` over ``folder`` answers for all files at once.
    """
    wanted = {Path(f).resolve(): None for f in files}
    root = repository_root(folder)
    if root is None:
        return wanted
    out = output(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", str(folder.resolve()))
    current: date | None = None
    for line in (out or "").splitlines():
        if line.startswith("\x00"):
            current = date.fromisoformat(line[1:])
        elif line:
            path = (root / line).resolve()
            if path in wanted and wanted[path] is None:
                wanted[path] = current
    return wanted
