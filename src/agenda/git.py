"""Running git: the one place where the engine calls it."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitMissing(Exception):
    """git is not installed."""


def run(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``git ARGS`` in ``cwd``, its output as bytes; raises GitMissing when there is no git."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitMissing from exc


def output(cwd: Path, *args: str) -> str | None:
    """What ``git ARGS`` prints, or None when it fails, ``cwd`` is not in git or git is missing."""
    try:
        done = run(cwd, *args)
    except (GitMissing, OSError):
        return None
    return done.stdout.decode("utf-8") if done.returncode == 0 else None


def repository_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder``, or None outside git."""
    out = output(folder, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if out else None
