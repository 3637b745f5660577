"""The built site in a real browser: Debian's Chromium, driven by Playwright, with axe-core.

Each region is built once per session into a temporary folder (`mkdocs build --strict`) and
served on 127.0.0.1 at a free port. One browser serves the whole session; a test opens a
context (screen size, palette, JavaScript on or off) with one page, and reuses that page.

Without Chromium, Playwright or the pinned axe-core (`npm ci`) these tests are skipped with
the reason in the summary; with AGENDA_REQUIRE_BROWSER=1 (as in .ci/run) that is a failure.
Nothing is downloaded at test time: Playwright starts the system's Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
from skipping import unavailable

from agenda.loader import load

from .browsing import (
    AXE,
    CHROMIUM_ARGS,
    REGIONS,
    REPO,
    Scan,
    Served,
    Tab,
    new_tab,
    page_paths,
    scan,
    serve,
)


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Served]]:
    """Every region built (in parallel) and served; the server stops after the session."""
    started = {}
    for name, data in REGIONS.items():
        root = tmp_path_factory.mktemp(f"browser-site-{name}")
        env = {**os.environ, "AGENDA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
        started[name] = (data, root, subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        ))
    sites, servers = {}, []
    for name, (data, root, process) in started.items():
        log, _ = process.communicate()
        assert process.returncode == 0, log
        model = load(data).model
        assert model is not None
        server, url = serve(root)
        servers.append(server)
        sites[name] = Served(name, root, url, model, page_paths(root))
    yield sites
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(params=list(REGIONS))
def site(request, served: dict[str, Served]) -> Served:
    return served[request.param]


@pytest.fixture(scope="session")
def chromium() -> str:
    """The system's Chromium (Debian package 'chromium'); Playwright downloads nothing."""
    path = shutil.which("chromium")
    if path is None:
        unavailable("browsertest", "Chromium ontbreekt (installeer het Debian-pakket 'chromium')")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("browsertest", "Playwright ontbreekt (staat in requirements.lock: voer 'make setup' uit)")
    return path


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        except Error as error:
            unavailable("browsertest", f"Chromium ({chromium}) start niet: {error.message.splitlines()[0]}")
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script, at the version package.json pins."""
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    if not AXE.is_file():
        unavailable("browsertest", f"axe-core ontbreekt in {AXE.parent.relative_to(REPO)} (voer 'npm ci' uit)")
    installed = json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        unavailable("browsertest", f"axe-core {installed} is geïnstalleerd, package.json vraagt {pinned} (voer 'npm ci' uit)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def scans() -> dict[str, Scan]:
    """The scan of each region, made once, by the first test that asks for it."""
    return {}


@pytest.fixture
def scanned(scans: dict[str, Scan], browser, axe_source: str, site: Served) -> Scan:
    """The region walked page by page: axe-core in both palettes on both screen sizes, and every
    request the browser made on the way."""
    if site.name not in scans:
        scans[site.name] = scan(site, browser, axe_source)
    return scans[site.name]


@pytest.fixture
def open_tab(browser) -> Iterator:
    """``open_tab(viewport=..., palette=..., javascript=..., script=...)`` -> a Tab; closed after the test."""
    tabs: list[Tab] = []

    def make(**options) -> Tab:
        tabs.append(new_tab(browser, **options))
        return tabs[-1]

    yield make
    for tab in tabs:
        tab.context.close()
