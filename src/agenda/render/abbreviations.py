"""The glossary's abbreviations, explained with <abbr> where they stand in the text.

One rule for where an abbreviation matches (``pattern``), for every way text reaches a page:
plain text (``agenda.render.text.Prose.inline``), a Markdown field (``Prose.markdown``) and
the site's own Markdown (the hand-written pages and the headings; set by the MkDocs hook).
An abbreviation matches only in text, never in markup: Prose.inline matches before escaping, so
never inside a character reference, and in Python-Markdown's text every tag, attribute and
character reference is a placeholder until the end, so a match inside a placeholder is skipped.
An abbreviation may be any short text (such as 'quot', 'span' or '1').
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown import util
from markdown.extensions import abbr
from markdown.util import AtomicString

# Python-Markdown's placeholders: STX, a name and a number (such as 'wzxhzdk:12'), ETX. No text
# has STX or ETX (Markdown removes them, YAML does not allow them). Longer than any placeholder:
_PLACEHOLDER_MAX = 64


def pattern(names: Iterable[str]) -> re.Pattern | None:
    """Any of ``names`` (as a group) with no letter or digit right before or after it, outside a
    placeholder; None for no names. The longest name wins over a shorter one it starts with.

    The lookarounds are once around the alternatives (many times faster than around each), and
    the placeholder check reads at most _PLACEHOLDER_MAX characters: linear in the text.
    """
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    if not alternatives:
        return None
    inside_placeholder = f"[^{util.STX}{util.ETX}]{{0,{_PLACEHOLDER_MAX}}}{util.ETX}"
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)(?!{inside_placeholder})")


class _Treeprocessor(abbr.AbbrTreeprocessor):
    """Python-Markdown's abbreviations, matched by ``pattern``, in time linear in the tree (the
    original looks up each element's place among its siblings: quadratic in their number)."""

    def run(self, root) -> None:
        self.RE = pattern(self.abbrs)
        if self.RE is not None:
            self.iter_element(root)

    def iter_element(self, el, parent=None) -> None:
        for index in reversed(range(len(el))):  # from the end: an insert leaves the rest in place
            child = el[index]
            self.iter_element(child, el)
            child.tail = self._explain(child.tail, el, index + 1)
        el.text = self._explain(el.text, el, 0)

    def _explain(self, text: str | None, parent, index: int) -> str | None:
        """``text`` up to its first abbreviation; each abbreviation, with the text after it,
        becomes an <abbr> inserted at ``parent[index]``."""
        if not text or isinstance(text, AtomicString):
            return text
        for match in reversed(list(self.RE.finditer(text))):
            if self.abbrs[match.group()]:
                parent.insert(index, self.create_element(self.abbrs[match.group()], match.group(), text[match.end():]))
                text = text[: match.start()]
        return text


class AbbrExtension(abbr.AbbrExtension):
    """Python-Markdown's ``abbr`` (glossary and ``*[X]: ...`` definitions), never inside markup."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's API)
        super().extendMarkdown(md)
        md.treeprocessors.register(_Treeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs) -> AbbrExtension:  # noqa: N802 (Markdown loads an extension by its module's name)
    return AbbrExtension(**kwargs)
