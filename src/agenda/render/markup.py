"""HTML and Markdown text of a page: the type of safe HTML, text from the data made safe, and the
building blocks of a rendered page.

One rule: nothing from the data becomes markup, Jinja or a script. :class:`Markup` is HTML that
is safe as it is; every helper here escapes a plain ``str`` itself and passes a ``Markup`` through,
so text from the data cannot reach a page unescaped, nor be escaped twice. Renderers return Markup.

Text from the data enters here:

- ``esc`` (``Markup.escape``): plain text into HTML (as html.escape, quotes too).
- ``Prose.inline``: plain text into HTML, with the glossary's abbreviations as <abbr>.
- ``Prose.markdown``: a Markdown field (beschrijving, toelichting, ...) converted here, with a
  Markdown instance of our own: raw HTML is shown as text, images are dropped (they would load
  from other hosts), links keep only http(s), mailto and relative targets, headings move below
  the page's own headings, and the site's extensions (attr_list, snippets, md_in_html) never see it.
- ``md_text``: plain text into a Markdown heading of the page; every character that means
  something to Markdown, HTML, attr_list or Jinja becomes a numeric character reference.

A page is Markdown for MkDocs: headings in Markdown (so they reach the table of contents),
everything else as blocks of HTML. Each block starts a line and is separated from the next by a
blank line, as Markdown wants raw HTML.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

import markdown
import markupsafe
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

    A page is blocks separated by blank lines, so a blank line in a text from the data must not
    end up in the page's source. To the browser &#10; is the same line break.
    """
    return _BLANK_LINE.sub("&#10;", markup)


class Markup(markupsafe.Markup):
    """HTML that is safe on a page as it is (markupsafe's Markup, so Jinja passes it through).

    Joining, ``+``, ``%`` and ``format`` escape a plain ``str`` and pass anything with
    ``__html__`` through. The escaping writes what the site has always written: html.escape with
    quotes (``&quot;``, ``&#x27;``, not markupsafe's ``&#34;``, ``&#39;``) and no blank line
    (``one_block``). ``format``, ``join`` and ``+`` are markupsafe's, without its intermediate
    objects (a large agenda has millions of them); ``format`` takes the fields this project
    writes (``{}``, ``{0}``, without a format spec).
    """

    __slots__ = ()

    def __new__(cls, value: object = "", /) -> Markup:
        return str.__new__(cls, value.__html__() if hasattr(value, "__html__") else value)

    @staticmethod
    def _escape_text(text: str) -> str:
        escaped = html.escape(text, quote=True)
        return one_block(escaped) if "\n" in escaped else escaped

    @classmethod
    def _html(cls, value: object) -> str:
        """``value`` as HTML: as it is when it is markup, else escaped."""
        if isinstance(value, markupsafe.Markup):
            return value
        return value.__html__() if hasattr(value, "__html__") else cls._escape_text(str(value))

    @classmethod
    def escape(cls, s: object, /) -> Markup:
        return s if type(s) is cls else str.__new__(cls, cls._html(s))

    def _fields(self, values: Iterable[object]) -> list[str]:
        """Each value as HTML (a plain str escaped, the common case first)."""
        text, as_html = self._escape_text, self._html
        return [text(value) if type(value) is str else as_html(value) for value in values]

    def format(self, /, *args: object, **kwargs: object) -> Markup:
        named = dict(zip(kwargs, self._fields(kwargs.values()))) if kwargs else {}
        return str.__new__(type(self), str.format(self, *self._fields(args), **named))

    def join(self, iterable: Iterable[object], /) -> Markup:
        return str.__new__(type(self), str.join(self, self._fields(iterable)))

    def __add__(self, value: object, /) -> Markup:
        if isinstance(value, str) or hasattr(value, "__html__"):
            return str.__new__(type(self), str.__add__(self, *self._fields([value])))
        return NotImplemented

    def __radd__(self, value: object, /) -> Markup:
        if isinstance(value, str) or hasattr(value, "__html__"):
            return str.__new__(type(self), str.__add__(*self._fields([value]), self))
        return NotImplemented


EMPTY = Markup("")


def esc(value: object) -> Markup:
    """Plain text for HTML text and attribute values; Markup stays as it is."""
    return Markup.escape(value)


def md_text(value: object) -> Markup:
    """Plain text for a line of Markdown (a heading, a macro's inline text): it renders as exactly
    this text, also inside HTML."""
    text = " ".join(str(value).split())
    return Markup(_MARKUP_CHARS.sub(lambda m: f"&#{ord(m.group())};", text))


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
        self._tags = {name: Markup('<abbr title="{}">{}</abbr>').format(title, name) for name, title in glossary.items()}
        self._inline: dict[str, Markup] = {}  # the same names and titles recur on many pages
        self._markdown: dict[str, Markup] = {}

    def inline(self, text: object) -> Markup:
        """Plain text as HTML, with <abbr> around the glossary's abbreviations.

        The abbreviations are found in the text itself, then each piece is escaped: an
        abbreviation never lands inside a character reference (such as 'quot' in &quot;).
        """
        plain = str(text)
        if self._abbr is None:
            return esc(plain)
        if plain not in self._inline:
            pieces = self._abbr.split(plain)  # text, abbreviation, text, ...
            self._inline[plain] = EMPTY.join(
                self._tags[piece] if index % 2 else piece for index, piece in enumerate(pieces)
            )
        return self._inline[plain]

    def markdown(self, text: str) -> Markup:
        """A Markdown field as safe HTML (a record's text is on its page and in its editions)."""
        if text not in self._markdown:
            self._md.reset()
            # the one text that is trusted as HTML: our own Markdown instance made it safe
            self._markdown[text] = Markup(one_block(self._md.convert(text)))
        return self._markdown[text]


