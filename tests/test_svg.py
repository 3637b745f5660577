"""The SVG renderers: indicator chart and organisation diagram, on small made-up models."""

import re
import xml.etree.ElementTree as ET

import pytest

from agenda.model import Bronverwijzing, Doel, Gremium, Indicator, Meting, Organisatie
from agenda.render.svg import indicator_chart, organisation_diagram

SVG = "{http://www.w3.org/2000/svg}"
BRON = (Bronverwijzing(bron="testbron"),)


def meting(periode: str, waarde: float | None = None, afgeschermd: bool = False) -> Meting:
    return Meting(periode=periode, waarde=waarde, afgeschermd=afgeschermd, bronnen=BRON)


def indicator(doelen=(), metingen=(), **fields) -> Indicator:
    values = {"id": "verwijzingen", "naam": "Verwijzingen", "richting": "lager"}
    values |= {"eenheid": "kinderen", **fields}
    return Indicator(bronnen=BRON, doelen=tuple(doelen), metingen=tuple(metingen), **values)


def gremium(id: str, naam: str, soort: str = "werkgroep", valt_onder: str | None = None):
    return Gremium(id=id, naam=naam, soort=soort, valt_onder=valt_onder, bronnen=BRON)


def organisatie(*gremia: Gremium) -> Organisatie:
    return Organisatie(gremia=gremia, partners=())


def href(g: Gremium) -> str:
    return f"../gremia/#{g.id}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def by_id(root: ET.Element, element_id: str) -> ET.Element:
    (found,) = [e for e in root.iter() if e.get("id") == element_id]
    return found


def texts(root: ET.Element) -> list[str]:
    """The visible text of each <text> element, its lines joined by spaces."""
    return [" ".join(t.strip() for t in e.itertext()) for e in root.iter(f"{SVG}text")]


def with_class(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == css_class]


def labelled(root: ET.Element) -> tuple[str, str]:
    """The title and the desc the SVG's aria attributes point at."""
    title = by_id(root, root.get("aria-labelledby"))
    desc = by_id(root, root.get("aria-describedby"))
    assert title.tag == f"{SVG}title" and desc.tag == f"{SVG}desc"
    return title.text, desc.text


# --- indicator chart --------------------------------------------------------

OSJ = indicator(
    doelen=[Doel(jaar=2021, waarde=30), Doel(jaar=2022, waarde=60, vanaf=True)],
    metingen=[meting("2021", 25), meting("2022", 50)],
)


def test_chart_is_an_image_whose_title_and_desc_state_every_figure():
    root = parse(indicator_chart(OSJ))
    assert root.get("role") == "img"
    title, desc = labelled(root)
    assert title == "Verwijzingen"
    assert desc == (
        "Een lagere waarde is beter. "
        "Streefwaarde 2021: 30 kinderen. Meting 2021: 25 kinderen. "
        "Streefwaarde 2022: 60 kinderen. Meting 2022: 50 kinderen."
    )
    shown = texts(root)
    assert {"Meting", "Streefwaarde", "kinderen", "25", "50"} <= set(shown)
    assert {"2021 doel 30", "2022 doel 60"} <= set(shown)


def test_bars_are_in_order_of_period_and_in_scale():
    root = parse(indicator_chart(indicator(metingen=[meting("2022", 50), meting("2021", 25)])))
    bars = with_class(root, "sa-bar")
    assert len(bars) == 2
    (x1, h1), (x2, h2) = [(float(b.get("x")), float(b.get("height"))) for b in bars]
    assert x1 < x2
    assert h2 == pytest.approx(2 * h1, abs=0.2)  # coordinates are rounded to 0.1
    assert "Meting 2021: 25 kinderen. Meting 2022: 50 kinderen." in labelled(root)[1]


def test_suppressed_meting_is_a_labelled_gap_and_never_a_bar_or_a_value():
    chart = indicator(metingen=[meting("2021", 25), meting("2022", 7, afgeschermd=True)])
    root = parse(indicator_chart(chart))
    assert len(with_class(root, "sa-bar")) == 1
    assert len(with_class(root, "sa-gap")) == 1
    assert {"minder", "dan 10"} <= set(texts(root))
    desc = labelled(root)[1]
    assert "Meting 2022: minder dan 10 kinderen." in desc
    assert "7" not in desc and "7" not in texts(root)


def test_meting_without_value_is_a_gap_labelled_unknown():
    root = parse(indicator_chart(indicator(metingen=[meting("2023")])))
    assert with_class(root, "sa-bar") == [] and len(with_class(root, "sa-gap")) == 1
    assert "onbekend" in texts(root)
    assert "Meting 2023: onbekend." in labelled(root)[1]


