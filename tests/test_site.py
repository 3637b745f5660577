"""The built site, read with an HTML parser: every record has its page, every board lists each
record once in the right column, nothing is left unrendered, nothing loads from another host,
and every internal link lands. Built once per region with `mkdocs build --strict`.

The expected records come from the loaded model, never from a list in this file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from agenda.dates import dutch_date
from agenda.data_changes import parse_log
from agenda.git import data_log, last_commit_dates
from agenda.status_history import BOARD_STATUSES
from agenda.loader import load
from agenda.model import Model
from agenda.schema_fields import schema_fields

REPO = Path(__file__).resolve().parents[1]
REGIONS = {
    "data": REPO / "data",
    "alkmaar": REPO / "tests" / "regio_alkmaar",
    "geldig": REPO / "tests" / "fixtures" / "geldig",
    "nieuw": None,  # what `scripts/nieuw.py regio` writes: a region with nothing in it yet
}


@dataclass
class Built:
    site: Path
    model: Model
    data: Path
    log: str
    parsed: dict[Path, BeautifulSoup] = field(default_factory=dict)

    def soup(self, path: Path) -> BeautifulSoup:
        """The parsed page (parsed once; the tests only read it)."""
        if path not in self.parsed:
            self.parsed[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self.parsed[path]

    def page(self, url_path: str) -> BeautifulSoup:
        path = self.site / url_path / "index.html"
        assert path.is_file(), f"{path.relative_to(self.site)} is not built"
        return self.soup(path)

    def pages(self) -> Iterator[tuple[Path, BeautifulSoup]]:
        for path in sorted(self.site.rglob("*.html")):
            yield path, self.soup(path)


def _start(data: Path, site: Path) -> subprocess.Popen:
    env = {**os.environ, "AGENDA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(process: subprocess.Popen, data: Path, site: Path) -> Built:
    log, _ = process.communicate()
    assert process.returncode == 0, log
    model = load(data).model
    assert model is not None
    return Built(site, model, data, log)


def _hostile_data(root: Path) -> Path:
    """The valid fixture with markup, scripts and template code in its texts, outside git."""
    data = root / "data"
    shutil.copytree(REGIONS["geldig"], data)

    def edit(name: str, old: str, new: str) -> None:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("agenda/leerlingenvervoer.yaml", "titel: Samenwerking onderwijs en leerlingenvervoer",
         "titel: \"Vervoer {{ 7*7 }} <script>alert('titel')</script> & {% raw %}\"")
    edit("agenda/leerlingenvervoer.yaml", "Scholen en gemeenten maken afspraken over het vervoer.",
         "Zie [hier](javascript:alert('link')) <img src=x onerror=\"alert('img')\"> {{ config.site_name }}")
    edit("organisatie.yaml", "naam: Werkgroep Test", "naam: \"Werkgroep {{ 6*7 }} <b onclick=alert('org')>\"")
    edit("begrippen.yaml", "uitleg: Het team dat hulp biedt in de wijk.", "uitleg: \"Team <i>{% if true %}</i>\"")
    _make_regio_hostile(data / "regio.yaml")
    with (data / "begrippen.yaml").open("a", encoding="utf-8") as begrippen:
        for name in MARKUP_ABBREVIATIONS:
            begrippen.write(f"  - term: Afkorting {name}\n    afkorting: {json.dumps(name)}\n    uitleg: Test.\n")
    return data


# Markdown, attr_list, HTML and Jinja that would make a live element, handler or link if parsed
# (the link's 'javascript:' as a character reference: the text also lands in title attributes).
HOSTILE = (
    "Agenda**{: onmouseover=alert(1) }** [x](jav&#x61;script:alert(2)) ![i](https://evil.example/i.png) "
    "<iframe src=x></iframe> <marquee onstart=alert(4)> \"><object data=x> ' onfocus='alert(5) "
    "{: .x onclick=alert(6) } &quot; &amp; A&B {{ 7*7 }} <http://evil.example> span quot 1"
)
# Abbreviations that are also entity names, tag and attribute names, numbers in character
# references and Python-Markdown's placeholders: none may change any markup.
MARKUP_ABBREVIATIONS = ("quot", "amp", "lt", "gt", "nbsp", "x27", "34", "1", "href", "class", "span", "abbr",
                        "title", "strong", "wzxhzdk", "klzzwxh", "&", "<")
# what the payload above would make when parsed
UNEXPECTED_TAGS = ("iframe", "marquee", "object")


def _free_text(kind: str) -> set[str]:
    """The paths of the free texts (the schema's tekst, markdown and teksten) in a kind of file."""
    free = ("/tekst", "/markdown", "/teksten")
    return {field.path for field in schema_fields(kind) if field.written.get("$ref", "").endswith(free)}


def _make_regio_hostile(path: Path) -> None:
    """Every free text in regio.yaml with HOSTILE after it (the values stay distinct)."""
    texts = _free_text("regio")

    def walk(value: object, at: str) -> object:
        if isinstance(value, dict):
            return {key: walk(sub, f"{at}.{key}" if at else key) for key, sub in value.items()}
        if isinstance(value, list):
            return [walk(sub, at + "[]") for sub in value]
        if isinstance(value, str) and (at in texts or at.removesuffix("[]") in texts):
            return f"{value} {HOSTILE}"
        return value

    text = path.read_text(encoding="utf-8")
    data = walk(yaml.safe_load(text), "")
    data["licentie"]["adres"] = 'https://example.org/"><script>alert(7)</script>'
    first_line = text.splitlines()[0]  # the schema comment
    path.write_text(first_line + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _new_region(data: Path) -> Path:
    command = [sys.executable, "scripts/nieuw.py", "regio", "--data", str(data), "--naam", "Regio Nieuw",
               "--titel", "Samenwerkingsagenda"]
    subprocess.run(command, cwd=REPO, check=True, stdin=subprocess.DEVNULL, capture_output=True)
    return data


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Built]:
    """Every region built at once (in parallel), plus the hostile copy of the fixture."""
    regions = {name: data for name, data in REGIONS.items() if data and (data / "regio.yaml").is_file()}
    regions["nieuw"] = _new_region(tmp_path_factory.mktemp("nieuw") / "data")
    regions["hostile"] = _hostile_data(tmp_path_factory.mktemp("hostile"))
    started = {}
    for name, data in regions.items():
        site = tmp_path_factory.mktemp(f"site-{name}")
        started[name] = (_start(data, site), data, site)
    return {name: _finish(*args) for name, args in started.items()}


@pytest.fixture(params=list(REGIONS))
def built(request, sites: dict[str, Built]) -> Built:
    if request.param not in sites:
        pytest.skip(f"{REGIONS[request.param]} bevat (nog) geen regio.yaml: er is geen tweede regio om te bouwen")
    return sites[request.param]


@pytest.fixture
def hostile(sites: dict[str, Built]) -> Built:
    return sites["hostile"]


def _strings(value: object) -> Iterator[str]:
    """Every text in the model."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif is_dataclass(value):
        for f in fields(value):
            yield from _strings(getattr(value, f.name))


def _text(tag) -> str:
    """The visible text of an element, without the heading's permalink sign."""
    return " ".join("".join(t for t in tag.find_all(string=True) if not t.find_parent(class_="headerlink")).split())


def _slug(status: str) -> str:
    return status.replace(" ", "-")


def _status_of_page(soup: BeautifulSoup) -> str:
    facts = {dt.get_text(strip=True): dd for dt, dd in zip(soup.select(".agenda-facts dt"), soup.select(".agenda-facts dd"))}
    return facts["Status"].get_text(strip=True)


# -- the build itself --------------------------------------------------------------------------


def test_build_has_no_warnings(built: Built) -> None:
    assert "WARNING" not in built.log
    assert "ERROR" not in built.log


# -- record pages ------------------------------------------------------------------------------


def test_every_opgave_has_its_page_with_title_and_status(built: Built) -> None:
    for opgave in built.model.opgaven:
        soup = built.page(f"agenda/{opgave.id}")
        assert _text(soup.h1) == " ".join(opgave.titel.split())
        assert _status_of_page(soup) == opgave.status


def _news_items(page: BeautifulSoup) -> list:
    """The items of the news on the home page, or on "Wat is er veranderd"."""
    return [li for li in page.select("article li") if li.select_one(".agenda-when")]


def test_the_news_shows_each_record_with_its_current_status(built: Built) -> None:
    """No record appears on the home page or "Wat is er veranderd" with a status it no longer has:
    an item with a status ends with the record's current status."""
    status = {" ".join(r.titel.split()): r.status for r in (*built.model.opgaven, *built.model.pilots)}
    home, changes = _news_items(built.page("")), _news_items(built.page("veranderd"))
    assert len(home) <= 5 and len(changes) >= len(home)
    assert bool(home) == bool(status)  # a region without records (a new one) has no news yet
    for item in home + changes:
        if item.select(".agenda-status"):
            assert _text(item.select(".agenda-status")[-1]) == status[_text(item.a)], _text(item)


def test_nothing_on_the_real_site_is_news_because_the_data_was_first_added(sites: dict[str, Built]) -> None:
    """The real data came in one commit: no record is 'nieuw' or 'bijgewerkt' on the day it was
    first committed, and the site's texts are no news."""
    first = dutch_date(parse_log(data_log(REPO, "data"))[-1].day)  # the day the data was first committed
    for page in (sites["data"].page(""), sites["data"].page("veranderd")):
        texts = [_text(item) for item in _news_items(page)]
        assert texts
        assert not [t for t in texts if t.startswith(first) or t.endswith((": nieuw", ": bijgewerkt"))], texts
        assert "Regio en teksten" not in _text(page)


def test_the_besluiten_page_is_in_the_navigation(built: Built) -> None:
    nav = {_text(a): a["href"] for a in built.page("").select(".md-nav a[href]")}
    assert nav["Besluiten"] == "besluiten/"
    text = _text(built.page("besluiten"))
    count = sum(1 for r in (*built.model.opgaven, *built.model.pilots) for s in r.statushistorie if s.besluit)
    count += sum(len(e.besluiten) for e in built.model.evaluaties)
    if count == 1:
        assert "1 besluit over de opgaven, pilots en evaluaties." in text
    elif count:
        assert f"{count} besluiten over de opgaven, pilots en evaluaties, het nieuwste eerst." in text
    else:
        assert "Er zijn nog geen besluiten over de opgaven, pilots en evaluaties vastgelegd." in text


def test_every_pilot_has_its_page_with_title_and_status(built: Built) -> None:
    for pilot in built.model.pilots:
        soup = built.page(f"pilots/{pilot.id}")
        title = f"{pilot.titel} ({pilot.afkorting})" if pilot.afkorting else pilot.titel
        assert _text(soup.h1) == " ".join(title.split())
        assert _status_of_page(soup) == pilot.status
        for indicator in pilot.indicatoren:
            section = soup.find(id=f"indicator-{indicator.id}")
            assert section is not None and section.get_text(strip=True).startswith(indicator.naam[:20])
            if not indicator.metingen:
                assert "Nog geen meting." in soup.get_text()


def _indicator_section(soup: BeautifulSoup, indicator_id: str) -> str:
    """The text of an indicator's section: its heading up to the next heading."""
    heading = soup.find(id=f"indicator-{indicator_id}")
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        parts.append(sibling)
    return " ".join(" ".join(p.get_text(" ") for p in parts).split())


def test_the_osj_indicators_read_right(sites: dict[str, Built]) -> None:
    """Issue 14, point 9: one 'nog geen meting' per indicator, and the targets in the words of the data."""
    built = sites["data"]
    soup = built.page("pilots/osj")
    pilot = next(p for p in built.model.pilots if p.id == "osj")
    assert [i.id for i in pilot.indicatoren] == ["schoolverzuim", "minder-instroom-beschikking", "beschikkingen-euro", "vrijstellingen"]
    for indicator in pilot.indicatoren:
        assert _indicator_section(soup, indicator.id).lower().count("nog geen meting") == 1, indicator.id
    targets = _indicator_section(soup, "minder-instroom-beschikking")
    assert (
        "Streefwaarden 30 kinderen minder instroom in specialistische jeugdhulp op beschikking binnen de BSA in 2021. "
        "60 kinderen minder instroom in specialistische jeugdhulp op beschikking binnen de BSA vanaf 2022."
    ) in targets
    assert "Eenheid" not in targets and "een hogere waarde is beter" not in targets
    assert "Eenheid euro Richting een lagere waarde is beter" in _indicator_section(soup, "beschikkingen-euro")


def test_every_evaluation_year_has_its_page(built: Built) -> None:
    for evaluatie in built.model.evaluaties:
        soup = built.page(f"evaluaties/{evaluatie.jaar}")
        assert _text(soup.h1) == " ".join(evaluatie.titel.split())
    index = built.page("evaluaties").select(".md-content a[href]")
    linked = {a["href"].strip("/") for a in index}
    assert {str(e.jaar) for e in built.model.evaluaties} <= linked


def _record_paths(model: Model) -> list[str]:
    return (
        [f"agenda/{o.id}" for o in model.opgaven]
        + [f"pilots/{p.id}" for p in model.pilots]
        + [f"evaluaties/{e.jaar}" for e in model.evaluaties]
    )


def test_record_pages_and_thema_boards_stay_out_of_the_navigation(built: Built) -> None:
    nav = built.page("").select(".md-nav a[href]")
    hrefs = {a["href"].strip("/") for a in nav}
    assert not hrefs & set(_record_paths(built.model))
    assert not [h for h in hrefs if h.startswith("agenda/thema")]
    assert {"bijdragen", "bijdragen/velden"} <= hrefs


def test_every_record_page_says_how_to_report_an_error(built: Built) -> None:
    repository = built.model.regio.repository
    for path in _record_paths(built.model):
        report = built.page(path).select_one(".md-content p.agenda-report")
        assert report is not None, path
        if repository:
            assert report.a.get_text() == "Meld een fout op deze pagina"
            assert report.a["href"].startswith(f"{repository}/issues/new?template=meld-een-fout.yml&")
        else:
            assert "Meld een fout" not in report.get_text() and "github" not in str(report).lower()
            assert report.a.get_text() == "Bijdragen"  # where it lands: test_every_internal_link_lands


def _summary(soup: BeautifulSoup) -> dict[str, str]:
    """The rows of a record page's summary block, which must be the first element after its h1."""
    block = soup.h1.find_next_sibling()
    assert block is not None and "agenda-summary" in block.get("class", []), block
    return {_text(dt): _text(dd) for dt, dd in zip(block.select("dt"), block.select("dd"))}


def test_every_record_page_opens_with_its_summary(built: Built) -> None:
    records = [(f"agenda/{o.id}", o) for o in built.model.opgaven] + [(f"pilots/{p.id}", p) for p in built.model.pilots]
    for path, record in records:
        soup = built.page(path)
        rows = _summary(soup)
        assert rows["Waar staat het?"].startswith(record.status), path
        assert _text(soup.select_one(".agenda-summary .agenda-lead")) == " ".join(record.samenvatting.split())
        assert "Trekker" not in [_text(dt) for dt in soup.select(".agenda-facts dt")], path


def test_the_osj_pilot_and_opgave_summaries_name_the_targets_and_link_each_other(sites: dict[str, Built]) -> None:
    built = sites["data"]
    pilot, opgave = built.page("pilots/osj"), built.page("agenda/osj")
    assert _summary(pilot) == {
        "Wie trekt het?": "Stuurgroep OSJ",
        "Waar staat het?": "in ontwikkeling (datum niet bekend)",
        "Wat wil het bereiken?": "Daling van de individuele beschikkingen voor specialistische jeugdhulp (Eemland), "
        "in aantal: 30 kinderen minder in 2021, 60 kinderen minder (vanaf 2022)",
        "Hoort bij de opgave": "Specialistische jeugdhulp in de school (OSJ), incl. collectieve afspraken over "
        "onderwijszorggroepen",
    }
    assert _summary(opgave) == {
        "Wie trekt het?": "Stuurgroep OSJ",
        "Waar staat het?": "in ontwikkeling (datum niet bekend)",
        "Volgende mijlpaal": "2023: Nieuw basisdocument + werkwijze en monitor",
        "Pilots": "Onderwijs met Specialistische Jeugdhulp in ontwikkeling",
    }
    assert pilot.select_one(".agenda-summary dd a[href='../../agenda/osj/']") is not None
    assert opgave.select_one(".agenda-summary dd a[href='../../pilots/osj/']") is not None


def test_a_record_without_trekker_says_so_once(sites: dict[str, Built]) -> None:
    built = sites["data"]
    soup = built.page("agenda/zorgdata")
    assert _summary(soup)["Wie trekt het?"] == "nog niet bekend"
    assert _text(soup.select_one(".md-content")).count("nog niet bekend") == 1


def test_status_notes_and_sources_are_in_a_closed_verantwoording(sites: dict[str, Built]) -> None:
    soup = sites["data"].page("agenda/osj")
    step = soup.select_one(".agenda-history li")
    details = step.select_one("details.agenda-verantwoording")
    assert details is not None and not details.has_attr("open")
    assert _text(details.summary) == "Verantwoording"
    assert _text(details).startswith("Verantwoording De agenda 2021-2022 noemt OSJ")
    assert "Bron" not in _text(step).split("Verantwoording")[0]


# -- boards ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind,page,folder", [("opgaven", "agenda", "agenda"), ("pilots", "pilots", "pilots")])
def test_each_board_lists_each_record_once_in_its_column(built: Built, kind: str, page: str, folder: str) -> None:
    records = built.model.opgaven if kind == "opgaven" else built.model.pilots
    board = built.page(page).select_one(f'.agenda-board[data-board="{kind}"]')
    assert board is not None
    columns = [c.select_one(".agenda-column__title")["id"] for c in board.select(".agenda-column")]
    expected = [f"{kind}-{_slug(s)}" for s in BOARD_STATUSES]
    expected += [f"{kind}-{s}" for s in ("gestopt", "onbekend") if any(r.status == s for r in records)]
    assert columns == expected
    for record in records:
        cards = [a for a in board.select(".agenda-card__title a") if a["href"].strip("/") == record.id]
        assert len(cards) == 1, f"{record.id} staat {len(cards)} keer op het bord"
        column = cards[0].find_parent(class_="agenda-column")
        assert column.select_one(".agenda-column__title")["id"] == f"{kind}-{_slug(record.status)}"
    assert len(board.select(".agenda-card")) == len(records)


def test_the_agenda_can_be_narrowed_without_javascript(built: Built) -> None:
    """The agenda page is the board; per thema, niveau, trekker and gremium, each opgave is in its group on a
    page of its own, linked from the agenda; a grouping unknown for every opgave has no page and no link."""
    soup = built.page("agenda")
    assert soup.select_one("form.agenda-filter").has_attr("hidden")
    assert not soup.select(".md-content .agenda-item")  # no list repeats the board
    themas = {t.id for t in built.model.regio.themas}
    gremia = {g.id for g in built.model.organisatie.gremia}
    values = {
        "thema": lambda o: [o.thema if o.thema in themas else "onbekend"],
        "niveau": lambda o: [_slug(o.niveau)],
        "trekker": lambda o: [o.trekker if o.trekker in gremia else "onbekend"],
        "gremium": lambda o: list(o.gremia) or ["onbekend"],
    }
    for name, value in values.items():
        shown = any(value(o) != ["onbekend"] for o in built.model.opgaven)
        assert (soup.select_one(f'.md-content a[href="per/{name}/"]') is not None) is shown, name
        assert (built.site / "agenda" / "per" / name / "index.html").is_file() is shown, name
        grouped = built.page(f"agenda/per/{name}") if shown else None
        for opgave in built.model.opgaven if shown else ():
            for code in value(opgave):
                members = grouped.find(id=f"{name}-{code}").find_next("ul").select("a[href]")
                assert any(a["href"].strip("/").endswith(opgave.id) for a in members), (name, code, opgave.id)


def _card_facts(soup: BeautifulSoup) -> list[list[str]]:
    return [[_text(dt) for dt in card.select("dt")] for card in soup.select(".agenda-card")]


def test_on_the_real_agenda_what_is_unknown_is_said_once(sites: dict[str, Built]) -> None:
    agenda = sites["data"].page("agenda")
    notes = agenda.select(".agenda-unknowns")
    assert [_text(p) for p in notes] == [
        "Nog niet bekend is het thema van alle opgaven, het niveau van 10 van de 18 opgaven en de trekker van 13 "
        "van de 18 opgaven. De bronnen noemen het (nog) niet. Wat niet bekend is, staat niet op de kaarten. "
        "Er is nog geen jaarlijkse evaluatie."
    ]
    content = agenda.select_one(".md-content")
    assert "Thema onbekend" not in content.get_text() and content.find('a', href="per/thema/") is None
    assert not (sites["data"].site / "agenda" / "per" / "thema").exists()
    assert not content.select(".agenda-board .agenda-onbekend")
    facts = _card_facts(agenda)
    assert len(facts) == 18 and sum(f == ["Trekker"] for f in facts) == 4 and sum(f == [] for f in facts) == 13
    assert facts.count(["Trekker", "Pilot"]) == 1  # the OSJ opgave names its pilot
    assert _text(sites["data"].page("agenda/per/trekker").find(id="trekker-onbekend")) == "Nog niet bekend (13)"
    assert _text(sites["data"].page("agenda/per/niveau").find(id="niveau-onbekend")) == "Nog niet bekend (10)"
    pilots = sites["data"].page("pilots")
    assert "Laatste evaluatie" not in pilots.select_one(".agenda-board").get_text()
    assert [_text(p) for p in pilots.select(".agenda-unknowns")] == ["Er is nog geen jaarlijkse evaluatie."]


def test_a_region_with_evaluations_shows_them_and_its_groupings(sites: dict[str, Built]) -> None:
    agenda = sites["geldig"].page("agenda")
    assert _card_facts(agenda) == [["Laatste evaluatie"], ["Thema", "Trekker", "Pilot", "Laatste evaluatie"]]
    links = [a["href"] for a in agenda.select(".md-content a[href^='per/']")]
    assert links == ["per/thema/", "per/niveau/", "per/trekker/", "per/gremium/"]
    assert _text(sites["geldig"].page("agenda/per/thema").find(id="thema-onbekend")) == "Nog niet bekend (1)"


# -- visie, organisatie, begrippen --------------------------------------------------------------


def test_every_principe_gremium_partner_and_begrip_appears(built: Built) -> None:
    visie = built.page("visie")
    current = built.model.visie.versies[-1]
    for principe in current.principes:
        assert visie.find(id=f"principe-{principe.id}") is not None
    text = _text(visie)
    for versie in built.model.visie.versies:
        for principe in versie.principes:
            assert " ".join(principe.tekst.split()) in text
    organisatie = built.page("organisatie")
    for gremium in built.model.organisatie.gremia:
        assert organisatie.find(id=f"gremium-{gremium.id}") is not None
        assert organisatie.select_one(f'.sa-org a[href="#gremium-{gremium.id}"]') is not None
    for partner in built.model.organisatie.partners:
        assert organisatie.find(id=f"partner-{partner.id}") is not None
    begrippen = _text(built.page("begrippen"))
    for begrip in built.model.begrippen.begrippen:
        assert " ".join(begrip.term.split()) in begrippen
        assert " ".join(begrip.uitleg.split()) in begrippen


def test_abbreviations_are_explained_site_wide(built: Built) -> None:
    glossary = {b.afkorting: b.term for b in built.model.begrippen.begrippen if b.afkorting}
    seen = set()
    for _, soup in built.pages():
        for abbr in soup.select(".md-content abbr"):
            assert glossary.get(abbr.get_text()) == abbr.get("title")
            seen.add(abbr.get_text())
    used = {name for name in glossary if any(name in s for s in _strings(built.model.opgaven))}
    assert used <= seen


# -- safety ------------------------------------------------------------------------------------


def test_no_unrendered_template_code(built: Built) -> None:
    literal = [s for s in _strings(built.model) if "{{" in s or "{%" in s]
    for path, soup in built.pages():
        text = soup.get_text(" ")
        for marker in ("{{", "{%"):
            if marker in text:
                assert any(marker in s for s in literal), f"{path} bevat {marker}"


_RESOURCE_ATTRS = {"src", "srcset", "data", "poster", "action"}


def _external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme and parts.scheme not in ("data", "mailto", "tel")) or url.strip().startswith("//")


