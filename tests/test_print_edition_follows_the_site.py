"""Point 4 of issue 15: the printable edition of an agenda period is the region's document on
paper. Every section and record that the site's pages show for the period is in it, in the same
order: the context chapters, the visie with its principes, uitgangspunten and levels of
cooperation, the hoofdlijnen and randvoorwaarden, the criteria, the opgaven (in the region's
order, as on the page of the opgaven per thema), the pilots, the open questions, the finance and
other chapters, and the organisation with its gremia and partners; and its abbreviations."""

from __future__ import annotations

import re

import pytest

from agenda import urls
from agenda.render import boards, groupings, home, organisatie, print_edition
from agenda.render.hoofdstuk import hoofdstukken_list
from agenda.render.visie import visie

from conftest import REPO

REGIONS = pytest.mark.parametrize(
    "model", [REPO / "data", REPO / "tests" / "regio_alkmaar"], indirect=True, ids=["data", "alkmaar"]
)
# the parts of the page Organisatie that the edition holds (not the diagram)
ORGANISATION = re.compile(r"wie-trekt-wat|gremia|partners|gremium-.+|partner-.+")


def _ids(page_soup, page: str) -> list[str]:
    return [tag["id"] for tag in page_soup(page).find_all(id=True)]


def _edition(site, page_soup) -> list[str]:
    [edition] = [e for e in print_edition.editions(site) if e.periode and e.periode.id == site.versie.periode]
    return _ids(page_soup, print_edition.edition_page(site, edition, None))


def _site_order(site, page_soup) -> list[str]:
    """The anchors of the period's sections and records on the site's pages, in their order."""
    chapters = [a["href"].split("/")[1] for a in page_soup(hoofdstukken_list(site, urls.HOME)).find_all("a")]
    kinds = {h.id: h.soort for h in site.regio.hoofdstukken}
    context = [f"hoofdstuk-{c}" for c in chapters if kinds[c] == "context"]
    later = [f"hoofdstuk-{c}" for c in chapters if kinds[c] != "context"]
    sections = [a for a in _ids(page_soup, visie(site, urls.VISIE)) if a not in ("bronnen", "eerdere-versies")]
    sections = [a for a in sections if not a.startswith("versie-")]
    period = {o.id for o in site.model.opgaven if site.versie.periode in o.periodes}
    per_thema = groupings.grouping_pages(site).get(urls.grouping_page("thema"))
    if per_thema:  # the opgaven in the region's order of themas and records
        links = [a["href"] for a in page_soup(per_thema).find_all("a")]
        opgaven = [f"opgave-{h.split('/')[-2]}" for h in links if h.split("/")[-2] in period]
    else:  # no opgave has a known thema: the region's order is that of their titles
        by_title = sorted(site.model.opgaven, key=lambda o: o.titel.lower())
        opgaven = [f"opgave-{o.id}" for o in by_title if o.id in period]
    questions = ["open-vragen"] if boards.open_vragen(site, urls.AGENDA) else []
    organisation = _ids(page_soup, organisatie.organisatie(site, urls.ORGANISATIE))
    organisation = [a for a in organisation if ORGANISATION.fullmatch(a)]
    return [*context, *sections, *opgaven, *questions, *later, "organisatie", *organisation]


@REGIONS
def test_every_section_and_record_of_the_site_is_in_the_edition_in_the_same_order(site, page_soup) -> None:
    expected = _site_order(site, page_soup)
    edition = _edition(site, page_soup)
    assert len(expected) == len(set(expected)) > 10
    assert [a for a in edition if a in set(expected)] == expected


