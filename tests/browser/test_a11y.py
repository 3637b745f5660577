"""WCAG 2.0 and 2.1, levels A and AA: axe-core on every page of every region, in the light and
the dark palette, on a wide screen and on a phone. Zero violations.

axe-core finds what a machine can find (contrast, names, roles, structure, language); it does
not replace a manual audit. See docs/toegankelijkheid.md for what this does and does not cover.
"""

from __future__ import annotations

from .browsing import PALETTES, VIEWPORTS

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


def _report(found: list[tuple[str, dict]]) -> str:
    lines = [f"{len(found)} overtreding(en) van WCAG 2.1 A/AA:"]
    for address, violation in found:
        lines.append(f"- {address}: {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {target}" for target in violation["targets"][:10])
        if len(violation["targets"]) > 10:
            lines.append(f"    ... en nog {len(violation['targets']) - 10}")
        lines.append("    " + violation["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


def test_every_page_meets_wcag_a_and_aa(open_tab, axe_source, site) -> None:
    """Every page once loaded, then checked in each palette on each screen size."""
    tab = open_tab(script=axe_source)
    found = []
    for page in site.pages:
        tab.open(site.address(page))
        for viewport in VIEWPORTS:
            for palette in PALETTES:
                tab.show(palette=palette, viewport=viewport)
                for violation in tab.page.evaluate(RUN_AXE, AXE_OPTIONS):
                    found.append((f"/{page} ({palette}, {viewport})", violation))
    assert len(site.pages) > 10
    assert not found, _report(found)