def test_target_marked_vanaf_holds_for_later_measured_years_and_others_do_not():
    chart = indicator(
        doelen=[Doel(jaar=2020, waarde=10), Doel(jaar=2022, waarde=60, vanaf=True)],
        metingen=[meting("2021", 5), meting("2023", 70), meting("2024", 80)],
    )
    root = parse(indicator_chart(chart))
    desc = labelled(root)[1]
    assert "Streefwaarde 2020: 10 kinderen." in desc
    assert "Streefwaarde 2021" not in desc
    assert "Streefwaarde 2022: 60 kinderen." in desc
    assert "Streefwaarde 2023: 60 kinderen. Meting 2023: 70 kinderen." in desc
    assert "Streefwaarde 2024: 60 kinderen. Meting 2024: 80 kinderen." in desc
    assert {"2020 doel 10", "2021", "2022 doel 60", "2023 doel 60", "2024 doel 60"} <= set(
        texts(root)
    )
    (line,) = [p for g in with_class(root, "sa-target") for p in g if p.get("stroke-dasharray")]
    # one step line: it starts over (M) after 2021, the year without a target
    assert line.get("d").count("M") == 2


def test_targets_only_when_nothing_is_measured():
    chart = indicator(doelen=[Doel(jaar=2021, waarde=30)])
    root = parse(indicator_chart(chart))
    assert with_class(root, "sa-bar") == [] and with_class(root, "sa-gap") == []
    assert "Streefwaarde" in texts(root) and "Meting" not in texts(root)
    assert labelled(root)[1] == "Een lagere waarde is beter. Streefwaarde 2021: 30 kinderen."


def test_nothing_to_draw_gives_empty_string():
    assert indicator_chart(indicator()) == ""


def test_periods_and_numbers_in_dutch():
    chart = indicator(
        eenheid=None,
        richting="onbekend",
        metingen=[meting("2023-Q1", 1234.5), meting("2023-S2", 2), meting("2024-03", 0.25)],
    )
    root = parse(indicator_chart(chart))
    assert labelled(root)[1] == (
        "Meting 1e kwartaal 2023: 1.234,5. Meting 2e halfjaar 2023: 2. Meting maart 2024: 0,25."
    )
    assert {"1e kwartaal 2023", "2e halfjaar 2023", "maart 2024", "1.234,5"} <= set(texts(root))


def test_chart_escapes_text_from_the_data():
    naam = "Kinderen <script>alert('x')</script> & \"ouders\""
    eenheid = "<b>uren</b> & 'dagen'"
    svg = indicator_chart(indicator(naam=naam, eenheid=eenheid, metingen=[meting("2021", 3)]))
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "<script" not in svg and "<b>" not in svg
    title, desc = labelled(root)
    assert title == naam
    assert f"Meting 2021: 3 {eenheid}." in desc
    assert eenheid in texts(root)


def test_chart_ids_are_unique_and_follow_indicator_and_prefix():
    first = indicator_chart(OSJ, id_prefix="osj")
    second = indicator_chart(OSJ, id_prefix="andere-pilot")
    third = indicator_chart(indicator(id="wachttijd", metingen=[meting("2021", 1)]))
    ids = [e.get("id") for svg in (first, second, third) for e in parse(svg).iter() if e.get("id")]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert all("osj-verwijzingen" in i for i in ids[:2])
    assert all("wachttijd" in i for i in ids[4:])


def test_chart_is_deterministic_and_self_contained():
    svg = indicator_chart(OSJ)
    copy = indicator(
        doelen=[Doel(jaar=2021, waarde=30), Doel(jaar=2022, waarde=60, vanaf=True)],
        metingen=[meting("2021", 25), meting("2022", 50)],
    )
    assert indicator_chart(copy) == svg
    assert_self_contained(svg)
    root = parse(svg)  # scales down with the page, never above its natural width
    assert root.get("width") == root.get("viewBox").split()[2]
    assert root.get("style") == "max-width:100%;height:auto"


def assert_self_contained(svg: str) -> None:
    root = parse(svg)
    assert re.findall(r"https?://", svg) == ["http://"]  # only the SVG namespace
    assert "xlink" not in svg and "url(" not in svg and "@import" not in svg
    forbidden = {"script", "image", "foreignObject", "use", "style", "link"}
    assert not {e.tag.removeprefix(SVG) for e in root.iter()} & forbidden


# --- organisation diagram ---------------------------------------------------

ORG = organisatie(
    gremium("oogo", "Bestuurlijk overleg", "bestuurlijk overleg"),
    gremium("stuurgroep", "Stuurgroep Test", "stuurgroep", "oogo"),
    gremium("werkgroep-a", "Werkgroep A", valt_onder="stuurgroep"),
    gremium("werkgroep-b", "Werkgroep B met een heel lange naam over meerdere regels",
            valt_onder="stuurgroep"),
    gremium("tafel", "Tafel", "tafel", "oogo"),
    gremium("netwerk", "Los netwerk", "netwerk"),
)


def boxes(root: ET.Element) -> dict[str, dict]:
    """Per link target: the box (x, y, width) and the visible text of the link."""
    found = {}
    for link in root.iter(f"{SVG}a"):
        (rect,) = link.iter(f"{SVG}rect")
        assert link.get("href") not in found
        found[link.get("href")] = {
            "x": float(rect.get("x")),
            "y": float(rect.get("y")),
            "width": float(rect.get("width")),
            "texts": texts(link),
            "label": link.get("aria-label"),
        }
    return found


