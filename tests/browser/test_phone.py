"""On a phone (375 px wide, as a phone's browser, with and without JavaScript): no page of any
region scrolls sideways, not even with a long word or web address in its text; the table of
contents of every page that has one can be reached; on each opgave and pilot page the summary
block is the first thing after the title.

Every page the build makes is walked (Served.pages), so pages added later are covered too.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from .browsing import VIEWPORTS

PHONE = VIEWPORTS["telefoon"]["width"]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])

# Nothing (null) when the page is as wide as the screen. Otherwise the page's width, the screen's
# (a phone's browser widens it to fit the page), and the first elements that stick out past the
# screen's right edge, not inside a box that scrolls or clips within the screen (a wide table in
# its scroll box is fine).
STICKING_OUT = """(screen) => {
  const page = document.documentElement.scrollWidth;
  if (page <= screen && innerWidth === screen) return null;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= screen + 0.5) continue;
    let held = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= screen + 0.5) {
        held = true;
        break;
      }
    }
    if (!held) out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}">`
                        + ` tot ${Math.round(box.right)} px`);
  }
  return {page, screen: innerWidth, out: out.slice(0, 5)};
}"""

# A long web address (no place to break it but anywhere) appended to every text of the content
# that data can fill: titles, paragraphs, list items, labels, values, links, captions. Not in a
# table (it scrolls in its own box), a chart or the organisation diagram (drawn to its size), or
# a status label (one of five fixed words).
LONG_WORD = "https://www.voorbeeld.nl/documenten/samenwerkingsagenda-passend-onderwijs-en-jeugdhulp-2021-2022.pdf"
APPEND_LONG_WORD = """(word) => {
  const texts = '.md-content :is(h1, h2, h3, h4, p, li, dt, dd, a, summary, figcaption)';
  for (const el of document.querySelectorAll(texts)) {
    if (!el.closest('table, svg, .agenda-status')) el.append(' ' + word);
  }
}"""


def _wider(tab, address: str) -> str | None:
    """What makes the page wider than the phone's screen, or None."""
    found = tab.page.evaluate(STICKING_OUT, PHONE)
    if found is None:
        return None
    return f"/{address}: {found['page']} px breed op een scherm van {PHONE} px: " + "; ".join(found["out"])


@JAVASCRIPT
def test_no_page_scrolls_sideways_on_a_phone(open_tab, site, javascript) -> None:
    """Every page as it is built, then with a long web address in every text, as the data may
    hold one anywhere (a title, a name, a source's address)."""
    tab = open_tab(viewport="telefoon", javascript=javascript, mobile=True)
    wide, wide_with_long_word = [], []
    for address in site.pages:
        tab.open(site.address(address))
        wide.append(_wider(tab, address))
        tab.page.evaluate(APPEND_LONG_WORD, LONG_WORD)
        wide_with_long_word.append(_wider(tab, address))
    assert len(site.pages) > 10
    wide = [w for w in wide if w]
    assert not wide, "\n".join(wide)
    wide_with_long_word = [w for w in wide_with_long_word if w]
    assert not wide_with_long_word, f"met {LONG_WORD} in elke tekst:\n" + "\n".join(wide_with_long_word)


def _contents(site, address: str) -> list[str]:
    """The links of the page's table of contents (the theme's sidebar on a wide screen)."""
    soup = BeautifulSoup(site.file(address).read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")]


def _visible_links(tab, container: str) -> list[str]:
    return tab.page.locator(f"{container} a").evaluate_all(
        "links => links.filter(a => a.checkVisibility({visibilityProperty: true}) && a.getBoundingClientRect().width > 0)"
        ".map(a => a.getAttribute('href'))"
    )


@JAVASCRIPT
def test_the_table_of_contents_is_reachable_on_a_phone(open_tab, site, javascript) -> None:
    """On a phone the theme hides its sidebar. A page in the navigation has its table of contents
    in the navigation drawer (menu button, then the page's own entry); a page outside it (opgave,
    pilot) has a closed 'Op deze pagina' at the top. Either way every entry can be seen and
    followed."""
    tab = open_tab(viewport="telefoon", javascript=javascript, mobile=True)
    page = tab.page
    checked, problems = [], []
    for address in site.pages:
        wanted = _contents(site, address)
        if len(wanted) < 2:
            continue
        checked.append(address)
        tab.open(site.address(address))
        assert not page.locator(".md-sidebar--secondary").is_visible(), f"/{address}: de zijbalk staat er toch"
        own = page.locator("details.agenda-toc")
        if own.count():
            where = "details.agenda-toc"
            own.locator("summary").click()
        else:
            where = ".md-nav--primary"
            entry = page.locator('.md-nav--primary label.md-nav__link[for="__toc"]')
            if not entry.count():
                problems.append(f"/{address}: geen inhoudsopgave, niet op de pagina en niet in het menu")
                continue
            page.locator('.md-header label[for="__drawer"]').click()
            entry.click()
            page.wait_for_function(
                "href => [...document.querySelectorAll('.md-nav--primary .md-nav--secondary a')]"
                ".some(a => a.getAttribute('href') === href && a.getBoundingClientRect().left >= 0)",
                arg=wanted[-1],
            )
        shown = _visible_links(tab, where + " .md-nav--secondary" if where == ".md-nav--primary" else where)
        if missing := [href for href in wanted if href not in shown]:
            problems.append(f"/{address}: niet te zien in de inhoudsopgave ({where}): {missing}")
            continue
        page.locator(f'{where} a[href="{wanted[-1]}"]').last.click()
        target = page.locator(f'[id="{wanted[-1].removeprefix("#")}"]')
        if not target.evaluate("h => { const box = h.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }"):
            problems.append(f"/{address}: de link {wanted[-1]} brengt de lezer niet bij het kopje")
    assert any(a.startswith("pilots/") for a in checked), checked  # the long pages are among them
    assert not problems, "\n".join(problems)


@JAVASCRIPT
def test_the_summary_follows_the_title_on_every_record_page(open_tab, site, javascript) -> None:
    tab = open_tab(viewport="telefoon", javascript=javascript, mobile=True)
    pages = [f"agenda/{o.id}/" for o in site.model.opgaven] + [f"pilots/{p.id}/" for p in site.model.pilots]
    wrong = []
    for address in pages:
        tab.open(site.address(address))
        found = tab.page.locator(".md-content h1").evaluate(
            """h1 => {
              const next = h1.nextElementSibling;
              return {
                next: next ? `<${next.tagName.toLowerCase()} class="${next.className}">` : null,
                below: next ? next.getBoundingClientRect().top >= h1.getBoundingClientRect().bottom : false,
                shown: next ? next.checkVisibility() : false,
              };
            }"""
        )
        if found != {"next": '<section class="agenda-summary">', "below": True, "shown": True}:
            wrong.append(f"/{address}: na de titel komt {found}")
    assert len(pages) > 1
    assert not wrong, "\n".join(wrong)
