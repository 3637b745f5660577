"""No request leaves 127.0.0.1: not for fonts, scripts, images or the search, on any page of any
region. The site therefore works offline. Without JavaScript the pages still show their content.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from .browsing import HOST, local


def test_no_page_asks_another_host_for_anything(scanned) -> None:
    """Recorded while the accessibility scan loaded every page, in both palettes and sizes."""
    outside = [url for url in scanned.requests if not local(url)]
    assert not outside, "verzoeken naar een andere host:\n" + "\n".join(sorted(set(outside)))
    # the recording works: the theme's own files came from the local server
    assert any(url.endswith(".css") for url in scanned.requests)
    assert any(url.endswith(".js") for url in scanned.requests)


def _rare_word(site) -> tuple[str, str]:
    """A long word from the title of an opgave that no other opgave has in its title, and that opgave."""
    titles = {o.id: o.titel for o in site.model.opgaven}
    for id_, title in titles.items():
        for word in sorted(re.findall(r"[^\W\d_]{7,}", title), key=len, reverse=True):
            if not any(word.lower() in other.lower() for key, other in titles.items() if key != id_):
                return word, id_
    raise AssertionError("geen opgave met een eigen woord in de titel")


def test_search_works_offline(open_tab, served) -> None:
    site = served["data"]
    word, opgave = _rare_word(site)
    tab = open_tab()
    tab.open(site.address(""))
    page = tab.page
    # typed key by key, as a reader does: Material reads the query on keyup (and when its worker is
    # ready), not on the input event of fill(), so a fill() after the worker was ready went unread
    page.locator(".md-search__input").press_sequentially(word.lower())
    results = page.locator(".md-search-result__item a, a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    found = {urlsplit(urljoin(page.url, href)).path for href in hrefs}
    assert f"/agenda/{opgave}/" in found, f"zoeken op {word!r} vindt de opgave niet: {sorted(found)}"
    # the index was fetched by the search's web worker, and that request was recorded too
    assert any(url.endswith("search/search_index.json") for url in tab.requests), tab.requests
    assert all(urlsplit(url).hostname == HOST for url in results.evaluate_all("links => links.map(a => a.href)"))
    assert not tab.outside(), "verzoeken naar een andere host:\n" + "\n".join(sorted(set(tab.outside())))


def test_pages_show_their_content_without_javascript(open_tab, served) -> None:
    site = served["data"]
    model = site.model
    tab = open_tab(javascript=False)
    pages = ["", "agenda/", "organisatie/", f"agenda/{model.opgaven[0].id}/"]
    pages += [f"pilots/{p.id}/" for p in model.pilots if p.indicatoren][:1]
    for address in pages:
        tab.open(site.address(address))
        page = tab.page
        assert page.evaluate("() => window.__md_scope === undefined"), "de scripts van de pagina liepen toch"
        assert page.locator("h1").is_visible(), f"/{address}: geen kop te zien"
        assert len(page.locator(".md-content").inner_text()) > 200, f"/{address}: de inhoud is leeg"
    tab.open(site.address("agenda/"))
    cards = tab.page.locator('.agenda-board[data-board="opgaven"] .agenda-card')
    assert cards.count() == len(model.opgaven)
    assert all(cards.nth(n).is_visible() for n in range(cards.count()))
    assert not tab.outside()