@REGIONS
def test_every_pilot_of_the_period_is_in_the_edition_after_its_opgave(site, page_soup) -> None:
    edition = _edition(site, page_soup)
    period = {o.id for o in site.model.opgaven if site.versie.periode in o.periodes}
    pilots = [p for p in site.model.pilots if p.opgave in period]
    assert pilots and {f"pilot-{p.id}" for p in pilots} <= set(edition)
    place = {o.id: n for n, o in enumerate(site.in_order(site.model.opgaven))}
    shown = [a.removeprefix("pilot-") for a in edition if a.startswith("pilot-")]
    assert shown == sorted(shown, key=lambda p: (place[site.pilots[p].opgave], site.pilots[p].titel.lower()))


@pytest.mark.parametrize("model", [REPO / "tests" / "regio_alkmaar"], indirect=True, ids=["alkmaar"])
def test_the_kwaliteitskompas_of_the_test_region(site, page_soup) -> None:
    """The hoofdlijnen in the region's order, the randvoorwaarden in a part of their own, the
    visie written once (per hoofdlijn) and the activities in the source's order."""
    page = page_soup(visie(site, urls.VISIE))
    assert [h.get_text(strip=True) for h in page.find_all("h2")][:2] == ["Gedeelde visie", "Sturingsprincipes"]
    ids = _ids(page_soup, visie(site, urls.VISIE))
    parts = [a for a in ids if a.startswith(("themas", "randvoorwaarden", "thema-"))]
    assert parts == ["themas", "thema-lokaal-anticiperen", "thema-passende-omgeving", "thema-integraal-perspectief",
                     "randvoorwaarden", "thema-randvoorwaarden"]  # fmt: skip
    # the source's own label of the grootste opgave
    assert page.find(id="thema-passende-omgeving").find_next("p", string="Voornaamste opgave") is not None
    assert "Grootste opgave" not in page.get_text()
    # the visie is that of the hoofdlijnen, each under its name (not of the randvoorwaarden)
    assert site.versie.visie == ()
    visie_part = page.find(id="visie").find_next_siblings(limit=8)
    labels = [p.get_text() for p in visie_part if p.name == "p" and "agenda-label" in p.get("class", [])]
    assert labels == ["Lokaal anticiperen", "Passende omgeving", "Integraal perspectief"]
    assert "Elke jeugdige heeft een passend leer(werk-zorg)traject." in " ".join(p.get_text() for p in visie_part)
    # the home page shows the same visie, linked to the hoofdlijnen on the page Visie
    home_visie = page_soup(home.visie(site, urls.HOME))
    assert [(a.get_text(), a["href"]) for a in home_visie.select("p.agenda-label a")] == [
        ("Lokaal anticiperen", "visie/#thema-lokaal-anticiperen"),
        ("Passende omgeving", "visie/#thema-passende-omgeving"),
        ("Integraal perspectief", "visie/#thema-integraal-perspectief")]
    # the activities of a hoofdlijn in the order of the source
    edition = _edition(site, page_soup)
    own = {f"opgave-{o.id}" for o in site.model.opgaven if o.thema == "passende-omgeving"}
    opgaven = [a for a in edition if a in own]
    assert opgaven == ["opgave-thuiszitters-arrangement", "opgave-pilots-evalueren-borgen", "opgave-nieuwe-pilots",
                       "opgave-kader-oza"]  # fmt: skip


@pytest.mark.parametrize("model", [REPO / "tests" / "regio_alkmaar"], indirect=True, ids=["alkmaar"])
def test_the_edition_lists_the_abbreviations_it_uses(site, page_soup) -> None:
    [edition] = [e for e in print_edition.editions(site) if e.periode]
    page = page_soup(print_edition.edition_page(site, edition, None))
    table = page.find(id="afkortingen").find_next("table")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    glossary = {b.afkorting: b.term for b in site.model.begrippen.begrippen if b.afkorting}
    assert rows and all(glossary[name] == term for name, term in rows)
    # exactly the abbreviations the rest of the edition uses
    table.decompose()
    used = {abbr.get_text() for abbr in page.find_all("abbr")}
    assert [name for name, _ in rows] == sorted(used, key=str.lower)
