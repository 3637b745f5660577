"""Abbreviations are explained in text and never change markup: not in plain text from the data,
not in a Markdown field, not in the site's own Markdown (the hand-written pages)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import pytest
from mkdocs.config import load_config

from agenda.adapters import build as shared
from agenda.render.abbreviations import AbbrExtension, pattern
from agenda.render.markup import Prose, esc

from conftest import GELDIG, REPO

# entity names, numbers of character references, tag and attribute names, Python-Markdown's
# placeholders, and characters that markup is made of
MARKUP = ("quot", "amp", "lt", "gt", "nbsp", "x27", "34", "10", "1", "0", "href", "class", "span", "abbr",
          "title", "strong", "p", "wzxhzdk", "klzzwxh", "amp;", "&", "<", '"')
GLOSSARY = {name: f"Uitleg van {name}" for name in MARKUP}
_ABBR_TAG = re.compile(r'<abbr title="[^"]*">|</abbr>')

TEXT = 'Zeg "span" & <b class="x">1</b> it\'s quot amp\n\n10 p strong OSJ'
MARKDOWN_SOURCE = (
    'Zeg "span" &quot; &amp; &#34; &#x27; &nbsp; A&B <span class="quot">1</span> **strong** p\n\n'
    '- [link](https://example.org/1 "title quot") en `code span`\n'
    "- ![plaatje](x.png) 10 0\n\n> citaat amp lt gt\n\n    code &amp; 1\n"
)


def _without_abbr(html: str) -> str:
    return _ABBR_TAG.sub("", html)


def test_an_abbreviation_matches_a_whole_word_and_the_longest_name_wins() -> None:
    found = pattern(["OSJ", "OSJ-pilot", "C++"]).findall("OSJ-pilot, OSJ, OSJ2, C++ en xOSJ")
    assert found == ["OSJ-pilot", "OSJ", "C++"]
    assert pattern([]) is None


def test_plain_text_keeps_its_character_references() -> None:
    html = Prose(GLOSSARY).inline(TEXT)
    assert _without_abbr(html) == esc(TEXT)
    for name in ("span", "quot", "1", "&"):
        assert f'<abbr title="{esc(GLOSSARY[name])}">{esc(name)}</abbr>' in html


def test_a_markdown_field_keeps_its_markup() -> None:
    explained = Prose(GLOSSARY).markdown(MARKDOWN_SOURCE)
    assert _without_abbr(explained) == Prose({}).markdown(MARKDOWN_SOURCE)
    assert '<abbr title="Uitleg van span">span</abbr>' in explained


@pytest.fixture
def site_markdown(monkeypatch: pytest.MonkeyPatch):
    """The site's own Markdown (as MkDocs makes it for each page), with a glossary of ``glossary``."""
    monkeypatch.setenv(shared.DATA_ENV, str(GELDIG))
    config = load_config(str(REPO / "mkdocs.yml"))
    config = config.plugins.on_config(config)

    def make(glossary: dict[str, str]) -> markdown.Markdown:
        configs = {**config.mdx_configs, "agenda.render.abbreviations": {"glossary": glossary}}
        return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=configs)

    return make


def test_the_sites_markdown_keeps_its_markup(site_markdown) -> None:
    page = (
        "# Kop met span en 1 { #kop }\n\n"
        '<div class="agenda-x" title="quot 1">\n<p>Blok met &quot;span&quot; &amp; <strong>1</strong></p>\n</div>\n\n'
        'Tekst met &quot; &amp; &#34; <span class="span" title="amp">1</span> en **strong** p\n\n'
        "- [link](https://example.org/1 \"quot\") `code 1`\n"
    )
    explained = site_markdown(GLOSSARY).convert(page)
    assert _without_abbr(explained) == site_markdown({}).convert(page)
    assert '<abbr title="Uitleg van span">span</abbr>' in explained
    # the raw HTML block is left alone
    assert '<div class="agenda-x" title="quot 1">\n<p>Blok met &quot;span&quot; &amp; <strong>1</strong></p>' in explained


@pytest.mark.timeout(60)
def test_abbreviations_take_linear_time_in_the_number_of_elements() -> None:
    """Python-Markdown's abbr looked up each element among its siblings (hours for this tree)."""
    md = markdown.Markdown(extensions=[AbbrExtension(glossary={"OSJ": "Onderwijs met Specialistische Jeugdhulp"})])
    root = etree.Element("div")
    for _ in range(100_000):
        etree.SubElement(root, "p").text = "OSJ en de anderen"
        root[-1].tail = "\nOSJ"
    md.treeprocessors["abbr"].run(root)
    assert len(root.findall(".//abbr")) == 200_000
