"""A region's own chapters (regio.yaml: hoofdstukken) and its own headings (koppen): the test
region of Alkmaar has its picture of the youth, its finances and its 'Bestuurlijke discussie',
each on the site and in the printable edition, where the context comes before the visie; and
its pilots name the education they are for, as the source lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from agenda.model import Koppen
from agenda.render import boards, print_edition
from agenda.render.hoofdstuk import hoofdstuk_page, hoofdstukken_list
from agenda.render.pilot import pilot_page

from conftest import REPO

ALKMAAR = REPO / "tests" / "regio_alkmaar"
IN_ALKMAAR = pytest.mark.parametrize("model", [ALKMAAR], indirect=True, ids=["alkmaar"])


def _html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


@IN_ALKMAAR
def test_each_chapter_has_a_page_under_its_own_heading_with_its_sources(site, page_soup) -> None:
    [context, finance] = site.regio.hoofdstukken
    page = page_soup(hoofdstuk_page(site, context))
    assert [h.get_text(strip=True) for h in page.find_all(["h1", "h2"])] == ["Jeugdigen in beeld", "Bronnen"]
    assert page.find(class_="agenda-lead").get_text() == context.samenvatting
    assert "Regionale cijfers." in page.get_text()
    assert "Deel A, 1. Jeugdigen in beeld" in page.find("details").get_text()
    assert page_soup(hoofdstuk_page(site, finance)).h1.get_text(strip=True) == "Financiën"


@IN_ALKMAAR
def test_the_home_page_lists_the_chapters_in_the_regions_order(site, page_soup) -> None:
    listed = page_soup(hoofdstukken_list(site, "index.md"))
    assert [(a.get_text(), a["href"]) for a in listed.find_all("a")] == [
        ("Jeugdigen in beeld", "over/jeugdigen-in-beeld/"),
        ("Financiën", "over/financien/"),
    ]


@IN_ALKMAAR
def test_the_open_questions_carry_the_regions_own_heading(site, page_soup) -> None:
    assert site.regio.koppen.open_vragen == "Bestuurlijke discussie"
    assert page_soup(boards.open_vragen(site, "agenda/index.md")).h2.get_text(strip=True) == "Bestuurlijke discussie"


@IN_ALKMAAR
def test_the_printable_edition_has_the_context_first_and_the_finances_after_the_agenda(site) -> None:
    [edition] = [e for e in print_edition.editions(site) if e.periode is not None]
    page = _html(print_edition.edition_page(site, edition, None))
    headings = [h.get_text(strip=True) for h in page.find_all("h2")]
    assert headings == [
        "Inhoud", "Jeugdigen in beeld", "Gedeelde visie", site.versie.principes_kop,
        "Hoe de samenwerking is georganiseerd", "Thema's", "Randvoorwaarden", "Overzicht van de opgaven",
        "Opgaven", "Pilots", "Bestuurlijke discussie", "Financiën", "Organisatie", "Afkortingen", "Bronnen",
    ]
    contents = [a.get_text(strip=True) for a in page.find(id="inhoud").find_next("ol").find_all("a", recursive=True)]
    assert contents[:2] == ["Jeugdigen in beeld", "Gedeelde visie"]
    assert "Willen we een aanpak per wijk of werkgebied?" in page.get_text()


@pytest.mark.parametrize("model", [REPO / "data"], indirect=True, ids=["data"])
def test_a_region_without_chapters_or_headings_of_its_own_gets_the_engines(site, page_soup) -> None:
    assert site.regio.hoofdstukken == () and site.regio.koppen == Koppen()
    assert hoofdstukken_list(site, "index.md") == ""
    assert Koppen().open_vragen == "Open vragen voor de bestuurders"


@IN_ALKMAAR
def test_a_pilot_names_the_education_it_is_for_as_its_source_does(site, page_soup) -> None:
    page = page_soup(pilot_page(site, site.pilots["jggz-vo-mbo"]))
    facts = {dt.get_text(strip=True): dd.get_text() for dt, dd in zip(page.select(".agenda-facts dt"), page.select(".agenda-facts dd"))}
    assert facts["Onderwijs"] == "Voortgezet onderwijs, MBO"
    assert {p.id for p in site.model.pilots if "Primair onderwijs" in p.onderwijs} == {
        "de-trimaran", "samen-sterker-naar-school", "de-boog", "buitengewoon-leren", "kanzklas", "de-alk"}
