"""What both adapters share: where the data is, and the checked model with its change dates.

The data folder is ``data`` next to mkdocs.yml, or the folder named by the environment
variable AGENDA_DATA (relative to mkdocs.yml), so the same site can be built for another region.
The model is loaded once per build: the MkDocs hook and the macros module ask for the same
folder, and get the same :class:`Site` until a file in it changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..git import repository_root
from ..gitdates import last_commit_dates
from ..loader import load
from ..render.context import Site

DATA_ENV = "AGENDA_DATA"


class DataError(Exception):
    """The data has errors; the message lists them, one per line, in Dutch."""


@dataclass(frozen=True)
class Loaded:
    site: Site
    data_dir: Path
    root: Path  # the git work tree (or the project folder outside git)
    notes: tuple[str, ...]  # the validator's warnings


def data_dir(project_dir: str | Path) -> Path:
    return (Path(project_dir) / os.environ.get(DATA_ENV, "data")).resolve()


def _fingerprint(folder: Path) -> tuple:
    return tuple(
        sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file())
    )


_cache: dict[tuple, Loaded] = {}


def load_site(project_dir: str | Path, directory_urls: bool) -> Loaded:
    """The site for the data folder of this project; raises DataError when the data has errors."""
    folder = data_dir(project_dir)
    if not folder.is_dir():
        raise DataError(f"De datamap '{folder}' bestaat niet. Zet {DATA_ENV} op een bestaande map.")
    today = date.today()  # for the review state (herziening); a new day makes a new site
    key = (folder, directory_urls, today, _fingerprint(folder))
    if key not in _cache:
        result = load(folder)
        if result.errors:
            lines = [p.format() for p in result.errors]
            raise DataError(
                f"De gegevens in {folder} bevatten {len(lines)} fout(en); de site is niet gebouwd:\n"
                + "\n".join(lines)
            )
        files = {name: Path(name).resolve() for name in result.model.bestanden.values()}
        dates = last_commit_dates(folder, files.values())
        site = Site(
            result.model,
            today=today,
            last_changed={name: dates[path] for name, path in files.items()},
            directory_urls=directory_urls,
        )
        root = repository_root(folder) or Path(project_dir).resolve()
        _cache.clear()
        _cache[key] = Loaded(site, folder, root, tuple(p.format() for p in result.warnings))
    return _cache[key]


def repository_path(loaded: Loaded, path: str | Path) -> str | None:
    """A file's path inside the repository (for the edit link), or None when it is outside."""
    try:
        return Path(path).resolve().relative_to(loaded.root).as_posix()
    except ValueError:
        return None
