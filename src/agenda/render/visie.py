"""Visie en principes: the current version, the themas, the criteria, the levels of the
cooperation and the earlier versions, each principe with the opgaven and pilots that serve it
(or, when there are more than a page can name, their count linked to a list of its own:
``listing``).

The parts follow the kwaliteitskompas: each hoofdlijn (thema) with its visie, maatschappelijk
resultaat and grootste opgave, and its opgaven in the region's order; the randvoorwaarden in a
part of their own. A visie that the region writes per hoofdlijn is written once: the visie of a
version without points of its own is that of its hoofdlijnen (``visie_points``). The printable
edition (``print_edition``) uses the same parts, with its own headings (a ``Heading``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import urls
from ..model import Opgave, Pilot, Samenwerkingsniveau, Thema, VisieVersie
from ..site import Site
from .listing import Listing, fits, own_pages, summary
from .markup import Heading, Markup, blocks, bullets, esc, heading, paragraph
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
        visie_points(site, versie),
        heading(2, versie.principes_kop or "Leidende principes", "principes"),
        paragraph(site.prose.inline(versie.principes_inleiding)) if versie.principes_inleiding else None,
        _principes(site, here),
        [heading(2, site.regio.koppen.uitgangspunten, "uitgangspunten"), points(site, versie.uitgangspunten)]
        if versie.uitgangspunten
        else None,
        samenwerking(site, here, versie.samenwerking, heading, site.href(here, urls.ORGANISATIE)),
        _themas(site, here),
        criteria(site, here, heading),
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


def samenwerking(
    site: Site, here: str, niveaus: tuple[Samenwerkingsniveau, ...], head: Heading | None = None,
    organisatie: str = "",
) -> list[Markup]:
    """The levels of the cooperation: as a part with ``head``ings and a link to ``organisatie``
    (the address of who sits where), or without headings as paragraphs (inside <details>)."""
    if not niveaus:
        return []
    parts = []
    if head:
        parts.append(head(2, site.regio.koppen.samenwerking, "samenwerking"))
        parts.append(paragraph(Markup("Wie in welke overleggen zit: zie {}.").format(link(organisatie, "Organisatie"))))
    for niveau in niveaus:
        titel = _niveau_titel(site, niveau)
        if head:
            parts.append(head(3, titel, f"samenwerking-{niveau.id}"))
        else:
            parts.append(paragraph(Markup("<strong>{}</strong>").format(site.prose.inline(titel))))
        parts.append(paragraph(Markup("Invulling: {}").format(text_or_unknown(site, niveau.invulling))))
        parts.append(prose(site, niveau.toelichting))
        if niveau.zodat:
            parts.append(paragraph("Zodat:", "agenda-label"))
            parts.append(points(site, niveau.zodat))
    return parts


def described(thema: Thema) -> bool:
    """Whether the thema has a section of its own on this page (anchor ``thema-<code>``)."""
    return bool(thema.omschrijving or thema.visie or thema.maatschappelijk_resultaat or thema.grootste_opgave)


def visie_points(
    site: Site, versie: VisieVersie, thema_href: Callable[[str], str] = lambda code: f"#thema-{code}"
) -> Markup:
    """The points of the visie; for a version without points of its own, the visie of each
    hoofdlijn, under its name linked to its section (``thema_href`` of its code: on the same page)."""
    if versie.visie:
        return points(site, versie.visie)
    parts = [
        [paragraph(link(thema_href(t.id), site.prose.inline(t.naam)), "agenda-label"), points(site, t.visie)]
        for t in _hoofdlijn_visies(site)
    ]
    return blocks(*parts) if parts else paragraph("De bronnen beschrijven (nog) geen visie.")


def _hoofdlijn_visies(site: Site) -> list[Thema]:
    return [t for t in site.themas_in_order if t.soort == "hoofdlijn" and t.visie]


def has_visie(site: Site, versie: VisieVersie) -> bool:
    """Whether the version has a visie: points of its own, or those of the hoofdlijnen."""
    return bool(versie.visie or _hoofdlijn_visies(site))


def thema_parts(site: Site) -> list[tuple[str, str, list[Thema]]]:
    """The hoofdlijnen and the randvoorwaarden that have a text (anchor, heading, themas), each
    in the region's order; none for a kind the region does not have."""
    described_themas = [t for t in site.themas_in_order if described(t)]
    kinds = (("themas", site.regio.koppen.themas, "hoofdlijn"),
             ("randvoorwaarden", site.regio.koppen.randvoorwaarden, "randvoorwaarde"))  # fmt: skip
    found = [(anchor, kop, [t for t in described_themas if t.soort == soort]) for anchor, kop, soort in kinds]
    return [(anchor, kop, themas) for anchor, kop, themas in found if themas]


