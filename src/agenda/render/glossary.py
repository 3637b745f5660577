"""Begrippen: the glossary."""

from __future__ import annotations

from ..site import Site
from .markup import NOT_SEARCHED, Markup, esc, paragraph
from .parts import slug, source_note


def begrip_anchor(term: str) -> str:
    return "begrip-" + (slug(term) or "zonder-naam")


def begrippen(site: Site, here: str) -> Markup:
    """Each begrip under a heading of its own, so that the search finds it as an entry of its own;
    its sources are left out of the search index (they repeat under many begrippen)."""
    items = []
    seen: set[str] = set()
    for begrip in sorted(site.model.begrippen.begrippen, key=lambda b: b.term.lower()):
        anchor = begrip_anchor(begrip.term)
        while anchor in seen:
            anchor += "-x"
        seen.add(anchor)
        term = esc(begrip.term)  # no <abbr> inside the definition itself
        if begrip.afkorting:
            term += Markup(' <span class="agenda-abbr">({})</span>').format(begrip.afkorting)
        note = source_note(site, here, begrip.bronnen)
        items.append(
            Markup('<h2 id="{}">{}</h2>\n<p>{}</p>{}').format(
                anchor,
                term,
                site.prose.inline(begrip.uitleg),
                Markup("\n<p{}>{}</p>").format(NOT_SEARCHED, note) if note else "",
            )
        )
    if not items:
        return paragraph("Er zijn nog geen begrippen.")
    return Markup('<div class="agenda-begrippen">\n{}\n</div>').format(Markup("\n").join(items))

