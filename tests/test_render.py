"""The renderers on the valid test region, without MkDocs: model in, Markdown and HTML out."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
import yaml

from agenda.status_history import STATUSES, status_in
from agenda.loader import load
from agenda.model import ONBEKEND, Evaluatie, Model, Thema
from agenda import urls
from agenda.render import boards, glossary, groupings, home, organisatie, visie
from agenda.site import ONE_BOARD_MAX, Site
from agenda.data_changes import DataHistory, RecordChange
from agenda.render.evaluatie import evaluatie_page, evaluaties_index
from agenda.render.generated import generated_pages
from agenda.render.code_lists import HERE as CODES, code_lists
from agenda.render.field_reference import KINDS, page_src
from agenda.render.listing import LIST_MAX
from agenda.render.parts import slug
from agenda.render.markup import Prose, document, esc, heading, md_text, safe_url
from agenda.render.opgave import opgave_page
from agenda.render.pilot import pilot_page

TODAY = date(2025, 1, 15)  # the fixture's herziening dates (2099) are far ahead of it


def words(page_soup, page: str) -> str:
    """The visible text of a rendered page (Markdown converted as the site does), whitespace squeezed."""
    return " ".join(page_soup(page).get_text(" ").split())


def front_matter(page: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", page, re.S)
    assert match, page[:200]
    return yaml.safe_load(match.group(1))


# -- urls ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "here,there,anchor,directory_urls,expected",
    [
        ("agenda/index.md", "agenda/osj.md", None, True, "osj/"),
        ("agenda/osj.md", "agenda/index.md", None, True, "../"),
        ("agenda/osj.md", "organisatie.md", "gremium-x", True, "../../organisatie/#gremium-x"),
        ("agenda/osj.md", "pilots/osj.md", None, True, "../../pilots/osj/"),
        ("index.md", "index.md", None, True, "./"),
        ("index.md", "agenda/index.md", None, True, "agenda/"),
        ("evaluaties/2024.md", "index.md", None, True, "../../"),
        ("agenda/osj.md", "organisatie.md", None, False, "../organisatie.html"),
        ("agenda/index.md", "agenda/osj.md", None, False, "osj.html"),
        ("index.md", "agenda/index.md", "opgaven-bereikt", False, "agenda/index.html#opgaven-bereikt"),
    ],
)
def test_relative_links_follow_mkdocs_urls(here, there, anchor, directory_urls, expected) -> None:
    assert urls.href(here, there, anchor, directory_urls) == expected


# -- text from the data ------------------------------------------------------------------------

HOSTILE = [
    ("<script>alert(1)</script>", "script"),
    ('<img src=x onerror="alert(1)">', "img"),
    ("[x](javascript:alert(1))", "javascript:"),
    ("[x](JaVaScRiPt:alert(1))", "javascript:"),
    ("[x](java\tscript:alert(1))", "javascript:"),
    ("[x](&#106;avascript:alert(1))", "javascript:"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "javascript:"),
    ("[x](data:text/html,<b>hi</b>)", "data:"),
    ("![x](https://elders.example/x.png)", "img"),
    ("<a href='https://elders.example' onclick='alert(1)'>x</a>", "onclick"),
    ('tekst {: onclick="alert(1)" }', "onclick="),
]


@pytest.mark.parametrize("text,forbidden", HOSTILE)
def test_markdown_from_the_data_cannot_inject_markup(text: str, forbidden: str, soup) -> None:
    html = Prose({}).markdown(text)
    parsed = soup(html)
    assert parsed.find(["script", "img", "iframe"]) is None
    for tag in parsed.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.startswith("on")
            assert not str(value).lower().replace("\t", "").startswith(("javascript:", "data:"))
    if forbidden in ("script", "img"):
        assert f"<{forbidden}" not in html


def test_markdown_from_the_data_keeps_its_formatting_and_safe_links() -> None:
    html = Prose({}).markdown("# Kop\n\nEen **vette** [link](https://example.org) en [mail](mailto:a@b.example).\n\n- een\n- twee")
    assert "<h4>Kop</h4>" in html  # below the page's own headings
    assert "<strong>vette</strong>" in html
    assert '<a href="https://example.org">link</a>' in html
    assert '<a href="mailto:a@b.example">mail</a>' in html
    assert "<li>een</li>" in html


def test_template_code_in_the_data_stays_text() -> None:
    prose = Prose({})
    assert "{{ config }}" in prose.markdown("{{ config }}")
    assert "{% if x %}" in prose.inline("{% if x %}")


def test_abbreviations_are_explained_in_plain_and_markdown_text() -> None:
    prose = Prose({"OSJ": "Onderwijs met Specialistische Jeugdhulp", "O&O": "Onderwijs & opvoeding"})
    assert prose.inline("De OSJ-pilot, niet XOSJ") == (
        'De <abbr title="Onderwijs met Specialistische Jeugdhulp">OSJ</abbr>-pilot, niet XOSJ'
    )
    assert '<abbr title="Onderwijs &amp; opvoeding">O&amp;O</abbr>' in prose.inline("O&O")
    assert '<abbr title="Onderwijs met Specialistische Jeugdhulp">OSJ</abbr>' in prose.markdown("Over **OSJ**.")


@pytest.mark.parametrize("url,safe", [("https://a.example", True), ("../x/", True), ("#a", True), ("mailto:x@y.example", True),
                                      ("javascript:x", False), (" javascript:x", False), ("vbscript:x", False), ("data:x", False)])
def test_safe_url(url: str, safe: bool) -> None:
    assert safe_url(url) is safe


def test_text_in_a_heading_renders_as_exactly_that_text(soup) -> None:
    hostile = "Titel *met* [link](x) {: #id onclick=a } <b>vet</b> {{ x }} & 1. --8<-- \"f\""
    html = markdown.markdown(heading(2, hostile, "kop"), extensions=["attr_list", "toc"])
    parsed = soup(html)
    assert parsed.h2["id"] == "kop"
    assert parsed.h2.get_text() == hostile
    assert list(parsed.h2.attrs) == ["id"]
    assert "{" not in md_text("{{ x }}")


def test_document_front_matter_escapes_the_title_and_turns_macros_off() -> None:
    meta = front_matter(document('Titel "met" <b>opmaak</b> & {{ x }}', "tekst"))
    assert meta["title"] == "Titel &quot;met&quot; &lt;b&gt;opmaak&lt;/b&gt; &amp; {{ x }}"
    assert meta["render_macros"] is False


# -- generated pages -----------------------------------------------------------------------------


def test_a_page_per_opgave_pilot_and_evaluation_year(site: Site, model: Model) -> None:
    pages = {page.src_uri: page for page in generated_pages(site)}
    expected = (
        {f"agenda/{o.id}.md" for o in model.opgaven}
        | {f"pilots/{p.id}.md" for p in model.pilots}
        | {f"evaluaties/{e.jaar}.md" for e in model.evaluaties}
        | {f"bronnen/{b.id}.md" for b in model.regio.bronnen}
        | {urls.grouping_page(name) for name in ("thema", "niveau", "trekker", "gremium")}
        | {f"over/{h.id}.md" for h in model.regio.hoofdstukken}
        | {page_src(kind) for kind in KINDS}  # the fields of each kind of file (from the schemas)
    )
    assert set(pages) == expected
    assert pages["agenda/leerlingenvervoer.md"].data_file.endswith("agenda/leerlingenvervoer.yaml")
    for page in pages.values():
        assert front_matter(page.content)["render_macros"] is False


def test_opgave_page(site: Site, page_soup) -> None:
    page = opgave_page(site, site.opgaven["leerlingenvervoer"])
    text = words(page_soup, page)
    assert front_matter(page)["title"] == "Samenwerking onderwijs en leerlingenvervoer"
    assert "# Samenwerking onderwijs en leerlingenvervoer" in page
    assert 'agenda-status--in-uitvoering">in uitvoering<' in page
    assert '<a href="../per/thema/#thema-dichtbij">Ondersteuning dichtbij</a>' in page
    assert '<a href="../../organisatie/#gremium-werkgroep-test">Werkgroep Test</a>' in page
    assert '<a href="../../organisatie/#partner-gemeente-test">Gemeente Test</a>' in page
    # the history, oldest first, with the decision and who took it
    assert text.index("2023 : verkennend") < text.index("14 maart 2024 : van verkennend naar in uitvoering")
    assert "Besluit van Bestuurlijk overleg op 14 maart 2024 (verslag: BO-2024-03)" in text
    assert "Het onderwerp kwam op de agenda." in text
    # mijlpalen per year, unknown years last
    assert text.index("30 juni 2024 Uitgangspunten uitgewerkt") < text.index("onbekend Afspraken in alle gemeenten")
    # principes and pilots: the pilot is linked from its own 'opgave' field
    assert '<a href="../../visie/#principe-dicht-bij-huis">Dicht bij huis</a>' in page
    assert '<a href="../../pilots/school-test/">Jeugdhulp op de testschool</a>' in page
    assert '<a href="../thuiszitters/">Geen kind thuis</a>' in page
    # evaluations and sources
    assert "Evaluatie 2024" in text and "Goed op weg." in text and "De scholen doen mee." in text
    assert '<a href="../../evaluaties/2024/">' in page
    assert ('<a href="../../bronnen/testbron/">Verzonnen testdocument</a> · 2023'
            ' · <a href="https://example.org/documenten/testbron.pdf">open het document</a>') in page
    assert "Herzien uiterlijk 31 december 2099" in text
    assert "Laatst gewijzigd onbekend" in text


def test_related_opgaven_are_shown_both_ways(site: Site) -> None:
    assert '<a href="../leerlingenvervoer/">' in opgave_page(site, site.opgaven["thuiszitters"])


def test_unknown_values_read_onbekend(site: Site, page_soup) -> None:
    text = words(page_soup, opgave_page(site, site.opgaven["thuiszitters"]))
    for label in ("Thema", "Niveau", "Gremia", "Partners", "Agendaperiode"):
        assert f"{label} onbekend" in text
    assert "Wie trekt het? nog niet bekend" in text
    assert "onbekend : verkennend" in text


@pytest.mark.parametrize("model", [Path(__file__).parents[1] / "data"], indirect=True, ids=["data"])
def test_a_thema_unknown_for_every_opgave_is_not_a_fact_of_any(site: Site, page_soup) -> None:
    """No opgave of the real data has a known thema: no page says 'Thema onbekend' for each."""
    assert not site.thema_known
    for opgave in site.model.opgaven:
        facts = [dt.get_text(strip=True) for dt in page_soup(opgave_page(site, opgave)).select(".agenda-facts dt")]
        assert "Thema" not in facts and "Niveau" in facts, opgave.id


def test_last_changed_comes_from_the_given_dates(model: Model, page_soup) -> None:
    path = model.bestanden[("opgave", "leerlingenvervoer")]
    site = Site(model, today=TODAY, last_changed={path: date(2024, 3, 14)})
    assert "Laatst gewijzigd 14 maart 2024" in words(page_soup, opgave_page(site, site.opgaven["leerlingenvervoer"]))


def test_pilot_page(site: Site, page_soup) -> None:
    page = pilot_page(site, site.pilots["school-test"])
    text = words(page_soup, page)
    assert "# Jeugdhulp op de testschool &#40;JOT&#41;" in page
    for part in ("Doel Minder verwijzingen.", "Doelgroep Leerlingen van de testschool.", "Voorwaarden De school doet mee.",
                 "Aantal 2 scholen", "De Testschool", "Het Testcollege", "De scholen melden zich aan.",
                 "Jeugdige en ouders Sneller hulp.", "Sturing De werkgroep stuurt."):
        assert part in text, part
    assert "<strong>op school</strong>" in page
    assert '<a href="../../agenda/leerlingenvervoer/">' in page
    assert "Start 1 september 2023" in text and "Einde 2025" in text
    # financing per year
    assert "2023 1,5 onbekend" in text
    assert "vanaf 2024 onbekend € 10.000 Gemeente Test Uit het budget voor jeugdhulp." in text
    assert "De gemeente betaalt." in text


def test_indicator_has_chart_and_the_same_figures_in_a_table(site: Site, soup) -> None:
    page = pilot_page(site, site.pilots["school-test"])
    section = page[page.index("{ #indicator-minder-verwijzingen }"):page.index("{ #indicator-tevredenheid }")]
    assert '<figure class="agenda-chart">' in section and "<svg" in section
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup(section).select("tbody tr")]
    assert [row[:3] for row in rows] == [
        ["2023", "20 kinderen", "25 kinderen"],
        ["1e halfjaar 2024", "40 kinderen (vanaf 2024)", "minder dan 10 kinderen"],
    ]
    assert "Minder dan 10 kinderen." in rows[1][3]
    # a target in its own words, else made of value, unit, direction ("minstens": higher is better) and year
    targets = soup(section).find("dt", string="Streefwaarden").find_next("dd").get_text(" | ", strip=True)
    assert targets == "minstens 20 kinderen in 2023 | Vanaf 2024 minstens 40."
    other = page[page.index("{ #indicator-tevredenheid }"):]
    assert "Nog geen meting." in other
    assert '<figure class="agenda-chart">' not in other.split("## ")[0]


def test_a_stopped_pilot_with_unknowns(site: Site, page_soup) -> None:
    text = words(page_soup, pilot_page(site, site.pilots["wijk-test"]))
    assert "van in uitvoering naar gestopt" in text
    assert "Besluit van Werkgroep Test (datum onbekend)" in text
    assert "Opgave onbekend" in text and "Doel onbekend" in text and "Financiering onbekend" in text


# -- evaluations -------------------------------------------------------------------------------


def test_evaluation_page(site: Site, page_soup) -> None:
    page = evaluatie_page(site, site.evaluaties[2024])
    text = words(page_soup, page)
    for part in ("Datum 1 november 2024", "Vorige evaluatie geen", "We weten elkaar te vinden.", "Minder wachttijd.",
                 "Extra ondersteuning op school", "Doel: Hulp in de klas.", "Snelle hulp.", "Meer handen.",
                 "Speciaal onderwijs", "Meer scholen doen mee.", "Doorgaan met de pilot.", "BO-2024-11"):
        assert part in text, part
    assert "<strong>goed</strong>" in page


def _table_rows(soup, page: str, anchor: str) -> list[list[str]]:
    section = page[page.index(f"{{ #{anchor} }}"):]
    table = soup(section).find("table")
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]


def test_status_changes_are_computed_from_the_histories(site: Site, soup) -> None:
    page = evaluatie_page(site, site.evaluaties[2024])
    assert "Statuswijzigingen in 2024" in page
    rows = _table_rows(soup, page, "statuswijzigingen")
    assert rows == [["Samenwerking onderwijs en leerlingenvervoer", "verkennend", "in uitvoering", "14 maart 2024",
                     "Besluit van Bestuurlijk overleg op 14 maart 2024 (verslag: BO-2024-03)"]]


def test_status_changes_since_the_previous_evaluation(model: Model, soup) -> None:
    earlier = Evaluatie(jaar=2023, titel="Evaluatie 2023", bronnen=model.evaluaties[0].bronnen)
    two = dataclasses.replace(
        model,
        evaluaties=(earlier, *model.evaluaties),
        bestanden={**model.bestanden, ("evaluatie", "2023"): "evaluaties/2023.yaml"},
    )
    site = Site(two, today=TODAY)
    page = evaluatie_page(site, site.evaluaties[2024])
    assert "Statuswijzigingen sinds de evaluatie van 2023" in page
    assert [row[0] for row in _table_rows(soup, page, "statuswijzigingen")] == [
        "Samenwerking onderwijs en leerlingenvervoer"
    ]
    assert '<a href="../2023/">Evaluatie 2023</a>' in page
    first = evaluatie_page(site, site.evaluaties[2023])
    rows = _table_rows(soup, first, "statuswijzigingen")
    assert [row[:3] for row in rows] == [
        ["Samenwerking onderwijs en leerlingenvervoer", "nieuw", "verkennend"],
        ["Jeugdhulp op de testschool", "nieuw", "in uitvoering"],
        ["Wijkteam in de testwijk", "in uitvoering", "gestopt"],
    ]


def test_each_record_with_its_status_that_year(site: Site, soup) -> None:
    page = evaluatie_page(site, site.evaluaties[2024])
    assert _table_rows(soup, page, "opgaven") == [
        ["Samenwerking onderwijs en leerlingenvervoer", "in uitvoering", "lees verder"]
    ]
    assert _table_rows(soup, page, "pilots") == [
        ["Jeugdhulp op de testschool", "in uitvoering", "lees verder"],
        ["Wijkteam in de testwijk", "gestopt", "niet besproken"],
    ]
    assert "{ #opgave-leerlingenvervoer }" in page and "Goed op weg." in page
    assert "{ #pilot-school-test }" in page and "Korte lijnen." in page


def test_indicator_progress_against_the_target(site: Site, soup) -> None:
    rows = _table_rows(soup, evaluatie_page(site, site.evaluaties[2024]), "indicatoren")
    assert rows == [["Jeugdhulp op de testschool", "Minder verwijzingen", "40 kinderen (vanaf 2024)",
                     "1e halfjaar 2024: minder dan 10 kinderen (niet te bepalen)"]]


def test_evaluations_index(site: Site, page_soup) -> None:
    text = words(page_soup, evaluaties_index(site, urls.EVALUATIES))
    assert "Evaluatie 2024 1 november 2024, 2 opgaven en pilots besproken" in text


# -- boards ------------------------------------------------------------------------------------


def _board(soup, html: str, kind: str) -> dict[str, list[str]]:
    board = soup(html).select_one(f'.agenda-board[data-board="{kind}"]')
    return {
        column.h2["id"]: [a["href"] for a in column.select(".agenda-card__title a")]
        for column in board.select(".agenda-column")
    }


def test_statusbord_puts_each_opgave_once_in_its_column(site: Site, soup, page_soup) -> None:
    html = boards.statusbord(site, urls.AGENDA)
    assert _board(soup, html, "opgaven") == {
        "opgaven-verkennend": ["thuiszitters/"],
        "opgaven-in-ontwikkeling": [],
        "opgaven-in-uitvoering": ["leerlingenvervoer/"],
        "opgaven-bereikt": [],
    }
    card = soup(html).select_one('.agenda-card[data-status="in-uitvoering"]')
    assert card["data-thema"] == "dichtbij" and card["data-niveau"] == "regionaal" and card["data-trekker"] == "werkgroep-test"
    assert card["data-gremium"] == "werkgroep-test"
    # the opgave's card names its pilot: one subject on the board
    assert words(page_soup, str(card)) == (
        "Samenwerking onderwijs en leerlingenvervoer Thema Ondersteuning dichtbij Trekker Werkgroep Test "
        "Pilot Jeugdhulp op de testschool Laatste evaluatie 2024"
    )
    assert card.select_one('a[href="../pilots/school-test/"]') is not None
    assert "Geen opgaven." in words(page_soup, html)
    form = soup(html).select_one("form.agenda-filter")
    assert form.has_attr("hidden")
    assert [o["value"] for o in form.select('select[name="thema"] option')] == ["", "dichtbij", "onbekend"]


def test_a_card_shows_only_what_is_known_and_the_page_says_the_unknown_once(site: Site, soup, page_soup) -> None:
    html = boards.statusbord(site, urls.AGENDA)
    card = soup(html).select_one('.agenda-card[data-status="verkennend"]')
    assert card["data-thema"] == "onbekend" and words(page_soup, str(card)) == "Geen kind thuis Laatste evaluatie nog geen"
    assert [words(page_soup, str(p)) for p in soup(html).select(".agenda-unknowns")] == [
        "Nog niet bekend is het thema van 1 van de 2 opgaven, het niveau van 1 van de 2 opgaven en de trekker van 1 "
        "van de 2 opgaven. De bronnen noemen het (nog) niet. Wat niet bekend is, staat niet op de kaarten."
    ]
    assert "agenda-onbekend" not in html
    without_evaluations = Site(dataclasses.replace(site.model, evaluaties=()), today=TODAY)
    cards = soup(boards.statusbord(without_evaluations, urls.AGENDA)).select(".agenda-card")
    assert cards and not [c for c in cards if "Laatste evaluatie" in c.get_text()]
    assert "Er is nog geen jaarlijkse evaluatie." in boards.statusbord(without_evaluations, urls.AGENDA)


def test_pilot_board_shows_stopped_pilots_in_their_own_column(site: Site, soup) -> None:
    columns = _board(soup, boards.pilotbord(site, urls.PILOTS), "pilots")
    assert list(columns) == ["pilots-verkennend", "pilots-in-ontwikkeling", "pilots-in-uitvoering", "pilots-bereikt",
                             "pilots-gestopt"]
    assert columns["pilots-gestopt"] == ["wijk-test/"]
    # a pilot's card links to its opgave, whose card names the pilot (test_statusbord_...)
    card = soup(boards.pilotbord(site, urls.PILOTS)).select_one('.agenda-card[data-status="in-uitvoering"]')
    assert [a["href"] for a in card.select("a")] == ["school-test/", "../agenda/leerlingenvervoer/"]


def test_each_grouping_has_its_own_page_linked_from_the_agenda(site: Site, soup, page_soup) -> None:
    intro = groupings.agenda_intro(site, urls.AGENDA)
    assert " ".join(soup(intro).get_text().split()) == (
        "Zoekt u de opgaven van één thema, niveau, trekker of gremium? "
        "Ga naar per thema, per niveau, per trekker of per gremium."
    )
    assert [a["href"] for a in soup(intro).find_all("a")] == ["per/thema/", "per/niveau/", "per/trekker/", "per/gremium/"]
    pages = groupings.grouping_pages(site)
    for name, anchor, member in (("thema", "thema-dichtbij", "leerlingenvervoer"),
                                 ("thema", "thema-onbekend", "thuiszitters"),
                                 ("niveau", "niveau-regionaal", "leerlingenvervoer"),
                                 ("niveau", "niveau-onbekend", "thuiszitters"),
                                 ("trekker", "trekker-werkgroep-test", "leerlingenvervoer"),
                                 ("trekker", "trekker-onbekend", "thuiszitters"),
                                 ("gremium", "gremium-werkgroep-test", "leerlingenvervoer"),
                                 ("gremium", "gremium-onbekend", "thuiszitters")):
        page = pages[urls.grouping_page(name)]
        assert front_matter(page)["title"] == f"Opgaven per {name}"
        section = page[page.index(f"{{ #{anchor} "):].split("\n## ")[0]
        assert [a["href"] for a in soup(section).select("li.agenda-item > a")] == [f"../../{member}/"], anchor
        # the filter script narrows the lists, and the page says once what 'Nog niet bekend' means
        assert soup(page).select_one("form.agenda-filter").has_attr("hidden")
        assert f"Bij 'Nog niet bekend' staan de opgaven waarvan de bronnen" in words(page_soup, page)
    assert '<a href="../../../visie/#thema-dichtbij">Over dit thema</a>' in pages[urls.grouping_page("thema")]
    item = soup(pages[urls.grouping_page("niveau")]).select_one("li.agenda-item[data-niveau=regionaal]")
    assert (item["data-thema"], item["data-trekker"], item["data-gremium"]) == ("dichtbij", "werkgroep-test",
                                                                                "werkgroep-test")


def test_a_grouping_unknown_for_every_opgave_has_no_page_link_or_filter(site: Site, soup) -> None:
    unknown = [dataclasses.replace(o, niveau=ONBEKEND, gremia=()) for o in site.model.opgaven]
    site = Site(dataclasses.replace(site.model, opgaven=unknown), today=TODAY)
    assert set(groupings.grouping_pages(site)) == {urls.grouping_page("thema"), urls.grouping_page("trekker")}
    assert "per niveau" not in groupings.agenda_intro(site, urls.AGENDA)
    form = soup(boards.statusbord(site, urls.AGENDA)).select_one("form.agenda-filter")
    assert [s["name"] for s in form.select("select")] == ["thema", "trekker"]
    assert form.select_one("input")["name"] == "tekst"


def test_status_counts_link_to_the_columns(site: Site, soup, page_soup) -> None:
    counts = soup(boards.status_counts(site, urls.HOME))
    link = counts.select_one('a[href="agenda/#opgaven-in-uitvoering"]')
    assert words(page_soup, str(link)) == "1 in uitvoering"
    assert words(page_soup, str(counts.select_one('a[href="pilots/#pilots-gestopt"]'))) == "1 gestopt"


def test_open_questions(site: Site, page_soup) -> None:
    text = words(page_soup, boards.open_vragen(site, urls.AGENDA))
    assert "Gaan we door met de pilot? De bestuurders besluiten in het najaar." in text


# -- visie, organisatie, begrippen, home ----------------------------------------------------------


def test_visie_lists_what_serves_each_principe(site: Site) -> None:
    page = visie.visie(site, urls.VISIE)
    section = page[page.index("{ #principe-dicht-bij-huis }"):page.index("{ #principe-samen }")]
    assert 'href="../agenda/leerlingenvervoer/"' in section and 'href="../pilots/school-test/"' in section
    samen = page[page.index("{ #principe-samen }"):page.index("{ #uitgangspunten }")]
    assert 'href="../pilots/school-test/"' in samen and "leerlingenvervoer" not in samen


def test_visie_shows_current_and_earlier_versions(site: Site, soup, page_soup) -> None:
    page = visie.visie(site, urls.VISIE)
    text = words(page_soup, page)
    for part in ("Agendaperiode: 2023-2024", "Wat we samen willen.", "Ieder kind groeit zo normaal mogelijk op.",
                 "Voor alle kinderen:", "Scholen organiseren passend onderwijs.", "Iedereen weet wat er is afgesproken.",
                 "Meer kinderen op een school in de buurt.", "Genoeg plekken in de wijk.", "Criteria voor de test."):
        assert part in text, part
    assert "## Leidende principes { #principes }" in page
    earlier = soup(page).select_one("details#versie-2021-2022")
    assert "Agendaperiode 2021-2022" in earlier.summary.get_text()
    assert "Ieder kind telt mee." in earlier.get_text() and "Zo dicht mogelijk bij huis." in earlier.get_text()
    assert "{ #criteria-lokaal }" in page and "{ #criteria-lokaal-en-regionaal }" in page
    assert "{ #samenwerking-regionaal }" in page and "### lokaal { #samenwerking-lokaal }" in page


def test_organisatie_nests_the_gremia_and_says_who_leads_what(site: Site, soup) -> None:
    page = soup(organisatie.organisatie(site, urls.ORGANISATIE))
    inner = page.select_one("li#gremium-werkgroep-test")
    assert inner.find_parent("li")["id"] == "gremium-bestuurlijk-overleg"
    # the records are in the table
    assert [a["href"] for a in inner.select("a")] == ["../besluiten/#besluit-pilot-wijk-test-statushistorie-1",
                                                      "../bronnen/testbron/",
                                                      "https://example.org/documenten/testbron.pdf"]
    table = page.select_one('.agenda-table[aria-label="Wie trekt wat"] table')
    assert [th.get_text() for th in table.select("th")] == ["Gremium", "Trekker van", "Werkt mee aan"]
    rows = {tr.td.get_text(): tr.select("td") for tr in table.select("tbody tr")}
    assert list(rows) == ["Bestuurlijk overleg", "Werkgroep Test"]
    assert rows["Werkgroep Test"][0].a["href"] == "#gremium-werkgroep-test"
    assert [a["href"] for a in rows["Werkgroep Test"][1].select("a")] == ["../pilots/school-test/",  # by title
                                                                          "../agenda/leerlingenvervoer/"]
    assert rows["Werkgroep Test"][2].get_text() == "geen"
    assert rows["Bestuurlijk overleg"][1].get_text() == "geen"
    assert [a["href"] for a in rows["Bestuurlijk overleg"][2].select("a")] == ["../pilots/school-test/"]
    assert "Doet mee aan:" in page.select_one("li#partner-swv-test").get_text()
    diagram = page.select_one("figure div.agenda-diagram svg.sa-org")
    assert diagram.select_one('a[href="#gremium-werkgroep-test"]') is not None
    assert diagram["style"] == "max-width:100%;height:auto"  # drawn for a phone, scaled down on a narrower one


def test_begrippen(site: Site, soup) -> None:
    begrippen = soup(glossary.begrippen(site, urls.BEGRIPPEN))
    assert [h2.get_text(" ", strip=True) for h2 in begrippen.select("h2")] == [
        "Op overeenstemming gericht overleg (OOGO)", "Wijkteam"]
    assert [h2["id"] for h2 in begrippen.select("h2")] == ["begrip-op-overeenstemming-gericht-overleg", "begrip-wijkteam"]


def test_home(model: Model, page_soup) -> None:
    history = DataHistory(date(2024, 5, 1), (
        RecordChange(date(2024, 4, 2), "opgave", "thuiszitters", "gewijzigd", None),
        RecordChange(date(2024, 5, 1), "pilot", "school-test", "gewijzigd", None),
        RecordChange(date(2024, 5, 1), "pilot", "weg", "verwijderd", "Weg"),
    ))
    site = Site(model, today=TODAY, history=history)
    here = urls.HOME
    assert home.title(site) == "# Samenwerkingsagenda Testregio"
    assert "Ieder kind groeit zo normaal mogelijk op." in home.visie(site, here)
    assert '<a href="visie/#principe-dicht-bij-huis">Dicht bij huis</a>' in home.principes(site, here)
    assert '<a href="evaluaties/2024/">Evaluatie 2024</a>' in home.laatste_evaluatie(site, here)
    recent = words(page_soup, home.recent(site, here))
    # the five newest: the agenda's events and the later edits from git, newest first
    assert recent == (
        "Wat is er veranderd? Het laatste nieuws uit de agenda, het nieuwste eerst. "
        "1 november 2024 : Evaluatie 2024 is verschenen "
        "1 november 2024 : besluit van Bestuurlijk overleg bij Evaluatie 2024 : Doorgaan met de pilot. "
        "30 juni 2024 : Samenwerking onderwijs en leerlingenvervoer : mijlpaal bereikt: Uitgangspunten uitgewerkt "
        "1 mei 2024 : Weg (pilot, bestaat niet meer): verwijderd "
        "1 mei 2024 : Jeugdhulp op de testschool : bijgewerkt "
        "Bij 1 opgave of pilot is de datum van de huidige status niet bekend. Alle opgaven met hun status "
        "Alles wat er veranderd is · Alle besluiten, het nieuwste eerst"
    )
    links = {a.get_text(): a["href"] for a in page_soup(home.recent(site, here)).find_all("a")}
    assert links["Alles wat er veranderd is"] == "veranderd/"
    assert links["besluit"] == "besluiten/#besluit-evaluatie-2024-besluiten-0"


def test_home_shows_no_old_status_of_the_real_records(page_soup) -> None:
    """No record appears with a status it no longer has: on the real data every current step is
    undated, so each step of 2021 says the status now."""
    real = Site(load(Path(__file__).parents[1] / "data").model, today=TODAY)
    items = [" ".join(li.get_text(" ").split()) for li in page_soup(home.recent(real, urls.HOME)).find_all("li")]
    assert items == [
        "2021 : Beoordelingstafels vrijstelling leerplicht worden: Team Ontwikkelingsmogelijkheden ( TOM ) : "
        "status in uitvoering ; nu bereikt (datum niet bekend)",
        "2021 : Betere onderwijskansen voor kinderen die zijn aangewezen op een gespecialiseerde instelling "
        "(zoals residentiële instellingen, specialistische behandelcentra) : "
        "status in ontwikkeling ; nu in ontwikkeling (datum niet bekend)",
        "2021 : Nadere invulling van het 'Grijze gebied' : status in ontwikkeling ; nu in ontwikkeling (datum niet bekend)",
        "2021 : Ondersteuning van het jonge kind : status verkennend ; nu in ontwikkeling (datum niet bekend)",
        "2021 : Uitvoering ketenaanpak dyslexie : status in uitvoering ; nu in uitvoering (datum niet bekend)",
    ]
    assert "Bij 19 opgaven en pilots is de datum van de huidige status niet bekend." in words(
        page_soup, home.recent(real, urls.HOME)
    )


# -- herziening on the boards and record pages -----------------------------------------------------


def test_overdue_and_nearly_due_reviews_are_marked_in_words(model: Model, soup) -> None:
    # leerlingenvervoer must be reviewed by 31 December 2099, school-test by 30 June 2099
    site = Site(model, today=date(2100, 1, 5))
    card = soup(boards.statusbord(site, urls.AGENDA)).select_one('.agenda-card[data-thema="dichtbij"]')
    assert card.select_one(".agenda-review").get_text() == "Herziening verlopen sinds 31 december 2099"
    assert "agenda-review--verlopen" in card.select_one(".agenda-review")["class"]
    page = soup(opgave_page(site, site.opgaven["leerlingenvervoer"]))
    assert page.select_one("p.agenda-notice").get_text() == "Herziening verlopen sinds 31 december 2099"
    pilots = soup(boards.pilotbord(Site(model, today=date(2099, 6, 10)), urls.PILOTS))
    assert [p.get_text() for p in pilots.select(".agenda-review")] == ["Herziening binnenkort: uiterlijk 30 juni 2099"]
    page = soup(pilot_page(Site(model, today=date(2099, 6, 10)), site.pilots["school-test"]))
    assert page.select_one("p.agenda-notice").get_text() == "Herziening binnenkort: uiterlijk 30 juni 2099"


def test_no_review_mark_long_before_the_date(site: Site, page_soup) -> None:
    assert "agenda-review" not in boards.statusbord(site, urls.AGENDA) + boards.pilotbord(site, urls.PILOTS)
    assert "agenda-review" not in opgave_page(site, site.opgaven["leerlingenvervoer"])
    assert "Herzien uiterlijk 31 december 2099" in words(
        page_soup, opgave_page(site, site.opgaven["leerlingenvervoer"])
    )


# -- "Meld een fout op deze pagina" ------------------------------------------------------------------


def _record_pages(site: Site) -> dict[str, str]:
    """Every generated page of a record or a source: its source path -> its content."""
    others = {urls.grouping_page(name) for name in ("thema", "niveau", "trekker", "gremium")}
    others |= {page_src(kind) for kind in KINDS}
    return {page.src_uri: page.content for page in generated_pages(site) if page.src_uri not in others}


def test_every_record_page_links_to_the_prefilled_error_form(site: Site, soup) -> None:
    pages = _record_pages(site)
    assert len(pages) == 8  # 5 records, 2 sources and a chapter
    for src, content in pages.items():
        links = [a for a in soup(content).find_all("a") if a.get_text() == "Meld een fout op deze pagina"]
        assert len(links) == 1, src
        url = urlsplit(links[0]["href"])
        assert (url.scheme, url.netloc, url.path) == ("https", "github.com", "/voorbeeld/testregio/issues/new")
        query = parse_qs(url.query)
        assert query["template"] == ["meld-een-fout.yml"]
        assert query["pagina"] == [urls.page_url(src)]
        assert query["title"] == [f"Fout: {front_matter(content)['title']}"]


def test_without_a_repository_the_page_says_how_to_report(model: Model, soup) -> None:
    site = Site(dataclasses.replace(model, regio=dataclasses.replace(model.regio, repository=None)), today=TODAY)
    for src, content in _record_pages(site).items():
        assert "github" not in content.lower() and "Meld een fout" not in content, src
        report = soup(content).select_one("p.agenda-report")
        assert report.get_text() == (
            "Klopt er iets niet op deze pagina? Op Bijdragen leest u hoe u een wijziging voorstelt."
        )
        assert report.a["href"] == urls.href(src, urls.BIJDRAGEN)


# -- status histories ------------------------------------------------------------------------------


def test_status_at_the_end_of_a_year(site: Site) -> None:
    steps = site.opgaven["leerlingenvervoer"].statushistorie  # 2023 verkennend, 14 March 2024 in uitvoering
    assert [status_in(steps, year) for year in (2022, 2023, 2024, 2030)] == [
        None, "verkennend", "in uitvoering", "in uitvoering"]
    assert status_in(site.opgaven["thuiszitters"].statushistorie, 2024) is None  # its only step is undated


# -- boards at scale ---------------------------------------------------------------------------------

THEMAS = ("jeugdhulp", "onderwijs", "vervoer")


def many(model: Model, count: int) -> Site:
    """The test region with ``count`` made-up opgaven over four themas (one of them unknown),
    both niveaus, every status and three trekkers."""
    bron = model.regio.themas[0].bronnen
    themas = model.regio.themas + tuple(
        Thema(id=code, naam=f"Thema {code}", omschrijving=f"Over {code}.", bronnen=bron) for code in THEMAS
    )
    codes = [*THEMAS, ONBEKEND]
    base = model.opgaven[0]
    opgaven = tuple(
        dataclasses.replace(
            base,
            id=f"opgave-{n:04d}",
            titel=f"Opgave {n:04d}",
            thema=codes[n % len(codes)],
            niveau=("lokaal", "regionaal")[n % 2],
            status=STATUSES[n % len(STATUSES)],
            trekker=("werkgroep-test", "bestuurlijk-overleg", ONBEKEND)[n % 3],
            verwant=(),
            herziening=None,
        )
        for n in range(count)
    )
    files = {key: path for key, path in model.bestanden.items() if key[0] != "opgave"}
    files |= {("opgave", o.id): f"agenda/{o.id}.yaml" for o in opgaven}
    regio = dataclasses.replace(model.regio, themas=themas)
    return Site(dataclasses.replace(model, regio=regio, opgaven=opgaven, bestanden=files), today=TODAY)


def anchors(soup, page: str) -> set[str]:
    """The ids on a rendered page: of HTML elements and of Markdown headings."""
    return {tag["id"] for tag in soup(page).find_all(id=True)} | set(re.findall(r"\{ #([\w-]+)[^}]* \}", page))


def _agenda_page(site: Site) -> str:
    return groupings.agenda_intro(site, urls.AGENDA) + boards.statusbord(site, urls.AGENDA)


def test_one_board_up_to_the_threshold_then_a_board_per_thema(model: Model) -> None:
    assert not many(model, ONE_BOARD_MAX).per_thema
    assert "agenda-card" in boards.statusbord(many(model, ONE_BOARD_MAX), urls.AGENDA)
    assert many(model, ONE_BOARD_MAX + 1).per_thema
    assert not Site(load(Path(__file__).parents[1] / "data").model, today=TODAY).per_thema  # the real agenda


def test_at_scale_the_agenda_page_does_not_grow_with_the_opgaven(model: Model, soup) -> None:
    small, large = _agenda_page(many(model, 300)), _agenda_page(many(model, 600))
    for page in (small, large):
        parsed = soup(page)
        assert not parsed.select(".agenda-card") and "agenda-board" not in page
        assert "kaarten" not in page  # what is not known is said without speaking of cards
        assert not [a for a in parsed.find_all("a") if "opgave-" in a["href"]]  # no link to any opgave
        assert len(page) < 15_000
    assert abs(len(large) - len(small)) < 200  # only the counts differ


def test_at_scale_the_agenda_page_counts_per_thema_and_status(model: Model, soup) -> None:
    site = many(model, 300)
    table = soup(boards.statusbord(site, urls.AGENDA)).find("table")
    assert [th.get("id") for th in table.select("thead th")] == [
        None, "opgaven-verkennend", "opgaven-in-ontwikkeling", "opgaven-in-uitvoering", "opgaven-bereikt",
        "opgaven-gestopt", "opgaven-onbekend", None]
    rows = {tr.td.get_text(): [td.get_text() for td in tr.find_all("td")[1:]] for tr in table.select("tbody tr")}
    assert list(rows) == ["Thema jeugdhulp", "Thema onderwijs", "Thema vervoer", "Nog niet bekend", "Alle thema's"]
    for code, name in zip((*THEMAS, ONBEKEND), rows):
        members = [o for o in site.model.opgaven if o.thema == code]
        assert rows[name] == [str(sum(1 for o in members if o.status == s)) for s in STATUSES] + [str(len(members))]
    assert rows["Alle thema's"][-1] == "300"
    first = table.select_one("tbody tr td a")
    assert first["href"] == "thema/jeugdhulp/"
    # the home page's counts link to the columns of this table
    for a in soup(boards.status_counts(site, urls.HOME)).select('a[href^="agenda/"]'):
        assert table.find(id=a["href"].split("#")[1]) is not None


def test_at_scale_each_thema_board_lists_exactly_its_opgaven(model: Model, soup) -> None:
    site = many(model, 200)  # 50 opgaven per thema: one board each
    pages = {page.src_uri: page for page in generated_pages(site)}
    thema_pages = {src: page for src, page in pages.items() if src.startswith("agenda/thema/")}
    assert set(thema_pages) == {urls.thema_page(code) for code in (*THEMAS, ONBEKEND)}  # 'dichtbij' has none
    for code in (*THEMAS, ONBEKEND):
        page = thema_pages[urls.thema_page(code)]
        assert page.data_file is None and front_matter(page.content)["render_macros"] is False
        parsed = soup(page.content)
        board = parsed.select_one('.agenda-board[data-board="opgaven"]')
        cards = [a["href"] for a in board.select(".agenda-card__title a")]
        expected = sorted(f"../../{o.id}/" for o in site.model.opgaven if o.thema == code)
        assert sorted(cards) == expected and len(cards) == 50
        for column in board.select(".agenda-column"):
            status = column.h2["id"].removeprefix("opgaven-")
            assert all(card["data-status"] == status for card in column.select(".agenda-card"))
        # narrowing per niveau and trekker within the thema, without a script
        assert parsed.find("form", class_="agenda-filter").select('select[name="thema"]') == []
        niveaus = {f"niveau-{o.niveau}" for o in site.model.opgaven if o.thema == code}
        assert {"per-niveau", "per-trekker", "trekker-werkgroep-test", *niveaus} <= anchors(soup, page.content)
        # not per gremium (an opgave would stand there once per gremium); the lists follow the cards in the
        # filter script, so they carry no data of their own
        assert "per-gremium" not in anchors(soup, page.content)
        items = parsed.select("li.agenda-item")
        assert len(items) == 2 * len(cards) and not [li for li in items if li.has_attr("data-status")]


def test_at_scale_a_thema_too_large_for_one_board_links_to_lists_per_status_and_group(model: Model, soup) -> None:
    """Point 11 of issue 14: a thema of more than ONE_BOARD_MAX opgaven counts them per status,
    niveau and trekker, each count linked to a list of its own, with the anchors of a board."""
    sizes = {}
    for count in (300, 600):  # 75 and 150 opgaven per thema
        site = many(model, count)
        pages = {page.src_uri: page.content for page in generated_pages(site)}
        here = urls.thema_page("onderwijs")
        page = pages[here]
        sizes[count] = len(page)
        parsed = soup(page)
        assert not parsed.select(".agenda-card") and not parsed.find("form", class_="agenda-filter")
        assert not [a for a in parsed.find_all("a") if "opgave-" in a["href"]]  # names no opgave
        assert "Nog niet bekend is" in page and "kaarten" not in page  # it has no cards to speak of
        members = [o for o in site.model.opgaven if o.thema == "onderwijs"]
        # the columns of a board (the four, and 'gestopt' only when an opgave has it), the groups that have opgaven
        columns = boards.board_statuses(members)
        expected = {f"opgaven-{slug(s)}": [o for o in members if o.status == s] for s in columns}
        groups = {f"niveau-{o.niveau}" for o in members} | {f"trekker-{o.trekker}" for o in members}
        expected |= {g: [o for o in members if g in (f"niveau-{o.niveau}", f"trekker-{o.trekker}")] for g in groups}
        assert "opgaven-gestopt" not in expected and "niveau-lokaal" not in expected  # none of its opgaven
        assert {"per-niveau", "per-trekker"} <= anchors(soup, page)
        for anchor, records in expected.items():
            assert anchor in anchors(soup, page), anchor
            # the count after the anchor links to the first page of its list
            after = page[page.index(anchor):]
            if not records:  # a column of the four that no opgave of the thema has
                assert after.index("Geen opgaven.") < after.index("<a "), anchor
                continue
            link = soup(after).find("a")
            assert link.get_text() == f"{len(records)} opgaven", anchor
            first = next(src for src in pages if urls.href(here, src) == link["href"])
            listed, number, current = [], 1, first
            while current in pages:
                items = soup(pages[current]).select("ul li > a")
                assert len(items) <= LIST_MAX
                listed += [a.get_text() for a in items]
                number += 1
                current = f"{first.removesuffix('.md')}/{number}.md"
            assert listed == sorted(o.titel for o in records), anchor
    assert abs(sizes[600] - sizes[300]) < 300  # the page grows with the number of groups only


@pytest.mark.parametrize("count", [200, 300])  # a board per thema; a thema too large for one board
def test_at_scale_links_land_on_the_thema_boards(model: Model, soup, count: int) -> None:
    site = many(model, count)
    thema_anchors = {src: anchors(soup, page) for src, page in boards.thema_pages(site).items()}
    pages = groupings.grouping_pages(site)
    assert set(pages) == {urls.grouping_page(name) for name in ("thema", "niveau", "trekker", "gremium")}
    for page in pages.values():
        links = [a["href"] for a in soup(page).find_all("a") if a.get_text() != "← Agenda"]
        assert links
        for href in links:
            match = re.fullmatch(r"\.\./\.\./thema/([\w-]+)/(?:#([\w-]+))?", href)
            assert match, href
            code, anchor = match.groups()
            assert anchor is None or anchor in thema_anchors[urls.thema_page(code)], href
    page = opgave_page(site, site.opgaven["opgave-0001"])
    assert '<a href="../thema/onderwijs/">Thema onderwijs</a>' in page
    thema_link = f'<a href="../agenda/thema/onderwijs/">De {count // 4} opgaven van dit thema</a>'
    assert thema_link in visie.visie(site, urls.VISIE)


def test_the_toelichting_on_locations_is_markdown(site: Site, soup) -> None:
    """A bug: it was shown as plain text, so a list in it ran on as one paragraph."""
    pilot = site.pilots["school-test"]
    toelichting = "Zo kiezen we:\n\n- eerst de **testschool**\n- dan de rest"
    locaties = dataclasses.replace(pilot.locaties, toelichting=toelichting)
    page = pilot_page(site, dataclasses.replace(pilot, locaties=locaties))
    items = [li.decode_contents() for li in soup(page).select(".agenda-prose ul li")]
    assert "eerst de <strong>testschool</strong>" in items and "dan de rest" in items


def test_text_from_the_data_brings_no_blank_line_into_the_page(soup) -> None:
    """A blank line would end an HTML block of the page; &#10; is the same line break to a browser."""
    prose = Prose({})
    assert esc("een\n\ntwee\n \n\ndrie") == "een&#10;\ntwee&#10; &#10;\ndrie"
    assert "\n\n" not in prose.markdown("Code:\n\n    regel 1\n\n    regel 2\n")
    assert soup(esc("een\n\ntwee")).get_text() == "een\n\ntwee"


