"""The page "Versies van de schema's": every version of the schemas, newest first, with its date
and what changed (agenda.schema_versions)."""

from __future__ import annotations

from ..dates import dutch_date
from ..schema_versions import versions
from .markup import Markup, blocks, bullets, heading


def schema_versions() -> Markup:
    return blocks(
        part
        for version in versions()
        for part in (
            heading(
                2,
                f"Versie {version.versie} ({dutch_date(version.datum)})",
                "versie-" + version.versie.replace(".", "-"),
            ),
            bullets(version.wijzigingen),
        )
    )
