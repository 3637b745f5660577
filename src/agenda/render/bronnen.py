"""Bronnen: the list of the source documents, and a page per source document that says what the
document is, where it can be read (its web address, when known) and what on the site cites it.

The records that cite a source are listed per kind (opgaven, pilots, evaluaties) with their
number. When the kinds together are more than a page names (``listing``), each kind is its count,
linked to a list of its own, so that no page names every record of a large agenda.
The texts of the site that cite a source (the visie, gremia, begrippen...) are few: they do not
grow with the agenda, and are named on the source's page itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import urls
from ..citations import cited
from ..model import Brondocument, Evaluatie, Opgave, Pilot
from ..site import Site
from .glossary import begrip_anchor
from .listing import Listing, fits, items, own_pages, summary
from .markup import Markup, blocks, bullets, document, facts, heading, paragraph
from .parts import back_link, error_report, gremium_ref, link, partner_ref, source_address
from .print_edition import editions
from .visie import described, periode_text

KINDS = (("opgaven", "Opgaven", "opgave"), ("pilots", "Pilots", "pilot"), ("evaluaties", "Evaluaties", "evaluatie"))
NOT_ONLINE = "Niet online gepubliceerd, of het adres is niet bekend."


def bronnen(site: Site, here: str) -> Markup:
    """The list of the source documents on the Bronnen page, each linked to its own page."""
    items = []
    for doc in site.regio.bronnen:
        detail = [doc.datering] + ([doc.soort] if doc.soort else [])
        if source_address(doc) is None:
            detail.append("niet online")
        uses = _uses(site.citing.get(doc.id, []), _texts(site, here, doc.id))
        detail.append(f"bron van {uses}" if uses else "nog nergens genoemd")
        items.append(
            Markup('<div id="bron-{}"><dt>{}</dt><dd>{}</dd></div>').format(
                doc.id,
                link(site.href(here, urls.bron_page(doc.id)), site.prose.inline(doc.titel)),
                Markup(", ").join(detail),
            )
        )
    return Markup('<dl class="agenda-glossary">\n{}\n</dl>').format(Markup("\n").join(items))


def bron_pages(site: Site) -> dict[str, str]:
    """The page (source path: page) of each source document, and the lists of its own of each kind
    of record that cites it when the source's page cannot name them all."""
    pages = {}
    for doc in site.regio.bronnen:
        pages[urls.bron_page(doc.id)] = _bron_page(site, doc)
        pages |= own_pages(site, list(_listings(site, doc).values()))
    return pages


def _listings(site: Site, doc: Brondocument) -> dict[str, Listing]:
    """The records of each kind that cite the source, as lists that may get pages of their own."""
    records = site.citing.get(doc.id, [])
    back = (urls.bron_page(doc.id), "Over dit document")
    return {
        kind: Listing(f"bronnen/{doc.id}/{kind}.md", f"{label} met als bron: {doc.titel}",
                      _of_kind(records, kind), back)
        for kind, label, _ in KINDS
    }  # fmt: skip


def _bron_page(site: Site, doc: Brondocument) -> str:
    here = urls.bron_page(doc.id)
    records = site.citing.get(doc.id, [])
    found = source_address(doc)
    rows = [
        ("Soort document", site.prose.inline(doc.soort) if doc.soort else Markup("niet vermeld")),
        ("Datering", site.prose.inline(doc.datering)),
        ("Het document lezen", link(found, found) if found else Markup(NOT_ONLINE)),
    ]
    texts = _texts(site, here, doc.id)
    sections = []
    listings = _listings(site, doc)
    inline = fits(list(listings.values()))
    for kind, label, _ in KINDS:
        listing = listings[kind]
        if listing.records:
            sections.append(heading(3, f"{label} ({len(listing.records)})", kind))
            elsewhere = paragraph(Markup("Op een eigen lijst: {}.").format(summary(site, here, listing)))
            sections.append(items(site, here, listing.records) if inline else elsewhere)
    if texts:
        sections.append(heading(3, f"Teksten van de site ({len(texts)})", "teksten"))
        sections.append(bullets(texts))
    body = blocks(
        back_link(site, here, urls.BRONNEN, "Alle bronnen"),
        heading(1, doc.titel),
        facts(rows),
        heading(2, "Waar dit document genoemd wordt", "genoemd"),
        paragraph(_cited_summary(records, texts)),
        *sections,
        error_report(site, here, doc.titel),
    )
    return document(doc.titel, body)