def test_at_scale_organisatie_and_visie_link_to_lists_of_their_own(model: Model, soup) -> None:
    """Point 11 of issue 14: a page names at most LIST_MAX records; longer lists get pages of their own."""
    site = many(model, 300)  # every copy serves 'dicht-bij-huis', works with werkgroep-test and gemeente-test
    org = soup(organisatie.organisatie(site, urls.ORGANISATIE))
    row = next(tr for tr in org.select("tbody tr") if tr.td.get_text() == "Werkgroep Test")
    lead, work = row.select("td")[1:]
    assert (lead.get_text(), lead.a["href"]) == ("100 opgaven en 1 pilot", "trekker/werkgroep-test/")
    assert (work.get_text(), work.a["href"]) == ("200 opgaven", "werkt-mee/werkgroep-test/")
    partner = org.select_one("li#partner-gemeente-test")
    assert "Doet mee aan: 300 opgaven en 1 pilot" in " ".join(partner.get_text().split())
    assert partner.select_one('a[href="partner/gemeente-test/"]') is not None
    page = visie.visie(site, urls.VISIE)
    principe = soup(page[page.index("{ #principe-dicht-bij-huis }"):page.index("{ #principe-samen }")])
    assert principe.a["href"] == "principe/dicht-bij-huis/" and principe.a.get_text() == "300 opgaven en 1 pilot"

    pages = {p.src_uri: p for p in generated_pages(site)}
    leads = sorted(r.titel for r in site.leading["werkgroep-test"])
    first, second = urls.href("", "organisatie/trekker/werkgroep-test.md"), "organisatie/trekker/werkgroep-test/2.md"
    assert first == "organisatie/trekker/werkgroep-test/" and second in pages
    named = []
    for src, number in (("organisatie/trekker/werkgroep-test.md", 1), (second, 2)):
        listed = soup(pages[src].content)
        assert pages[src].data_file is None
        assert listed.select_one('nav.agenda-pages span[aria-current="page"]').get_text() == str(number)
        named += [a.get_text() for a in listed.select("ul li > a")]
    assert named == leads and len(named) == 101  # by title, 60 on the first page, 41 on the second
    assert {src for src in pages if src.startswith(("organisatie/", "visie/"))} == {
        "organisatie/trekker/werkgroep-test.md", second, "organisatie/trekker/bestuurlijk-overleg.md",
        "organisatie/trekker/bestuurlijk-overleg/2.md", "organisatie/werkt-mee/werkgroep-test.md",
        *(f"organisatie/werkt-mee/werkgroep-test/{n}.md" for n in (2, 3, 4)),
        "organisatie/partner/gemeente-test.md", *(f"organisatie/partner/gemeente-test/{n}.md" for n in (2, 3, 4, 5, 6)),
        "visie/principe/dicht-bij-huis.md", *(f"visie/principe/dicht-bij-huis/{n}.md" for n in (2, 3, 4, 5, 6)),
        "visie/principe/samen.md", "organisatie/werkt-mee/bestuurlijk-overleg.md", "organisatie/partner/swv-test.md",
    }
    for src, generated in pages.items():
        if src.startswith(("organisatie/", "visie/")):
            assert len(soup(generated.content).select("ul li > a")) <= LIST_MAX, src


