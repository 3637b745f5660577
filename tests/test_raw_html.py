"""The finished HTML of a generated page skips Markdown and comes back unchanged."""

from __future__ import annotations

import markdown

from agenda.adapters.raw_html import hide, new_token
from agenda.render.abbreviations import AbbrExtension
from agenda.render.markup import blocks, div, heading, paragraph, table


def _through_markdown(page: str) -> str:
    """What MkDocs does with a page, with the HTML hidden from Markdown and put back."""
    token = new_token()
    hidden = hide(page, token)
    html = markdown.markdown(hidden.markdown, extensions=["attr_list", "md_in_html", "toc"])
    return hidden.restore(html, token)


def test_headings_stay_markdown_and_every_html_block_comes_back_unchanged() -> None:
    first = paragraph("Eerste <abbr title='x'>x</abbr> alinea", "agenda-lead")
    grid = div(blocks(paragraph("een"), paragraph("twee")), "agenda-grid")
    rows = table("Tabel", ["A", "B"], [["1", "2"]], header_ids=["kolom-a"])
    page = blocks(heading(1, "Titel"), first, heading(2, "Deel", "deel"), grid, rows)

    hidden = hide(page, "tok")
    assert hidden.markdown == "# Titel\n\ntokx0\n\n## Deel { #deel }\n\ntokx1"
    assert hidden.blocks == (first, blocks(grid, rows))
    assert hidden.anchors() == {"kolom-a"}

    html = _through_markdown(page)
    assert '<h2 id="deel">Deel</h2>' in html
    assert first in html and grid in html and rows in html


def test_a_page_without_headings_is_one_block() -> None:
    page = blocks(paragraph("een"), paragraph("twee"))
    assert _through_markdown(page) == page


def test_text_that_looks_like_markdown_inside_html_is_left_alone() -> None:
    # the renderers write no blank line inside a text (agenda.render.markup.one_block), but a
    # block of theirs may hold several others: they stay HTML, even when they start with text
    page = blocks(heading(2, "Kop"), "<div>", "- geen lijst", "</div>")
    assert "<li>" not in _through_markdown(page)
    assert "- geen lijst" in _through_markdown(page)


def test_no_abbreviation_changes_a_token() -> None:
    """A token is one word: an abbreviation such as '1' (a block's number) never matches in it."""
    glossary = {"1": "een", "0": "nul", "x1": "x", "agendahtml": "a"}
    page = "# Titel\n\n<p>een</p>\n\n## Deel\n\n<p>twee</p>"
    hidden = hide(page, new_token())
    html = markdown.markdown(hidden.markdown, extensions=[AbbrExtension(glossary=glossary)])
    assert "<abbr" not in html
