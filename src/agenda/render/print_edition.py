"""The printable editions: the whole agenda of one period, or the whole evaluation of one year,
as one page to print or save as PDF (``make pdf``).

Each edition opens with a title page (the region, the period or year, the date of the data) and
a table of contents. An agenda edition is then the region's document on paper, with the parts of
the site's pages for its period in their order (a test holds them equal): the context chapters,
the visie, principes, uitgangspunten and levels of cooperation, the hoofdlijnen and randvoorwaarden
of the kwaliteitskompas, the criteria, every opgave with its status, history and mijlpalen and
every pilot with its indicators as tables (and charts), in the region's order, the open questions,
the finance and other chapters, the organisation, and the abbreviations it uses.

The print stylesheet (docs/stylesheets/print.css) hides the site's navigation and starts each
opgave and pilot on a new page; the foot of every printed page names the site, its published
address and the date of the data.

The pages are outside the navigation; the page "Afdrukken" (macro ``afdrukken``) lists them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..dates import dutch_date, moment_text
from ..indicators import NOT_MEASURED, meting_text, period_label, periods, target_text
from ..model import Evaluatie, Hoofdstuk, Indicator, Jaarevaluatie, Opgave, Periode, Pilot, VisieVersie
from ..site import Site
from . import organisatie, svg
from .hoofdstuk import chapters
from .evaluatie import besluit_list, indicator_section, niveau_sections, record_section, status_change_section
from .markup import (
    EMPTY,
    Heading,
    Markup,
    blocks,
    bullets,
    div,
    document,
    facts,
    heading,
    html_heading,
    paragraph,
    table,
)
from .opgave import mijlpalen
from .pilot import indicator_facts
from .visie import criteria, monitoring, samenwerking, thema_parts, thema_text, visie_points
from .parts import (
    UNKNOWN,
    good_and_needed,
    gremium_name,
    history,
    joined,
    link,
    open_questions,
    plain,
    points,
    prose,
    source_note,
    sources,
    status_badge,
    text_or_unknown,
    thema_name,
)

INDEX = f"{urls.PRINT_FOLDER}/index.md"


@dataclass(frozen=True)
class Edition:
    src_uri: str
    title: str  # plain text
    periode: Periode | None = None  # an agenda edition
    evaluatie: Evaluatie | None = None  # an evaluation edition


def editions(site: Site) -> list[Edition]:
    """One edition per agenda period (oldest first), then one per evaluation year."""
    found = [
        Edition(f"{urls.PRINT_FOLDER}/agenda-{p.id}.md", f"Agenda ({p.naam})", periode=p)
        for p in site.regio.periodes
    ]
    found += [
        Edition(f"{urls.PRINT_FOLDER}/evaluatie-{e.jaar}.md", e.titel, evaluatie=e) for e in site.model.evaluaties
    ]
    return found


def _opgaven_in(site: Site, periode: Periode) -> list[Opgave]:
    return site.in_order(o for o in site.model.opgaven if periode.id in o.periodes)


def _pilots_of(site: Site, opgaven: Sequence[Opgave]) -> list[Pilot]:
    codes = {o.id for o in opgaven}
    return site.in_order(p for p in site.model.pilots if p.opgave in codes)


def _heading(site: Site, level: int, text: str, anchor: str | None = None, css: str | None = None) -> Markup:
    return html_heading(level, site.prose.inline(text), anchor, css)


def _break_heading(site: Site, level: int, text: str, anchor: str) -> Markup:
    """A heading that starts a new printed page (class print-break)."""
    return _heading(site, level, text, anchor, "print-break")


def _data_date_text(data_date: date | None) -> str:
    return dutch_date(data_date) if data_date else "onbekend (de gegevens staan niet in git)"


def _css_string(text: str) -> str:
    """A CSS string: every character but letters, digits and spaces as a hex escape, so that no
    text from the data can end the string or the <style> element."""
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in text) + '"'


def _page_margins(site: Site, data_date: date | None, base_url: str | None) -> Markup:
    """The foot of every printed page: the site's name, its published address (when known) and
    the date of the data, and the page number. CSS page margin boxes (Chromium 131 and later,
    so also ``make pdf``); print.css sets their layout, this only their text."""
    parts = [site.regio.titel, base_url, f"Stand van de gegevens: {_data_date_text(data_date)}"]
    footer = _css_string(" · ".join(p for p in parts if p))
    page = _css_string("pagina ")
    return Markup(
        '<style media="print">@page {{ @bottom-left {{ content: {}; }} '
        "@bottom-right {{ content: {} counter(page); }} }}</style>"
    ).format(Markup(footer), Markup(page))


def _title_page(
    site: Site, subtitle: str, data_date: date | None, online: str | None, note: str | None = None
) -> Markup:
    regio = site.regio
    rows = [("Regio", site.prose.inline(regio.naam))]
    if regio.overleg:
        rows.append(("Overleg", site.prose.inline(regio.overleg)))
    rows.append(("Stand van de gegevens", _data_date_text(data_date)))
    if online:
        rows.append(("Op de site", Markup('<span class="print-url">{}</span>').format(link(online, online))))
    title_page = blocks(
        paragraph(site.prose.inline(subtitle), "print-title__subtitle"),
        paragraph(site.prose.inline(note), "agenda-note") if note else None,
        facts(rows),
        paragraph(
            "Deze uitgave is gemaakt uit de gegevens van de site. Wat na de stand van de gegevens "
            "is veranderd, staat alleen op de site.",
            "agenda-note",
        ),
    )
    return blocks(
        heading(1, regio.titel),  # in Markdown: the theme's skip link goes to the first heading it knows
        div(title_page, "print-title"),
        paragraph(
            "Deze pagina is gemaakt om af te drukken: kies Afdrukken in de browser (Ctrl+P), of "
            "bewaar hem zo als pdf.",
            "print-hint",
        ),
    )


def _contents(entries: Sequence[tuple[str, str, Sequence[tuple[str, str]]]]) -> Markup:
    """The table of contents: (anchor, title, [(anchor, title) of the sub-sections])."""
    def numbered(items: list[Markup]) -> Markup:
        return Markup("<ol>\n{}\n</ol>").format(Markup("\n").join(Markup("<li>{}</li>").format(i) for i in items))

    body = numbered(
        [
            link(f"#{anchor}", title)
            + (Markup("\n") + numbered([link(f"#{a}", t) for a, t in children]) if children else "")
            for anchor, title, children in entries
        ]
    )
    return blocks(
        html_heading(2, "Inhoud", "inhoud"),
        Markup('<nav class="print-toc" aria-labelledby="inhoud">\n{}\n</nav>').format(body),
    )


def _evaluations(site: Site, here: str, evaluaties: Sequence[Jaarevaluatie]) -> Markup:
    if not evaluaties:
        return paragraph("Nog geen evaluatie.")
    parts = []
    for evaluatie in sorted(evaluaties, key=lambda e: e.jaar, reverse=True):
        parts += [
            _heading(site, 5, f"Evaluatie {evaluatie.jaar}"),
            prose(site, evaluatie.voortgang) if evaluatie.voortgang else None,
            good_and_needed(site, evaluatie.wat_gaat_goed, evaluatie.wat_is_nodig, 6, html=True),
            paragraph(source_note(site, here, evaluatie.bronnen)),
        ]
    return blocks(*parts)


def _online(site: Site, base_url: str | None, page: str) -> str | None:
    return base_url + urls.page_url(page, site.directory_urls) if base_url else None


def _online_line(address: str | None) -> Markup | None:
    return paragraph(Markup("Op de site: {}").format(link(address, address)), "agenda-note print-url") if address else None


def _opgave(site: Site, here: str, opgave: Opgave, shown_pilots: set[str], base_url: str | None) -> Markup:
    pilots = site.pilots_of.get(opgave.id, [])
    rows = [
        ("Status nu", status_badge(opgave.status)),
        *([("Thema", thema_name(site, opgave.thema))] if site.thema_known else []),
        ("Niveau", text_or_unknown(site, opgave.niveau)),
        ("Trekker", gremium_name(site, opgave.trekker)),
        ("Gremia", joined([gremium_name(site, g) for g in opgave.gremia])),
        ("Partners", joined([site.prose.inline(site.partners[p].naam) for p in opgave.partners if p in site.partners])),
    ]
    pilot_items = [
        (link(f"#pilot-{p.id}", site.prose.inline(p.titel)) if p.id in shown_pilots else site.prose.inline(p.titel))
        + Markup(" {}").format(status_badge(p.status))
        for p in pilots
    ]
    return blocks(
        _break_heading(site, 3, opgave.titel, f"opgave-{opgave.id}"),
        paragraph(site.prose.inline(opgave.samenvatting), "agenda-lead"),
        facts(rows),
        _online_line(_online(site, base_url, urls.opgave_page(opgave.id))),
        [_heading(site, 4, "Beschrijving"), prose(site, opgave.beschrijving)] if opgave.beschrijving else None,
        _heading(site, 4, "Status en besluiten"),
        history(site, here, opgave),
        _heading(site, 4, "Mijlpalen"),
        mijlpalen(site, here, opgave),
        [_heading(site, 4, "Pilots"), bullets(pilot_items)] if pilot_items else None,
        _heading(site, 4, "Evaluaties"),
        _evaluations(site, here, opgave.evaluaties),
        paragraph(source_note(site, here, opgave.bronnen)),
    )


def _indicator(site: Site, here: str, pilot: Pilot, ind: Indicator) -> Markup:
    measured = bool(ind.metingen)
    cells = [
        (" ".join(period_label(p.periode)), target_text(p.doel, ind.eenheid))
        + ((plain(meting_text(p.meting, ind.eenheid)) if p.meting else "nog geen meting",) if measured else ())
        for p in periods(ind)
    ]
    chart = svg.indicator_chart(ind, id_prefix=f"druk-{pilot.id}")
    headers = ("Periode", "Streefwaarde", "Meting") if measured else ("Periode", "Streefwaarde")
    return blocks(
        _heading(site, 5, ind.naam),
        facts(indicator_facts(site, ind)),
        paragraph(NOT_MEASURED) if not measured else None,
        Markup('<figure class="agenda-chart">\n{}\n</figure>').format(chart) if chart else None,
        table(f"{ind.naam} ({pilot.titel})", headers, cells) if cells else None,
        paragraph(source_note(site, here, ind.bronnen)),
    )


def _pilot(site: Site, here: str, pilot: Pilot, base_url: str | None) -> Markup:
    opgave = site.opgaven.get(pilot.opgave)
    rows = [
        ("Status nu", status_badge(pilot.status)),
        ("Opgave", link(f"#opgave-{opgave.id}", site.prose.inline(opgave.titel)) if opgave else UNKNOWN),
        *([("Onderwijs", site.prose.inline(", ".join(pilot.onderwijs)))] if pilot.onderwijs else []),
        ("Start", plain(moment_text(pilot.start))),
        ("Einde", plain(moment_text(pilot.einde))),
        ("Trekker", gremium_name(site, pilot.trekker)),
    ]
    title = f"{pilot.titel} ({pilot.afkorting})" if pilot.afkorting else pilot.titel
    return blocks(
        _break_heading(site, 3, title, f"pilot-{pilot.id}"),
        paragraph(site.prose.inline(pilot.samenvatting), "agenda-lead"),
        facts(rows),
        _online_line(_online(site, base_url, urls.pilot_page(pilot.id))),
        _heading(site, 4, "Doel"),
        prose(site, pilot.doel),
        _heading(site, 4, "Doelgroep"),
        prose(site, pilot.doelgroep),
        _heading(site, 4, "Werkwijze"),
        prose(site, pilot.werkwijze),
        _heading(site, 4, "Status en besluiten"),
        history(site, here, pilot),
        _heading(site, 4, "Indicatoren"),
        [_indicator(site, here, pilot, i) for i in pilot.indicatoren]
        or paragraph("Er zijn geen indicatoren vastgelegd."),
        _heading(site, 4, "Evaluaties"),
        _evaluations(site, here, pilot.evaluaties),
        paragraph(source_note(site, here, pilot.bronnen)),
    )


def _principes(site: Site, versie: VisieVersie) -> Markup:
    items = [
        Markup('<li id="principe-{}">{}{}</li>').format(
            p.id, Markup("<strong>{}</strong>: ").format(site.prose.inline(p.kort)) if p.kort else "",
            site.prose.inline(p.tekst))
        for p in versie.principes
    ]  # fmt: skip
    return Markup("<ul>\n{}\n</ul>").format(Markup("\n").join(items)) if items else EMPTY


def _visie_part(site: Site, here: str, versie: VisieVersie | None, head: Heading) -> tuple[list, list]:
    """The visie, principes, uitgangspunten and levels of the cooperation of the period, as on
    the page Visie (parts, entries of the table of contents)."""
    if versie is None:
        missing = paragraph("Voor deze agendaperiode is geen visie vastgelegd.")
        return [head(2, "Visie en principes", "visie"), missing], [("visie", "Visie en principes", ())]
    kop = versie.principes_kop or "Leidende principes"
    parts = [
        head(2, site.regio.koppen.visie, "visie"),
        prose(site, versie.visie_inleiding) if versie.visie_inleiding else None,
        visie_points(site, versie),
        head(2, kop, "principes"),
        paragraph(site.prose.inline(versie.principes_inleiding)) if versie.principes_inleiding else None,
        _principes(site, versie),
        [head(2, site.regio.koppen.uitgangspunten, "uitgangspunten"), points(site, versie.uitgangspunten)]
        if versie.uitgangspunten
        else None,
        paragraph(source_note(site, here, versie.bronnen)),
        samenwerking(site, here, versie.samenwerking, head, "#organisatie"),
    ]
    contents = [("visie", site.regio.koppen.visie, ()), ("principes", kop, ())]
    if versie.uitgangspunten:
        contents.append(("uitgangspunten", site.regio.koppen.uitgangspunten, ()))
    if versie.samenwerking:
        contents.append(("samenwerking", site.regio.koppen.samenwerking, ()))
    return parts, contents


def _themas_part(site: Site, here: str, opgaven: Sequence[Opgave]) -> tuple[list, list]:
    """The hoofdlijnen and randvoorwaarden as on the page Visie, each with its opgaven of the period."""
    parts, contents = [], []
    for anchor, kop, themas in thema_parts(site):
        parts.append(_break_heading(site, 2, kop, anchor))
        for thema in themas:
            own = [o for o in opgaven if o.thema == thema.id]
            parts += [
                _heading(site, 3, thema.naam, f"thema-{thema.id}"),
                thema_text(site, thema),
                [paragraph("Opgaven", "agenda-label"),
                 bullets(link(f"#opgave-{o.id}", site.prose.inline(o.titel)) for o in own)] if own else None,
                monitoring(site, here, own, lambda p: f"#pilot-{p.id}"),
                paragraph(source_note(site, here, thema.bronnen)),
            ]  # fmt: skip
        contents.append((anchor, kop, [(f"thema-{t.id}", t.naam) for t in themas]))
    return parts, contents


def _abbreviations(site: Site, body: Markup) -> tuple[list, list]:
    """The glossary's abbreviations that the edition uses, as a table."""
    glossary = site.prose.glossary
    used = {html.unescape(name) for name in re.findall(r"<abbr title=\"[^\"]*\">([^<]*)</abbr>", body)}
    rows = [(plain(name), plain(glossary[name])) for name in sorted(used & set(glossary), key=str.lower)]
    if not rows:
        return [], []
    return [_break_heading(site, 2, "Afkortingen", "afkortingen"),
            table("Afkortingen in deze uitgave", ("Afkorting", "Betekenis"), rows)], [
        ("afkortingen", "Afkortingen", ())]  # fmt: skip


