"""What a build learns from git about the data folder: the date of each file's last commit, and
the history of the data (agenda.data_changes), both read through agenda.git and both only of the
current region: from the commit where its history starts (agenda.data_changes.region_start), so
that a repository whose data replaced another region's shows nothing of that region.

Outside a git work tree there is no history, and in a shallow clone (CI's default) only part of
it: then the history is "not available" rather than wrong (the oldest commit of a shallow clone
would show every file as new). The date of the data is still the date of the newest commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import git
from .data_changes import DataHistory, parse_log, record_changes, region_start, wanted_versions
from .model import Regio

_NOT_IN_GIT = "De gegevens staan niet in een git-repository."


def change_dates(data_dir: Path, names: Iterable[str], start: str | None) -> dict[str, date | None]:
    """Each data file (by its name, as in Model.bestanden) with the date of its last commit since
    ``start``, the commit where the region's history starts (DataHistory.start); every date is
    None when the region has no history in git (``start`` None)."""
    files = {name: Path(name).resolve() for name in names}
    if start is None:
        return dict.fromkeys(files)
    dates = git.last_commit_dates(data_dir, files.values(), since=start)
    return {name: dates[path] for name, path in files.items()}


def data_history(data_dir: Path, regio: Regio) -> DataHistory:
    """The history of ``data_dir`` in its git repository, since the commit where the history of
    ``regio`` (the current region, from the model) starts."""
    root = git.repository_root(data_dir)
    if root is None:
        return DataHistory(None, None, _NOT_IN_GIT)
    try:
        prefix = data_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return DataHistory(None, None, _NOT_IN_GIT)
    commits = parse_log(git.data_log(root, prefix))
    prefix = "" if prefix == "." else prefix
    shallow = bool(commits) and git.is_shallow(root)
    versions = git.file_versions(root, wanted_versions(commits, prefix, records=not shallow))

    def read(rev: str, path: str) -> bytes | None:
        return versions.get((rev, path))

    start = region_start(commits, prefix, read, {regio.naam, *regio.eerdere_namen})
    if start is None:
        return DataHistory(None, None, "De gegevens zijn nog niet vastgelegd in git.")
    first = commits[start].rev
    if shallow:
        return DataHistory(
            commits[0].day, None,
            "Deze kopie van de repository heeft maar een deel van de geschiedenis (een 'shallow clone').",
            start=first,
        )
    return DataHistory(commits[0].day, tuple(record_changes(commits, prefix, read, start)), start=first)
