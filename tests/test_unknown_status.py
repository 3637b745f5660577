"""A status the sources do not give is 'onbekend', and the site says so instead of guessing: a
board column 'Status nog niet bekend' only where a record has it, its card and its count; a
besluit never makes a status unknown, so the status-change form does not offer it. The kind of a
gremium or partner may be unknown too."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from agenda.render import boards, organisatie, print_edition
from agenda.site import Site
from agenda.status_history import BOARD_STATUSES, DECIDED_STATUSES, STATUSES

from conftest import REPO, TODAY

ALKMAAR = REPO / "tests" / "regio_alkmaar"
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"


def _columns(soup) -> dict[str, list[str]]:
    return {
        column.h2.contents[0].strip(): [a.get_text() for a in column.select(".agenda-card__title a")]
        for column in soup.select("section.agenda-column")
    }


@pytest.mark.parametrize("model", [ALKMAAR], indirect=True, ids=["alkmaar"])
def test_a_record_with_an_unknown_status_has_a_column_of_its_own(site, soup) -> None:
    columns = _columns(soup(boards.statusbord(site, "agenda/index.md")))
    assert list(columns)[-1] == "Status nog niet bekend"
    assert columns["Status nog niet bekend"] == ["Een preventieve aanpak van ziekteverzuim, te beginnen op alle VO-scholen"]
    counts = soup(boards.status_counts(site, "index.md"))
    labels = [li.select_one(".agenda-count__label").get_text() for li in counts.select(".agenda-counts")[0].select("li")]
    assert labels[-1] == "status nog niet bekend"


@pytest.mark.parametrize("model", [REPO / "data"], indirect=True, ids=["data"])
def test_without_such_a_record_there_is_no_such_column(site, soup) -> None:
    assert all(o.status != "onbekend" for o in site.model.opgaven)
    assert list(_columns(soup(boards.statusbord(site, "agenda/index.md")))) == [s.capitalize() for s in BOARD_STATUSES]


def test_a_besluit_gives_every_status_but_unknown() -> None:
    assert STATUSES[-1] == "onbekend" and DECIDED_STATUSES == STATUSES[:-1]
    forms = {name: yaml.safe_load((FORMS / f"{name}.yml").read_text(encoding="utf-8")) for name in ("statuswijziging", "nieuwe-opgave")}

    def options(form: dict) -> list[str]:
        return next(f["attributes"]["options"] for f in form["body"] if f.get("id") == "status")

    assert options(forms["statuswijziging"]) == list(DECIDED_STATUSES)
    assert options(forms["nieuwe-opgave"]) == list(STATUSES)


@pytest.mark.parametrize("model", [ALKMAAR], indirect=True, ids=["alkmaar"])
def test_the_printable_edition_says_the_status_is_unknown(site, soup) -> None:
    [edition] = [e for e in print_edition.editions(site) if e.periode is not None]
    page = soup(print_edition.edition_page(site, edition, None))
    row = next(tr for tr in page.select("table tbody tr") if "ziekteverzuim" in tr.get_text())
    assert row.select_one(".agenda-status").get_text() == "onbekend"


def test_a_gremium_of_an_unknown_kind_says_so(model, page_soup) -> None:
    first, *rest = model.organisatie.gremia
    org = dataclasses.replace(model.organisatie, gremia=(dataclasses.replace(first, soort="onbekend"), *rest))
    site = Site(dataclasses.replace(model, organisatie=org), today=TODAY)
    page = page_soup(organisatie.organisatie(site, "organisatie.md"))
    assert page.select_one(f"li#gremium-{first.id} .agenda-org__name .agenda-note").get_text() == "soort onbekend"
    assert "soort onbekend" in page.select_one("svg.sa-org").get_text()
