"""Running git: the one place where the engine calls it.

Each function asks git one question and hands back what git said (text, bytes, dates); what
the answers mean for the data is worked out elsewhere (agenda.data_changes, agenda.git_facts).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

# the format of each commit line in data_log: NUL, the commit's hash, a tab, its day
LOG_FORMAT = "%x00%H%x09%cs"


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


def last_commit_dates(folder: Path, files: Iterable[Path]) -> dict[Path, date | None]:
    """The date of the last commit that changed each file; None for a file never committed
    (the build time is not a change date).

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


def data_log(root: Path, prefix: str) -> str:
    """The commits that changed ``prefix`` (a folder, from ``root``) as they landed on the branch,
    newest first: ``git log --first-parent`` in :data:`LOG_FORMAT` with ``--name-status``.

    A merged pull request is one change, dated when it was merged. Paths outside ASCII come out
    quoted. Empty when git fails.
    """
    return output(
        root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--name-status",
        f"--format={LOG_FORMAT}", "--", prefix,
    ) or ""


def is_shallow(root: Path) -> bool:
    """Whether the repository at ``root`` holds only part of its history (a shallow clone)."""
    return (output(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def file_versions(root: Path, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
    """The bytes of each (commit, path) in ``wanted`` (a path from ``root``), read by one
    ``git cat-file --batch`` (one ``git show REV:PATH`` per version would take minutes on a big
    region); a version git cannot give is left out."""
    if not wanted:
        return {}
    request = "".join(f"{rev}:{path}\n" for rev, path in wanted).encode("utf-8")
    try:
        done = run(root, "cat-file", "--batch", stdin=request)
    except (GitMissing, OSError):
        return {}
    out, at, found = done.stdout, 0, {}
    for key in wanted:
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[key] = out[at : at + size]
            at += size + 1  # the content is followed by a newline
    return found
