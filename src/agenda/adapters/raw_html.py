"""Generated pages skip Markdown for their HTML.

A generated page is Markdown headings (for the table of contents) and blocks of finished HTML
(agenda.render.markup). Markdown would parse that HTML twice more (md_in_html and MkDocs's anchor
finder) only to pass it on unchanged: at 1,000 records that is most of the build. So before
Markdown runs, each HTML block is replaced by a paragraph holding a token, and afterwards each
token's paragraph by its block again. The ids in the blocks are handed to MkDocs's anchor check,
which no longer sees them.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

_BLOCKS = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"#{1,6} [^\n]*")  # agenda.render.markup.heading
_ID = re.compile(r'\sid="([^"]+)"')  # the renderers write every id like this


@dataclass(frozen=True)
class Hidden:
    markdown: str  # the page with a token paragraph in place of each run of HTML blocks
    blocks: tuple[str, ...]  # those runs, in order

    def restore(self, html: str, token: str) -> str:
        """``html`` (Markdown's output for ``markdown``) with each token's paragraph replaced by its HTML."""
        return re.sub(rf"<p>{token}x(\d+)</p>", lambda m: self.blocks[int(m.group(1))], html)

    def anchors(self) -> set[str]:
        return {anchor for block in self.blocks for anchor in _ID.findall(block)}


def new_token() -> str:
    """A word no page holds: letters and digits only, so Markdown leaves it as it is (and the
    number of each block follows it within the word, so no abbreviation such as '1' matches)."""
    return "agendahtml" + secrets.token_hex(8)


def hide(markdown: str, token: str) -> Hidden:
    """``markdown`` with each run of blocks between its headings replaced by a token paragraph.

    A generated page holds nothing but headings and HTML, and no blank line inside a text from
    the data (agenda.render.markup.one_block), so every block that is not a heading is HTML.
    """
    parts: list[str] = []
    blocks: list[str] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            parts.append(f"{token}x{len(blocks)}")  # one word: no abbreviation matches inside it
            blocks.append("\n\n".join(run))
            run.clear()

    for part in _BLOCKS.split(markdown):
        if _HEADING.fullmatch(part.strip()):
            end_run()
            parts.append(part)
        elif part.strip():
            run.append(part)
    end_run()
    return Hidden("\n\n".join(parts), tuple(blocks))
