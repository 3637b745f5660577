"""Begrippen (the glossary) and Bronnen (the source documents)."""

from __future__ import annotations

from ..site import Site
from .markup import paragraph
from .parts import slug, source_note
from .text import esc


def begrip_anchor(term: str) -> str:
    return "begrip-" + (slug(term) or "zonder-naam")


def begrippen(site: Site, here: str) -> str:
    items = []
    seen: set[str] = set()
    for begrip in sorted(site.model.begrippen.begrippen, key=lambda b: b.term.lower()):
        anchor = begrip_anchor(begrip.term)
        while anchor in seen:
            anchor += "-x"
        seen.add(anchor)
        term = esc(begrip.term)  # no <abbr> inside the definition itself
        if begrip.afkorting:
            term += f' <span class="agenda-abbr">({esc(begrip.afkorting)})</span>'
        note = source_note(site, here, begrip.bronnen)
        items.append(
            f'<div id="{anchor}"><dt>{term}</dt>'
            f"<dd>{site.prose.inline(begrip.uitleg)}{'<br>' + note if note else ''}</dd></div>"
        )
    if not items:
        return paragraph("Er zijn nog geen begrippen.")
    return '<dl class="agenda-glossary">\n' + "\n".join(items) + "\n</dl>"


def bronnen(site: Site, here: str) -> str:
    items = []
    for doc in site.regio.bronnen:
        detail = [esc(doc.datering)] + ([esc(doc.soort)] if doc.soort else [])
        items.append(
            f'<div id="bron-{esc(doc.id)}"><dt>{site.prose.inline(doc.titel)}</dt>'
            f"<dd>{', '.join(detail)}</dd></div>"
        )
    return '<dl class="agenda-glossary">\n' + "\n".join(items) + "\n</dl>"
