"""Every page generated from the data at build time: one per opgave, pilot, evaluation year,
chapter of the agenda (regio.yaml: hoofdstukken), grouping of the opgaven (per thema, niveau,
trekker, gremium) and source document (with pages of the records citing it when they are many),
one board per thema when the agenda has too many opgaven for one board, a page per year of
besluiten when there are too many for one page, and the lists of their own of Organisatie, Visie,
the evaluation years and Alle codes when those pages cannot name every record (``listing``), and
the fields of each kind of file (from the schemas, not the data)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..site import Site
from . import besluiten, organisatie, visie
from .boards import pilot_pages, thema_pages
from .bronnen import bron_pages
from .code_lists import listing_pages as code_lists
from .evaluatie import evaluatie_page
from .evaluatie import listing_pages as evaluation_lists
from .field_reference import field_reference_pages
from .groupings import grouping_pages
from .hoofdstuk import hoofdstuk_page
from .opgave import opgave_page
from .pilot import pilot_page


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page pretends to be in the docs folder
    content: str  # Markdown with front matter
    data_file: str | None  # the YAML file it is made from (as in Model.bestanden); None for the others


def generated_pages(site: Site) -> list[GeneratedPage]:
    pages = []
    for opgave in site.model.opgaven:
        pages.append(GeneratedPage(site.record_page(opgave), opgave_page(site, opgave), site.data_file(opgave)))
    for pilot in site.model.pilots:
        pages.append(GeneratedPage(site.record_page(pilot), pilot_page(site, pilot), site.data_file(pilot)))
    for evaluatie in site.model.evaluaties:
        pages.append(
            GeneratedPage(site.record_page(evaluatie), evaluatie_page(site, evaluatie), site.data_file(evaluatie))
        )
    for hoofdstuk in site.regio.hoofdstukken:
        pages.append(GeneratedPage(urls.hoofdstuk_page(hoofdstuk.id), hoofdstuk_page(site, hoofdstuk), None))
    lists = thema_pages(site) | besluiten.year_pages(site) | organisatie.listing_pages(site) | visie.listing_pages(site)
    lists |= grouping_pages(site) | pilot_pages(site) | evaluation_lists(site) | code_lists(site) | bron_pages(site)
    lists |= field_reference_pages(site)
    for src, content in lists.items():
        pages.append(GeneratedPage(src, content, None))
    return pages
