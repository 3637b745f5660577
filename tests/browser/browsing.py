"""What the browser tests share: the regions, screen sizes and palettes, the local web server,
and a browser tab that records every request. The fixtures are in conftest.py."""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from agenda.model import Model

REPO = Path(__file__).resolve().parents[2]
REGIONS = {"data": REPO / "data", "alkmaar": REPO / "tests" / "regio_alkmaar"}
HOST = "127.0.0.1"
REQUIRE_ENV = "AGENDA_REQUIRE_BROWSER"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"breed": {"width": 1280, "height": 900}, "telefoon": {"width": 375, "height": 740}}
PALETTES = {"licht": "default", "donker": "slate"}
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def unavailable(reason: str) -> None:
    """Skip, with the reason in the -ra summary; fail instead when the browser tests are required."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1: de browsertests mogen niet worden overgeslagen)", pytrace=False)
    pytest.skip(f"browsertest overgeslagen: {reason}")


# -- the site, served ----------------------------------------------------------------------------------


@dataclass
class Served:
    name: str
    root: Path
    url: str  # ends with /
    model: Model
    pages: list[str] = field(default_factory=list)  # every page, as a path below url

    def address(self, page: str) -> str:
        return self.url + page


def page_paths(root: Path) -> list[str]:
    """Every HTML file of the site, as the address a visitor uses (folder/ for folder/index.html)."""
    paths = []
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer((HOST, 0), functools.partial(_QuietHandler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{HOST}:{server.server_address[1]}/"


@dataclass
class Tab:
    """One page in its own browser context, and every request that context made."""

    page: object  # playwright.sync_api.Page
    palette: str
    requests: list[str]

    def open(self, url: str) -> None:
        """Load a page and show it in the tab's palette."""
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response.status if response else 'geen antwoord'}"
        # what is tested is the page at rest, not a frame of the theme's fades after a switch
        self.page.add_style_tag(content="*, ::before, ::after { transition: none !important; }")
        self.show(palette=self.palette)

    def show(self, palette: str | None = None, viewport: str | None = None) -> None:
        """Switch the loaded page to a palette (as Material's toggle does) or a screen size."""
        if viewport:
            self.page.set_viewport_size(VIEWPORTS[viewport])
        if palette:
            self.palette = palette
            self.page.emulate_media(color_scheme="dark" if palette == "donker" else "light")
            scheme = PALETTES[palette]
            self.page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        # let the theme's scripts react to the new size before anything is measured
        self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")

    def outside(self) -> list[str]:
        """The requests to another host than 127.0.0.1 (data: and blob: stay inside the page)."""
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != HOST]
