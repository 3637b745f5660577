"""The thin adapters: the MkDocs hook and the macros module, on the valid test region."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache, nodes
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel, get_files
from mkdocs.structure.pages import Page

from agenda.adapters import build as shared
from agenda.site import ONE_BOARD_MAX

REPO = Path(__file__).resolve().parents[1]
GELDIG = REPO / "tests" / "fixtures" / "geldig"
ADAPTERS = REPO / "src" / "agenda" / "adapters"


def _macros_module():
    spec = importlib.util.spec_from_file_location("test_macros", ADAPTERS / "macros.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def config(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(shared.DATA_ENV, str(GELDIG))
    return load_config(str(REPO / "mkdocs.yml"))


def test_data_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(shared.DATA_ENV, raising=False)
    assert shared.data_dir(REPO) == REPO / "data"
    monkeypatch.setenv(shared.DATA_ENV, "tests/regio_alkmaar")
    assert shared.data_dir(REPO) == REPO / "tests" / "regio_alkmaar"


def test_the_model_is_loaded_once_per_build_and_again_for_a_rebuild(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(GELDIG, data)
    monkeypatch.setenv(shared.DATA_ENV, str(data))
    config = load_config(str(REPO / "mkdocs.yml"))
    config = config.plugins.on_config(config)  # the hook starts the build, the macros find it
    first = shared.Build.of(config)
    assert shared.Build.of(config) is first
    assert first.site.today == date.today()  # the day of the build, for the review state (herziening)
    begrippen = data / "begrippen.yaml"
    begrippen.write_text(begrippen.read_text(encoding="utf-8").replace("Wijkteam", "Buurtteam"), encoding="utf-8")
    # mkdocs serve loads the configuration again for each rebuild: a new build, with the change
    again = load_config(str(REPO / "mkdocs.yml"))
    again = again.plugins.on_config(again)
    second = shared.Build.of(again)
    assert second is not first
    assert [b.term for b in second.site.model.begrippen.begrippen][-1] == "Buurtteam"


def test_a_rebuild_starts_without_the_state_of_a_build_that_stopped_half_way(config) -> None:
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    page = Page(None, files.get_file_from_path("pilots/school-test.md"), config)
    page.read_source(config)
    config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    assert shared.Build.of(config).hidden  # the build stops here, before on_page_content
    again = load_config(str(REPO / "mkdocs.yml"))
    again = again.plugins.on_config(again)
    assert shared.Build.of(again).hidden == {} and shared.Build.of(again).generated == set()


def test_without_the_hook_the_macros_make_their_own_build(config) -> None:
    """As Zensical runs them: only define_env, on a configuration no hook has seen."""
    macros = {}
    env = SimpleNamespace(conf=config, page=None, macro=lambda function, name: macros.__setitem__(name, function))
    _macros_module().define_env(env)
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="open-data.md"))
    assert "feed.xml" in macros["open_data"]()
    assert shared.Build.of(config).site.regio.titel == "Samenwerkingsagenda Testregio"


def test_on_config_takes_the_region_from_the_data(config) -> None:
    config = config.plugins.on_config(config)
    assert config.site_name == "Samenwerkingsagenda Testregio"
    # Python-Markdown's abbr, replaced by the one that never matches inside markup
    assert "abbr" not in config.markdown_extensions and "agenda.render.abbreviations" in config.markdown_extensions
    assert config.mdx_configs["agenda.render.abbreviations"]["glossary"] == {"OOGO": "Op overeenstemming gericht overleg"}
    assert config.edit_uri == "https://github.com/voorbeeld/testregio/edit/main/"
    assert config.repo_url is None  # the theme would fetch facts about it from the GitHub API
    assert str(GELDIG) in config.watch


def test_on_config_escapes_the_site_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(GELDIG, data)
    regio = data / "regio.yaml"
    regio.write_text(regio.read_text(encoding="utf-8").replace(
        "titel: Samenwerkingsagenda Testregio", 'titel: "Agenda <b>&</b> {{ x }}"'), encoding="utf-8")
    monkeypatch.setenv(shared.DATA_ENV, str(data))
    config = load_config(str(REPO / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert config.site_name == "Agenda &lt;b&gt;&amp;&lt;/b&gt; {{ x }}"


def test_on_env_keeps_the_compiled_theme_templates_between_builds(config) -> None:
    env = Environment(loader=DictLoader({"pagina.html": "{{ 1 + 1 }}"}))
    env = config.plugins.on_env(env, config=config, files=None)
    assert isinstance(env.bytecode_cache, FileSystemBytecodeCache)
    assert Path(env.bytecode_cache.directory) == REPO / "build" / "jinja-cache"  # ignored by git
    assert env.get_template("pagina.html").render() == "2"
    # a second environment (the next build under mkdocs serve) loads the compiled template
    again = config.plugins.on_env(Environment(loader=DictLoader({"pagina.html": "{{ 1 + 1 }}"})),
                                  config=config, files=None)
    bucket = again.bytecode_cache.get_bucket(again, "pagina.html", None, "{{ 1 + 1 }}")
    assert bucket.code is not None


def test_on_files_adds_record_pages_outside_the_navigation(config) -> None:
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    record = files.get_file_from_path("agenda/leerlingenvervoer.md")
    assert record.generated_by is not None
    assert record.inclusion == InclusionLevel.NOT_IN_NAV
    assert record.edit_uri == "tests/fixtures/geldig/agenda/leerlingenvervoer.yaml"
    assert "render_macros: false" in record.content_string
    for src in ("pilots/school-test.md", "pilots/wijk-test.md", "agenda/thuiszitters.md", "evaluaties/2024.md"):
        assert files.get_file_from_path(src) is not None
    assert files.get_file_from_path("visie.md").edit_uri == "docs/visie.md"


def test_on_files_refuses_a_record_page_that_would_replace_a_page(config, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "agenda" / "leerlingenvervoer.md").write_text("# Met de hand geschreven\n", encoding="utf-8")
    config = config.plugins.on_config(config)
    config.docs_dir = str(docs)
    with pytest.raises(PluginError, match="agenda/leerlingenvervoer.md bestaat al"):
        config.plugins.on_files(get_files(config), config=config)


def test_errors_in_the_data_stop_the_build_with_the_validators_messages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(GELDIG, data)
    opgave = data / "agenda" / "thuiszitters.yaml"
    opgave.write_text(opgave.read_text(encoding="utf-8").replace("trekker: onbekend", "trekker: niemand"),
                      encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        env={**os.environ, shared.DATA_ENV: str(data), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "de site is niet gebouwd" in output
    assert "agenda/thuiszitters.yaml:" in output and "trekker: 'niemand' bestaat niet als gremium" in output
    assert "Traceback" not in output


def test_macros_return_the_rendered_text_for_the_page_they_are_on(config) -> None:
    macros = {}
    env = SimpleNamespace(conf=config, page=None, macro=lambda function, name: macros.__setitem__(name, function))
    _macros_module().define_env(env)
    assert set(macros) >= {
        "home_titel", "home_inleiding", "home_visie", "home_principes", "home_hoofdstukken", "home_telling", "home_evaluatie",
        "home_recent", "visie", "agenda_wegwijzer", "statusbord", "open_vragen", "pilotbord", "evaluaties",
        "organisatie", "begrippen", "bronnen",
    }
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="agenda/index.md"))
    assert 'href="leerlingenvervoer/"' in macros["statusbord"]()
    assert 'href="per/niveau/"' in macros["agenda_wegwijzer"]()
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    assert 'href="agenda/#opgaven-in-uitvoering"' in macros["home_telling"]()
    assert macros["home_titel"]() == "# Samenwerkingsagenda Testregio"


def test_a_large_agenda_gets_a_board_per_thema_outside_the_navigation(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(GELDIG, data)
    template = (data / "agenda" / "leerlingenvervoer.yaml").read_text(encoding="utf-8")
    for n in range(ONE_BOARD_MAX):
        text = template.replace("id: leerlingenvervoer", f"id: extra-{n:03d}").replace(
            "titel: Samenwerking onderwijs en leerlingenvervoer", f"titel: Extra opgave {n}")
        if n % 2:  # half of them in the group of the thema not known: each thema fits on one board
            text = text.replace("thema: dichtbij", "thema: onbekend")
        (data / "agenda" / f"extra-{n:03d}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv(shared.DATA_ENV, str(data))
    config = load_config(str(REPO / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    boards = {f.src_uri: f for f in files if f.src_uri.startswith("agenda/thema/")}
    assert set(boards) == {"agenda/thema/dichtbij.md", "agenda/thema/onbekend.md"}
    for board in boards.values():
        assert board.inclusion == InclusionLevel.NOT_IN_NAV
        assert board.edit_uri is None  # made from many files, not from one
    dichtbij = boards["agenda/thema/dichtbij.md"].content_string
    assert dichtbij.count('class="agenda-card"') == ONE_BOARD_MAX // 2 + 1
    assert files.get_file_from_path("agenda/extra-000.md").inclusion == InclusionLevel.NOT_IN_NAV


def test_a_generated_page_keeps_its_html_out_of_markdown_and_its_anchors(config, soup) -> None:
    """As MkDocs builds a page: on_page_markdown, Markdown, on_page_content (agenda.adapters.raw_html)."""
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    page = Page(None, files.get_file_from_path("pilots/school-test.md"), config)
    page.read_source(config)
    source = page.markdown
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    assert "<table" in source and "<table" not in page.markdown
    page.render(config, files)
    page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)

    html = soup(page.content)
    assert html.select("table") and "agendahtml" not in page.content  # no token is left
    assert [item.title for item in page.toc][0].startswith("Jeugdhulp op de testschool")
    # the ids inside the HTML can still be linked to, and MkDocs's anchor check knows them
    ids = {tag["id"] for tag in html.select("[id]")}
    assert "indicator-minder-verwijzingen" in ids
    assert ids <= page.present_anchor_ids


def _rendered(config, files, source: str) -> str | None:
    """``source`` as the macros plugin renders a hand-written page; None when it stops the build."""
    page = Page(None, files.get_file_from_path("toegankelijkheid.md"), config)
    page.read_source(config)
    try:
        return config.plugins.on_page_markdown(source, page=page, config=config, files=files)
    except SystemExit:  # mkdocs-macros's on_error_fail
        return None


def test_a_hand_written_page_prints_only_what_a_macro_returns(config, caplog: pytest.LogCaptureFixture) -> None:
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    assert _rendered(config, files, "De site **{{ site_naam() }}**.") == "De site **Samenwerkingsagenda Testregio**."
    # the site name from regio.yaml straight into Markdown, and around a macro's type check
    for source in ("**{{ config.site_name }}**", "{{ site_naam() | safe }}", "{{ site_naam() ~ '' }}", "{{ 7 }}"):
        caplog.clear()
        assert _rendered(config, files, source) is None, source
        assert "komt tekst alleen uit een macro" in caplog.text


def test_the_site_name_macro_leaves_nothing_for_markdown_or_html_to_read(
    tmp_path: Path, monkeypatch, page_soup
) -> None:
    data = tmp_path / "data"
    shutil.copytree(GELDIG, data)
    regio = data / "regio.yaml"
    titel = "Agenda**{: onmouseover=alert(1) }** [x](javascript:alert(2)) <b>&amp;</b> {{ x }}"
    regio.write_text(regio.read_text(encoding="utf-8").replace(
        "titel: Samenwerkingsagenda Testregio", f"titel: {json.dumps(titel)}"), encoding="utf-8")
    monkeypatch.setenv(shared.DATA_ENV, str(data))
    macros = {}
    env = SimpleNamespace(conf=load_config(str(REPO / "mkdocs.yml")), page=None,
                          macro=lambda function, name: macros.__setitem__(name, function))
    _macros_module().define_env(env)
    soup = page_soup(f"De site **{macros['site_naam']()}** {{: #x }}")
    assert [tag.name for tag in soup.find_all(True)] == ["p", "strong"]
    assert soup.strong.get_text() == titel and soup.strong.attrs == {}


def test_docs_print_data_only_through_the_macros(config) -> None:
    """Every {{ }} on a page in docs/ calls one of the macros, without arguments or filters, and not
    inside a tag or a link's address (where a text, even made safe for Markdown, is no text)."""
    macros = {}
    env = SimpleNamespace(conf=config, page=None, macro=lambda function, name: macros.__setitem__(name, function))
    _macros_module().define_env(env)
    for page in sorted((REPO / "docs").rglob("*.md")):
        source = page.read_text(encoding="utf-8")
        template = Environment().parse(source)
        for output in template.find_all(nodes.Output):
            for node in output.nodes:
                if isinstance(node, nodes.TemplateData):
                    continue
                assert isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name), f"{page}:{node.lineno}"
                assert node.node.name in macros and not (node.args or node.kwargs), f"{page}:{node.lineno}"
        for line in source.splitlines():
            position = line.find("{{")
            while position != -1:
                before = line[:position]
                assert before.count("<") == before.count(">") and not before.rstrip().endswith("("), line
                position = line.find("{{", position + 2)
