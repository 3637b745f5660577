"""The agenda page is the board, and its filter (docs/javascripts/agenda-filter.js) narrows everything
on the page: the cards, the count of each column and the count above the board; on a grouping page
it narrows each list and hides the groups left empty. The choice is kept in the address, so that a
narrowed view can be shared and survives a reload. Without JavaScript the form stays hidden, the
board shows every opgave and the grouping pages linked above it do the narrowing.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from agenda.model import Opgave
from agenda.render.parts import slug

from .browsing import AXE_OPTIONS, PALETTES, RUN_AXE, VIEWPORTS

# what the page shows, read the way a reader sees it: only what is visible
VISIBLE_CARDS = """() => [...document.querySelectorAll('.agenda-board[data-board="opgaven"] .agenda-card')]
  .filter(card => card.offsetParent !== null)
  .map(card => card.querySelector('.agenda-card__title a').getAttribute('href'))"""
COLUMN_COUNTS = """() => Object.fromEntries([...document.querySelectorAll('.agenda-column')]
  .map(column => [column.querySelector('h2').id, column.querySelector('.agenda-column__count').textContent]))"""


def _cards(tab) -> list[str]:
    return sorted(href.strip("/") for href in tab.page.evaluate(VISIBLE_CARDS))


def _expected_counts(opgaven: list[Opgave]) -> dict[str, str]:
    statuses = ("verkennend", "in ontwikkeling", "in uitvoering", "bereikt")
    return {f"opgaven-{slug(s)}": str(sum(1 for o in opgaven if o.status == s)) for s in statuses}


def _query(tab) -> dict[str, list[str]]:
    """The query of the address as the page has it now (page.url learns of replaceState later)."""
    return parse_qs(tab.page.evaluate("() => location.search").removeprefix("?"))


def test_a_filter_in_the_address_narrows_the_board_and_survives_a_reload(open_tab, served) -> None:
    site = served["data"]
    chosen = [o for o in site.model.opgaven if o.niveau == "regionaal"]
    assert 1 < len(chosen) < len(site.model.opgaven)
    tab = open_tab()
    tab.open(site.address("agenda/?niveau=regionaal"))
    form = tab.page.locator("form.agenda-filter")
    assert form.is_visible()
    assert form.locator('select[name="niveau"]').input_value() == "regionaal"
    for _ in range(2):  # as opened, and after a reload
        assert _cards(tab) == sorted(o.id for o in chosen)
        assert tab.page.evaluate(COLUMN_COUNTS) == _expected_counts(chosen)
        count = len(site.model.opgaven)
        assert form.locator(".agenda-filter__count").inner_text() == f"{len(chosen)} van de {count} opgaven"
        tab.page.reload(wait_until="load")

    # a word narrows further, and goes into the address with the niveau
    (osj,) = [o for o in chosen if "(OSJ)" in o.titel]
    form.locator('input[name="tekst"]').fill("osj")
    assert _query(tab) == {"niveau": ["regionaal"], "tekst": ["osj"]}
    assert _cards(tab) == [osj.id]
    tab.page.reload(wait_until="load")
    assert form.locator('input[name="tekst"]').input_value() == "osj"
    assert _cards(tab) == [osj.id]
    assert tab.page.evaluate(COLUMN_COUNTS) == _expected_counts([osj])
    # the card of the OSJ opgave names its pilot: one subject
    card = tab.page.locator(".agenda-card:visible")
    assert card.locator("dt", has_text="Pilot").is_visible()
    assert card.locator('a[href$="pilots/osj/"]').is_visible()

    # choosing in the form changes the address; 'Alles tonen' empties both
    form.locator('select[name="trekker"]').select_option("stuurgroep-osj")
    assert _query(tab) == {"niveau": ["regionaal"], "trekker": ["stuurgroep-osj"], "tekst": ["osj"]}
    form.get_by_role("button", name="Alles tonen").click()
    tab.page.wait_for_function("() => location.search === ''")
    assert _cards(tab) == sorted(o.id for o in site.model.opgaven)


def test_a_value_this_page_does_not_have_is_ignored(open_tab, served) -> None:
    site = served["data"]
    tab = open_tab()
    tab.open(site.address("agenda/?trekker=geen-gremium&thema=ook-niet"))
    assert _cards(tab) == sorted(o.id for o in site.model.opgaven)
    assert tab.page.locator('select[name="trekker"]').input_value() == ""


def test_on_a_grouping_page_the_filter_narrows_every_list(open_tab, served) -> None:
    site = served["data"]
    tab = open_tab()
    tab.open(site.address("agenda/per/gremium/?niveau=regionaal"))
    page = tab.page
    items = page.locator("li.agenda-item")
    shown = [items.nth(n) for n in range(items.count()) if items.nth(n).is_visible()]
    assert shown and all(item.get_attribute("data-niveau") == "regionaal" for item in shown)
    assert len(shown) < items.count()
    # each group's heading counts what is left; a group with nothing left is hidden with its heading
    for heading in page.locator("h2[id^='gremium-']").all():
        group = page.locator(f"#{heading.get_attribute('id')} + ul.agenda-items")
        left = group.locator("li.agenda-item:visible").count()
        assert heading.is_visible() is (left > 0)
        if left:
            assert heading.inner_text().replace("¶", "").strip().endswith(f"({left})")
    regional = {o.id for o in site.model.opgaven if o.niveau == "regionaal"}
    count = len(site.model.opgaven)
    assert page.locator(".agenda-filter__count").inner_text() == f"{len(regional)} van de {count} opgaven"


def test_without_javascript_the_board_shows_every_opgave_and_links_the_groupings(open_tab, served) -> None:
    site = served["data"]
    tab = open_tab(javascript=False)
    tab.open(site.address("agenda/?niveau=regionaal"))  # a shared address: without the script, all is shown
    page = tab.page
    assert not page.locator("form.agenda-filter").is_visible()
    assert _cards(tab) == sorted(o.id for o in site.model.opgaven)
    # the legend comes before the board
    legend = page.locator(".agenda-legend")
    assert legend.is_visible()
    assert legend.evaluate("(el) => el.compareDocumentPosition(document.querySelector('.agenda-board')) & 4") == 4
    links = page.locator(".md-content a[href^='per/']")
    assert [links.nth(n).get_attribute("href") for n in range(links.count())] == [
        "per/niveau/", "per/trekker/", "per/gremium/"]
    links.first.click()
    assert page.locator("h1").inner_text().replace("¶", "").strip() == "Opgaven per niveau"
    assert page.locator("li.agenda-item").count() == len(site.model.opgaven)
    assert all(item.is_visible() for item in page.locator("li.agenda-item").all())


def test_the_narrowed_pages_meet_wcag_a_and_aa(browser, axe_source, served) -> None:
    """axe-core on the agenda page and a grouping page with the filter shown and narrowing, in both
    palettes on both screen sizes (the whole site is scanned by test_a11y.py)."""
    from .browsing import new_tab

    site = served["data"]
    tab = new_tab(browser, script=axe_source)
    found = []
    try:
        for address in ("agenda/?niveau=regionaal&tekst=osj", "agenda/per/trekker/?niveau=regionaal"):
            tab.open(site.address(address))
            assert tab.page.locator("form.agenda-filter").is_visible()
            for viewport in VIEWPORTS:
                for palette in PALETTES:
                    tab.show(palette=palette, viewport=viewport)
                    found += [(address, palette, viewport, v["id"], v["targets"][:3])
                              for v in tab.page.evaluate(RUN_AXE, AXE_OPTIONS)]
    finally:
        tab.context.close()
    assert not found, found


def test_on_a_phone_the_filter_does_not_make_the_page_scroll_sideways(open_tab, served) -> None:
    """The region with themas, whose long names widen a select."""
    site = served["alkmaar"]
    tab = open_tab(viewport="telefoon")
    for address in ("agenda/", "agenda/per/thema/"):
        tab.open(site.address(address))
        assert tab.page.locator("form.agenda-filter").is_visible()
        width = tab.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= VIEWPORTS["telefoon"]["width"], f"/{address}: {width} px breed"
