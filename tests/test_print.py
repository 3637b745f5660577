"""The printable editions: one per agenda period and evaluation year, with a title page, a table
of contents and the date of the data; and the real agenda printed to PDF by headless Chromium.

The PDF test needs Chromium and pdftotext (poppler-utils). Without them it is skipped with the
reason in the summary; with AGENDA_REQUIRE_BROWSER=1 (as in .ci/run) that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from skipping import unavailable

from agenda.adapters.build import Build, published_site_url
from agenda.postbuild.pdf import edition_files, find_chromium, pdf_name, print_pdf
from agenda.loader import load
from agenda.model import Model
from agenda.site import Site
from agenda.render.print_edition import Edition, afdrukken, edition_page, editions

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
DATA_DATE = date(2025, 1, 10)


def edition(site: Site, src: str) -> Edition:
    return next(e for e in editions(site) if e.src_uri == src)


def test_an_edition_per_agenda_period_and_per_evaluation_year(site: Site) -> None:
    assert [(e.src_uri, e.title) for e in editions(site)] == [
        ("afdrukken/agenda-2021-2022.md", "Agenda (2021-2022)"),
        ("afdrukken/agenda-2023-2024.md", "Agenda (2023-2024)"),
        ("afdrukken/evaluatie-2024.md", "Evaluatie 2024"),
    ]


def test_the_agenda_edition_holds_the_whole_agenda_of_its_period(site: Site, page_soup) -> None:
    page = edition_page(site, edition(site, "afdrukken/agenda-2023-2024.md"), DATA_DATE)
    front = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", page, re.S).group(1))
    assert front["render_macros"] is False
    assert front["title"] == "Samenwerkingsagenda Testregio: Agenda (2023-2024)"
    soup = page_soup(page)
    assert soup.find("h1").get_text() == "Samenwerkingsagenda Testregio"
    title_page = soup.find(class_="print-title").get_text(" ", strip=True)
    assert "Agendaperiode 2023-2024" in title_page and "Stand van de gegevens 10 januari 2025" in title_page
    # the visie and principes of the period, every opgave of the period with its mijlpalen, its pilots
    assert soup.find(id="visie") and soup.find(id="principes")
    opgave = soup.find(id="opgave-leerlingenvervoer")
    assert "print-break" in opgave["class"]
    assert soup.find(id="opgave-thuiszitters") is None  # in no period
    text = soup.get_text(" ", strip=True)
    assert "Uitgangspunten uitgewerkt" in text  # a mijlpaal
    assert "van verkennend naar in uitvoering" in " ".join(text.split())  # the status history
    assert soup.find(id="pilot-school-test")  # its opgave is in the period
    assert soup.find(id="pilot-wijk-test") is None  # its opgave is unknown
    # indicators as a table, next to the chart
    table = soup.find("div", attrs={"aria-label": "Minder verwijzingen (Jeugdhulp op de testschool)"})
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    assert rows[0] == ["2023", "20 kinderen", "25 kinderen"]


def test_an_edition_has_its_own_contents_so_its_headings_are_html(site: Site) -> None:
    """Only the title is a Markdown heading (the theme's skip link goes to it): a large agenda has
    tens of thousands of headings, which Markdown and the theme's table of contents make slow.
    (An evaluation edition shares its sections, Markdown headings included, with the evaluation page.)"""
    page = edition_page(site, edition(site, "afdrukken/agenda-2023-2024.md"), DATA_DATE)
    front = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", page, re.S).group(1))
    assert front["hide"] == ["navigation", "toc"] and front["search"] == {"exclude": True}
    assert re.findall(r"^#+ .*$", page, re.M) == ["# Samenwerkingsagenda Testregio"]
    assert '<h3 id="opgave-leerlingenvervoer" class="print-break">' in page


def test_the_table_of_contents_links_to_every_section_and_record(site: Site, page_soup) -> None:
    for found in editions(site):
        soup = page_soup(edition_page(site, found, DATA_DATE))
        toc = soup.find("nav", class_="print-toc")
        targets = [a["href"] for a in toc.find_all("a")]
        assert targets and all(t.startswith("#") for t in targets)
        assert all(soup.find(id=t[1:]) is not None for t in targets), found.src_uri
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), f"{found.src_uri}: dubbele id's"


def test_the_evaluation_edition(site: Site, page_soup) -> None:
    soup = page_soup(edition_page(site, edition(site, "afdrukken/evaluatie-2024.md"), DATA_DATE))
    text = " ".join(soup.get_text(" ").split())
    assert "Evaluatie 2024 (1 november 2024)" in text
    for anchor in ("besluiten", "statuswijzigingen", "opgaven", "pilots", "indicatoren", "bronnen"):
        assert soup.find(id=anchor), anchor
    assert "Doorgaan met de pilot." in text


def test_with_the_site_address_each_record_names_its_page(site: Site) -> None:
    page = edition_page(site, edition(site, "afdrukken/agenda-2023-2024.md"), DATA_DATE, "https://agenda.example/")
    assert 'href="https://agenda.example/agenda/leerlingenvervoer/"' in page
    assert "https://agenda.example/" not in edition_page(site, edition(site, "afdrukken/agenda-2023-2024.md"), DATA_DATE)


def page_foot(page: str) -> str:
    """The text of the foot of every printed page (the @page margin box), CSS escapes decoded."""
    style = re.search(r'<style media="print">(.*?)</style>', page).group(1)
    text = re.search(r'@bottom-left \{ content: "(.*?)"; \}', style).group(1)
    return re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), text)


def test_every_printed_page_names_the_site_its_address_and_the_date_of_the_data(site: Site) -> None:
    """Issue 14, point 10: in the foot of each page (and the page number), as on the title page."""
    page = edition_page(site, edition(site, "afdrukken/agenda-2023-2024.md"), DATA_DATE, "https://agenda.example/")
    assert page_foot(page) == "Samenwerkingsagenda Testregio · https://agenda.example/ · Stand van de gegevens: 10 januari 2025"
    assert '@bottom-right { content: "pagina " counter(page); }' in page
    evaluation = edition_page(site, edition(site, "afdrukken/evaluatie-2024.md"), DATA_DATE)
    assert page_foot(evaluation) == "Samenwerkingsagenda Testregio · Stand van de gegevens: 10 januari 2025"  # no address known


def test_text_from_the_data_cannot_end_the_foot_of_the_page(site: Site) -> None:
    page = edition_page(site, edition(site, "afdrukken/agenda-2023-2024.md"), DATA_DATE, 'https://x.example/"};</style>/')
    assert page_foot(page) == 'Samenwerkingsagenda Testregio · https://x.example/"};</style>/ · Stand van de gegevens: 10 januari 2025'
    assert page.count("</style>") == 1


def test_under_mkdocs_serve_the_published_address_is_the_one_in_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\nsite_url: https://agenda.example/regio/\n", encoding="utf-8")
    assert published_site_url("http://127.0.0.1:8000/regio/", config) == "https://agenda.example/regio/"
    assert published_site_url("http://localhost:8000/regio/", config) == "https://agenda.example/regio/"
    assert published_site_url("https://elders.example/", config) == "https://elders.example/"
    assert published_site_url(None, config) is None
    config.write_text("site_name: Test\n", encoding="utf-8")
    assert published_site_url("http://127.0.0.1:8000/", config) is None


def test_under_mkdocs_serve_the_real_editions_never_give_the_local_address() -> None:
    """mkdocs.yml has no site_url: `make serve` sets http://127.0.0.1:8000/, which no reader of paper can open."""
    config = SimpleNamespace(config_file_path=str(REPO / "mkdocs.yml"), use_directory_urls=True, site_url="http://127.0.0.1:8000/")
    pages = Build.start(config).published.editions
    assert pages and all("127.0.0.1" not in p.content for p in pages)
    model = load(DATA).model
    assert all(page_foot(p.content).startswith(f"{model.regio.titel} · Stand van de gegevens: ") for p in pages)


def test_without_git_the_date_of_the_data_is_unknown(site: Site, page_soup) -> None:
    page = edition_page(site, edition(site, "afdrukken/agenda-2021-2022.md"), None)
    assert "Stand van de gegevens onbekend" in page_soup(page).find(class_="print-title").get_text(" ", strip=True)


def test_the_list_of_editions_names_the_records_in_none(site: Site, page_soup) -> None:
    soup = page_soup(afdrukken(site, "afdrukken/index.md", DATA_DATE))
    assert [a["href"] for a in soup.find("ul", class_="agenda-list").find_all("a")] == [
        "agenda-2021-2022/", "agenda-2023-2024/", "evaluatie-2024/",
    ]
    assert soup.find("a", string="Geen kind thuis")["href"] == "../agenda/thuiszitters/"
    assert soup.find("a", string="Wijkteam in de testwijk")["href"] == "../pilots/wijk-test/"


# --- make pdf -----------------------------------------------------------------------------------


def test_pdf_script_refuses_a_missing_site_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "pdf.py"), str(tmp_path / "geen-site")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "de map" in done.stderr and "bestaat niet" in done.stderr


