"""What the browser tests share: the regions, screen sizes and palettes, the local web server,
and a browser tab that records every request. The fixtures are in conftest.py."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from agenda.model import Model

REPO = Path(__file__).resolve().parents[2]
REGIONS = {"data": REPO / "data", "alkmaar": REPO / "tests" / "regio_alkmaar"}
HOST = "127.0.0.1"
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
# Two animation frames, so that the theme's scripts have reacted; at most half a second, since a
# page that paints no frames would otherwise never answer (Playwright's evaluate has no timeout).
NEXT_FRAMES = ("new Promise(done => { requestAnimationFrame(() => requestAnimationFrame(done));"
               " setTimeout(done, 500); })")


def local(url: str) -> bool:
    """A request to the local server, or one that stays inside the page (data: and blob:)."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname == HOST


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

    def file(self, page: str) -> Path:
        """The HTML file that the server sends for a page."""
        return self.root / page / "index.html" if not page.endswith(".html") else self.root / page


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

    context: object  # playwright.sync_api.BrowserContext
    page: object  # playwright.sync_api.Page
    palette: str
    javascript: bool
    requests: list[str]

    def open(self, url: str) -> None:
        """Load a page and show it in the tab's palette (without JavaScript: as it comes)."""
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response.status if response else 'geen antwoord'}"
        if self.javascript:
            # what is tested is the page at rest, not a frame of the theme's fades after a switch
            self.page.evaluate(
                "css => document.head.append(Object.assign(document.createElement('style'), {textContent: css}))",
                "*, ::before, ::after { transition: none !important; }",
            )
            self.show(palette=self.palette)

    def show(self, palette: str | None = None, viewport: str | None = None) -> None:
        """Switch the loaded page to a palette (as Material's toggle does) or a screen size."""
        if viewport and self.page.viewport_size != VIEWPORTS[viewport]:
            self.page.set_viewport_size(VIEWPORTS[viewport])
        if palette:
            self.palette = palette
            self.page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)",
                               PALETTES[palette])
        # let the theme's scripts react to the new size before anything is measured
        self.page.evaluate(f"() => {NEXT_FRAMES}")

    def outside(self) -> list[str]:
        """The requests to another host than 127.0.0.1."""
        return [url for url in self.requests if not local(url)]


def new_tab(browser, viewport: str = "breed", palette: str = "licht", javascript: bool = True,
            script: str = "", mobile: bool = False) -> Tab:
    """A tab in a new context of the browser; ``script`` runs in every page before its own scripts.
    ``mobile``: as a phone's browser, which widens the page to fit what sticks out and takes touch.

    Every request is recorded, also those of the search's web worker.
    """
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        is_mobile=mobile,
        has_touch=mobile,
        color_scheme="dark" if palette == "donker" else "light",
        java_script_enabled=javascript,
        service_workers="block",
    )
    context.set_default_timeout(20_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    if script:
        context.add_init_script(script=script)
    return Tab(context, context.new_page(), palette, javascript, requests)


# -- the accessibility scan of a whole site ---------------------------------------------------------

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
RUN_AXE = """async (options) => {
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
    summary: v.nodes.length ? v.nodes[0].failureSummary : '',
  }));
}"""


@dataclass
class Scan:
    """What one walk over every page of a site found."""

    pages: int
    checks: int  # axe-core runs: every page in every palette on every screen size
    violations: list[tuple[str, dict]]  # (where, violation)
    requests: list[str]  # every request the browser made on the way


def scan(site: Served, browser, axe_source: str) -> Scan:
    """Load every page once, then run axe-core in each palette on each screen size."""
    tab = new_tab(browser, script=axe_source)
    try:
        violations, checks = [], 0
        for page in site.pages:
            tab.open(site.address(page))
            for viewport in VIEWPORTS:
                for palette in PALETTES:
                    tab.show(palette=palette, viewport=viewport)
                    checks += 1
                    for violation in tab.page.evaluate(RUN_AXE, AXE_OPTIONS):
                        violations.append((f"/{page} ({palette}, {viewport})", violation))
        return Scan(len(site.pages), checks, violations, list(tab.requests))
    finally:
        tab.context.close()
