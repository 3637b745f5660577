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


def last_commit_dates(folder: Path, files: Iterable[Path], since: str | None = None) -> dict[Path, date | None]:
    """The date of the last commit that changed each file, counting only ``since`` (a commit) and
    the commits after it when given; None for a file never committed in them (the build time is
    not a change date).

    One ``git log`` over ``folder`` answers for all files at once.
    """
    wanted = {Path(f).resolve(): None for f in files}
    root = repository_root(folder)
    if root is None:
        return wanted
    after = ("HEAD", "--not", f"{since}^@") if since else ()  # since and its descendants
    out = output(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", *after, "--", str(folder.resolve()))
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
