"""The site's own search (Material's, lunr.js in a web worker) on the real data, typed as a reader
does: the first results of a query are the records it is about, each shown with its samenvatting;
each begrip is an entry of its own; the lists that repeat the records are not found."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest

QUERIES = {
    # the title says '(wijk)teams': found as 'wijkteams' too
    "wijkteam": ["/agenda/samenwerkingsafspraken/"],
    "OSJ": ["/agenda/osj/", "/pilots/osj/"],
    "thuiszitters": ["/agenda/thuiszitterspact/", "/agenda/voorkomen-thuiszitters/"],
}
# every result (li), as its page and the entries shown under it: (address, title, text)
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
  [...item.querySelectorAll('a.md-search-result__link')].map(a => [
    a.getAttribute('href'),
    a.querySelector('h1, h2').textContent.trim(),
    [...a.querySelectorAll('article > p, article > ul, article > ol')].map(p => p.textContent).join(' ').trim(),
  ]))"""


def _path(page_url: str, href: str) -> str:
    parts = urlsplit(urljoin(page_url, href))
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.fixture
def search(open_tab, served):
    """``search(query)`` -> the results of the real search on the real data, in their order."""
    site = served["data"]
    tab = open_tab()
    tab.open(site.address(""))
    page = tab.page
    field = page.locator(".md-search__input")
    field.click()
    meta = page.locator(".md-search-result__meta")

    def run(query: str) -> list[list[tuple[str, str, str]]]:
        # one query, once the worker is ready: the value set at once, read on one key's keyup
        field.fill("")
        field.press("End")
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent === 'Typ om te beginnen met zoeken'")
        field.fill(query)
        field.press("End")
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent !== 'Typ om te beginnen met zoeken'")
        assert meta.text_content() != "Geen overeenkomende documenten", query
        return [[(_path(page.url, href), title, text) for href, title, text in item] for item in page.evaluate(RESULTS)]

    return run


@pytest.mark.parametrize("query", list(QUERIES))
def test_a_query_finds_its_records_first(search, query: str) -> None:
    pages = [item[0][0] for item in search(query)]
    expected = QUERIES[query]
    assert sorted(pages[: len(expected)]) == sorted(expected), f"{query!r}: {pages[:3]}"


def test_a_record_is_shown_with_its_samenvatting(search, served) -> None:
    model = served["data"].model
    opgave = next(o for o in model.opgaven if o.id == "samenwerkingsafspraken")
    first = search("wijkteam")[0]
    address, title, text = first[0]
    assert (address, title) == ("/agenda/samenwerkingsafspraken/", opgave.titel)
    assert " ".join(text.split()) == " ".join(opgave.samenvatting.split())
    assert "Alle opgaven" not in json.dumps(search("thuiszitters"))


def test_each_begrip_is_an_entry_of_its_own(search, served) -> None:
    model = served["data"].model
    begrip = next(b for b in model.begrippen.begrippen if b.term == "Individuele beschikking")
    results = search("beschikking")
    entries = [entry for item in results for entry in item if entry[0].startswith("/begrippen/#")]
    assert ("/begrippen/#begrip-individuele-beschikking", begrip.term) in [(a, t) for a, t, _ in entries]
    index = json.loads((served["data"].root / "search" / "search_index.json").read_text(encoding="utf-8"))
    glossary_entries = [d for d in index["docs"] if d["location"].startswith("begrippen/#begrip-")]
    assert len(glossary_entries) == len(model.begrippen.begrippen)
    # the sources under each begrip are not searched: they repeat under many begrippen
    assert not [d["location"] for d in glossary_entries if "Bron" in d["text"]]


def test_the_lists_that_repeat_the_records_are_not_found(search) -> None:
    """The board and the groups of the agenda list every opgave again; the record is found."""
    for query in QUERIES:
        pages = [item[0][0] for item in search(query)]
        assert "/agenda/" not in pages and "/pilots/" not in pages, (query, pages)

