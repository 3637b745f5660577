"""Visie en principes: the current version, the themas, the criteria, the levels of the
cooperation and the earlier versions, each principe with the opgaven and pilots that serve it
(or, when there are more than a page can name, their count linked to a list of its own:
``listing``).
"""

from __future__ import annotations

from .. import urls
from ..model import Opgave, Samenwerkingsniveau, Thema, VisieVersie
from ..site import Site
from .listing import Listing, fits, own_pages, summary
from .markup import Markup, blocks, bullets, esc, heading, paragraph
from .parts import link, points, prose, record_item, source_note, sources, text_or_unknown


def periode_text(site: Site, code: str) -> Markup:
    periode = site.periodes.get(code)
    return site.prose.inline(periode.naam) if periode else esc(code)


def visie(site: Site, here: str) -> Markup:
    versie = site.versie
    periode = site.periodes.get(versie.periode)
    intro = Markup("<strong>Agendaperiode:</strong> {}.").format(periode_text(site, versie.periode))
    if periode and periode.toelichting:
        intro += Markup(" {}").format(site.prose.inline(periode.toelichting))
    if site.eerdere_versies:
        intro += " " + link("#eerdere-versies", "Eerdere versies staan onderaan deze pagina.")
    return blocks(
        paragraph(intro),
        heading(2, site.regio.koppen.visie, "visie"),
        prose(site, versie.visie_inleiding) if versie.visie_inleiding else None,
        points(site, versie.visie),
        heading(2, versie.principes_kop or "Leidende principes", "principes"),
        paragraph(site.prose.inline(versie.principes_inleiding)) if versie.principes_inleiding else None,
        _principes(site, here),
        [heading(2, site.regio.koppen.uitgangspunten, "uitgangspunten"), points(site, versie.uitgangspunten)]
        if versie.uitgangspunten
        else None,
        _samenwerking(site, here, versie.samenwerking, nested=False),
        _themas(site, here),
        _criteria(site, here),
        _eerdere_versies(site, here),
        heading(2, "Bronnen", "bronnen"),
        sources(site, here, versie.bronnen),
    )


def _principe_listings(site: Site) -> list[Listing]:
    """What serves each principe of the current version, as lists that may get pages of their own."""
    return [
        Listing(f"visie/principe/{p.id}.md", f"Principe: {p.naam}", site.serving.get(p.id, []),
                (urls.VISIE, "Visie en principes"))
        for p in site.versie.principes
    ]  # fmt: skip


def listing_pages(site: Site) -> dict[str, str]:
    """The lists of their own of the principes, when the page cannot name every record."""
    return own_pages(site, _principe_listings(site))


def _principes(site: Site, here: str) -> list[Markup]:
    parts = []
    listings = _principe_listings(site)
    inline = fits(listings)
    for principe, listing in zip(site.versie.principes, listings):
        serving = listing.records
        parts.append(heading(3, principe.naam, f"principe-{principe.id}"))
        if principe.naam != principe.tekst:
            parts.append(paragraph(site.prose.inline(principe.tekst)))
        if serving and inline:  # a principle that no opgave or pilot names is no gap: nothing is said
            parts.append(paragraph("Hieraan werken:", "agenda-label"))
            parts.append(bullets(record_item(site, here, r) for r in serving))
        elif serving:
            parts.append(paragraph(Markup("Hieraan werken: {}.").format(summary(site, here, listing))))
    return parts


def _niveau_titel(site: Site, niveau: Samenwerkingsniveau) -> str:
    """The level's title, or the title the same level had in another version."""
    if niveau.titel:
        return niveau.titel
    for versie in reversed(site.model.visie.versies):
        for other in versie.samenwerking:
            if other.id == niveau.id and other.titel:
                return other.titel
    return niveau.id


def _samenwerking(site: Site, here: str, niveaus: tuple[Samenwerkingsniveau, ...], *, nested: bool) -> list[Markup]:
    """The levels of the cooperation: with headings on the page, as paragraphs inside <details>."""
    if not niveaus:
        return []
    parts = []
    if not nested:
        parts.append(heading(2, site.regio.koppen.samenwerking, "samenwerking"))
        organisatie = link(site.href(here, urls.ORGANISATIE), "Organisatie")
        parts.append(paragraph(Markup("Wie in welke overleggen zit: zie {}.").format(organisatie)))
    for niveau in niveaus:
        titel = _niveau_titel(site, niveau)
        if nested:
            parts.append(paragraph(Markup("<strong>{}</strong>").format(site.prose.inline(titel))))
        else:
            parts.append(heading(3, titel, f"samenwerking-{niveau.id}"))
        parts.append(paragraph(Markup("Invulling: {}").format(text_or_unknown(site, niveau.invulling))))
        parts.append(prose(site, niveau.toelichting))
        if niveau.zodat:
            parts.append(paragraph("Zodat:", "agenda-label"))
            parts.append(points(site, niveau.zodat))
    return parts