# -- building blocks of a page -------------------------------------------------------------------


# On an element: Material's search plugin leaves it (a heading: its whole section) out of the
# site's search index, and removes the attribute from the page.
NOT_SEARCHED = Markup(' data-search-exclude="true"')


def heading(level: int, text: str | Markup, anchor: str | None = None, *, searched: bool = True) -> Markup:
    """A Markdown heading of plain text (or of Markup); ``anchor`` must be a code (letters, digits,
    dashes). Not ``searched``: the section it opens is left out of the search index."""
    line = f"{'#' * level} {text.__html__() if hasattr(text, '__html__') else md_text(text)}"
    attributes = ([f"#{anchor}"] if anchor else []) + ([NOT_SEARCHED.strip()] if not searched else [])
    return Markup(f"{line} {{ {' '.join(attributes)} }}" if attributes else line)


# a heading of a part of a page (level, plain text, anchor): Markdown on the site (``heading``),
# HTML in a printable edition
Heading = Callable[[int, str, str], Markup]


def html_heading(level: int, content: str | Markup, anchor: str | None = None, css: str | None = None) -> Markup:
    """A heading as HTML, for a printable edition: it has its own table of contents, and
    thousands of Markdown headings would make a large agenda slow to build."""
    return Markup("<h{0}{1}{2}>{3}</h{0}>").format(level, _id(anchor), _class(css), content)


def blocks(*parts: str | Markup | Iterable[str | Markup] | None) -> Markup:
    """Join blocks with blank lines, skipping empty ones."""
    flat: list[str] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, str):
            flat.append(part)
        else:
            flat.extend(p for p in part if p)
    return Markup("\n\n").join(esc(p).strip("\n") for p in flat if p and p.strip())


def document(title: str, body: str | Markup, *, printable: bool = False) -> str:
    """A generated page: front matter (never run as Jinja) and its body.

    The theme prints ``title`` without escaping, so it is escaped here. The page is not in the
    navigation, so the navigation sidebar is hidden (the tabs and the menu still show it).
    A ``printable`` edition stays out of the search index (Material's ``search.exclude``: it
    repeats what the record pages already hold) and hides the theme's table of contents (it has
    its own, and its headings are HTML: see ``html_heading``).
    """
    front = [
        "---",
        f"title: {json.dumps(str(esc(' '.join(title.split()))), ensure_ascii=False)}",
        "render_macros: false",
        'hide: ["navigation", "toc"]' if printable else 'hide: ["navigation"]',
        *(["search:", "  exclude: true"] if printable else []),
        "---",
    ]
    return "\n".join(front) + "\n\n" + str(esc(body)) + "\n"


def bullets(items: Iterable[str | Markup], css: str | None = None) -> Markup:
    """A <ul> of items; '' when there are none."""
    items = list(items)
    if not items:
        return EMPTY
    lines = Markup("\n").join(Markup("<li>{}</li>").format(item) for item in items)
    return Markup("<ul{}>\n{}\n</ul>").format(_class(css), lines)


def facts(rows: Iterable[tuple[str, str | Markup]], *, searched: bool = True) -> Markup:
    """A list of label: value pairs; not ``searched``: left out of the search index."""
    body = Markup("\n").join(Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(label, value) for label, value in rows)
    return Markup('<dl class="agenda-facts"{}>\n{}\n</dl>').format(EMPTY if searched else NOT_SEARCHED, body)


def _id(anchor: str | None) -> Markup:
    return Markup(' id="{}"').format(anchor) if anchor else EMPTY


def _class(css: str | None) -> Markup:
    return Markup(' class="{}"').format(css) if css else EMPTY


def table(
    label: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[str | Markup]],
    header_ids: Sequence[str | None] = (),
) -> Markup:
    """A table in a scroll container that a keyboard can reach.

    Each cell carries its column name, so that a phone can show the rows as stacked blocks.
    The explicit roles keep it a table for screen readers when the phone's stylesheet shows
    rows and cells as blocks (Safari drops the table semantics of a table shown as blocks).
    ``header_ids`` gives column headers an id (a code) that links can point at.
    """
    ids = list(header_ids) + [None] * (len(headers) - len(header_ids))
    head = EMPTY.join(
        Markup('<th scope="col" role="columnheader"{}>{}</th>').format(_id(anchor), h) for h, anchor in zip(headers, ids)
    )
    body = Markup("\n").join(
        Markup('<tr role="row">{}</tr>').format(
            EMPTY.join(Markup('<td role="cell" data-label="{}">{}</td>').format(h, cell) for h, cell in zip(headers, row))
        )
        for row in rows
    )
    return Markup(
        '<div class="agenda-table" role="region" aria-label="{}" tabindex="0">\n'
        '<table role="table">\n<thead role="rowgroup"><tr role="row">{}</tr></thead>\n'
        '<tbody role="rowgroup">\n{}\n</tbody>\n</table>\n</div>'
    ).format(label, head, body)


def div(content: str | Markup, css: str) -> Markup:
    return Markup('<div class="{}">\n{}\n</div>').format(css, content)


def paragraph(content: str | Markup, css: str | None = None) -> Markup:
    return Markup("<p{}>{}</p>").format(_class(css), content)
