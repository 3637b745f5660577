"""The page "Besluiten": every besluit, newest first, with its links; on the real data (which
has none) a plain sentence and the way to record one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from agenda.loader import load
from agenda.model import Model
from agenda.render.besluiten import besluiten
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
    assert links["Samenwerking onderwijs en leerlingenvervoer"] == "../agenda/leerlingenvervoer/"
    assert links["Evaluatie 2024"] == "../evaluaties/2024/"


def test_without_besluiten_the_page_says_so_and_how_one_is_recorded(soup) -> None:
    real = Site(load(Path(__file__).parents[1] / "data").model, today=TODAY)
    page = soup(besluiten(real, "besluiten.md"))
    assert page.get_text(" ", strip=True) == (
        "Er zijn nog geen besluiten over de opgaven, pilots en evaluaties vastgelegd. "
        "Een besluit komt hier zodra het bij een opgave, pilot of evaluatie staat. Zo legt u een besluit vast ."
    )
    assert page.a["href"] == "../bijdragen/#een-nieuwe-status-altijd-met-een-besluit"
