"""WCAG 2.0 and 2.1, levels A and AA: axe-core on every page of every region, in the light and
the dark palette, on a wide screen and on a phone. Zero violations.

axe-core finds what a machine can find (contrast, names, roles, structure, language); it does
not replace a manual audit. See docs/toegankelijkheid.md for what this does and does not cover.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from .browsing import PALETTES, VIEWPORTS


def _report(found: list[tuple[str, dict]]) -> str:
    lines = [f"{len(found)} overtreding(en) van WCAG 2.1 A/AA:"]
    for address, violation in found:
        lines.append(f"- {address}: {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {target}" for target in violation["targets"][:10])
        if len(violation["targets"]) > 10:
            lines.append(f"    ... en nog {len(violation['targets']) - 10}")
        lines.append("    " + violation["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


def test_every_page_meets_wcag_a_and_aa(scanned, site) -> None:
    """Every page, in the light and the dark palette, on a wide screen and on a phone."""
    assert scanned.pages == len(site.pages) > 10
    assert scanned.checks == scanned.pages * len(VIEWPORTS) * len(PALETTES)
    assert not scanned.violations, _report(scanned.violations)


def test_every_page_says_it_is_dutch(site) -> None:
    """3.1.1 language of the page: a screen reader reads the page with Dutch pronunciation."""
    wrong = []
    for page in site.pages:
        html = BeautifulSoup(site.file(page).read_text(encoding="utf-8"), "html.parser")
        if html.html.get("lang") != "nl":
            wrong.append(f"/{page}: lang={html.html.get('lang')!r}")
    assert not wrong, "\n".join(wrong)


def test_every_chart_has_a_name_and_its_figures_in_a_table(open_tab, site) -> None:
    """1.1.1 non-text content: a chart is an image with a name, and the table right after it
    holds every period that the chart shows, for those who cannot see the chart."""
    charted = 0
    tab = open_tab()
    for page in site.pages:
        soup = BeautifulSoup(site.file(page).read_text(encoding="utf-8"), "html.parser")
        charts = soup.select('svg[role="img"]')
        if not charts:
            continue
        tab.open(site.address(page))
        for chart in charts:
            charted += 1
            title = chart.find("title", id=chart["aria-labelledby"])
            assert title is not None and title.get_text(strip=True), f"/{page}: grafiek zonder titel"
            name = " ".join(title.get_text().split())
            # the name as the browser gives it to a screen reader
            snapshot = tab.page.locator(f'svg[aria-labelledby="{chart["aria-labelledby"]}"]').aria_snapshot()
            assert snapshot.splitlines()[0].startswith(f'- img "{name}"'), f"/{page}: {snapshot}"
            table = chart.find_parent("figure").find_next_sibling()
            assert table is not None and table.get("role") == "region" and table.table is not None, (
                f"/{page}: na de grafiek '{name}' staat geen tabel"
            )
            assert name in table["aria-label"], f"/{page}: {table['aria-label']!r} hoort niet bij {name!r}"
            periods = [t.tspan.get_text() for t in chart.select(".sa-periods text") if t.tspan]
            first_column = [row.find("td").get_text(strip=True) for row in table.select("tbody tr")]
            missing = [p for p in periods if not any(cell.startswith(p) for cell in first_column)]
            assert periods and not missing, f"/{page}: {name}: perioden niet in de tabel: {missing}"
    if any(pilot.indicatoren for pilot in site.model.pilots):
        assert charted > 0, f"{site.name}: geen enkele grafiek gevonden"


def test_tables_stacked_on_a_phone_stay_tables(open_tab, served) -> None:
    """1.3.1 info and relationships: shown as stacked blocks on a phone, a table is still a table
    with column headers for a screen reader, and a value is read without its label in front."""
    site = served["data"]
    tab = open_tab(viewport="telefoon")
    pilot = next(p for p in site.model.pilots if p.indicatoren)
    tab.open(site.address(f"pilots/{pilot.id}/"))
    regions = tab.page.locator(".agenda-table")
    assert regions.count() > 0
    for n in range(regions.count()):
        region = regions.nth(n)
        assert region.locator("tr").first.evaluate("tr => getComputedStyle(tr).display") == "block"
        tree = region.aria_snapshot()
        headers = region.locator("th").all_inner_texts()
        assert "- table" in tree and "- row" in tree and "- cell" in tree, tree
        for header in headers:
            assert f'columnheader "{header}"' in tree, tree
            assert f'cell "{header}: ' not in tree, f"de kolomnaam wordt dubbel voorgelezen:\n{tree}"