def _cited_summary(records: Sequence[object], texts: Sequence[object]) -> str:
    uses = _uses(records, texts)
    return f"Dit document is de bron van {uses}." if uses else "Nog niets op deze site noemt dit document als bron."


def _uses(records: Sequence[object], texts: Sequence[object]) -> str:
    """'3 opgaven, 1 pilot en 2 teksten van de site'; '' when nothing cites the source."""
    parts = [
        _count(len(members), singular, label.lower())
        for kind, label, singular in KINDS
        if (members := _of_kind(records, kind))
    ]
    if texts:
        parts.append(_count(len(texts), "tekst", "teksten") + " van de site")
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def _texts(site: Site, here: str, code: str) -> list[Markup]:
    """The parts of the site's own texts (the introduction and the chapters, visie, organisatie,
    begrippen, open vragen, printed agendas) that cite the source, one line per page with its parts
    linked."""
    model = site.model
    visie = [
        link(site.href(here, urls.VISIE, "visie"), "de gedeelde visie en de principes")
        for versie in model.visie.versies[-1:]
        if code in cited(versie)
    ]
    visie += [
        link(
            site.href(here, urls.VISIE, f"versie-{versie.periode}"),
            Markup("de eerdere versie ({})").format(periode_text(site, versie.periode)),
        )
        for versie in model.visie.versies[:-1]
        if code in cited(versie)
    ]
    if model.visie.criteria and code in cited(model.visie.criteria):
        visie.append(link(site.href(here, urls.VISIE, "criteria"), "de criteria voor samenwerking"))
    visie += [
        link(site.href(here, urls.VISIE, f"thema-{t.id}" if described(t) else None), site.prose.inline(t.naam))
        for t in model.regio.themas
        if code in cited(t)
    ]
    home = [link(site.href(here, urls.HOME), "de inleiding")] if code in cited(model.regio.inleiding_bronnen) else []
    home += [
        link(site.href(here, urls.hoofdstuk_page(h.id)), site.prose.inline(h.kop))
        for h in model.regio.hoofdstukken
        if code in cited(h)
    ]
    organisatie = [link(site.href(here, urls.ORGANISATIE), "de toelichting")]
    organisatie = organisatie if code in cited(model.organisatie.bronnen) else []
    organisatie += [gremium_ref(site, here, g.id) for g in model.organisatie.gremia if code in cited(g)]
    organisatie += [partner_ref(site, here, p.id) for p in model.organisatie.partners if code in cited(p)]
    begrippen = [
        link(site.href(here, urls.BEGRIPPEN, begrip_anchor(b.term)), b.term)
        for b in model.begrippen.begrippen
        if code in cited(b)
    ]
    agenda = []
    if code in cited(model.regio.open_vragen):
        agenda.append(link(site.href(here, urls.AGENDA, "open-vragen"), "de open vragen voor de bestuurders"))
    printed = [
        link(site.href(here, edition.src_uri), edition.title)
        for edition in editions(site)
        if edition.periode and code in cited(edition.periode)
    ]
    pages = (
        ("Home", home),
        ("Visie en principes", visie),
        ("Organisatie", organisatie),
        ("Begrippen", begrippen),
        ("Agenda", agenda),
        ("Afdrukken", printed),
    )
    return [Markup("{}: {}").format(name, Markup(", ").join(parts)) for name, parts in pages if parts]


def _of_kind(records: Sequence[object], kind: str) -> list:
    cls = {"opgaven": Opgave, "pilots": Pilot, "evaluaties": Evaluatie}[kind]
    return [r for r in records if isinstance(r, cls)]


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
