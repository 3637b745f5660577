"""What changed in the data folder, commit by commit (pure; git itself is read by agenda.git):
the date of the data, and per commit the records that were added, edited or removed. What an
edit did to the agenda (a status step, an evaluation) is told by the agenda's own dated events
(agenda.timeline), not by git. Only later edits of records are news: the commit that first
adds the region's data is not (its records were not new then, only new to git), nor are the
site's own texts (the single files regio, visie, organisatie and begrippen). Not to be confused
with a record's status history (agenda.status_history).

The commits come from :func:`agenda.git.data_log`; each version of a file is read with the
project's own YAML reader, and a version that cannot be read counts as an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from .layout import FOLDERS, SINGLE_FILES, SINGLE_KINDS
from .yamlfile import read_yaml


@dataclass(frozen=True)
class Commit:
    rev: str
    day: date
    files: tuple[tuple[str, str], ...]  # (A, M, D or T; path from the repository root)


@dataclass(frozen=True)
class RecordChange:
    day: date
    kind: str  # 'opgave', 'pilot' or 'evaluatie'
    code: str  # the file name without .yaml: the record's code or year
    what: str  # 'nieuw', 'gewijzigd' or 'verwijderd'
    titel: str | None  # the title in that version, when it has one


@dataclass(frozen=True)
class DataHistory:
    data_date: date | None  # the day of the newest commit that changed the data folder
    changes: tuple[RecordChange, ...] | None  # oldest first; None when no history is available
    reason: str | None = None  # why not, in Dutch


def parse_log(text: str) -> list[Commit]:
    """The commits of :func:`agenda.git.data_log` (``--format=%x00%H%x09%cs --name-status``),
    newest first."""
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


def _record_file(path: str, data_prefix: str) -> tuple[str, str] | None:
    """(kind, code) of a record's file (an opgave, pilot or evaluation); None for other files."""
    place = classify(path, data_prefix)
    return place if place is not None and place[0] not in SINGLE_KINDS else None


def _parse(path: str, raw: bytes | None) -> dict | None:
    if raw is None:
        return None
    doc, _ = read_yaml(path, raw)
    return doc.data if doc is not None else None


def _text(data: dict | None, key: str) -> str | None:
    value = (data or {}).get(key)
    return value if isinstance(value, str) else None


def record_changes(
    commits: Iterable[Commit], data_prefix: str, read: Callable[[str, str], bytes | None]
) -> list[RecordChange]:
    """What each commit (given newest first) did to the records after the first commit that
    added data; oldest first.

    ``read(rev, path)`` gives the bytes of a file in a commit (None when it cannot).
    """
    titles: dict[str, str | None] = {}  # path -> its title in the last commit that touched it
    found: list[RecordChange] = []
    started = False  # whether an earlier commit added data
    for commit in reversed(list(commits)):
        first = not started and any(classify(path, data_prefix) for _, path in commit.files)
        started = started or first
        for status, path in commit.files:
            place = _record_file(path, data_prefix)
            if place is None:
                continue
            if first:
                titles[path] = _text(_parse(path, read(commit.rev, path)), "titel")
                continue
            kind, code = place
            if status == "D":
                found.append(RecordChange(commit.day, kind, code, "verwijderd", titles.pop(path, None)))
                continue
            what = "nieuw" if status == "A" or path not in titles else "gewijzigd"
            titles[path] = _text(_parse(path, read(commit.rev, path)), "titel")
            found.append(RecordChange(commit.day, kind, code, what, titles[path]))
    return found


def wanted_versions(commits: Iterable[Commit], data_prefix: str) -> list[tuple[str, str]]:
    """(commit, path) of every data file that a commit added or changed: what
    :func:`record_changes` reads."""
    return [
        (commit.rev, path)
        for commit in commits
        for status, path in commit.files
        if status != "D" and _record_file(path, data_prefix) is not None
    ]
