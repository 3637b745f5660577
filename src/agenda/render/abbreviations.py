"""The glossary's abbreviations, explained with <abbr> where they stand in the text.

One rule for where an abbreviation matches (``pattern``), for every way text reaches a page:
plain text (``agenda.render.markup.Prose.inline``), a Markdown field (``Prose.markdown``) and
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
    """Python-Markdown's abbreviations, matched by ``pattern``, in time linear in the tree: each
    element's children are put together once (the original finds each element's place among
    its siblings and inserts there, both quadratic in their number)."""

    def run(self, root) -> None:
        self.RE = pattern(self.abbrs)
        if self.RE is not None:
            self.iter_element(root)

    def iter_element(self, el, parent=None) -> None:
        children: list = []
        el.text = self._explain(el.text, children)
        for child in el:
            self.iter_element(child)
            children.append(child)
            child.tail = self._explain(child.tail, children)
        el[:] = children

    def _explain(self, text: str | None, children: list) -> str | None:
        """``text`` up to its first abbreviation; each abbreviation with the text after it becomes
        an <abbr>, added to ``children``. An abbreviation without a title stays text."""
        if not text or isinstance(text, AtomicString):
            return text
        head, *rest = self.RE.split(text)  # text, name, text, name, text ...
        added = None
        for name, after in zip(rest[::2], rest[1::2]):
            if self.abbrs[name]:
                added = self.create_element(self.abbrs[name], name, after)
                children.append(added)
            elif added is not None:
                added.tail += name + after
            else:
                head += name + after
        return head


class AbbrExtension(abbr.AbbrExtension):
    """Python-Markdown's ``abbr`` (glossary and ``*[X]: ...`` definitions), never inside markup."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's API)
        super().extendMarkdown(md)
        md.treeprocessors.register(_Treeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs) -> AbbrExtension:  # noqa: N802 (Markdown loads an extension by its module's name)
    return AbbrExtension(**kwargs)
