"""A file the site publishes besides its pages (open data, schema, feed, calendar): made by
agenda.published, listed with its size on the page "Open data" (agenda.render.open_data)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Download:
    path: str  # below the site root
    content: bytes
    group: str  # 'json', 'csv', 'schema' or 'feed'
    description: str  # plain Dutch text
    fields: tuple[tuple[str, str], ...] = ()  # (field name, its title from the schema)
    schema: str | None = None  # the path of the schema its records follow, if one

    @property
    def size(self) -> int:
        return len(self.content)