def test_pdf_script_says_when_the_site_has_no_editions(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "pdf.py"), str(tmp_path), "--uit", str(tmp_path / "pdf")],
        capture_output=True, text=True, env={**os.environ, "CHROMIUM": "/bin/true"},
    )
    assert done.returncode == 1
    assert "staan geen uitgaven om af te drukken" in done.stderr


# --- the PDF of the real agenda -----------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_tools() -> str:
    chromium = find_chromium()
    if chromium is None:
        unavailable("pdf-test", "Chromium ontbreekt (installeer het Debian-pakket 'chromium')")
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            unavailable("pdf-test", f"{tool} ontbreekt (installeer het Debian-pakket 'poppler-utils')")
    return chromium


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("print-site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root)],
        cwd=REPO, env={**os.environ, "AGENDA_DATA": str(DATA), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))


def test_the_built_site_links_every_output(real_site: Path, soup) -> None:
    home = soup((real_site / "index.html").read_text(encoding="utf-8"))
    feed = home.find("link", rel="alternate", type="application/atom+xml")
    assert feed["href"] == "feed.xml" and (real_site / "feed.xml").is_file()
    open_data = soup((real_site / "open-data" / "index.html").read_text(encoding="utf-8"))
    linked = {a["href"] for a in open_data.find_all("a", href=True)}
    for path in ("data/alles.json", "data/opgaven.csv", "schemas/opgave.schema.json", "feed.xml", "kalender.ics"):
        assert f"../{path}" in linked and (real_site / path).is_file(), path
    listed = soup((real_site / "afdrukken" / "index.html").read_text(encoding="utf-8"))
    model = load(DATA).model
    for periode in model.regio.periodes:
        assert listed.find("a", href=f"agenda-{periode.id}/")
        assert (real_site / "afdrukken" / f"agenda-{periode.id}" / "index.html").is_file()


