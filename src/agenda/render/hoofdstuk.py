"""The chapters of a region's agenda besides visie, opgaven and organisation (regio.yaml:
hoofdstukken): each on a page of its own, under the heading its source gives it, and listed on the
home page, in their order in the printable edition (``chapters``): the context before the visie,
the finance and the other chapters after the agenda."""

from __future__ import annotations

from .. import urls
from ..model import Hoofdstuk
from ..site import Site
from .markup import EMPTY, Markup, blocks, bullets, document, heading, paragraph
from .parts import accountability, back_link, error_report, link, prose, sources


def hoofdstuk_page(site: Site, hoofdstuk: Hoofdstuk) -> str:
    here = urls.hoofdstuk_page(hoofdstuk.id)
    body = blocks(
        back_link(site, here, urls.HOME, "Home"),
        heading(1, hoofdstuk.kop),
        paragraph(site.prose.inline(hoofdstuk.samenvatting), "agenda-lead") if hoofdstuk.samenvatting else None,
        prose(site, hoofdstuk.tekst),
        heading(2, "Bronnen", "bronnen", searched=False),
        accountability(sources(site, here, hoofdstuk.bronnen)),
        error_report(site, here, hoofdstuk.kop),
    )
    return document(hoofdstuk.kop, body)


def chapters(site: Site) -> tuple[list[Hoofdstuk], list[Hoofdstuk]]:
    """The region's chapters before the visie (its context) and after the agenda (finance, then
    the others), each kind in the region's order."""
    found = site.regio.hoofdstukken
    return [h for h in found if h.soort == "context"], [
        h for kind in ("financien", "anders") for h in found if h.soort == kind
    ]


def hoofdstukken_list(site: Site, here: str) -> Markup:
    """Links to the chapters, in the order of the printable edition, under 'Meer over de agenda';
    '' without any."""
    if not site.regio.hoofdstukken:
        return EMPTY
    items = [
        link(site.href(here, urls.hoofdstuk_page(h.id)), site.prose.inline(h.kop))
        + (Markup(": {}").format(site.prose.inline(h.samenvatting)) if h.samenvatting else "")
        for kind in chapters(site)
        for h in kind
    ]
    return blocks(heading(2, "Meer over de agenda", "meer"), bullets(items))
