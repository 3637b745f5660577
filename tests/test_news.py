"""The news (home page, "Wat is er veranderd") and the one list of the agenda's events it comes
from (agenda.timeline), on the real data and on the valid fixture, which has every kind of event."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agenda.git_facts import data_history
from agenda.model import Model
from agenda.render import home, veranderingen
from agenda.site import Site
from agenda.timeline import NEWS_KINDS, decisions, events, news, periode_day
from conftest import REGIONS, TODAY

REAL = Path(__file__).resolve().parents[1] / "data"


def _items(soup, html: str) -> list:
    return [li for li in soup(html).find_all("li") if li.select_one(".agenda-when")]


@pytest.mark.parametrize("model", REGIONS, indirect=True, ids=[r.name for r in REGIONS])
def test_no_record_appears_with_a_status_it_no_longer_has(model: Model, page_soup) -> None:
    site = Site(model, today=TODAY)
    pages = {"index.md": home.recent(site, "index.md"), "veranderd.md": veranderingen.veranderingen(site, "veranderd.md")}
    for here, html in pages.items():
        status = {site.href(here, site.record_page(r)): r.status for r in (*model.opgaven, *model.pilots)}
        items = _items(page_soup, html)
        assert items, here
        for item in items:
            badges = item.select(".agenda-status")
            if badges:
                assert badges[-1].get_text() == status[item.a["href"]], item.get_text(" ", strip=True)


@pytest.mark.parametrize("model", [REAL], indirect=True, ids=["data"])
def test_on_the_real_data_nothing_is_new_because_the_repository_was_created(model: Model, page_soup) -> None:
    """The real data came in one commit: from git, nothing is news; the news is the agenda's own
    dated steps (of 2021), each with the record's status now."""
    history = data_history(REAL, model.regio)
    if history.changes is None:
        pytest.skip(history.reason)
    assert history.changes == ()
    site = Site(model, today=TODAY, history=history)
    texts = [li.get_text(" ", strip=True) for li in _items(page_soup, veranderingen.veranderingen(site, "veranderd.md"))]
    assert len(texts) == len([e for e in events(model) if e.news]) > 0
    assert all(t.startswith("2021 : ") and " ; nu " in t for t in texts), texts


def test_every_kind_of_event_is_news_in_the_fixture(model: Model) -> None:
    found = news(events(model))
    assert {e.kind for e in found} == set(NEWS_KINDS)
    assert [e.day for e in found] == sorted((e.day for e in found), reverse=True)
    # a mijlpaal that is not reached, or a step without a date, is no news
    assert all(e.mijlpaal.gereed == "ja" for e in found if e.kind == "mijlpaal")
    assert not [e for e in found if getattr(e.record, "id", None) == "thuiszitters"]


def test_events_have_stable_keys(model: Model) -> None:
    keys = [e.key for e in events(model)]
    assert len(set(keys)) == len(keys)
    assert {
        "opgave/leerlingenvervoer/statushistorie/0",
        "opgave/leerlingenvervoer/mijlpaal/2024-06-30/1",
        "pilot/school-test/indicator/minder-verwijzingen/meting/2024-S1/1",
        "evaluatie/2024",
        "evaluatie/2024/besluiten/0",
    } <= set(keys)


def test_decisions_are_ordered_by_the_date_of_the_besluit_unknown_last(model: Model) -> None:
    assert [e.key for e in decisions(events(model))] == [
        "evaluatie/2024/besluiten/0",
        "opgave/leerlingenvervoer/statushistorie/1",
        "pilot/wijk-test/statushistorie/1",
    ]


@pytest.mark.parametrize(
    ("periode", "day"),
    [("2023", date(2023, 1, 1)), ("2023-S2", date(2023, 7, 1)), ("2023-Q3", date(2023, 7, 1)),
     ("2023-Q4", date(2023, 10, 1)), ("2023-11", date(2023, 11, 1))],
)
def test_a_measurement_counts_from_the_first_day_of_its_periode(periode: str, day: date) -> None:
    assert periode_day(periode) == day