def centre(box: dict) -> float:
    return box["x"] + box["width"] / 2


def test_each_gremium_has_one_link_with_its_href_and_a_name():
    root = parse(organisation_diagram(ORG, href))
    links = list(root.iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == [
        "../gremia/#oogo",
        "../gremia/#stuurgroep",
        "../gremia/#werkgroep-a",
        "../gremia/#werkgroep-b",
        "../gremia/#tafel",
        "../gremia/#netwerk",
    ]  # a parent before its children: the order for the keyboard
    placed = boxes(root)
    # named by its visible text, so that the name is what a speech user sees (WCAG 2.5.3)
    assert placed["../gremia/#tafel"]["label"] is None
    assert placed["../gremia/#tafel"]["texts"] == ["Tafel", "tafel"]
    long = placed["../gremia/#werkgroep-b"]
    assert len(long["texts"]) > 2  # the name wrapped over lines, then the soort
    assert " ".join(long["texts"][:-1]) == ORG.gremia[3].naam
    assert long["texts"][-1] == "werkgroep"


def test_one_gremium_per_row_each_below_its_parent_and_indented():
    root = parse(organisation_diagram(ORG, href))
    placed = boxes(root)
    rows = [placed[f"../gremia/#{code}"] for code in ("oogo", "stuurgroep", "werkgroep-a", "werkgroep-b", "tafel",
                                                      "netwerk")]
    assert [b["y"] for b in rows] == sorted(b["y"] for b in rows)  # top down, in the order of the links
    lefts = [b["x"] for b in rows]
    assert lefts[0] == lefts[5] < lefts[1] == lefts[4] < lefts[2] == lefts[3]  # a root, a level deeper, ...
    width = float(root.get("width"))
    assert all(b["x"] + b["width"] == width - 8 for b in rows)  # every box reaches the right margin


def test_the_diagram_fits_a_phone_and_scales_down_below_that():
    root = parse(organisation_diagram(ORG, href))
    assert root.get("width") == "320" and root.get("viewBox").startswith("0 0 320 ")
    assert root.get("style") == "max-width:100%;height:auto"


def test_diagram_is_a_group_described_in_words():
    root = parse(organisation_diagram(ORG, href))
    assert root.get("role") == "group"
    title, desc = labelled(root)
    assert title
    assert desc == (
        "Bovenaan staan Bestuurlijk overleg (bestuurlijk overleg) en Los netwerk (netwerk). "
        "Onder Bestuurlijk overleg vallen Stuurgroep Test (stuurgroep) en Tafel (tafel). "
        "Onder Stuurgroep Test vallen Werkgroep A (werkgroep) en "
        "Werkgroep B met een heel lange naam over meerdere regels (werkgroep)."
    )
    lines = [p for g in with_class(root, "sa-lines") for p in g]
    assert len(lines) == 4  # one connector per parent -> child


def test_diagram_escapes_text_from_the_data():
    naam = "<script>alert(1)</script> & \"Overleg\" 'x'"
    svg = organisation_diagram(organisatie(gremium("o", naam, "<soort>")), lambda g: '"/a?b=1&c=2')
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "<script" not in svg and "<soort>" not in svg
    (box,) = boxes(root).items()
    assert box[0] == '"/a?b=1&c=2'
    assert " ".join(box[1]["texts"][:-1]) == naam and box[1]["texts"][-1] == "<soort>"
    assert labelled(root)[1] == f"Bovenaan staat {naam} (<soort>)."


def test_diagram_ids_unique_deterministic_and_self_contained():
    svg = organisation_diagram(ORG, href)
    page = svg + organisation_diagram(ORG, href, id_prefix="tweede") + indicator_chart(OSJ)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == 6 and len(set(ids)) == 6
    assert organisation_diagram(ORG, href) == svg
    assert_self_contained(svg)


def test_no_gremia_gives_empty_string():
    assert organisation_diagram(organisatie(), href) == ""


@pytest.mark.parametrize(
    "values",
    [[1.0e-12], [1.0e-300], [5.0e-324], [-1.0e-300, 1.0e-300], [0.0004], [-(10**15), 10**15], [-0.0]],
    ids=repr,
)
def test_chart_of_values_near_zero_or_at_the_bounds_has_distinct_ticks_and_no_minus_zero(values):
    metingen = [meting(str(2020 + i), value) for i, value in enumerate(values)]
    chart = indicator(eenheid=None, richting="onbekend", metingen=metingen)
    root = parse(indicator_chart(chart))
    (ticks,) = with_class(root, "sa-ticks")
    labels = [" ".join(t.itertext()) for t in ticks]
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    assert "-0" not in texts(root) and "doel -0" not in texts(root)


def test_a_target_of_minus_zero_is_shown_as_zero():
    root = parse(indicator_chart(indicator(doelen=[Doel(jaar=2023, waarde=-0.0)], richting="onbekend")))
    assert "doel 0" in " ".join(texts(root)) and "-0" not in " ".join(texts(root))
    assert "Streefwaarde 2023: 0 kinderen." in labelled(root)[1]