def test_no_page_references_another_host(built: Built) -> None:
    data_text = "\n".join(_strings(built.model))
    repository = built.model.regio.repository
    for path, soup in built.pages():
        for tag in soup.find_all(True):
            for attr in _RESOURCE_ATTRS & set(tag.attrs):
                for url in str(tag[attr]).split(","):
                    assert not _external(url.split()[0] if url.split() else ""), f"{path}: <{tag.name} {attr}={url}>"
            if tag.name == "link":
                assert not _external(tag["href"]), f"{path}: <link href={tag['href']}>"
            if tag.name == "a" and tag.has_attr("href") and _external(tag["href"]):
                href = tag["href"]
                assert (repository and href.startswith(repository + "/")) or href in data_text, (
                    f"{path}: link naar {href}"
                )
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", tag.get("style", "")), f"{path}: style met url()"
        for style in soup.find_all("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", style.get_text()), path
        # the theme's repository widget would fetch facts from the GitHub API
        assert soup.select_one('[data-md-component="source"]') is None
    for css in built.site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?(https?:)?//", css.read_text()), css


def test_every_internal_link_lands(built: Built) -> None:
    ids: dict[Path, set[str]] = {}

    def anchors(target: Path) -> set[str]:
        if target not in ids:
            ids[target] = {tag["id"] for tag in built.soup(target).find_all(id=True)}
        return ids[target]

    for path, soup in built.pages():
        if path.name == "404.html":  # served at any address, so its links are absolute
            continue
        for a in soup.find_all("a", href=True):
            url = urlsplit(a["href"])
            if url.scheme or a["href"].startswith("//"):
                continue
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(built.site)}: {a['href']} bestaat niet"
            if url.fragment and target.suffix == ".html":
                assert unquote(url.fragment) in anchors(target), f"{path.relative_to(built.site)}: {a['href']}"


