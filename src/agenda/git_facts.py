"""What a build learns from git about the data folder: the date of each file's last commit, and
the history of the data (agenda.data_changes), both read through agenda.git.

Outside a git work tree there is no history, and in a shallow clone (CI's default) only part of
it: then the history is "not available" rather than wrong (the oldest commit of a shallow clone
would show every file as new). The date of the data is still the date of the newest commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import git
from .data_changes import DataHistory, parse_log, record_changes, wanted_versions

_NOT_IN_GIT = "De gegevens staan niet in een git-repository."


def change_dates(data_dir: Path, names: Iterable[str]) -> dict[str, date | None]:
    """Each data file (by its name, as in Model.bestanden) with the date of its last commit."""
    files = {name: Path(name).resolve() for name in names}
    dates = git.last_commit_dates(data_dir, files.values())
    return {name: dates[path] for name, path in files.items()}


def data_history(data_dir: Path) -> DataHistory:
    """The history of ``data_dir`` in its git repository."""
    root = git.repository_root(data_dir)
    if root is None:
        return DataHistory(None, None, _NOT_IN_GIT)
    try:
        prefix = data_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return DataHistory(None, None, _NOT_IN_GIT)
    commits = parse_log(git.data_log(root, prefix))
    if not commits:
        return DataHistory(None, None, "De gegevens zijn nog niet vastgelegd in git.")
    data_date = commits[0].day
    if git.is_shallow(root):
        return DataHistory(
            data_date, None,
            "Deze kopie van de repository heeft maar een deel van de geschiedenis (een 'shallow clone').",
        )
    prefix = "" if prefix == "." else prefix
    versions = git.file_versions(root, wanted_versions(commits, prefix))
    return DataHistory(data_date, tuple(record_changes(commits, prefix, lambda rev, path: versions.get((rev, path)))))
