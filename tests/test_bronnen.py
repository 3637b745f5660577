"""Bronnen: a page per source document that says what it is, where it can be read and what cites
it; a record's source line links to that page, and to the document when its address is known."""

from __future__ import annotations

import dataclasses

from agenda import urls
from agenda.loader import load
from agenda.model import Model
from agenda.render.bronnen import bron_pages, bronnen
from agenda.render.listing import LIST_MAX
from agenda.render.opgave import opgave_page
from agenda.site import Site
from conftest import REPO, TODAY


def test_the_list_of_sources_links_each_to_its_page(site: Site, soup) -> None:
    page = soup(bronnen(site, urls.BRONNEN))
    assert [d["id"] for d in page.select("div[id]")] == ["bron-testbron", "bron-tweede-bron"]
    assert [a["href"] for a in page.select("dt a")] == ["testbron/", "tweede-bron/"]
    assert [dd.get_text() for dd in page.select("dd")] == [
        "2023, basisdocument, bron van 1 opgave, 1 pilot, 1 evaluatie en 6 teksten van de site",
        "omstreeks 2024, niet online, bron van 2 opgaven, 1 pilot en 2 teksten van de site",
    ]


def test_a_source_with_an_address_says_what_it_is_and_what_cites_it(site: Site, page_soup) -> None:
    page = page_soup(bron_pages(site)[urls.bron_page("testbron")])
    assert page.h1.get_text() == "Verzonnen testdocument"
    facts = {dt.get_text(): dd for dt, dd in zip(page.select("dl dt"), page.select("dl dd"))}
    assert [facts["Soort document"].get_text(), facts["Datering"].get_text()] == ["basisdocument", "2023"]
    assert facts["Het document lezen"].a["href"] == "https://example.org/documenten/testbron.pdf"
    assert page.select_one("#genoemd + p").get_text() == (
        "Dit document is de bron van 1 opgave, 1 pilot, 1 evaluatie en 6 teksten van de site."
    )
    assert [h.get_text() for h in page.select("h3")] == [
        "Opgaven (1)", "Pilots (1)", "Evaluaties (1)", "Teksten van de site (6)"]
    assert [a["href"] for a in page.select("h3 + ul a")][:3] == [
        "../../agenda/leerlingenvervoer/", "../../pilots/school-test/", "../../evaluaties/2024/"]
    texts = [li.get_text() for li in page.select("#teksten + ul > li")]
    assert texts == [
        "Home: de inleiding, De jeugd in de testregio",
        "Visie en principes: de gedeelde visie en de principes, de criteria voor samenwerking, Ondersteuning dichtbij",
        "Organisatie: de toelichting, Bestuurlijk overleg, Werkgroep Test, Gemeente Test",
        "Begrippen: Op overeenstemming gericht overleg",
        "Agenda: de open vragen voor de bestuurders",
        "Afdrukken: Agenda (2021-2022), Agenda (2023-2024)",
    ]
    assert page.select_one('a[href="../../organisatie/#gremium-werkgroep-test"]') is not None
    assert page.select_one('a[href="../../visie/#thema-dichtbij"]').get_text() == "Ondersteuning dichtbij"
    assert page.select_one('a[href="../../over/de-jeugd/"]').get_text() == "De jeugd in de testregio"


def test_a_source_without_an_address_says_so(site: Site, page_soup) -> None:
    page = page_soup(bron_pages(site)[urls.bron_page("tweede-bron")])
    facts = {dt.get_text(): dd.get_text() for dt, dd in zip(page.select("dl dt"), page.select("dl dd"))}
    assert facts == {
        "Soort document": "niet vermeld",
        "Datering": "omstreeks 2024",
        "Het document lezen": "Niet online gepubliceerd, of het adres is niet bekend.",
    }
    assert [a.get_text() for a in page.select('a[href^="http"]')] == ["Meld een fout op deze pagina"]
    assert page.select_one('a[href="../../visie/#versie-2021-2022"]').get_text() == "de eerdere versie (2021-2022)"


def test_a_records_source_line_links_to_the_source_page_and_the_document(site: Site, page_soup) -> None:
    page = page_soup(opgave_page(site, site.opgaven["leerlingenvervoer"]))
    note = next(n for n in page.select(".agenda-note") if n.a and n.a["href"] == "../../bronnen/testbron/")
    assert note.get_text().startswith("Bron: Verzonnen testdocument · 2023 · open het document")
    assert [a["href"] for a in note.select("a")][:2] == [
        "../../bronnen/testbron/", "https://example.org/documenten/testbron.pdf"]


def _many(model: Model, count: int) -> Model:
    """The model with ``count`` copies of its first opgave (each citing its sources)."""
    first = model.opgaven[0]
    copies = tuple(dataclasses.replace(first, id=f"kopie-{n:04}", titel=f"Kopie {n}") for n in range(count))
    return dataclasses.replace(model, opgaven=copies)


def test_many_citing_records_are_listed_on_pages_of_their_own(model: Model, page_soup) -> None:
    """As every list that names records (``listing``): at most LIST_MAX on a page, each kind its count
    linked to a list of its own when the kinds together are more."""
    count = 2 * LIST_MAX + 5
    site = Site(_many(model, count), today=TODAY)
    pages = bron_pages(site)
    first = page_soup(pages[urls.bron_page("testbron")])
    assert first.select_one("#opgaven").get_text() == f"Opgaven ({count})"
    assert first.select('a[href^="../../agenda/kopie-"]') == []  # the copies are on their own pages, not here
    link = first.select_one("#opgaven").find_next("p").a
    assert (link.get_text(), link["href"]) == (f"{count} opgaven", "opgaven/")
    evaluation = first.select_one("#evaluaties").find_next("p").a  # its other kinds too: the page names none
    assert (evaluation.get_text(), evaluation["href"]) == ("1 evaluatie", "evaluaties/")
    listed = []
    for src in ("bronnen/testbron/opgaven.md", "bronnen/testbron/opgaven/2.md", "bronnen/testbron/opgaven/3.md"):
        page = page_soup(pages[src])
        assert page.h1.get_text() == "Opgaven met als bron: Verzonnen testdocument"
        listed += [a.get_text() for a in page.select("ul li > a")]
    assert sorted(listed) == sorted(f"Kopie {n}" for n in range(count)) and len(listed) == count
    assert "bronnen/testbron/opgaven/4.md" not in pages
    assert page_soup(pages["bronnen/testbron/evaluaties.md"]).select_one("ul li > a")["href"] == "../../../evaluaties/2024/"


def test_the_real_osj_basisdocument_names_the_pilot_and_the_opgave(page_soup) -> None:
    site = Site(load(REPO / "data").model, today=TODAY)
    page = page_soup(bron_pages(site)[urls.bron_page("osj-basisdocument")])
    listed = [a["href"] for a in page.select("#opgaven + ul a, #pilots + ul a")]
    assert listed == ["../../agenda/osj/", "../../pilots/osj/"]
    # the sources give no web address of any document: none is invented
    assert "Niet online gepubliceerd, of het adres is niet bekend." in page.get_text()