# -- edit links and change dates -----------------------------------------------------------------


def test_record_pages_link_to_their_yaml_file_and_show_when_it_changed(built: Built) -> None:
    repository = built.model.regio.repository
    root = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=built.data, capture_output=True,
                               text=True).stdout.strip())
    files = {key: Path(path).resolve() for key, path in built.model.bestanden.items()}
    dates = last_commit_dates(built.data, files.values())
    for opgave in built.model.opgaven:
        soup = built.page(f"agenda/{opgave.id}")
        edit = soup.select_one('a[rel="edit"]')
        path = files[("opgave", opgave.id)]
        if repository:
            assert edit["href"] == f"{repository}/edit/main/{path.relative_to(root).as_posix()}"
        else:
            assert edit is None
        facts = dict(zip((dt.get_text(strip=True) for dt in soup.select(".agenda-facts dt")),
                         (dd.get_text(strip=True) for dd in soup.select(".agenda-facts dd"))))
        day = dates[path]
        assert facts["Laatst gewijzigd"] == (dutch_date(day) if day else "onbekend")


# -- text from the data is shown as text, never run ----------------------------------------------


def test_text_from_the_data_is_shown_literally(hostile: Built) -> None:
    page = hostile.page("agenda/leerlingenvervoer")
    assert _text(page.h1) == "Vervoer {{ 7*7 }} <script>alert('titel')</script> & {% raw %}"
    assert "{{ config.site_name }}" in page.get_text()
    organisatie = hostile.page("organisatie")
    assert "Werkgroep {{ 6*7 }} <b onclick=alert('org')>" in organisatie.get_text()
    assert "Team <i>{% if true %}</i>" in hostile.page("begrippen").get_text()
    board = hostile.page("agenda")
    assert "Vervoer {{ 7*7 }}" in board.select_one(".agenda-board").get_text()
    for _, soup in hostile.pages():
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text()
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.startswith("on"), f"<{tag.name} {name}>"
                assert "javascript:" not in str(value).replace(" ", "").lower(), f"<{tag.name} {name}={value}>"
        assert soup.find("img", src="x") is None