def test_the_real_sized_pages_name_their_records_themselves(site: Site) -> None:
    assert not [p.src_uri for p in generated_pages(site) if p.src_uri.startswith(("organisatie/", "visie/"))]


def test_at_scale_an_evaluation_year_links_to_lists_of_its_own(model: Model, site: Site, soup) -> None:
    real, site = site, many(model, 300)
    page = evaluatie_page(site, site.evaluaties[2024])
    text = [p.get_text() for p in soup(page).select("p")]
    assert ("In 2024: 300 opgaven. Status eind 2024: 300 in uitvoering. De evaluatie bespreekt er 300; wat ze over "
            "elk zegt, staat op de eigen pagina.") in text
    assert ("In 2024: 2 pilots. Status eind 2024: 1 in uitvoering, 1 gestopt. De evaluatie bespreekt er 1; wat ze "
            "over elk zegt, staat op de eigen pagina.") in text
    links = {a.get_text(): a["href"] for a in soup(page).select("p a")}
    assert links["300 opgaven"] == "opgaven/" and links["2 pilots"] == "pilots/" and links["1 pilot"] == "indicatoren/"
    assert not soup(page).select("table")  # no row per record
    pages = {p.src_uri: p.content for p in generated_pages(site) if p.src_uri.startswith("evaluaties/2024/")}
    named = [a.get_text() for n in range(1, 6) for a in
             soup(pages["evaluaties/2024/opgaven.md" if n == 1 else f"evaluaties/2024/opgaven/{n}.md"]).select("li > a")]
    assert named == sorted(o.titel for o in site.model.opgaven)
    assert "Achter elke titel staat de status van nu." in pages["evaluaties/2024/pilots.md"]
    # the real-sized region keeps its tables (tests/test_render.py above) and the printed edition always does
    assert soup(evaluatie_page(real, real.evaluaties[2024])).select("table")


