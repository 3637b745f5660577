"""The page "Besluiten": every besluit, newest first, with its links both ways (the record pages,
the evaluation pages and the Organisatie page link to each besluit's stable anchor); on the real
data (which has none) a plain sentence and the way to record one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from agenda.loader import load
from agenda.model import Gremium, Model
from agenda import site as site_module
from agenda.render.besluiten import besluiten, year_pages
from agenda.render.generated import generated_pages
from agenda.render.evaluatie import evaluatie_page
from agenda.render.opgave import opgave_page
from agenda.render import organisatie as organisatie_module
from agenda.render.organisatie import organisatie
from agenda.render.pilot import pilot_page
from agenda.site import Site

TODAY = date(2025, 1, 15)


def _rows(soup, page: str) -> list[list[str]]:
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup(page).select("tbody tr")]


def test_every_besluit_newest_first_with_its_record_and_status_change(model: Model, soup) -> None:
    page = besluiten(Site(model, today=TODAY), "besluiten.md")
    assert soup(page).p.get_text() == "3 besluiten over de opgaven, pilots en evaluaties, het nieuwste eerst."
    assert _rows(soup, page) == [
        ["1 november 2024", "Bestuurlijk overleg", "Evaluatie 2024", "Doorgaan met de pilot.", "BO-2024-11"],
        ["14 maart 2024", "Bestuurlijk overleg", "Samenwerking onderwijs en leerlingenvervoer",
         "van verkennend naar in uitvoering", "BO-2024-03"],
        ["datum niet bekend", "Werkgroep Test", "Wijkteam in de testwijk", "van in uitvoering naar gestopt",
         "niet bekend"],
    ]
    links = {a.get_text(): a["href"] for a in soup(page).select("tbody a")}
    assert links["Bestuurlijk overleg"] == "../organisatie/#gremium-bestuurlijk-overleg"
    assert links["Samenwerking onderwijs en leerlingenvervoer"] == "../agenda/leerlingenvervoer/#status"
    assert links["Evaluatie 2024"] == "../evaluaties/2024/#besluiten"
    assert [span["id"] for span in soup(page).select("tbody td span[id]")] == [
        "besluit-evaluatie-2024-besluiten-0",
        "besluit-opgave-leerlingenvervoer-statushistorie-1",
        "besluit-pilot-wijk-test-statushistorie-1",
    ]


def _links_to_besluiten(soup, html: str) -> list[str]:
    return [a["href"].partition("#")[2] for a in soup(html).select("a[href]") if "besluiten/#" in a["href"]]


def test_each_besluit_is_linked_from_its_record_and_its_gremium(model: Model, soup) -> None:
    site = Site(model, today=TODAY)
    anchors = {span["id"] for span in soup(besluiten(site, "besluiten.md")).select("span[id]")}
    opgave = soup(opgave_page(site, site.opgaven["leerlingenvervoer"]))
    step = opgave.select("ol.agenda-history > li")[1]
    assert step.find("a", string="naar het besluit")["href"] == (
        "../../besluiten/#besluit-opgave-leerlingenvervoer-statushistorie-1"
    )
    assert _links_to_besluiten(soup, pilot_page(site, site.pilots["wijk-test"])) == [
        "besluit-pilot-wijk-test-statushistorie-1"
    ]
    assert _links_to_besluiten(soup, evaluatie_page(site, site.evaluaties[2024])) == [
        "besluit-evaluatie-2024-besluiten-0"
    ]
    org = soup(organisatie(site, "organisatie.md"))
    lines = {
        li["id"]: [p.get_text() for p in li.find_all("p", recursive=False) if p.get_text().startswith("Besluiten:")]
        for li in org.select("li[id^=gremium-]")
    }
    assert lines == {
        "gremium-bestuurlijk-overleg": ["Besluiten: 1 november 2024, 14 maart 2024"],
        "gremium-werkgroep-test": ["Besluiten: datum niet bekend"],
    }
    linked = [a["href"].partition("#")[2] for a in org.select("li[id^=gremium-] a[href*='besluiten/#']")]
    assert set(linked) == anchors


def test_without_besluiten_the_page_says_so_and_how_one_is_recorded(soup) -> None:
    real = Site(load(Path(__file__).parents[1] / "data").model, today=TODAY)
    page = soup(besluiten(real, "besluiten.md"))
    assert page.get_text(" ", strip=True) == (
        "Er zijn nog geen besluiten over de opgaven, pilots en evaluaties vastgelegd. "
        "Een besluit komt hier zodra het bij een opgave, pilot of evaluatie staat. Zo legt u een besluit vast ."
    )
    assert page.a["href"] == "../bijdragen/#een-nieuwe-status-altijd-met-een-besluit"


def test_without_besluiten_the_organisatie_page_says_so_once_and_how_one_is_recorded(soup) -> None:
    real = Site(load(Path(__file__).parents[1] / "data").model, today=TODAY)
    page = soup(organisatie(real, "organisatie.md"))
    said = page.find(string=lambda t: "nog geen besluiten" in t)
    assert said.parent.get_text(" ", strip=True) == (
        "Er zijn nog geen besluiten van de gremia vastgelegd. Zo legt u een besluit vast ."
    )
    assert said.parent.a["href"] == "../bijdragen/#een-nieuwe-status-altijd-met-een-besluit"
    assert page.find(string=lambda t: t.startswith("Besluiten:")) is None


def test_with_many_besluiten_each_year_has_its_page_and_the_links_follow(model: Model, soup, monkeypatch) -> None:
    monkeypatch.setattr(site_module, "ONE_BESLUITEN_PAGE_MAX", 2)
    site = Site(model, today=TODAY)
    page = soup(besluiten(site, "besluiten.md"))
    assert [li.get_text(" ", strip=True) for li in page.select("li")] == [
        "2024 : 2 besluiten", "datum niet bekend : 1 besluit"
    ]
    assert [a["href"] for a in page.select("li a")] == ["2024/", "onbekend/"]
    pages = year_pages(site)
    assert list(pages) == ["besluiten/2024.md", "besluiten/onbekend.md"]
    assert _rows(soup, pages["besluiten/onbekend.md"]) == [
        ["datum niet bekend", "Werkgroep Test", "Wijkteam in de testwijk", "van in uitvoering naar gestopt", "niet bekend"]
    ]
    assert {p.src_uri for p in generated_pages(site)} >= set(pages)
    step = soup(pilot_page(site, site.pilots["wijk-test"])).find("a", string="naar het besluit")
    assert step["href"] == "../../besluiten/onbekend/#besluit-pilot-wijk-test-statushistorie-1"
    assert "besluit-pilot-wijk-test-statushistorie-1" in {s["id"] for s in soup(pages["besluiten/onbekend.md"]).select("span[id]")}


def test_a_gremium_names_its_newest_besluiten_or_says_it_has_none_yet(model: Model, soup, monkeypatch) -> None:
    monkeypatch.setattr(organisatie_module, "DECISIONS", 1)
    extra = Gremium(id="tafel-test", naam="Tafel Test", soort="tafel", bronnen=model.organisatie.gremia[0].bronnen)
    org = replace(model.organisatie, gremia=(*model.organisatie.gremia, extra))
    page = soup(organisatie(Site(replace(model, organisatie=org), today=TODAY), "organisatie.md"))
    lines = [p.get_text() for p in page.find_all("p") if p.get_text().startswith("Besluiten:")]
    assert lines == ["Besluiten: 1 november 2024 en 1 eerdere", "Besluiten: datum niet bekend", "Besluiten: nog geen"]
