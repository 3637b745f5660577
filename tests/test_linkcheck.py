"""The link checker, on a small made-up site (no network: external links are only collected)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from agenda.postbuild.linkcheck import LinkProblem, check_external, check_internal, collect_external

REPO = Path(__file__).resolve().parents[1]

PAGES = {
    "index.html": """<!doctype html><html lang="nl"><head>
        <link rel="stylesheet" href="assets/site.css">
        <script src="/assets/site.js"></script></head><body>
        <a href="#inhoud">naar de inhoud</a><main id="inhoud">
        <a href="agenda/">agenda</a>
        <a href="agenda/osj/#doel">doel van OSJ</a>
        <a href="agenda/osj/index.html#doel">nog eens</a>
        <a href="agenda">map zonder schuine streep</a>
        <a href="/agenda/osj/">vanaf de wortel</a>
        <a href="agenda/osj/?q=x#doel">met zoekvraag</a>
        <a href="https://www.example.org/pagina#deel">extern</a>
        <a href="http://example.net/">extern</a>
        <a href="mailto:info@example.org">post</a>
        <a href="#">naar boven</a>
        <img src="assets/logo%20klein.png" alt="logo">
        <svg><use xlink:href="#icoon"></use><symbol id="icoon"></symbol></svg>
        </main></body></html>""",
    "agenda/index.html": """<html><body>
        <a href="../">start</a><a href="..">start</a><a href="osj/">OSJ</a>
        <a href="https://www.example.org/pagina">extern</a>
        <a name="oud-anker"></a><a href="#oud-anker">oud anker</a>
        </body></html>""",
    "agenda/osj/index.html": """<html><body><h2 id="doel">Doel</h2>
        <a href="../../">start</a><a href="../../index.html#inhoud">inhoud</a>
        <a href="../../assets/site.css">css</a></body></html>""",
}
FILES = {"assets/site.css": "", "assets/site.js": "", "assets/logo klein.png": ""}


def make_site(root: Path, extra: dict[str, str] | None = None) -> Path:
    for name, content in {**PAGES, **FILES, **(extra or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def test_a_site_whose_links_all_work_has_no_problems(tmp_path: Path) -> None:
    assert check_internal(make_site(tmp_path)) == []


def test_a_missing_page_a_missing_file_and_a_missing_anchor_are_reported(tmp_path: Path) -> None:
    broken = """<html><body><h1 id="titel">Kapot</h1>
        <a href="../agenda/weg/">weg</a>
        <a href="../agenda/osj/#resultaten">anker</a>
        <a href="#titel">bestaat</a><a href="#nergens">bestaat niet</a>
        <img src="../assets/foto.png" alt="">
        <a href="../../../buiten/">buiten</a>
        <a href="/agenda/weg.html">wortel</a>
        </body></html>"""
    site = make_site(tmp_path, {"kapot/index.html": broken})
    assert [problem.format() for problem in check_internal(site)] == [
        "kapot/index.html: #nergens: het anker '#nergens' bestaat niet op deze pagina.",
        "kapot/index.html: ../../../buiten/: de link wijst naar een plek buiten de site.",
        "kapot/index.html: ../agenda/osj/#resultaten: het anker '#resultaten' bestaat niet op "
        "'agenda/osj/index.html'.",
        "kapot/index.html: ../agenda/weg/: de pagina 'agenda/weg/index.html' bestaat niet.",
        "kapot/index.html: ../assets/foto.png: het bestand 'assets/foto.png' bestaat niet.",
        "kapot/index.html: /agenda/weg.html: de pagina 'agenda/weg.html' bestaat niet.",
    ]


def test_a_folder_without_index_is_a_missing_page(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"leeg/plaatje.png": "", "index2.html": '<a href="leeg/">leeg</a>'})
    assert check_internal(site) == [
        LinkProblem("index2.html", "leeg/", "de pagina 'leeg/index.html' bestaat niet.")
    ]


def test_external_links_are_collected_per_url_with_their_pages(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    assert collect_external(site) == {
        "http://example.net/": ["index.html"],
        "https://www.example.org/pagina": ["agenda/index.html", "index.html"],
    }
    assert collect_external(site, ignore_hosts=["WWW.example.org"]) == {
        "http://example.net/": ["index.html"],
    }


def test_external_problems_name_every_page_with_the_link() -> None:
    links = {"https://a.example/": ["x.html"], "https://b.example/": ["y.html", "z.html"]}
    answers = {"https://a.example/": None, "https://b.example/": "de server antwoordt met HTTP-status 404."}
    asked: list[tuple[str, float]] = []

    def fake_fetch(url: str, timeout: float) -> str | None:  # no network in the tests
        asked.append((url, timeout))
        return answers[url]

    assert check_external(links, timeout=3, fetcher=fake_fetch) == [
        LinkProblem("y.html", "https://b.example/", "de server antwoordt met HTTP-status 404."),
        LinkProblem("z.html", "https://b.example/", "de server antwoordt met HTTP-status 404."),
    ]
    assert sorted(asked) == [("https://a.example/", 3), ("https://b.example/", 3)]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_links.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("broken, code", [(False, 0), (True, 1)])
def test_the_command_exits_0_or_1(tmp_path: Path, broken: bool, code: int) -> None:
    site = make_site(tmp_path, {"fout.html": '<a href="nergens.html">x</a>'} if broken else None)
    done = run(str(site))
    assert done.returncode == code, done.stdout + done.stderr
    if broken:
        assert done.stdout.splitlines() == [
            "fout.html: nergens.html: de pagina 'nergens.html' bestaat niet.",
            "1 link(s) werken niet. Pas de pagina of de gegevens aan.",
        ]
    else:
        assert done.stdout == "In orde: alle interne links en ankers werken.\n"


def test_the_command_exits_2_without_a_site(tmp_path: Path) -> None:
    done = run(str(tmp_path / "geen-site"))
    assert done.returncode == 2
    assert "de map" in done.stderr and "bestaat niet" in done.stderr
