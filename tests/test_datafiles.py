"""Only regular files inside the data folder are data: a link, a FIFO, a device file or a socket
is refused with its path, never followed or opened; a file's size is checked before it is read."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO
from gitrepo import GitRepo

from agenda.datafiles import NotData, read

VALIDATE = REPO / "scripts" / "validate.py"
RECORD = "data/agenda/leerlingenvervoer.yaml"

LINK = (
    "dit is een symbolische link (naar '{}'), geen gewoon bestand. Een link wordt nooit gevolgd: "
    "zet het echte bestand of de echte map op deze plek, of verwijder de link."
)
OTHER = (
    "dit is {}, geen gewoon bestand. Alleen gewone bestanden worden gelezen: zet er een gewoon bestand "
    "voor in de plaats, of verwijder het."
)


def _data_folder(path: Path) -> Path:
    return next(folder for folder in path.parents if folder.name == "data")


def _link_to(path: Path, target: Path | str) -> str:
    path.unlink(missing_ok=True)
    path.symlink_to(target)
    return LINK.format(target)


def _link_to_a_valid_file_outside(path: Path) -> str:
    outside = _data_folder(path).parent / "buiten.yaml"
    if path.exists():
        shutil.copy(path, outside)  # the same, valid content: followed, it would pass
    else:
        outside.write_text("regel\n", encoding="utf-8")
    return _link_to(path, outside)


def _link_to_a_data_file_inside(path: Path) -> str:
    return _link_to(path, _data_folder(path) / "visie.yaml")


def _link(target: str) -> Callable[[Path], str]:
    return lambda path: _link_to(path, target)


def _fifo(path: Path) -> str:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return OTHER.format("een named pipe (FIFO)")


def _device(path: Path) -> str:
    path.unlink(missing_ok=True)
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # the numbers of /dev/zero
    except (PermissionError, AttributeError):
        pytest.skip("a device file can only be made by root (and not on every system)")
    return OTHER.format("een apparaatbestand")


def _socket(path: Path) -> str:
    path.unlink(missing_ok=True)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(os.path.relpath(path))  # relative: an absolute path may be too long for a socket
    return OTHER.format("een socket")


KINDS = {
    "link-to-a-valid-file-outside": _link_to_a_valid_file_outside,
    "link-to-a-folder": _link("/tmp"),
    "link-to-dev-zero": _link("/dev/zero"),
    "dangling-link": _link("/nergens/verwijderd.yaml"),
    "link-to-a-data-file-inside": _link_to_a_data_file_inside,
    "fifo": _fifo,
    "device-file": _device,
    "socket": _socket,
}
# a single file, a record (other files refer to it), and a place where no data belongs
PLACES = ("begrippen.yaml", "agenda/thuiszitters.yaml", "notities")


@pytest.mark.timeout(30)  # nothing may be opened: a FIFO would wait for a writer, /dev/zero never ends
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_entry_that_is_not_a_regular_file_is_refused_with_its_path(region, kind: str, place: str):
    message = KINDS[kind](region.data / place)
    assert region.messages() == [f"data/{place}:1: (bestand): {message}"]


def test_a_data_folder_that_is_a_link_is_not_followed(region, tmp_path: Path):
    elsewhere = tmp_path / "elders"
    (region.data / "agenda").rename(elsewhere)
    (region.data / "agenda").symlink_to(elsewhere)
    messages = region.messages()
    assert f"data/agenda:1: (bestand): {LINK.format(elsewhere)}" in messages
    assert not any(message.startswith("data/agenda/") for message in messages), messages


@pytest.mark.timeout(30)
def test_the_size_is_checked_before_a_byte_is_read(region):
    path = region.data / "agenda" / "thuiszitters.yaml"
    with path.open("r+b") as handle:
        handle.truncate(2**40)  # a sparse terabyte: reading it would exhaust the memory
    started = time.monotonic()
    assert region.messages() == [
        "data/agenda/thuiszitters.yaml:1: (bestand): het bestand is te groot (1.099.511.627.776 bytes, "
        "maximaal 1.000.000). Splits het op in kleinere bestanden."
    ]
    assert time.monotonic() - started < 10


@pytest.mark.timeout(30)
def test_reading_never_follows_a_link_nor_waits_on_a_fifo(tmp_path: Path):
    target = tmp_path / "echt.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(target)
    os.mkfifo(tmp_path / "fifo.yaml")
    with pytest.raises(NotData):
        read(tmp_path / "link.yaml", "link.yaml")  # a link put in place after the walk
    with pytest.raises(NotData, match="named pipe"):
        read(tmp_path / "fifo.yaml", "fifo.yaml")
    assert read(target, "echt.yaml") == b"a: 1\n"


@pytest.mark.parametrize("kind", ["dangling-link", "link-to-a-folder", "fifo"])
def test_a_record_replaced_by_a_non_regular_entry_fails_also_with_base(tmp_path: Path, kind: str):
    repo = GitRepo(tmp_path / "repo")
    repo.commit("begin")
    message = KINDS[kind](repo.root / RECORD)
    done = subprocess.run(
        [sys.executable, str(VALIDATE), "data", "--base", "HEAD"],
        cwd=repo.root, capture_output=True, text=True, timeout=60, check=False,
    )
    # present but invalid: refused as what it is, and not taken for a removed record
    assert done.returncode == 1
    assert done.stdout.splitlines()[:-1] == [f"{RECORD}:1: (bestand): {message}"]
