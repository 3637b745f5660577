"""Check the links of a built site: internal ones offline, external ones over the network.

The internal check reads every HTML file of the site folder and verifies
that every ``href``, ``src`` and ``xlink:href`` that stays on the site points
at a file that exists, and that its anchor (``#id``) exists on that page. A
link to a folder (``foo/``, or ``foo`` when it is a folder) means its
``index.html``, as MkDocs writes them with ``use_directory_urls``. A
root-relative link (``/foo/``) is read from the root of the site folder.

The external check collects the http(s) links to other hosts and asks each
host for them (HEAD, else GET). It needs the network, so CI runs it on a
schedule rather than on every change.
"""

from __future__ import annotations

import posixpath
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRIBUTES = {"href", "src", "xlink:href"}
_WEB_SCHEMES = {"http", "https"}


@dataclass(frozen=True, order=True)
class LinkProblem:
    """A link that does not work: on which page, the link as written, and why (in Dutch)."""

    page: str
    link: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.link}: {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in _LINK_ATTRIBUTES:
                self.links.append(value.strip())


@dataclass(frozen=True)
class _Page:
    ids: frozenset[str]
    links: tuple[str, ...]


class Site:
    """The HTML pages of a built site folder, each parsed once."""

    def __init__(self, root: Path):
        self.root = root
        self._parsed: dict[str, _Page] = {}

    def pages(self) -> list[str]:
        """Every HTML page, as a path relative to the site folder ('agenda/index.html')."""
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.html"))

    def page(self, rel: str) -> _Page:
        if rel not in self._parsed:
            parser = _PageParser()
            parser.feed((self.root / rel).read_text(encoding="utf-8", errors="replace"))
            parser.close()
            self._parsed[rel] = _Page(frozenset(parser.ids), tuple(parser.links))
        return self._parsed[rel]


def check_internal(root: Path) -> list[LinkProblem]:
    """Every internal link or anchor in the site at ``root`` that does not resolve."""
    site = Site(root)
    problems = {
        LinkProblem(page, link, reason)
        for page in site.pages()
        for link in site.page(page).links
        if (reason := _internal_problem(site, page, link)) is not None
    }
    return sorted(problems)


def _internal_problem(site: Site, page: str, link: str) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # another host, or mailto:, tel:, data:, javascript: ...
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target = page
    else:
        if path.startswith("/"):
            joined = path.lstrip("/")
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
        target = posixpath.normpath(joined) if joined else "."
        if target == ".." or target.startswith("../"):
            return "de link wijst naar een plek buiten de site."
        if target == ".":
            target = ""
        if path.endswith("/") or (site.root / target).is_dir():
            target = posixpath.join(target, "index.html")
    if not (site.root / target).is_file():
        what = "de pagina" if target.endswith(".html") else "het bestand"
        return f"{what} '{target}' bestaat niet."
    if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
        where = "deze pagina" if target == page else f"'{target}'"
        return f"het anker '#{fragment}' bestaat niet op {where}."
    return None


# --- external links ----------------------------------------------------------------


def collect_external(root: Path, ignore_hosts: Iterable[str] = ()) -> dict[str, list[str]]:
    """Every http(s) link to another host, with the pages it is on (sorted)."""
    ignored = {host.lower() for host in ignore_hosts}
    site = Site(root)
    found: dict[str, set[str]] = {}
    for page in site.pages():
        for link in site.page(page).links:
            parts = urlsplit(link)
            if parts.scheme.lower() in _WEB_SCHEMES and parts.hostname and parts.hostname not in ignored:
                found.setdefault(parts._replace(fragment="").geturl(), set()).add(page)
    return {url: sorted(pages) for url, pages in sorted(found.items())}


Fetch = Callable[[str, float], str | None]


def fetch(url: str, timeout: float) -> str | None:
    """Why ``url`` does not work (in Dutch), or None when it answers with a success."""
    status: int | None = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": "samenwerkingsagenda-linkcontrole"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as exc:
            status = exc.code  # some servers refuse HEAD: try GET before judging
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                return f"geen antwoord binnen {timeout:g} seconden."
            return f"de server is niet bereikbaar ({reason})."
    return f"de server antwoordt met HTTP-status {status}."


def check_external(
    links: dict[str, list[str]], timeout: float = 15.0, fetcher: Fetch = fetch, workers: int = 8
) -> list[LinkProblem]:
    """Ask for every link in ``links`` (url -> pages); a problem per page for each one that fails."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        reasons = dict(zip(links, pool.map(lambda url: fetcher(url, timeout), links)))
    return sorted(
        LinkProblem(page, url, reason)
        for url, reason in reasons.items()
        if reason is not None
        for page in links[url]
    )