def test_text_from_regio_is_inert_on_every_page(hostile: Built) -> None:
    """Every free text of regio.yaml carries HOSTILE: on the hand-written pages too (the site
    name on Toegankelijkheid, the inleiding on Home, the licence on Open data) it stays text."""
    titel = hostile.model.regio.titel
    assert HOSTILE in titel
    assert _text(hostile.page("toegankelijkheid").select_one(".md-content p strong")) == " ".join(titel.split())
    assert _text(hostile.page("").select_one(".md-content h1")) == " ".join(titel.split())
    assert HOSTILE in hostile.page("open-data").get_text()  # the licence's name
    for path, soup in hostile.pages():
        where = path.relative_to(hostile.site)
        assert soup.select_one("a.md-logo")["title"] == titel, where  # escaped once, not twice
        for name in UNEXPECTED_TAGS:
            assert soup.find(name) is None, f"{where}: <{name}>"
        for tag in soup.find_all(True):
            for attr in ("href", "src", "action"):
                assert not str(tag.get(attr, "")).startswith(("javascript:", "https://evil.example")), (
                    f"{where}: <{tag.name} {attr}={tag[attr]}>"
                )
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), where


def test_abbreviations_never_change_markup(hostile: Built) -> None:
    """The hostile fixture's glossary has MARKUP_ABBREVIATIONS: entity and tag names, numbers."""
    glossary = {b.afkorting: b.term for b in hostile.model.begrippen.begrippen if b.afkorting}
    assert set(MARKUP_ABBREVIATIONS) <= set(glossary)
    for path, soup in hostile.pages():
        where = path.relative_to(hostile.site)
        html = path.read_text(encoding="utf-8")
        # a broken character reference, a leftover placeholder of Python-Markdown
        assert not re.search(r"&#?\w*<abbr", html), where
        assert not re.search("wzxhzdk:|klzzwxh:|[\x02\x03]", html), where
        for abbr in soup.select("abbr"):
            assert glossary[abbr.get_text()] == abbr["title"], where
        for tag in soup.find_all(True):
            assert not any("<abbr" in str(value) for value in tag.attrs.values()), f"{where}: <{tag.name}>"
    # the abbreviations in the regio's texts are explained, the entities around them intact
    heading = hostile.page("").select_one(".md-content h1")
    assert {abbr.get_text() for abbr in heading.select("abbr")} >= {"span", "quot", "1"}