def _agenda(site: Site, edition: Edition, data_date: date | None, base_url: str | None) -> str:
    """The agenda of one period as the region's document: its context, the visie and the
    kwaliteitskompas (hoofdlijnen, randvoorwaarden, criteria), every opgave and pilot in the
    region's order, the open questions, the finance and other chapters, the organisation and the
    abbreviations: the parts of the site's pages for the period, in their order."""
    periode = edition.periode
    here = edition.src_uri
    versie = next((v for v in reversed(site.model.visie.versies) if v.periode == periode.id), None)
    opgaven = _opgaven_in(site, periode)
    pilots = _pilots_of(site, opgaven)
    shown_pilots = {p.id for p in pilots}

    def head(level: int, text: str, anchor: str) -> Markup:
        return _heading(site, level, text, anchor)

    visie_part, contents = _visie_part(site, here, versie, head)
    themas_part, themas_contents = _themas_part(site, here, opgaven)
    criteria_part = criteria(site, here, head)
    contents += themas_contents + ([("criteria", site.regio.koppen.criteria, ())] if criteria_part else [])

    overview = table(
        f"Overzicht van de opgaven, {periode.naam}",
        ("Opgave", "Status nu", "Trekker"),
        [
            (link(f"#opgave-{o.id}", site.prose.inline(o.titel)), status_badge(o.status), gremium_name(site, o.trekker))
            for o in opgaven
        ],
    )
    contents += [
        ("overzicht", "Overzicht van de opgaven", ()),
        ("opgaven", "Opgaven", [(f"opgave-{o.id}", o.titel) for o in opgaven]),
    ]
    if pilots:
        contents.append(("pilots", "Pilots", [(f"pilot-{p.id}", p.titel) for p in pilots]))
    if site.regio.open_vragen:
        contents.append(("open-vragen", site.regio.koppen.open_vragen, ()))
    context, later = chapters(site)
    contents = [_chapter_entry(h) for h in context] + contents + [_chapter_entry(h) for h in later]
    contents.append(("organisatie", "Organisatie", ()))

    agenda = blocks(
        [_chapter(site, here, h) for h in context],
        *visie_part,
        *themas_part,
        *criteria_part,
        _heading(site, 2, "Overzicht van de opgaven", "overzicht"),
        overview if opgaven else paragraph("Bij deze agendaperiode horen geen opgaven."),
        _break_heading(site, 2, "Opgaven", "opgaven"),
        [_opgave(site, here, o, shown_pilots, base_url) for o in opgaven],
        [_break_heading(site, 2, "Pilots", "pilots"), *[_pilot(site, here, p, base_url) for p in pilots]]
        if pilots
        else None,
        [_break_heading(site, 2, site.regio.koppen.open_vragen, "open-vragen"), open_questions(site, here)]
        if site.regio.open_vragen
        else None,
        [_chapter(site, here, h) for h in later],
        _break_heading(site, 2, "Organisatie", "organisatie"),
        *organisatie.sections(site, here, head, 3),
    )
    title_page = _title_page(
        site, f"Agendaperiode {periode.naam}", data_date, _online(site, base_url, urls.HOME), periode.toelichting
    )
    bronnen = blocks(_heading(site, 2, "Bronnen", "bronnen"), sources(site, here, periode.bronnen))
    abbreviations, abbreviations_contents = _abbreviations(site, blocks(title_page, agenda, bronnen))
    contents += abbreviations_contents + [("bronnen", "Bronnen", ())]
    body = blocks(
        _page_margins(site, data_date, base_url),
        title_page,
        _contents(contents),
        agenda,
        *abbreviations,
        bronnen,
    )
    return document(f"{site.regio.titel}: {edition.title}", body, printable=True)


