"""One build, as both adapters share it: where the data is, the checked model as a
:class:`~agenda.site.Site` with its facts from git, what the build publishes, and what the MkDocs
hook keeps between its events.

The data folder is ``data`` next to mkdocs.yml, or the folder named by the environment
variable AGENDA_DATA (relative to mkdocs.yml), so the same site can be built for another region.

A :class:`Build` is made once per build, by the hook's on_config, and attached to the MkDocs
configuration, where the macros module (loaded apart from the hook by mkdocs-macros) finds it.
``mkdocs serve`` loads the configuration again for every rebuild, so a rebuild never sees the
state of the one before. Where no hook runs (Zensical runs only the macros' define_env) the
macros module makes the build itself.
"""

from __future__ import annotations

import os
from datetime import date
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from ..git import repository_root
from ..git_facts import change_dates, data_history
from ..loader import load
from ..published import Published, published
from ..site import Site
from .raw_html import Hidden

DATA_ENV = "AGENDA_DATA"
_ATTRIBUTE = "agenda_build"  # the configuration's attribute that holds its build
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0"})


class DataError(Exception):
    """The data has errors; the message lists them, one per line, in Dutch."""


def published_site_url(site_url: str | None, config_file: str | Path) -> str | None:
    """The address where the site is published: ``site_url``, except the local address that
    ``mkdocs serve`` puts in its place; then the ``site_url`` written in the configuration file
    (None when it has none)."""
    if not site_url or urlsplit(site_url).hostname not in _LOCAL_HOSTS:
        return site_url
    with open(config_file, encoding="utf-8") as file:
        return yaml_load(file).get("site_url") or None


def data_dir(project_dir: str | Path) -> Path:
    return (Path(project_dir) / os.environ.get(DATA_ENV, "data")).resolve()


class Build:
    """The state of one build; raises DataError when the data has errors."""

    def __init__(self, project_dir: str | Path, directory_urls: bool, site_url: str | None):
        folder = data_dir(project_dir)
        if not folder.is_dir():
            raise DataError(f"De datamap '{folder}' bestaat niet. Zet {DATA_ENV} op een bestaande map.")
        result = load(folder)
        if result.errors:
            lines = [p.format() for p in result.errors]
            raise DataError(
                f"De gegevens in {folder} bevatten {len(lines)} fout(en); de site is niet gebouwd:\n"
                + "\n".join(lines)
            )
        self.data_dir = folder
        history = data_history(folder, result.model.regio)
        self.site = Site(
            result.model,
            today=date.today(),  # for the review state (herziening) of each record
            last_changed=change_dates(folder, result.model.bestanden.values(), history.start),
            history=history,
            directory_urls=directory_urls,
        )
        self.site_url = site_url
        self.root = repository_root(folder) or Path(project_dir).resolve()  # the git work tree
        self.notes = tuple(p.format() for p in result.warnings)  # the validator's warnings
        self.generated: set[str] = set()  # the pages made from the data (the hook's on_files)
        self.hidden: dict[str, Hidden] = {}  # their HTML, between Markdown's start and end

    @classmethod
    def start(cls, config) -> Build:
        """A new build for this MkDocs configuration, attached to it."""
        site_url = published_site_url(config.site_url, config.config_file_path)
        build = cls(Path(config.config_file_path).parent, config.use_directory_urls, site_url)
        setattr(config, _ATTRIBUTE, build)
        return build

    @classmethod
    def of(cls, config) -> Build:
        """The build of this MkDocs configuration: the one started for it, else a new one."""
        return getattr(config, _ATTRIBUTE, None) or cls.start(config)

    @cached_property
    def published(self) -> Published:
        """The pages and files this build adds, made once (for the hook and the macros)."""
        return published(self.site, self.site_url)

    def repository_path(self, path: str | Path) -> str | None:
        """A file's path inside the repository (for the edit link), or None when it is outside."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None
