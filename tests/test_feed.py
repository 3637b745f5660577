"""The Atom feed parses as Atom (RFC 4287) and the calendar as iCalendar (RFC 5545): required
elements and properties, stable ids, dates, escaping and line folding."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from agenda.export.addresses import Addresses
from agenda.export.calendar import icalendar
from agenda.export.ical_text import escape, fold
from agenda.export.entries import entries as feed_entries
from agenda.export.feed import ATOM, atom_feed
from agenda.loader import load
from agenda.model import Model
from agenda.timeline import events

REPO = Path(__file__).resolve().parents[1]
GELDIG = REPO / "tests" / "fixtures" / "geldig"
A = f"{{{ATOM}}}"
TODAY = date(2030, 6, 1)
DATA_DATE = date(2025, 1, 10)


def parse_feed(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    return root


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{A}entry")


def test_the_feed_is_atom_with_every_required_element(model: Model) -> None:
    root = parse_feed(atom_feed(model, Addresses(None), data_date=DATA_DATE, today=TODAY))
    for tag in ("id", "title", "updated"):
        assert root.find(f"{A}{tag}").text
    assert root.find(f"{A}author/{A}name").text == "OOGO Testregio"
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "./"
    found = entries(root)
    assert found
    for entry in found:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.find(f"{A}{tag}").text, tag
        assert entry.find(f"{A}link[@rel='alternate']").get("href")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.find(f"{A}updated").text)
    ids = [e.find(f"{A}id").text for e in found]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("urn:uuid:") for i in ids)


def test_entries_are_newest_first_and_the_feed_is_as_new_as_the_data(model: Model) -> None:
    root = parse_feed(atom_feed(model, Addresses(None), data_date=DATA_DATE, today=TODAY))
    updated = [e.find(f"{A}updated").text for e in entries(root)]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{A}updated").text == "2025-01-10T00:00:00Z"


def _by_title(model: Model) -> dict:
    """The feed's entries by their title."""
    root = parse_feed(atom_feed(model, Addresses(None), data_date=DATA_DATE, today=TODAY))
    return {e.find(f"{A}title").text: e for e in entries(root)}


def test_decisions_status_changes_and_evaluations_with_links_to_their_pages(model: Model) -> None:
    found = _by_title(model)
    step = found["Opgave Samenwerking onderwijs en leerlingenvervoer: van verkennend naar in uitvoering"]
    assert step.find(f"{A}updated").text == "2024-03-14T00:00:00Z"
    assert step.find(f"{A}link").get("href") == "agenda/leerlingenvervoer/#status"
    assert "Besluit van Bestuurlijk overleg op 14 maart 2024, verslag: BO-2024-03." in step.find(f"{A}summary").text
    evaluatie = found["Evaluatie 2024"]
    assert evaluatie.find(f"{A}link").get("href") == "evaluaties/2024/"
    besluit = found["Besluit: Doorgaan met de pilot."]
    assert besluit.find(f"{A}link").get("href") == "evaluaties/2024/#besluiten"


def test_a_year_counts_as_the_first_of_january_and_an_unknown_date_is_left_out(model: Model) -> None:
    step = next(e for e in events(model) if e.key == "opgave/leerlingenvervoer/statushistorie/0")
    assert (step.day, step.year_only) == (date(2023, 1, 1), True)
    found = feed_entries(model)
    first = next(e for e in found if e.key == "opgave/leerlingenvervoer/statushistorie/0")
    assert first.day == date(2023, 1, 1)
    # a step that is no longer the current one says the status now
    assert first.lines[2:4] == ("Datum: 2023 (alleen het jaar is bekend).", "De status is nu in uitvoering.")
    # thuiszitters has one step, dated 'onbekend'
    assert not [e for e in found if e.key.startswith("opgave/thuiszitters/")]