def test_at_scale_the_codes_of_the_opgaven_are_on_a_list_of_their_own(model: Model, soup, page_soup) -> None:
    site = many(model, 300)
    page = page_soup(code_lists(site, CODES))
    opgaven = page.find(id="opgaven").find_next("p").find_next("p")
    assert opgaven.get_text() == "De codes van de 300 opgaven staan op een eigen lijst."
    assert opgaven.a["href"] == "opgaven/"
    pages = {p.src_uri: p.content for p in generated_pages(site) if p.src_uri.startswith("bijdragen/codes/")}
    first = soup(pages["bijdragen/codes/opgaven.md"]).select("ul li")[0]
    assert [first.a.get_text(), first.code.get_text()] == ["Opgave 0000", "opgave-0000"]
    assert len(pages) == 6 and "bijdragen/codes/pilots.md" in pages  # 5 pages of opgaven, one of pilots
    assert page.find(id="gremia").find_next("table") is not None  # the region's own codes stay in tables


def test_with_more_pilots_than_one_board_holds_the_pilots_page_counts_them_per_status(model: Model, page_soup,
                                                                                     soup) -> None:
    base = model.pilots[0]
    pilots = tuple(dataclasses.replace(base, id=f"pilot-{n:03d}", titel=f"Pilot {n:03d}", herziening=None,
                                       status=("verkennend", "in uitvoering")[n % 2]) for n in range(ONE_BOARD_MAX + 11))
    files = {key: path for key, path in model.bestanden.items() if key[0] != "pilot"}
    files |= {("pilot", p.id): f"pilots/{p.id}.yaml" for p in pilots}
    site = Site(dataclasses.replace(model, pilots=pilots, bestanden=files), today=TODAY)
    page = page_soup(boards.pilotbord(site, urls.PILOTS))
    assert page.select(".agenda-card") == []
    verkennend = page.find(id="pilots-verkennend")  # the anchor the home page's counts link to
    assert verkennend.get_text().startswith("Verkennend (36)")
    assert verkennend.find_next("p").a["href"] == "status/verkennend/"
    assert verkennend.find_next("p").get_text() == "36 pilots"
    pages = {p.src_uri: p.content for p in generated_pages(site) if p.src_uri.startswith("pilots/status/")}
    assert sorted(pages) == ["pilots/status/in-uitvoering.md", "pilots/status/verkennend.md"]
    assert len(soup(pages["pilots/status/in-uitvoering.md"]).select("li > a")) == 35


