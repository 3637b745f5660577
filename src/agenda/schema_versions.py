"""The versions of the schemas (schemas/versies.yaml, newest first): each with its date and
what changed, in Dutch. The newest is the version every schema file names in its keyword
"x-versie" and that data/alles.json names in "schemaversie"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import yaml

from .schemas import SCHEMA_DIR

VERSION_KEYWORD = "x-versie"  # JSON Schema 2020-12 treats an unknown keyword as an annotation
VERSIONS_FILE = SCHEMA_DIR / "versies.yaml"


@dataclass(frozen=True)
class SchemaVersion:
    versie: str
    datum: date
    wijzigingen: tuple[str, ...]


@cache
def versions() -> tuple[SchemaVersion, ...]:
    """Every version, newest first."""
    entries = yaml.safe_load(VERSIONS_FILE.read_text(encoding="utf-8"))
    return tuple(SchemaVersion(e["versie"], e["datum"], tuple(e["wijzigingen"])) for e in entries)


def current() -> SchemaVersion:
    return versions()[0]