def test_reached_mijlpalen_and_measurements_are_in_the_feed(model: Model) -> None:
    found = _by_title(model)
    mijlpaal = found["Mijlpaal bereikt: Uitgangspunten uitgewerkt"]
    assert mijlpaal.find(f"{A}updated").text == "2024-06-30T00:00:00Z"
    assert mijlpaal.find(f"{A}link").get("href") == "agenda/leerlingenvervoer/#mijlpalen"
    meting = found["Meting Minder verwijzingen, 1e halfjaar 2024: minder dan 10 kinderen"]
    assert meting.find(f"{A}updated").text == "2024-01-01T00:00:00Z"
    assert meting.find(f"{A}link").get("href") == "pilots/school-test/#indicator-minder-verwijzingen"
    assert meting.find(f"{A}summary").text == (
        "Pilot: Jeugdhulp op de testschool.\nIndicator: Minder verwijzingen.\nPeriode: 1e halfjaar 2024.\n"
        "Minder dan 10 kinderen."
    )
    # the mijlpaal that is not reached (no date) is not news
    assert not [t for t in found if "Afspraken in alle gemeenten" in t]


def test_ids_do_not_depend_on_the_build_the_host_or_later_steps(model: Model) -> None:
    def ids(feed: str) -> dict[str, str]:
        return {e.find(f"{A}title").text: e.find(f"{A}id").text for e in entries(parse_feed(feed))}

    first = ids(atom_feed(model, Addresses(None), data_date=DATA_DATE, today=TODAY))
    later = ids(atom_feed(model, Addresses("https://agenda.example/"), data_date=None, today=date(2031, 1, 1)))
    assert first == later
    opgave = model.opgaven[0]
    step = replace(opgave.statushistorie[-1], datum="2025-02-01", status="bereikt")
    grown = replace(model, opgaven=(replace(opgave, statushistorie=(*opgave.statushistorie, step)), *model.opgaven[1:]))
    after = ids(atom_feed(grown, Addresses(None), data_date=DATA_DATE, today=TODAY))
    assert set(first.items()) < set(after.items())  # the old entries keep their ids; one is new


def test_with_a_site_url_every_link_is_absolute(model: Model) -> None:
    root = parse_feed(atom_feed(model, Addresses("https://agenda.example/regio"), data_date=DATA_DATE, today=TODAY))
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://agenda.example/regio/feed.xml"
    hrefs = [link.get("href") for link in root.iter(f"{A}link")]
    assert all(h.startswith("https://agenda.example/regio/") for h in hrefs)


def test_without_a_site_url_no_host_is_made_up(model: Model) -> None:
    text = atom_feed(model, Addresses(None), data_date=DATA_DATE, today=TODAY)
    assert parse_feed(text).find(f"{A}link[@rel='self']") is None
    assert "http" not in re.sub(r'xmlns="[^"]+"', "", text)


def test_text_from_the_data_is_escaped_in_the_xml(model: Model) -> None:
    opgave = replace(model.opgaven[0], titel="A & B <script>")
    text = atom_feed(replace(model, opgaven=(opgave, *model.opgaven[1:])), Addresses(None), data_date=None, today=TODAY)
    titles = [e.find(f"{A}title").text for e in entries(parse_feed(text))]
    assert any(t.startswith("Opgave A & B <script>:") for t in titles)
    assert "<script>" not in text


# --- iCalendar ----------------------------------------------------------------------------------