def test_the_introduction_and_the_organisation_name_their_sources(site: Site, soup) -> None:
    """Issue 15, point 5: every text of a region can name where it comes from."""
    intro = soup(home.inleiding(site, urls.HOME))
    details = intro.find("details", class_="agenda-verantwoording")
    assert details.summary.get_text() == "Verantwoording" and details.a["href"] == "bronnen/testbron/"
    org = soup(organisatie.organisatie(site, urls.ORGANISATIE))
    note = org.find("div", class_="agenda-prose").find_next_sibling("p")
    assert note.get_text().startswith("Bron: ") and note.a["href"] == "../bronnen/testbron/"


def test_a_thema_links_to_its_monitoring_and_evaluation(site: Site, soup) -> None:
    """Issue 15, point 4: in the kwaliteitskompas, each hoofdlijn is followed by monitoring and evaluation."""
    page = visie.visie(site, urls.VISIE)
    section = soup(page[page.index("{ #thema-dichtbij }"):page.index("{ #criteria }")])
    label = section.find("p", class_="agenda-label", string="Monitoring en evaluatie")
    assert [(a.get_text(), a["href"]) for a in label.find_next("ul").find_all("a")] == [
        ("De indicatoren van Jeugdhulp op de testschool", "../pilots/school-test/#indicatoren"),
        ("De evaluatie van 2024", "../evaluaties/2024/"),
    ]