def test_search_finds_the_records_not_their_printable_editions(real_site: Path) -> None:
    """An edition repeats the record pages; in the search index it would only double each hit."""
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert "afdrukken/" in locations  # the list of editions itself can be found
    assert not [location for location in locations if location.startswith("afdrukken/") and location != "afdrukken/"]
    assert {f"agenda/{opgave.id}/" for opgave in load(DATA).model.opgaven} <= locations


def test_the_real_agenda_prints_to_pdf(pdf_tools: str, real_site: Path, tmp_path: Path) -> None:
    model: Model = load(DATA).model
    pages = edition_files(real_site)
    assert [pdf_name(p) for p in pages] == [f"agenda-{p.id}.pdf" for p in model.regio.periodes]
    for periode, page in zip(model.regio.periodes, pages):
        out = tmp_path / pdf_name(page)
        print_pdf(pdf_tools, page, out)
        assert page_count(out) > 2  # title page, table of contents, the agenda
        title_page = pdf_text(out, 1, 1)
        assert model.regio.titel in title_page and "Stand van de gegevens" in title_page
        assert pdf_text(out, 2, 2).startswith("Inhoud")
        for number in range(1, page_count(out) + 1):  # the foot of every page
            assert f"{model.regio.titel} · Stand van de gegevens: " in pdf_text(out, number, number), number
        text = pdf_text(out)
        titles = [o.titel for o in model.opgaven if periode.id in o.periodes]
        assert titles
        missing = [t for t in titles if " ".join(t.split()) not in text]
        assert missing == [], f"{out.name}: deze opgaven staan niet in de pdf"
