"""The page "Wat is er veranderd": per month, newest first, the records that changed in git
(new, status changed, evaluation added, edited, removed), from the site's history of the data
(:mod:`agenda.data_changes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.dates import format_date

from .. import urls
from ..dates import LOCALE
from ..data_changes import DataHistory, RecordChange
from ..model import Evaluatie, Opgave, Pilot
from ..site import Site
from .markup import Markup, blocks, bullets, heading, paragraph
from .open_data import OPEN_DATA, file_href
from .parts import link

def record_of(site: Site, kind: str, code: str) -> Opgave | Pilot | Evaluatie | None:
    """The record of a change (None when it no longer exists)."""
    if kind == "opgave":
        return site.opgaven.get(code)
    if kind == "pilot":
        return site.pilots.get(code)
    return site.evaluaties.get(int(code)) if code.isdigit() else None


def _name(site: Site, here: str, change: RecordChange) -> Markup:
    """The record as a link to its page (a record that no longer exists: its name as text)."""
    record = record_of(site, change.kind, change.code)
    kind = change.kind  # 'opgave', 'pilot' or 'evaluatie': its name in Dutch too
    if record is not None:
        return Markup("{} ({})").format(link(site.href(here, site.record_page(record)), site.prose.inline(record.titel)), kind)
    return Markup("{} ({}, bestaat niet meer)").format(site.prose.inline(change.titel or change.code), kind)


def what_text(change: RecordChange) -> str:
    if change.what == "nieuw":
        return "toegevoegd" if change.kind == "evaluatie" else "nieuw"
    if change.what == "status":
        return f"status van {change.van} naar {change.naar}"
    if change.what == "evaluatie":
        return f"evaluatie {change.jaar} toegevoegd"
    if change.what == "gewijzigd":
        return "bijgewerkt"
    return "verwijderd"


def _days(days: Sequence[date]) -> str:
    """'3 november', '3 en 20 november'."""
    numbers = [str(d.day) for d in sorted(set(days))]
    listed = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " en " + numbers[-1]
    return f"{listed} {format_date(days[0], 'MMMM', locale=LOCALE)}"


def month_groups(changes: Sequence[RecordChange]) -> list[tuple[date, list[list[RecordChange]]]]:
    """Per month (newest first): per record (the latest change first), its changes in order."""
    months: dict[date, dict[tuple[str, str], list[RecordChange]]] = {}
    for change in changes:
        month = change.day.replace(day=1)
        months.setdefault(month, {}).setdefault((change.kind, change.code), []).append(change)
    return [
        (month, sorted(records.values(), key=lambda r: max(c.day for c in r), reverse=True))
        for month, records in sorted(months.items(), reverse=True)
    ]


def _item(site: Site, here: str, record: list[RecordChange]) -> Markup:
    texts: dict[str, list[date]] = {}
    for change in record:
        texts.setdefault(what_text(change), []).append(change.day)
    done = "; ".join(f"{text} ({_days(days)})" for text, days in texts.items())
    return Markup("{}: {}").format(_name(site, here, record[-1]), done)


def veranderingen(site: Site, here: str, history: DataHistory) -> Markup:
    feed = link(file_href(site, here, urls.FEED_FILE), "nieuwsfeed")
    data = link(site.href(here, OPEN_DATA), "Open data")
    follow = paragraph(
        Markup(
            "Wilt u dit bijhouden zonder de site te bezoeken? Volg de {} van besluiten en "
            "statuswijzigingen, of neem de agenda met mijlpalen op in uw agenda (zie {})."
        ).format(feed, data)
    )
    if history.changes is None:
        return blocks(
            paragraph(Markup("<strong>Geen geschiedenis beschikbaar.</strong> {}").format(history.reason or "")),
            paragraph(
                Markup(
                    "Deze pagina wordt gemaakt uit de geschiedenis van de gegevens in git. Bouw de site in "
                    "een volledige kopie van de repository (bij een 'shallow clone': eerst "
                    "<code>git fetch --unshallow</code>)."
                )
            ),
            follow,
        )
    groups = month_groups(history.changes)
    parts = []
    for month, records in groups:
        title = format_date(month, "LLLL y", locale=LOCALE)
        parts += [
            heading(2, title[:1].upper() + title[1:], f"maand-{month:%Y-%m}"),
            bullets(_item(site, here, r) for r in records),
        ]
    return blocks(
        paragraph(
            "Per maand, de nieuwste eerst: welke opgaven, pilots en evaluaties zijn toegevoegd, van "
            "status veranderd, een evaluatie kregen, zijn bijgewerkt of verwijderd, nadat de gegevens "
            "van de regio voor het eerst op de site kwamen. De datum is de dag waarop de wijziging in "
            "de gegevens kwam (uit git)."
        ),
        follow,
        *parts or [paragraph("Er zijn nog geen wijzigingen vastgelegd.")],
    )