def _chapter_entry(hoofdstuk: Hoofdstuk) -> tuple[str, str, tuple]:
    return (f"hoofdstuk-{hoofdstuk.id}", hoofdstuk.kop, ())


def _chapter(site: Site, here: str, hoofdstuk: Hoofdstuk) -> Markup:
    return blocks(
        _break_heading(site, 2, hoofdstuk.kop, f"hoofdstuk-{hoofdstuk.id}"),
        prose(site, hoofdstuk.tekst),
        paragraph(source_note(site, here, hoofdstuk.bronnen)),
    )


def _evaluation(site: Site, edition: Edition, data_date: date | None, base_url: str | None) -> str:
    evaluatie = edition.evaluatie
    jaar, here = evaluatie.jaar, edition.src_uri
    previous = site.previous_evaluation(jaar)
    subtitle = f"{evaluatie.titel} ({moment_text(evaluatie.datum)})"
    parts = [
        ("samenvatting", "Samenvatting", prose(site, evaluatie.samenvatting) if evaluatie.samenvatting else None),
        ("goed-en-nodig", "Wat gaat goed, wat is nodig", good_and_needed(site, evaluatie.wat_gaat_goed, evaluatie.wat_is_nodig, 3)),
    ]
    sections = [
        blocks(_heading(site, 2, title, anchor), content or paragraph("Niet vastgelegd."))
        for anchor, title, content in parts
    ]
    contents = [(anchor, title, ()) for anchor, title, _ in parts]
    if evaluatie.niveaus:
        sections.append(blocks(*niveau_sections(site, evaluatie)))
        contents.append(("niveaus", "Per niveau", ()))
    if evaluatie.vervolgdoelen:
        sections.append(
            blocks(_heading(site, 2, "Vervolgdoelen", "vervolgdoelen"), points(site, evaluatie.vervolgdoelen))
        )
        contents.append(("vervolgdoelen", "Vervolgdoelen", ()))
    sections.append(blocks(_heading(site, 2, "Besluiten", "besluiten"), besluit_list(site, here, evaluatie)))
    contents.append(("besluiten", "Besluiten", ()))
    sections.append(status_change_section(site, here, jaar, previous))
    contents.append(("statuswijzigingen", "Statuswijzigingen", ()))
    for title, singular, kind, records in (
        ("Opgaven", "Opgave", "opgave", site.model.opgaven),
        ("Pilots", "Pilot", "pilot", site.model.pilots),
    ):
        section = record_section(site, here, jaar, (title, singular, kind), records)
        if section:
            sections.append(section)
            contents.append((title.lower(), title, ()))
    indicators = indicator_section(site, here, jaar)
    if indicators:
        sections.append(indicators)
        contents.append(("indicatoren", f"Indicatoren in {jaar}", ()))
    contents.append(("bronnen", "Bronnen", ()))
    body = blocks(
        _page_margins(site, data_date, base_url),
        _title_page(site, subtitle, data_date, _online(site, base_url, urls.evaluatie_page(jaar))),
        _contents(contents),
        *sections,
        _heading(site, 2, "Bronnen", "bronnen"),
        sources(site, here, evaluatie.bronnen),
    )
    return document(f"{site.regio.titel}: {edition.title}", body, printable=True)