def thema_text(site: Site, thema: Thema) -> Markup:
    """What the kwaliteitskompas says of a thema: what it is about, its visie, its maatschappelijk
    resultaat and its grootste opgave (each only when the region gives it), under the region's labels."""
    return blocks(
        prose(site, thema.omschrijving) if thema.omschrijving else None,
        [paragraph("Visie", "agenda-label"), points(site, thema.visie)] if thema.visie else None,
        [paragraph(site.regio.koppen.maatschappelijk_resultaat, "agenda-label"),
         prose(site, thema.maatschappelijk_resultaat)] if thema.maatschappelijk_resultaat else None,
        [paragraph(site.regio.koppen.grootste_opgave, "agenda-label"),
         prose(site, thema.grootste_opgave)] if thema.grootste_opgave else None,
    )


def _themas(site: Site, here: str) -> list[Markup]:
    parts: list = []
    for anchor, kop, themas in thema_parts(site):
        parts.append(heading(2, kop, anchor))
        for thema in themas:
            opgaven = site.in_order(o for o in site.model.opgaven if o.thema == thema.id)
            parts += [
                heading(3, thema.naam, f"thema-{thema.id}"),
                thema_text(site, thema),
                _thema_opgaven(site, here, thema.id, opgaven),
                monitoring(site, here, opgaven, lambda p: site.href(here, urls.pilot_page(p.id), "indicatoren")),
                paragraph(source_note(site, here, thema.bronnen)),
            ]
    return [blocks(*parts)] if parts else []


def monitoring(
    site: Site, here: str, opgaven: Sequence[Opgave], indicators_href: Callable[[Pilot], str]
) -> list[Markup] | None:
    """How the work of a thema is followed (the kwaliteitskompas's monitoring and evaluation):
    the indicators of the pilots of its ``opgaven`` (at ``indicators_href``), and each annual
    evaluation of them; None when there is neither. With a board per thema, the pilots are counted."""
    pilots = [p for o in opgaven for p in site.pilots_of.get(o.id, []) if p.indicatoren]
    years = {e.jaar for o in opgaven for r in (o, *site.pilots_of.get(o.id, [])) for e in r.evaluaties}
    items: list[Markup | str] = (
        [f"{len(pilots)} pilots van dit thema hebben indicatoren (zie de pilots)"] if site.per_thema and pilots
        else [link(indicators_href(p), Markup("De indicatoren van {}").format(site.prose.inline(p.titel)))
              for p in pilots]
    )  # fmt: skip
    items += [
        link(site.href(here, urls.evaluatie_page(year)), f"De evaluatie van {year}")
        for year in sorted(years & set(site.evaluaties), reverse=True)
    ]
    return [paragraph("Monitoring en evaluatie", "agenda-label"), bullets(items)] if items else None


def _thema_opgaven(site: Site, here: str, code: str, opgaven: list[Opgave]) -> list[Markup] | None:
    """The thema's opgaven, or a link to its board when the agenda has a board per thema."""
    if not opgaven:
        return None
    if site.per_thema:
        board = link(site.href(here, *site.thema_board(code)), f"De {len(opgaven)} opgaven van dit thema")
        return [paragraph(board)]
    return [paragraph("Opgaven", "agenda-label"), bullets(record_item(site, here, o) for o in opgaven)]


def criteria(site: Site, here: str, head: Heading) -> list[Markup]:
    """The criteria for cooperating, per niveau ('' when the region has none)."""
    found = site.model.visie.criteria
    if found is None:
        return []
    parts = [head(2, site.regio.koppen.criteria, "criteria")]
    if found.inleiding:
        parts.append(paragraph(site.prose.inline(found.inleiding)))
    niveaus = list(dict.fromkeys(c.niveau for c in found.criteria))
    for niveau in niveaus:
        parts.append(head(3, niveau.capitalize(), f"criteria-{'-'.join(niveau.split())}"))
        parts.append(points(site, [c.tekst for c in found.criteria if c.niveau == niveau]))
    parts.append(paragraph(source_note(site, here, found.bronnen)))
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
            visie_points(site, versie),
            paragraph(site.prose.inline(versie.principes_kop or "Leidende principes"), "agenda-label"),
            paragraph(site.prose.inline(versie.principes_inleiding)) if versie.principes_inleiding else None,
            bullets(principes),
            [paragraph(site.regio.koppen.uitgangspunten, "agenda-label"), points(site, versie.uitgangspunten)]
            if versie.uitgangspunten
            else None,
            [paragraph("Hoe de samenwerking was georganiseerd", "agenda-label")] if versie.samenwerking else None,
            samenwerking(site, here, versie.samenwerking),
            paragraph(source_note(site, here, versie.bronnen)),
        )
        parts.append(
            Markup(
                '<details class="agenda-version" id="versie-{}">\n'
                "<summary>Agendaperiode {}</summary>\n{}\n</details>"
            ).format(versie.periode, periode_text(site, versie.periode), content)
        )
    return parts