def parse_ics(text: str) -> list[dict[str, list[tuple[str, str]]]]:
    """A small RFC 5545 reader: CRLF lines of at most 75 octets, unfolded; components nested with
    BEGIN/END; returns the components with their properties (name -> [(parameters, value)])."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert "\n" not in "".join(physical) and "\r" not in "".join(physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack: list[tuple[str, dict]] = []
    done = []
    for line in lines:
        head, _, value = line.partition(":")
        name, _, params = head.partition(";")
        assert re.fullmatch(r"[A-Z][A-Z0-9-]*", name), line
        if name == "BEGIN":
            stack.append((value, {"_": value}))
        elif name == "END":
            kind, props = stack.pop()
            assert kind == value
            done.append(props)
        else:
            stack[-1][1].setdefault(name, []).append((params, value))
    assert not stack
    return done


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_the_calendar_parses_with_the_required_properties(model: Model) -> None:
    components = parse_ics(icalendar(model, Addresses(None), stamp=DATA_DATE))
    calendar = components[-1]
    assert calendar["_"] == "VCALENDAR"
    assert calendar["VERSION"] == [("", "2.0")] and calendar["PRODID"]
    found = [c for c in components if c["_"] == "VEVENT"]
    assert len(found) == 2
    for event in found:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert len(event[name]) == 1, name
        assert event["DTSTAMP"] == [("", "20250110T000000Z")]
        assert event["DTSTART"][0][0] == "VALUE=DATE"  # all-day
    mijlpaal, evaluatie = found
    assert mijlpaal["DTSTART"] == [("VALUE=DATE", "20240630")] and mijlpaal["DTEND"] == [("VALUE=DATE", "20240701")]
    assert unescape(mijlpaal["SUMMARY"][0][1]) == "Mijlpaal: Uitgangspunten uitgewerkt"
    assert unescape(mijlpaal["DESCRIPTION"][0][1]) == "Opgave: Samenwerking onderwijs en leerlingenvervoer\nGereed: ja"
    assert evaluatie["DTSTART"] == [("VALUE=DATE", "20241101")]
    assert "URL" not in mijlpaal  # no site_url: no address to give


def test_only_full_dates_are_in_the_calendar_and_uids_are_stable(model: Model) -> None:
    def uids(model: Model, **kwargs) -> list[str]:
        return [c["UID"][0][1] for c in parse_ics(icalendar(model, **kwargs)) if c["_"] == "VEVENT"]

    first = uids(model, addresses=Addresses(None), stamp=DATA_DATE)
    assert first == uids(model, addresses=Addresses("https://agenda.example/"), stamp=date(2031, 1, 1))
    # the mijlpaal with jaar 'onbekend' and no datum is not in it
    assert len(first) == 2


def test_the_last_day_a_date_may_have_ends_on_the_next_day(tmp_path: Path) -> None:
    """The schemas allow dates up to 2100-12-31 (9999-12-31 had no next day for DTEND)."""
    shutil.copytree(GELDIG, tmp_path / "data")
    opgave = tmp_path / "data" / "agenda" / "leerlingenvervoer.yaml"
    text = opgave.read_text(encoding="utf-8")
    opgave.write_text(text.replace("datum: 2024-06-30", "datum: 2100-12-31"), encoding="utf-8")
    model = load(tmp_path / "data").model
    found = [c for c in parse_ics(icalendar(model, Addresses(None), stamp=DATA_DATE)) if c["_"] == "VEVENT"]
    last = found[-1]
    assert last["DTSTART"] == [("VALUE=DATE", "21001231")] and last["DTEND"] == [("VALUE=DATE", "21010101")]


def test_with_a_site_url_each_event_links_to_its_page(model: Model) -> None:
    found = [c for c in parse_ics(icalendar(model, Addresses("https://agenda.example/"), stamp=DATA_DATE))
             if c["_"] == "VEVENT"]
    assert found[0]["URL"] == [("", "https://agenda.example/agenda/leerlingenvervoer/#mijlpalen")]


def test_text_is_escaped_and_long_lines_are_folded_between_characters() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_a_calendar_with_text_that_needs_escaping_parses_back(model: Model) -> None:
    opgave = model.opgaven[0]
    mijlpaal = replace(opgave.mijlpalen[0], omschrijving="Plan, besluit; en \\ uitvoering\nin één keer " * 3)
    changed = replace(model, opgaven=(replace(opgave, mijlpalen=(mijlpaal,)), *model.opgaven[1:]))
    event = next(c for c in parse_ics(icalendar(changed, Addresses(None), stamp=DATA_DATE)) if c["_"] == "VEVENT")
    assert unescape(event["SUMMARY"][0][1]) == "Mijlpaal: " + mijlpaal.omschrijving


@pytest.mark.parametrize("region", [REPO / "data", REPO / "tests" / "regio_alkmaar"], ids=lambda p: p.name)
def test_the_feed_and_calendar_of_each_real_region_parse(region: Path) -> None:
    model = load(region).model
    root = parse_feed(atom_feed(model, Addresses(None), data_date=DATA_DATE, today=TODAY))
    assert all(e.find(f"{A}link").get("href") for e in entries(root))
    # a region without any dated mijlpaal still gets a calendar, so that a subscription keeps working
    components = parse_ics(icalendar(model, Addresses(None), stamp=DATA_DATE))
    assert components[-1]["_"] == "VCALENDAR"
