"""Which entries of a data folder are data: only regular files, and no link is ever followed.

The folder is walked without following links (``os.scandir`` answers from ``lstat``). A symbolic
link (to a file, to a folder, to a device such as /dev/zero, or dangling), a FIFO, a device file
or a socket is reported with its path and never opened; so is a folder where a data file belongs.
Such an entry still takes its place: a record there counts as present, but invalid. A data file is
opened without following a link, checked again on the open file, and its size is checked before a
byte is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .layout import FOLDERS, SINGLE_FILES
from .problems import Problem
from .yamlfile import MAX_BYTES, size_problem

# O_NOFOLLOW: a link put in place after the walk is not followed either. O_NONBLOCK: nor does a
# FIFO put there make the open wait. Windows has neither (nor FIFOs); the walk refuses links there.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)

_NOT_REGULAR = {
    stat.S_IFIFO: "een named pipe (FIFO)",
    stat.S_IFCHR: "een apparaatbestand",
    stat.S_IFBLK: "een apparaatbestand",
    stat.S_IFSOCK: "een socket",
}
_UNREADABLE = "dit bestand kan niet gelezen worden. Controleer of u het mag lezen."


def display_path(path: Path) -> str:
    """The path as printed in messages: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class DataFiles:
    """The data files of a folder by their place; None where the entry is no regular file."""

    single: dict[str, Path | None]  # kind -> its file; a kind that is not there is missing
    records: dict[str, dict[str, Path | None]]  # kind -> file stem -> its file
    problems: tuple[Problem, ...]  # every entry that is not data, and why


class NotData(Exception):
    """A data file that cannot be read as one; ``problem`` says why, in Dutch."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def scan(root: Path) -> DataFiles:
    """Every entry of the data folder ``root``, at any depth, without following a link."""
    single: dict[str, Path | None] = {}
    records: dict[str, dict[str, Path | None]] = {kind: {} for kind in FOLDERS.values()}
    problems: list[Problem] = []
    for rel, entry in _walk(root, problems):
        stem, suffix = os.path.splitext(entry.name)
        if len(rel) == 1 and entry.name in SINGLE_FILES:
            single[SINGLE_FILES[entry.name]] = _data_file(entry, problems)
        elif len(rel) == 2 and rel[0] in FOLDERS and suffix == ".yaml":
            records[FOLDERS[rel[0]]][stem] = _data_file(entry, problems)
        elif entry.is_file(follow_symlinks=False):
            problems.append(_problem(Path(entry.path), _stray_message(Path(*rel))))
        elif not entry.is_dir(follow_symlinks=False):  # the files in a folder are reported one by one
            problems.append(_not_regular(entry))
    return DataFiles(single, records, tuple(problems))


def read(path: Path, shown: str) -> bytes:
    """The bytes of the regular file at ``path`` (``shown`` in messages); NotData when it is none,
    too large or unreadable."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError:
        raise NotData(Problem(path=shown, line=1, field="", message=_UNREADABLE)) from None
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):  # put in place after the walk
            raise NotData(Problem(path=shown, line=1, field="", message=_not_regular_message(path, info.st_mode)))
        if too_large := size_problem(shown, info.st_size):
            raise NotData(too_large)
        return handle.read(MAX_BYTES + 1)  # a file that grows meanwhile is still refused as too large


def _walk(root: Path, problems: list[Problem]) -> Iterator[tuple[tuple[str, ...], os.DirEntry]]:
    """Every entry below ``root`` with its relative path, in name order; into real folders only."""
    pending: list[tuple[str, ...]] = [()]
    while pending:
        parts = pending.pop()
        folder = root.joinpath(*parts)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except FileNotFoundError:
            continue  # no data folder, or no such subfolder: the missing files are reported
        except OSError:
            problems.append(_problem(folder, "deze map kan niet gelezen worden. Controleer of u hem mag lezen."))
            continue
        for entry in entries:
            rel = parts + (entry.name,)
            if entry.is_dir(follow_symlinks=False):
                pending.append(rel)  # also a folder named like a data file: what is in it is reported
            yield rel, entry


def _data_file(entry: os.DirEntry, problems: list[Problem]) -> Path | None:
    """The path of the entry at the place of a data file when it is a regular file; else None, reported."""
    if entry.is_file(follow_symlinks=False):
        return Path(entry.path)
    problems.append(_not_regular(entry))
    return None


def _problem(path: Path, message: str) -> Problem:
    return Problem(path=display_path(path), line=1, field="", message=message)


def _not_regular(entry: os.DirEntry) -> Problem:
    path = Path(entry.path)
    return _problem(path, _not_regular_message(path, entry.stat(follow_symlinks=False).st_mode))


def _not_regular_message(path: Path, mode: int) -> str:
    if stat.S_ISDIR(mode):
        return (
            "dit is een map, geen bestand. Alleen gewone bestanden worden gelezen: zet de gegevens "
            "in een gewoon bestand met deze naam, of geef de map een andere naam."
        )
    if stat.S_ISLNK(mode):
        return (
            f"dit is een symbolische link (naar '{os.readlink(path)}'), geen gewoon bestand. Een link "
            "wordt nooit gevolgd: zet het echte bestand of de echte map op deze plek, of verwijder de link."
        )
    return (
        f"dit is {_NOT_REGULAR.get(stat.S_IFMT(mode), 'een bijzonder bestand')}, geen gewoon bestand. "
        "Alleen gewone bestanden worden gelezen: zet er een gewoon bestand voor in de plaats, of verwijder het."
    )


def _stray_message(rel: Path) -> str:
    if rel.suffix == ".yml":
        return "dit bestand wordt niet gelezen: de extensie moet .yaml zijn, niet .yml. Hernoem het bestand."
    places = ", ".join(list(SINGLE_FILES) + [f"{d}/*.yaml" for d in FOLDERS])
    return (
        "dit bestand wordt niet gelezen: het hoort niet in de datamap. Verplaats of verwijder het; "
        f"gelezen worden alleen {places}."
    )