def test_pages_outside_git_show_change_date_unknown(hostile: Built) -> None:
    soup = hostile.page("agenda/leerlingenvervoer")
    facts = dict(zip((dt.get_text(strip=True) for dt in soup.select(".agenda-facts dt")),
                     (dd.get_text(strip=True) for dd in soup.select(".agenda-facts dd"))))
    assert facts["Laatst gewijzigd"] == "onbekend"


def test_a_page_outside_the_navigation_has_its_table_of_contents_at_the_top(built: Built) -> None:
    """On a phone the theme shows the table of contents only in the navigation drawer, under the
    page's own entry. A page without an entry there (opgave, pilot, evaluation year) has the same
    contents, headings and links, in a closed 'Op deze pagina' (overrides/main.html)."""
    outside = 0
    for path, soup in built.pages():
        where = path.relative_to(built.site)
        sidebar = [(a["href"], _text(a)) for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
        own = soup.select_one(".md-content details.agenda-toc")
        in_drawer = soup.select_one('.md-nav--primary label.md-nav__link[for="__toc"]') is not None
        if len(sidebar) < 2 or in_drawer:
            assert own is None, where
            continue
        outside += 1
        assert own is not None and _text(own.summary) == "Op deze pagina", where
        assert own.find_next("h1") is soup.select_one(".md-content h1"), where  # above the title
        assert [(a["href"], _text(a)) for a in own.select("nav a")] == sidebar, where
    assert outside >= len(built.model.opgaven) + len(built.model.pilots)
