"""What changed in the data folder, commit by commit (pure; git itself is read by agenda.git):
the date of the data, and per commit the records that were added, edited or removed. What an
edit did to the agenda (a status step, an evaluation) is told by the agenda's own dated events
(agenda.timeline), not by git. Only this region's history counts (:func:`region_start`): it
starts with the newest commit whose regio.yaml names another region than the version before it,
so a repository whose data was replaced by another region's shows nothing of the region before.
Only later edits of records are news: the commit that starts the region's history is not (its
records were not new then, only new to git), nor are the site's own texts (the single files
regio, visie, organisatie and begrippen). Not to be confused with a record's status history
(agenda.status_history).

The commits come from :func:`agenda.git.data_log`; each version of a file is read with the
project's own YAML reader, and a version that cannot be read counts as an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
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
    start: str | None = None  # the commit where this region's history starts; None: it has none in git


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


def _region_file(path: str, data_prefix: str) -> bool:
    return classify(path, data_prefix) == ("regio", "regio")


def region_start(
    commits: Sequence[Commit], data_prefix: str, read: Callable[[str, str], bytes | None], names: Collection[str]
) -> int | None:
    """Where the current region's history starts: the index in ``commits`` (newest first) of the
    newest commit whose regio.yaml names (``naam``) another region than the version before it; the
    commit that first adds regio.yaml counts too (there was no region before it). ``names`` are
    the current region's name and its earlier names (``eerdere_namen``): a change from one of them
    to another is a rename, not another region. A version without a readable name changes
    nothing, nor does deleting regio.yaml.

    None when no commit holds regio.yaml or the newest version names another region (this region's
    data is not committed yet).
    """
    start, last = None, None
    for index in range(len(commits) - 1, -1, -1):
        commit = commits[index]
        for status, path in commit.files:
            if status == "D" or not _region_file(path, data_prefix):
                continue
            naam = _text(_parse(path, read(commit.rev, path)), "naam")
            if naam is None or naam == last:
                continue
            if not (last in names and naam in names):
                start = index
            last = naam
    return start if last in names else None


def record_changes(
    commits: Sequence[Commit], data_prefix: str, read: Callable[[str, str], bytes | None], start: int
) -> list[RecordChange]:
    """What each commit (given newest first) after ``commits[start]``, where the region's history
    starts (:func:`region_start`), did to the records; oldest first. The commits up to the start
    only give each record's last version before it.

    ``read(rev, path)`` gives the bytes of a file in a commit (None when it cannot).
    """
    titles: dict[str, str | None] = {}  # path -> its title in the last commit that touched it
    found: list[RecordChange] = []
    for index in range(len(commits) - 1, -1, -1):
        commit = commits[index]
        for status, path in commit.files:
            place = _record_file(path, data_prefix)
            if place is None:
                continue
            if index >= start:
                if status == "D":
                    titles.pop(path, None)
                else:
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


def wanted_versions(commits: Iterable[Commit], data_prefix: str, *, records: bool = True) -> list[tuple[str, str]]:
    """(commit, path) of every version of regio.yaml and (with ``records``) of every record file
    that a commit added or changed: what :func:`region_start` and :func:`record_changes` read."""
    return [
        (commit.rev, path)
        for commit in commits
        for status, path in commit.files
        if status != "D"
        and (_region_file(path, data_prefix) or (records and _record_file(path, data_prefix) is not None))
    ]
