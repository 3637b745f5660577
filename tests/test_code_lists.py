"""The page "Alle codes": every code an editor may refer to, with its name and the fields that
take it (agenda.render.code_lists)."""

from __future__ import annotations

from agenda.render.code_lists import HERE, code_lists
from agenda.site import Site


def test_every_code_is_listed_with_its_name_under_the_fields_that_take_it(site: Site, page_soup) -> None:
    page = page_soup(code_lists(site, HERE))
    sections = {h2.get_text(strip=True).removesuffix("¶"): h2 for h2 in page.find_all("h2")}
    assert list(sections) == [
        "Gremia", "Partners", "Thema's", "Periodes", "Principes", "Brondocumenten", "Opgaven", "Pilots",
    ]  # fmt: skip
    gremia = sections["Gremia"]
    assert gremia.find_next("p").get_text() == "Schrijf deze code bij trekker:, gremia:, gremium:, valt_onder:."
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in gremia.find_next("table").select("tbody tr")]
    assert rows == [["bestuurlijk-overleg", "Bestuurlijk overleg"], ["werkgroep-test", "Werkgroep Test"]]
    bronnen = sections["Brondocumenten"].find_next("table")
    assert [tr.td.get_text() for tr in bronnen.select("tbody tr")] == ["testbron", "tweede-bron"]
    pilots = sections["Pilots"]
    assert pilots.find_next("p").get_text() == (
        "De code is ook de naam van het bestand. Andere bestanden verwijzen er niet naar."
    )
    assert [tr.td.get_text() for tr in pilots.find_next("table").select("tbody tr")] == ["school-test", "wijk-test"]
    assert pilots.find_next("div")["aria-label"] == "Codes: Pilots"
