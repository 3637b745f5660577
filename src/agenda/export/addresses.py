"""Addresses of the site's pages for files that are read outside the site (feed, calendar, PDF).

With MkDocs' ``site_url`` the addresses are absolute. Without it no host is known (and none is
made up): the addresses are then relative to the root of the site, which is where the feed and
the calendar are published, so a feed reader resolves them against the feed's own address.
"""

from __future__ import annotations

from ..urls import page_url


class Addresses:
    def __init__(self, site_url: str | None, directory_urls: bool = True):
        self.base = site_url.rstrip("/") + "/" if site_url else None
        self.directory_urls = directory_urls

    @property
    def absolute(self) -> bool:
        return self.base is not None

    def file(self, path: str) -> str:
        """A file at ``path`` below the site root ('' for the root itself)."""
        if self.base:
            return self.base + path
        return path or "./"

    def page(self, src: str, anchor: str | None = None) -> str:
        """The page made from ``src`` (such as 'agenda/thuiszitters.md'), and an anchor on it."""
        return self.file(page_url(src, self.directory_urls)) + (f"#{anchor}" if anchor else "")
