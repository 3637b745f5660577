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


# --- a data folder at another revision (checks.changes_since)


class GitFailed(Exception):
    """git ran, but failed; the text is git's first line of complaint (or its exit status)."""


def in_work_tree(folder: Path) -> bool:
    """Whether ``folder`` is inside a git work tree; raises GitMissing when there is no git."""
    return run(folder, "rev-parse", "--show-prefix").returncode == 0


def is_commit(folder: Path, revision: str) -> bool:
    """Whether ``revision`` names a commit of the repository of ``folder``."""
    return run(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode == 0


def entries_at(folder: Path, revision: str, subfolder: str) -> list[str]:
    """The names in ``subfolder`` of ``folder`` at ``revision``, as paths from ``folder``
    (``agenda/x.yaml``); raises GitFailed."""
    listed = _checked(folder, "ls-tree", "-z", "--name-only", revision, "--", f"{subfolder}/")
    return list(filter(None, listed.decode("utf-8", "surrogateescape").split("\0")))


def file_at(folder: Path, revision: str, name: str) -> bytes:
    """The bytes of the file ``name`` (a path from ``folder``) at ``revision``; raises GitFailed."""
    return _checked(folder, "show", f"{revision}:./{name}")


def _checked(cwd: Path, *args: str) -> bytes:
    """What ``git ARGS`` prints; raises GitFailed when it fails."""
    done = run(cwd, *args)
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitFailed(said[0] if said else str(done.returncode))
    return done.stdout
