"""The summary block at the top of an opgave or pilot page: what it is, who leads it, where it
stands, and the rows the page adds (what it aims for, the next mijlpaal, the related record)."""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import moment_text
from ..model import ONBEKEND, Opgave, Pilot
from ..site import Site
from .markup import NOT_SEARCHED, Markup, paragraph
from .parts import besluit, gremium_ref, status_badge

NOT_KNOWN = "nog niet bekend"


def trekker_text(site: Site, here: str, code: str) -> Markup:
    """The trekker, linked, or 'nog niet bekend' in plain words."""
    return gremium_ref(site, here, code) if code in site.gremia else Markup(NOT_KNOWN)


def standing(site: Site, here: str, record: Opgave | Pilot) -> Markup:
    """'in ontwikkeling sinds 2021': the status, the date of the last status step (or 'datum
    niet bekend') and the besluit that step recorded."""
    text = status_badge(record.status)
    if not record.statushistorie:
        return text
    step = record.statushistorie[-1]
    when = moment_text(step.datum)
    text += " (datum niet bekend)" if when == ONBEKEND else f" sinds {when}"
    if step.besluit:
        text += Markup(". {}").format(besluit(site, here, step.besluit))
    return text


def summary_block(
    site: Site, here: str, record: Opgave | Pilot, rows: Sequence[tuple[str, Markup]]
) -> Markup:
    """The block that follows the page's title: the samenvatting, then label: value rows. The
    samenvatting is what the search shows for the page: the rows are left out of its index."""
    facts = [
        ("Wie trekt het?", trekker_text(site, here, record.trekker)),
        ("Waar staat het?", standing(site, here, record)),
        *rows,
    ]
    body = Markup("\n").join(Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(label, value) for label, value in facts)
    return Markup('<section class="agenda-summary" aria-label="Samenvatting">\n{}\n<dl{}>\n{}\n</dl>\n</section>').format(
        paragraph(site.prose.inline(record.samenvatting), "agenda-lead"), NOT_SEARCHED, body
    )