def edition_page(site: Site, edition: Edition, data_date: date | None, base_url: str | None = None) -> str:
    """The Markdown of one edition. ``base_url`` (the site's address, ending in /) adds the
    address of each record on the site, for readers of the paper."""
    if edition.periode is not None:
        return _agenda(site, edition, data_date, base_url)
    return _evaluation(site, edition, data_date, base_url)


def afdrukken(site: Site, here: str, data_date: date | None) -> Markup:
    """The list of editions, for the page 'Afdrukken'."""
    items = []
    for edition in editions(site):
        note = ""
        if edition.periode is not None:
            count = len(_opgaven_in(site, edition.periode))
            note = f"{count} opgave{'n' if count != 1 else ''}"
        else:
            note = moment_text(edition.evaluatie.datum)
        items.append(
            link(site.href(here, edition.src_uri), site.prose.inline(edition.title))
            + Markup(' <span class="agenda-note">({})</span>').format(note)
        )
    in_an_edition = {o.id for o in site.model.opgaven if any(p in site.periodes for p in o.periodes)}
    without = [o for o in site.model.opgaven if o.id not in in_an_edition]
    without += [p for p in site.model.pilots if p.opgave not in in_an_edition]
    return blocks(
        paragraph(f"Stand van de gegevens: {_data_date_text(data_date)}."),
        heading(2, "Agenda per periode en evaluaties", "uitgaven"),
        bullets(items, "agenda-list") or paragraph("Er zijn nog geen uitgaven."),
        [
            heading(2, "Niet in een uitgave", "zonder-periode"),
            paragraph(
                "Deze opgaven en pilots horen bij geen agendaperiode (een pilot: via zijn opgave) en staan "
                "daarom in geen enkele uitgave:"
            ),
            bullets(link(site.href(here, site.record_page(o)), site.prose.inline(o.titel)) for o in without),
        ]
        if without
        else None,
    )
