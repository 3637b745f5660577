"""Keyboard only: from the top of the agenda, Tab reaches the skip link first and then the status
board's first card; Enter opens that opgave. On every stop the focus can be seen: an opaque ring
of at least 2 pixels around something that is on the screen, on a wide screen and on a phone.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .browsing import NEXT_FRAMES, VIEWPORTS

MAX_STOPS = 500

# What the keyboard focus is on, and what shows it: Material's palette switch is a hidden radio
# button whose visible label (the next element) carries the ring.
FOCUSED = """async () => {
  // first let the theme react to the new focus (Material opens the search when it gets focus)
  await """ + NEXT_FRAMES + """;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const shown = el.matches('.md-option') && el.nextElementSibling ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  let opacity = 1;
  for (let node = shown; node instanceof Element; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  const alpha = style.outlineColor.startsWith('rgba') ? parseFloat(style.outlineColor.split(',')[3]) : 1;
  return {
    name: `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}"`
          + ` href="${el.getAttribute('href') || ''}">`
          + ` ${(el.innerText || el.getAttribute('aria-label') || el.title || '').trim().split('\\n')[0].slice(0, 50)}`,
    href: el.getAttribute('href'),
    skip: el.matches('a.md-skip'),
    inContent: !!el.closest('.md-content'),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && alpha === 1,
    seen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
          && box.left < innerWidth && box.top < innerHeight
          && style.visibility === 'visible' && opacity > 0.9,
  };
}"""


def _problem(stop: dict) -> str | None:
    if not stop["seen"]:
        return f"{stop['name']}: heeft de focus maar is niet te zien"
    if not stop["ring"]:
        return f"{stop['name']}: geen zichtbare focusrand (2 pixels, dekkend)"
    return None


def _h1_text(page) -> str:
    """The page's heading, without the permalink sign that Material adds to it."""
    text = page.locator("h1").evaluate(
        "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('')"
    )
    return " ".join(text.split())


def test_tab_reaches_skip_link_then_first_card_and_enter_opens_it(open_tab, served) -> None:
    site = served["data"]
    tab = open_tab()
    tab.open(site.address("agenda/"))
    page = tab.page
    card = page.locator('.agenda-board[data-board="opgaven"] .agenda-card__title a').first
    href = card.get_attribute("href")

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["skip"], f"de eerste Tab komt op {first['name']}, niet op de link 'Ga naar inhoud'"
    assert page.locator("a.md-skip").inner_text().strip() == "Ga naar inhoud"
    assert page.locator(f".md-content {first['href']}").count() == 1, "de link 'Ga naar inhoud' wijst nergens heen"

    stops = [first]
    while not card.evaluate("el => el === document.activeElement"):
        assert len(stops) < MAX_STOPS, f"na {MAX_STOPS} keer Tab is de eerste kaart van het statusbord niet bereikt"
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    problems = [p for p in map(_problem, stops) if p]
    assert not problems, "\n".join(problems)

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == urljoin(site.address("agenda/"), href)
    (opgave,) = [o for o in site.model.opgaven if href.strip("/").split("/")[-1] == o.id]
    assert _h1_text(page) == " ".join(opgave.titel.split())


def test_skip_link_moves_the_keyboard_to_the_content(open_tab, served) -> None:
    site = served["data"]
    tab = open_tab()
    tab.open(site.address("agenda/"))
    tab.page.keyboard.press("Tab")
    tab.page.keyboard.press("Enter")
    tab.page.keyboard.press("Tab")
    stop = tab.page.evaluate(FOCUSED)
    assert stop is not None and stop["inContent"], f"na 'Ga naar inhoud' en Tab staat de focus op {stop}"


def _pages_of_each_kind(site) -> list[str]:
    """One page of every kind the engine makes, and the hand-written pages with most to reach."""
    model = site.model
    pages = ["", "agenda/", "organisatie/", "bijdragen/velden/", f"agenda/{model.opgaven[0].id}/"]
    pages += [f"pilots/{p.id}/" for p in model.pilots if p.indicatoren][:1]
    pages += [f"evaluaties/{e.jaar}/" for e in model.evaluaties][:1]
    return pages


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_keyboard_stop_shows_the_focus(open_tab, served, viewport) -> None:
    """Tab through the whole page, header and navigation included, until the focus leaves it."""
    site = served["data"]
    tab = open_tab(viewport=viewport)
    problems = []
    for address in _pages_of_each_kind(site):
        tab.open(site.address(address))
        page = tab.page
        stops = 0
        while True:
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUSED)
            if stop is None:
                break  # past the last stop: the focus left the page
            stops += 1
            assert stops < MAX_STOPS, f"/{address}: na {MAX_STOPS} keer Tab nog niet rond"
            if problem := _problem(stop):
                problems.append(f"/{address}: {problem}")
        assert stops > 5, f"/{address}: maar {stops} plekken bereikbaar met Tab"
    assert not problems, "\n".join(problems)