def described(thema: Thema) -> bool:
    """Whether the thema has a section of its own on this page (anchor ``thema-<code>``)."""
    return bool(thema.omschrijving or thema.visie or thema.maatschappelijk_resultaat or thema.grootste_opgave)


def _themas(site: Site, here: str) -> list[Markup]:
    themas = [t for t in site.regio.themas if described(t)]
    if not themas:
        return []
    parts: list = [heading(2, site.regio.koppen.themas, "themas")]
    for thema in themas:
        opgaven = sorted((o for o in site.model.opgaven if o.thema == thema.id), key=lambda o: o.titel.lower())
        parts += [
            heading(3, thema.naam, f"thema-{thema.id}"),
            prose(site, thema.omschrijving) if thema.omschrijving else None,
            [paragraph("Visie", "agenda-label"), points(site, thema.visie)] if thema.visie else None,
            [paragraph("Maatschappelijk resultaat", "agenda-label"), prose(site, thema.maatschappelijk_resultaat)]
            if thema.maatschappelijk_resultaat
            else None,
            [paragraph("Grootste opgave", "agenda-label"), prose(site, thema.grootste_opgave)]
            if thema.grootste_opgave
            else None,
            _thema_opgaven(site, here, thema.id, opgaven),
            paragraph(source_note(site, here, thema.bronnen)),
        ]
    return [blocks(*parts)]


def _thema_opgaven(site: Site, here: str, code: str, opgaven: list[Opgave]) -> list[Markup] | None:
    """The thema's opgaven, or a link to its board when the agenda has a board per thema."""
    if not opgaven:
        return None
    if site.per_thema:
        board = link(site.href(here, *site.thema_board(code)), f"De {len(opgaven)} opgaven van dit thema")
        return [paragraph(board)]
    return [paragraph("Opgaven", "agenda-label"), bullets(record_item(site, here, o) for o in opgaven)]


def _criteria(site: Site, here: str) -> list[Markup]:
    criteria = site.model.visie.criteria
    if criteria is None:
        return []
    parts = [heading(2, site.regio.koppen.criteria, "criteria")]
    if criteria.inleiding:
        parts.append(paragraph(site.prose.inline(criteria.inleiding)))
    niveaus = list(dict.fromkeys(c.niveau for c in criteria.criteria))
    for niveau in niveaus:
        parts.append(heading(3, niveau.capitalize(), f"criteria-{'-'.join(niveau.split())}"))
        parts.append(points(site, [c.tekst for c in criteria.criteria if c.niveau == niveau]))
    parts.append(paragraph(source_note(site, here, criteria.bronnen)))
    return parts


def _eerdere_versies(site: Site, here: str) -> list[Markup]:
    if not site.eerdere_versies:
        return []
    parts = [
        heading(2, "Eerdere versies", "eerdere-versies"),
        paragraph("De visie en principes zoals ze in een eerdere agendaperiode luidden."),
    ]
    for versie in reversed(site.eerdere_versies):
        principes = [
            (Markup("<strong>{}</strong>: ").format(site.prose.inline(p.kort)) if p.kort else "")
            + site.prose.inline(p.tekst)
            for p in versie.principes
        ]
        content = blocks(
            prose(site, versie.visie_inleiding) if versie.visie_inleiding else None,
            paragraph(site.regio.koppen.visie, "agenda-label"),
            points(site, versie.visie),
            paragraph(site.prose.inline(versie.principes_kop or "Leidende principes"), "agenda-label"),
            paragraph(site.prose.inline(versie.principes_inleiding)) if versie.principes_inleiding else None,
            bullets(principes),
            [paragraph(site.regio.koppen.uitgangspunten, "agenda-label"), points(site, versie.uitgangspunten)]
            if versie.uitgangspunten
            else None,
            [paragraph("Hoe de samenwerking was georganiseerd", "agenda-label")] if versie.samenwerking else None,
            _samenwerking(site, here, versie.samenwerking, nested=True),
            paragraph(source_note(site, here, versie.bronnen)),
        )
        parts.append(
            Markup(
                '<details class="agenda-version" id="versie-{}">\n'
                "<summary>Agendaperiode {}</summary>\n{}\n</details>"
            ).format(versie.periode, periode_text(site, versie.periode), content)
        )
    return parts
