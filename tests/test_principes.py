"""A principle needs no invented short name: without one the site names it by its first sentence,
when short, or its first words; and a principle that no opgave or pilot cites is not a gap."""

from __future__ import annotations

import dataclasses

import pytest

from agenda.model import Principe
from agenda.render import visie
from agenda.site import Site

from conftest import REPO, TODAY


@pytest.mark.parametrize(
    ("kort", "tekst", "naam"),
    [
        ("Dicht bij huis", "Een passende plek zo dicht mogelijk bij huis.", "Dicht bij huis"),
        (None, "Onderwijs en jeugdhulp werken samen.", "Onderwijs en jeugdhulp werken samen."),
        (None, "De jeugdigen staan centraal. We luisteren naar hen en passen de organisatie daarop aan.",
         "De jeugdigen staan centraal"),
        (None, "We zoeken de ruimte binnen de kaders van de wetgeving in belang van de jeugdige.",
         "We zoeken de ruimte binnen de kaders van de wetgeving …"),
    ],
)
def test_the_name_of_a_principle(kort: str | None, tekst: str, naam: str) -> None:
    assert Principe(id="p", kort=kort, tekst=tekst).naam == naam


@pytest.mark.parametrize("model", [REPO / "tests" / "regio_alkmaar"], indirect=True, ids=["alkmaar"])
def test_a_principle_without_a_short_name_is_headed_by_its_first_sentence_and_followed_by_its_text(site, page_soup) -> None:
    page = page_soup(visie.visie(site, "visie.md"))
    heading = page.find(id="principe-jeugdigen-en-ouders-centraal")
    assert heading.get_text(strip=True).rstrip("¶") == "De jeugdigen en hun ouders staan centraal"
    assert heading.find_next("p").get_text().startswith("De jeugdigen en hun ouders staan centraal. We luisteren")


def test_a_principle_nothing_cites_is_not_shown_as_a_gap(model, page_soup) -> None:
    versie = model.visie.versies[-1]
    alone = Principe(id="alleen", tekst="Een principe dat geen opgave noemt.")
    visie_now = dataclasses.replace(model.visie, versies=(*model.visie.versies[:-1], dataclasses.replace(
        versie, principes=(*versie.principes, alone))))
    site = Site(dataclasses.replace(model, visie=visie_now), today=TODAY)
    heading = page_soup(visie.visie(site, "visie.md")).find(id="principe-alleen")
    after = heading.find_next_sibling()
    assert after is None or after.name in ("h2", "h3"), after  # nothing about what does not cite it
    assert "Nog geen" not in page_soup(visie.visie(site, "visie.md")).get_text()
