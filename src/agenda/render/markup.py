"""Building blocks of a rendered page: Markdown headings, front matter and HTML blocks.

A page is Markdown for MkDocs: headings in Markdown (so they reach the table of contents),
everything else as blocks of HTML in which every value has already been escaped. Each block
starts a line and is separated from the next by a blank line, as Markdown wants raw HTML.
Callers pass HTML (already escaped) to the helpers here, never raw data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from .text import esc, md_text


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A Markdown heading; ``anchor`` must be a code (letters, digits, dashes)."""
    line = f"{'#' * level} {md_text(text)}"
    return f"{line} {{ #{anchor} }}" if anchor else line


def html_heading(level: int, content: str, anchor: str | None = None, css: str | None = None) -> str:
    """A heading as HTML (``content`` is HTML), for a printable edition: it has its own table of
    contents, and thousands of Markdown headings would make a large agenda slow to build."""
    attrs = _id(anchor) + (f' class="{css}"' if css else "")
    return f"<h{level}{attrs}>{content}</h{level}>"


def blocks(*parts: str | Iterable[str] | None) -> str:
    """Join blocks with blank lines, skipping empty ones."""
    flat: list[str] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, str):
            flat.append(part)
        else:
            flat.extend(p for p in part if p)
    return "\n\n".join(p.strip("\n") for p in flat if p and p.strip())


def document(title: str, body: str, *, printable: bool = False) -> str:
    """A generated page: front matter (never run as Jinja) and its body.

    The theme prints ``title`` without escaping, so it is escaped here. The page is not in the
    navigation, so the navigation sidebar is hidden (the tabs and the menu still show it).
    A ``printable`` edition stays out of the search index (Material's ``search.exclude``: it
    repeats what the record pages already hold) and hides the theme's table of contents (it has
    its own, and its headings are HTML: see ``html_heading``).
    """
    front = [
        "---",
        f"title: {json.dumps(esc(' '.join(title.split())), ensure_ascii=False)}",
        "render_macros: false",
        'hide: ["navigation", "toc"]' if printable else 'hide: ["navigation"]',
        *(["search:", "  exclude: true"] if printable else []),
        "---",
    ]
    return "\n".join(front) + "\n\n" + body + "\n"


def bullets(items: Iterable[str], css: str | None = None) -> str:
    """A <ul> of HTML items; '' when there are none."""
    items = list(items)
    if not items:
        return ""
    attr = f' class="{css}"' if css else ""
    return f"<ul{attr}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """A list of label: value pairs (labels are plain text, values HTML)."""
    body = "\n".join(f'<div><dt>{esc(label)}</dt><dd>{value}</dd></div>' for label, value in rows)
    return f'<dl class="agenda-facts">\n{body}\n</dl>'


def _id(anchor: str | None) -> str:
    return f' id="{esc(anchor)}"' if anchor else ""


def table(
    label: str, headers: Sequence[str], rows: Iterable[Sequence[str]], header_ids: Sequence[str | None] = ()
) -> str:
    """A table in a scroll container that a keyboard can reach; cells are HTML.

    Each cell carries its column name, so that a phone can show the rows as stacked blocks.
    The explicit roles keep it a table for screen readers when the phone's stylesheet shows
    rows and cells as blocks (Safari drops the table semantics of a table shown as blocks).
    ``header_ids`` gives column headers an id (a code) that links can point at.
    """
    ids = list(header_ids) + [None] * (len(headers) - len(header_ids))
    head = "".join(
        f'<th scope="col" role="columnheader"{_id(anchor)}>{esc(h)}</th>' for h, anchor in zip(headers, ids)
    )
    body = "\n".join(
        '<tr role="row">'
        + "".join(f'<td role="cell" data-label="{esc(h)}">{cell}</td>' for h, cell in zip(headers, row))
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="agenda-table" role="region" aria-label="{esc(label)}" tabindex="0">\n'
        f'<table role="table">\n<thead role="rowgroup"><tr role="row">{head}</tr></thead>\n'
        f'<tbody role="rowgroup">\n{body}\n</tbody>\n</table>\n</div>'
    )


def div(content: str, css: str) -> str:
    return f'<div class="{css}">\n{content}\n</div>'


def paragraph(content: str, css: str | None = None) -> str:
    attr = f' class="{css}"' if css else ""
    return f"<p{attr}>{content}</p>"
