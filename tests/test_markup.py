"""Escaping by type: every HTML helper escapes a plain str itself and passes Markup through.

A helper that stopped escaping a plain str, or that escaped a Markup a second time, fails here
(for any text, by hypothesis). The escaping writes what the site always wrote: html.escape's
entities with quotes (&quot;, &#x27;) and no blank line.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import markupsafe
import pytest
from hypothesis import given
from hypothesis import strategies as st

from agenda.render import svg
from agenda.render.markup import (
    Markup,
    Prose,
    blocks,
    bullets,
    div,
    esc,
    facts,
    heading,
    html_heading,
    md_text,
    one_block,
    paragraph,
    table,
)
from agenda.render.parts import link, status_badge

# text that always needs escaping, around any text
texts = st.text().map(lambda t: f"<b class='x'>{t} & \"y\"")
MARKUP = Markup('<em class="m">a &amp; b</em>')

# each helper with the one place where it puts its content
HELPERS: dict[str, Callable[[object], str]] = {
    "paragraph": lambda c: paragraph(c, "css"),
    "div": lambda c: div(c, "css"),
    "html_heading": lambda c: html_heading(2, c, "anker"),
    "blocks": lambda c: blocks(Markup("<p>vooraf</p>"), c),
    "bullets": lambda c: bullets([c]),
    "facts value": lambda c: facts([("Label", c)]),
    "table cell": lambda c: table("Tabel", ["Kolom"], [[c]]),
    "heading": lambda c: heading(2, c),
    "link text": lambda c: link("https://example.org/", c),
}


def test_escape_writes_the_entities_of_html_escape() -> None:
    text = "<a href=\"x\">'&'</a>"
    assert esc(text) == html.escape(text, quote=True) == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"
    assert Markup("<p>{}</p>").format("'\"") == "<p>&#x27;&quot;</p>"
    assert Markup("<br>") + "'" == "<br>&#x27;"
    assert Markup(", ").join(["<", Markup("<i>")]) == "&lt;, <i>"


@given(st.text())
def test_escape_is_html_escape_without_blank_lines_and_never_escapes_twice(text: str) -> None:
    escaped = esc(text)
    assert isinstance(escaped, Markup)
    assert escaped == one_block(html.escape(text, quote=True))
    assert esc(escaped) == escaped


@pytest.mark.parametrize("name", HELPERS)
@given(text=texts)
def test_a_helper_escapes_a_plain_str(name: str, text: str) -> None:
    out = HELPERS[name](text)
    assert isinstance(out, Markup)
    expected = md_text(text) if name == "heading" else esc(text)
    assert expected in out
    assert "<b class='x'>" not in out


@pytest.mark.parametrize("name", HELPERS)
def test_a_helper_passes_markup_through(name: str) -> None:
    out = HELPERS[name](MARKUP)
    assert MARKUP in out
    assert "&amp;lt;" not in out and "&lt;em" not in out


@given(label=texts, header=texts)
def test_labels_and_headers_are_plain_text(label: str, header: str) -> None:
    out = table(label, [header], [["cel"]]) + facts([(label, "waarde")])
    assert f'aria-label="{esc(label)}"' in out
    assert f'data-label="{esc(header)}"' in out and f"{esc(header)}</th>" in out
    assert f"<dt>{esc(label)}</dt>" in out
    assert "<b class='x'>" not in out


@given(text=texts)
def test_attribute_values_are_escaped(text: str) -> None:
    assert f'href="{esc(text)}"' in link(text, "tekst")
    assert f'id="{esc(text)}"' in html_heading(2, "kop", text)
    assert esc(text) in status_badge(text)


@given(text=texts)
def test_prose_returns_markup_with_the_text_escaped_once(text: str) -> None:
    prose = Prose({"ABC": "Alles bij control"})
    inline = prose.inline(text + " ABC")
    assert isinstance(inline, Markup) and isinstance(prose.markdown(text), Markup)
    assert inline == esc(text) + Markup(' <abbr title="Alles bij control">ABC</abbr>')
    assert paragraph(inline) == f"<p>{inline}</p>"  # Markup is never escaped again


@given(text=texts)
def test_svg_helpers_escape_a_plain_str_and_pass_svg_through(text: str) -> None:
    element = svg._tag("title", text, id=text)
    assert isinstance(element, svg.Svg) and isinstance(element, markupsafe.Markup)
    escaped = html.escape(text, quote=True)
    assert element == f'<title id="{escaped}">{escaped}</title>'
    assert svg._tag("g", element) == f"<g>{element}</g>"
    assert paragraph(element) == f"<p>{element}</p>"  # the page takes SVG as it is
