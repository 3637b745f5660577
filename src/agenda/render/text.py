"""Text from the data, made safe for the page it lands on.

Three ways in, one rule: nothing from the data becomes markup, Jinja or a script.

- ``esc``: plain text into HTML (html.escape, quotes too).
- ``Prose.inline``: plain text into HTML, with the glossary's abbreviations as <abbr>.
- ``Prose.markdown``: a Markdown field (beschrijving, toelichting, ...) converted here, with a
  Markdown instance of our own: raw HTML is shown as text, images are dropped (they would load
  from other hosts), links keep only http(s), mailto and relative targets, headings move below
  the page's own headings, and the site's extensions (attr_list, snippets, md_in_html) never see it.
- ``md_text``: plain text into a Markdown heading of the page; every character that means
  something to Markdown, HTML, attr_list or Jinja becomes a numeric character reference.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import abbreviations

_SAFE_SCHEMES = {"", "http", "https", "mailto"}
# Headings inside a Markdown field start at this level (the page uses h1-h3 itself).
_FIRST_HEADING_LEVEL = 4
# Characters with a meaning in Markdown, HTML, attr_list or Jinja.
_MARKUP_CHARS = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>&\"'~^=:$%@]")
# a line break followed by a blank line
_BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")


def one_block(markup: str) -> str:
    """HTML without blank lines: the first line break of each becomes a character reference.

    A page is blocks separated by blank lines (agenda.render.markup), so a blank line in a text
    from the data must not end up in the page's source. To the browser &#10; is the same line break.
    """
    return _BLANK_LINE.sub("&#10;", markup)


def esc(value: object) -> str:
    """Plain text for HTML text and attribute values."""
    return one_block(html.escape(str(value), quote=True))


def md_text(value: object) -> str:
    """Plain text for a line of Markdown (a heading, a macro's inline text): it renders as exactly
    this text, also inside HTML."""
    text = " ".join(str(value).split())
    return _MARKUP_CHARS.sub(lambda m: f"&#{ord(m.group())};", text)


def safe_url(url: str) -> bool:
    """True for http(s), mailto and relative URLs; False for javascript:, data: and the like."""
    # the browser decodes character references and ignores control characters and spaces
    squeezed = "".join(ch for ch in html.unescape(url) if ord(ch) > 0x20)
    try:
        scheme = urlsplit(squeezed).scheme.lower()
    except ValueError:
        return False
    return scheme in _SAFE_SCHEMES


class _SafeTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    # an image from the data would make the page load another host
                    span = etree.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a" and not safe_url(child.get("href", "")):
                    child.attrib.pop("href", None)
                    child.tag = "span"
                elif re.fullmatch(r"h[1-6]", child.tag):
                    level = min(6, int(child.tag[1]) + _FIRST_HEADING_LEVEL - 1)
                    child.tag = f"h{level}"


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")  # raw HTML blocks become text
        md.inlinePatterns.deregister("html")  # inline raw HTML becomes text
        md.treeprocessors.register(_SafeTree(md), "agenda_safe", 1)


class Prose:
    """Converts text from the data, with the glossary's abbreviations explained."""

    def __init__(self, glossary: Mapping[str, str]):
        self.glossary = dict(glossary)
        self._md = markdown.Markdown(
            extensions=[abbreviations.AbbrExtension(glossary=self.glossary), "sane_lists", _SafeExtension()],
            output_format="html",
        )
        self._abbr = abbreviations.pattern(self.glossary)
        self._tags = {name: f'<abbr title="{esc(title)}">{esc(name)}</abbr>' for name, title in glossary.items()}
        self._inline: dict[str, str] = {}  # the same names and titles recur on many pages
        self._markdown: dict[str, str] = {}

    def inline(self, text: object) -> str:
        """Plain text as HTML, with <abbr> around the glossary's abbreviations.

        The abbreviations are found in the text itself, then each piece is escaped: an
        abbreviation never lands inside a character reference (such as 'quot' in &quot;).
        """
        plain = str(text)
        if self._abbr is None:
            return esc(plain)
        if plain not in self._inline:
            pieces = self._abbr.split(plain)  # text, abbreviation, text, ...
            parts = (self._tags[piece] if index % 2 else html.escape(piece) for index, piece in enumerate(pieces))
            self._inline[plain] = one_block("".join(parts))
        return self._inline[plain]

    def markdown(self, text: str) -> str:
        """A Markdown field as safe HTML (a record's text is on its page and in its editions)."""
        if text not in self._markdown:
            self._md.reset()
            self._markdown[text] = one_block(self._md.convert(text))
        return self._markdown[text]
