"""What changed in the data folder, from its git history: the date of the data, and per commit
the records that were added, changed status, got an evaluation, were edited or removed.

``git log --first-parent`` over the data folder lists the commits as they landed on the branch
(a merged pull request is one change, dated when it was merged). Each version of a file is read
from git (``git cat-file --batch``, the bytes of ``git show REV:PATH`` for all of them in one go)
with the project's own YAML reader; a version that cannot be read counts as an edit. The parsing functions are pure; :func:`data_history` runs git.

Outside a git work tree there is no history, and in a shallow clone (CI's default) only part of
it: then the history is "not available" rather than wrong (the oldest commit of a shallow clone
would show every file as new). The date of the data is still the date of the newest commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .. import git
from ..git import repository_root
from ..layout import FOLDERS, SINGLE_FILES
from ..yamlfile import read_yaml

RECORD_KINDS = ("opgave", "pilot")  # the kinds with a status and yearly evaluations
_LOG_FORMAT = "%x00%H%x09%cs"


@dataclass(frozen=True)
class Commit:
    rev: str
    day: date
    files: tuple[tuple[str, str], ...]  # (A, M, D or T; path from the repository root)


@dataclass(frozen=True)
class RecordChange:
    day: date
    kind: str  # 'opgave', 'pilot', 'evaluatie', or the kind of a single file ('regio', ...)
    code: str  # the file name without .yaml: the record's code or year
    what: str  # 'nieuw', 'status', 'evaluatie', 'gewijzigd' or 'verwijderd'
    titel: str | None  # the title in that version, when it has one
    van: str | None = None  # 'status': the status before
    naar: str | None = None  # 'status': the status after
    jaar: int | None = None  # 'evaluatie': the year of the evaluation that was added


@dataclass(frozen=True)
class DataHistory:
    data_date: date | None  # the day of the newest commit that changed the data folder
    changes: tuple[RecordChange, ...] | None  # oldest first; None when no history is available
    reason: str | None = None  # why not, in Dutch


def parse_log(text: str) -> list[Commit]:
    """The commits of ``git log --format=%x00%H%x09%cs --name-status``, newest first."""
    commits: list[Commit] = []
    rev, day, files = None, None, []
    for line in text.splitlines():
        if line.startswith("\x00"):
            if rev is not None:
                commits.append(Commit(rev, day, tuple(files)))
            rev, stamp = line[1:].split("\t")
            day, files = date.fromisoformat(stamp), []
        elif line.strip() and rev is not None:
            status, _, path = line.partition("\t")
            files.append((status[:1], path))
    if rev is not None:
        commits.append(Commit(rev, day, tuple(files)))
    return commits


def classify(path: str, data_prefix: str) -> tuple[str, str] | None:
    """(kind, code) of a data file at ``path`` (from the repository root); None for other files."""
    prefix = data_prefix.strip("/")
    if prefix and not path.startswith(prefix + "/"):
        return None
    relative = PurePosixPath(path).relative_to(prefix) if prefix else PurePosixPath(path)
    if len(relative.parts) == 1 and relative.name in SINGLE_FILES:
        kind = SINGLE_FILES[relative.name]
        return kind, kind
    if len(relative.parts) == 2 and relative.parts[0] in FOLDERS and relative.suffix == ".yaml":
        return FOLDERS[relative.parts[0]], relative.stem
    return None


def _parse(path: str, raw: bytes | None) -> dict | None:
    if raw is None:
        return None
    doc, _ = read_yaml(path, raw)
    return doc.data if doc is not None else None


def _text(data: dict | None, key: str) -> str | None:
    value = (data or {}).get(key)
    return value if isinstance(value, str) else None


def _years(data: dict | None) -> set[int]:
    items = (data or {}).get("evaluaties")
    if not isinstance(items, list):
        return set()
    return {e["jaar"] for e in items if isinstance(e, dict) and isinstance(e.get("jaar"), int)}


def record_changes(
    commits: Iterable[Commit], data_prefix: str, read: Callable[[str, str], bytes | None]
) -> list[RecordChange]:
    """What each commit (given newest first) did to the records; oldest first.

    ``read(rev, path)`` gives the bytes of a file in a commit (None when it cannot).
    """
    state: dict[str, dict | None] = {}  # path -> its data in the last commit that touched it
    found: list[RecordChange] = []
    for commit in reversed(list(commits)):
        for status, path in commit.files:
            place = classify(path, data_prefix)
            if place is None:
                continue
            kind, code = place
            if status == "D":
                found.append(RecordChange(commit.day, kind, code, "verwijderd", _text(state.pop(path, None), "titel")))
                continue
            known = path in state
            old, data = state.get(path), _parse(path, read(commit.rev, path))
            state[path] = data
            titel = _text(data, "titel")
            if status == "A" or not known:
                found.append(RecordChange(commit.day, kind, code, "nieuw", titel))
                continue
            events = []
            if kind in RECORD_KINDS:
                van, naar = _text(old, "status"), _text(data, "status")
                if van and naar and van != naar:
                    events.append(RecordChange(commit.day, kind, code, "status", titel, van=van, naar=naar))
                events += [
                    RecordChange(commit.day, kind, code, "evaluatie", titel, jaar=jaar)
                    for jaar in sorted(_years(data) - _years(old))
                ]
            found += events or [RecordChange(commit.day, kind, code, "gewijzigd", titel)]
    return found


def _versions(root: Path, commits: Iterable[Commit], data_prefix: str) -> dict[tuple[str, str], bytes]:
    """The bytes of every added or changed data file in every commit, read by one
    ``git cat-file --batch`` (one ``git show`` per version would take minutes on a big region)."""
    wanted = [
        (commit.rev, path)
        for commit in commits
        for status, path in commit.files
        if status != "D" and classify(path, data_prefix) is not None
    ]
    if not wanted:
        return {}
    request = "".join(f"{rev}:{path}\n" for rev, path in wanted).encode("utf-8")
    try:
        done = git.run(root, "cat-file", "--batch", stdin=request)
    except (git.GitMissing, OSError):
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


def data_history(data_dir: Path) -> DataHistory:
    """The history of ``data_dir`` in its git repository (asked once per commit of HEAD)."""
    root = repository_root(data_dir)
    if root is None:
        return DataHistory(None, None, "De gegevens staan niet in een git-repository.")
    head = (git.output(root, "rev-parse", "--verify", "--quiet", "HEAD") or "").strip()
    return _history(data_dir.resolve(), root, head)


@lru_cache(maxsize=4)
def _history(data_dir: Path, root: Path, head: str) -> DataHistory:
    try:
        prefix = data_dir.relative_to(root.resolve()).as_posix()
    except ValueError:
        return DataHistory(None, None, "De gegevens staan niet in een git-repository.")
    # paths outside ASCII come out quoted, and so are no data file (a code is ASCII)
    log = git.output(
        root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--name-status",
        f"--format={_LOG_FORMAT}", "--", prefix,
    )
    commits = parse_log(log or "")
    if not commits:
        return DataHistory(None, None, "De gegevens zijn nog niet vastgelegd in git.")
    data_date = commits[0].day
    if (git.output(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return DataHistory(
            data_date, None,
            "Deze kopie van de repository heeft maar een deel van de geschiedenis (een 'shallow clone').",
        )
    prefix = "" if prefix == "." else prefix
    versions = _versions(root, commits, prefix)
    return DataHistory(data_date, tuple(record_changes(commits, prefix, lambda rev, path: versions.get((rev, path)))))
