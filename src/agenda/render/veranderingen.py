"""The page "Wat is er veranderd": the news (agenda.render.news) per year, newest first, at most
:data:`LIMIT` items, so that the page stays small however large the agenda grows; older news is
on the pages of the records themselves and in the feed.
"""

from __future__ import annotations

from itertools import groupby

from .. import urls
from ..dates import number_text
from ..site import Site
from . import news
from .markup import Markup, blocks, bullets, heading, paragraph
from .open_data import OPEN_DATA, file_href
from .parts import link

# the most news items on the page: about 40 KB of HTML
LIMIT = 100


def veranderingen(site: Site, here: str) -> Markup:
    feed = link(file_href(site, here, urls.FEED_FILE), "nieuwsfeed")
    data = link(site.href(here, OPEN_DATA), "Open data")
    shown, total = news.items(site, here, LIMIT)
    history = site.history
    parts = []
    for year, group in groupby(shown, key=lambda item: item.day.year):
        parts += [heading(2, str(year), f"jaar-{year}"), bullets(item.html() for item in group)]
    return blocks(
        paragraph(
            "Wat er in de agenda gebeurde, het nieuwste eerst: statuswijzigingen, besluiten, evaluaties, "
            "bereikte mijlpalen en metingen. Is alleen het jaar bekend, dan staat het onderaan dat jaar. "
            "Ook staat hier welke opgaven, pilots en evaluaties zijn toegevoegd, bijgewerkt of verwijderd "
            "nadat de gegevens van de regio op de site kwamen."
        ),
        paragraph(
            Markup(
                "Wilt u dit bijhouden zonder de site te bezoeken? Volg de {} van besluiten en "
                "statuswijzigingen, of neem de agenda met mijlpalen op in uw agenda (zie {})."
            ).format(feed, data)
        ),
        paragraph(
            Markup("<strong>Bijgewerkte opgaven en pilots staan hier niet.</strong> {}").format(history.reason or "")
        )
        if history.changes is None
        else None,
        paragraph(
            f"Hier staan de {LIMIT} nieuwste van de {number_text(total)} veranderingen. "
            "Wat eerder gebeurde, staat bij de opgaven en pilots zelf en in de nieuwsfeed."
        )
        if total > LIMIT
        else None,
        *parts or [paragraph("Er is nog geen nieuws met een datum.")],
    )
