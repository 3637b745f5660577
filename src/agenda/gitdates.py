"""When a data file last changed, from ``git log`` (the build time is not a change date)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import date
from pathlib import Path


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError:  # git is not installed
        return None
    return done.stdout if done.returncode == 0 else None


def repository_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder``, or None outside git."""
    out = _git(folder, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if out else None


def last_commit_dates(folder: Path, files: Iterable[Path]) -> dict[Path, date | None]:
    """The date of the last commit that changed each file; None for a file never committed.

    One ``git log`` over ``folder`` answers for all files at once.
    """
    wanted = {Path(f).resolve(): None for f in files}
    root = repository_root(folder)
    if root is None:
        return wanted
    out = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", str(folder.resolve()))
    current: date | None = None
    for line in (out or "").splitlines():
        if line.startswith("\x00"):
            current = date.fromisoformat(line[1:])
        elif line:
            path = (root / line).resolve()
            if path in wanted and wanted[path] is None:
                wanted[path] = current
    return wanted
