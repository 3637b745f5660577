"""The site of one build: the loaded model plus the facts from git (the date of each data file's
last commit, the history of the data folder), with what every page needs: lookups by code,
links in both directions, the events of the agenda, the glossary and how URLs are made.

Built once per build (agenda.adapters.build, with agenda.git_facts) and passed explicitly to the
renderers and to agenda.published; they only read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from . import urls
from .citations import citing
from .data_changes import DataHistory
from .dates import moment_year
from .model import (
    ONBEKEND,
    Besluit,
    Brondocument,
    Evaluatie,
    EvaluatieBesluit,
    Gremium,
    Model,
    Opgave,
    Partner,
    Pilot,
    Principe,
    Thema,
    VisieVersie,
)
from .render.markup import Prose
from .timeline import Event, decisions, events

# The most opgaven shown on one status board. With more, the agenda page shows per thema how many
# opgaven stand in each status, and each thema gets a board page of its own: a board of hundreds
# of cards is unusable (and a page of megabytes). 60 cards is about 15 per column: a few screens
# on a phone. The real agendas hold a few dozen opgaven, so they keep the single board.
ONE_BOARD_MAX = 60
# The most besluiten on the Besluiten page (about 600 bytes each: 100 make some 80 KB with the
# page around them). With more, the page lists the years and each year has a page of its own.
ONE_BESLUITEN_PAGE_MAX = 100
# the history of a site whose facts were not read from git
NO_HISTORY = DataHistory(None, None, "De geschiedenis van de gegevens is niet gelezen.")


def glossary(model: Model) -> dict[str, str]:
    """Each abbreviation in the begrippen with the term it stands for."""
    return {b.afkorting: b.term for b in model.begrippen.begrippen if b.afkorting}


class Site:
    """Read-only view of a model and its facts from git, for the renderers."""

    def __init__(
        self,
        model: Model,
        *,
        today: date,
        last_changed: Mapping[str, date | None] | None = None,
        history: DataHistory = NO_HISTORY,
        directory_urls: bool = True,
    ):
        self.model = model
        self.regio = model.regio
        self.prose = Prose(glossary(model))
        # the day of the build, for the review state (herziening) of each record
        self.today = today
        # data file (as in model.bestanden) -> date of its last commit, None if never committed
        self.last_changed = dict(last_changed or {})
        # what changed in the data folder, commit by commit, and the date of the data
        self.history = history
        self.directory_urls = directory_urls
        # a board page per thema instead of one board with every opgave
        self.per_thema = len(model.opgaven) > ONE_BOARD_MAX
        # whether any opgave has a known thema: if none has, no page names the thema of one
        self.thema_known = any(o.thema != ONBEKEND for o in model.opgaven)

        self.gremia: dict[str, Gremium] = {g.id: g for g in model.organisatie.gremia}
        self.partners: dict[str, Partner] = {p.id: p for p in model.organisatie.partners}
        self.themas: dict[str, Thema] = {t.id: t for t in model.regio.themas}
        # the region's order: its hoofdlijnen, then its randvoorwaarden, each as the region lists them
        self.themas_in_order: tuple[Thema, ...] = tuple(
            t for soort in ("hoofdlijn", "randvoorwaarde") for t in model.regio.themas if t.soort == soort
        )
        self._thema_place = {t.id: n for n, t in enumerate(self.themas_in_order)}
        self.bronnen: dict[str, Brondocument] = {b.id: b for b in model.regio.bronnen}
        self.periodes = {p.id: p for p in model.regio.periodes}
        self.opgaven: dict[str, Opgave] = {o.id: o for o in model.opgaven}
        self.pilots: dict[str, Pilot] = {p.id: p for p in model.pilots}
        self.evaluaties: dict[int, Evaluatie] = {e.jaar: e for e in model.evaluaties}
        # every event of the agenda, newest first, and those with a besluit (agenda.timeline)
        self.events: list[Event] = events(model)
        self.decisions: list[Event] = decisions(self.events)
        self.decisions_of: dict[str, list[Event]] = defaultdict(list)  # gremium -> its besluiten
        for event in self.decisions:
            self.decisions_of[event.besluit.gremium].append(event)
        # a page of besluiten per year instead of one page with all of them
        self.besluiten_per_jaar = len(self.decisions) > ONE_BESLUITEN_PAGE_MAX

        self.versie: VisieVersie = model.visie.versies[-1]
        self.eerdere_versies = model.visie.versies[:-1]
        # every principe by code, from the newest version that has it
        self.principes: dict[str, tuple[VisieVersie, Principe]] = {}
        for versie in model.visie.versies:
            for principe in versie.principes:
                self.principes[principe.id] = (versie, principe)

        self.pilots_of: dict[str, list[Pilot]] = defaultdict(list)
        for pilot in model.pilots:
            self.pilots_of[pilot.opgave].append(pilot)
        self.serving: dict[str, list[Opgave | Pilot]] = defaultdict(list)
        self.leading: dict[str, list[Opgave | Pilot]] = defaultdict(list)
        self.working: dict[str, list[Opgave | Pilot]] = defaultdict(list)
        self.partnering: dict[str, list[Opgave | Pilot]] = defaultdict(list)
        self.related: dict[str, set[str]] = defaultdict(set)
        for record in (*model.opgaven, *model.pilots):
            for code in record.principes:
                self.serving[code].append(record)
            self.leading[record.trekker].append(record)
            for code in record.gremia:
                self.working[code].append(record)
            for code in record.partners:
                self.partnering[code].append(record)
        # each source's opgaven, pilots and evaluations that cite it (the texts are few: see render.bron)
        self.citing: dict[str, list[Opgave | Pilot | Evaluatie]] = citing(
            (*model.opgaven, *model.pilots, *model.evaluaties)
        )
        for opgave in model.opgaven:
            for other in opgave.verwant:
                self.related[opgave.id].add(other)
                self.related[other].add(opgave.id)

    # -- the region's order -------------------------------------------------------------------

    def in_order(self, records: Iterable[Opgave | Pilot]) -> list[Opgave | Pilot]:
        """Records in the region's order: per thema (``themas_in_order``, unknown last), in a thema
        by volgnummer and then, without one, by title; a pilot right after its opgave."""
        return sorted(records, key=self._place)

    def _place(self, record: Opgave | Pilot) -> tuple:
        opgave = record if isinstance(record, Opgave) else self.opgaven.get(record.opgave)
        if opgave is None:
            return (len(self._thema_place) + 1, 1, 0, "", "", 1, record.titel.lower(), record.id)
        number = opgave.volgnummer
        return (self._thema_place.get(opgave.thema, len(self._thema_place)), number is None, number or 0,
                opgave.titel.lower(), opgave.id, record is not opgave, record.titel.lower(), record.id)  # fmt: skip

    # -- links ------------------------------------------------------------------------------

    def href(self, here: str, there: str, anchor: str | None = None) -> str:
        return urls.href(here, there, anchor, self.directory_urls)

    def thema_board(self, code: str) -> tuple[str, str | None]:
        """Where a thema's opgaven are listed (page and anchor): its own board page when the
        agenda is split per thema, else its group on the page of the opgaven per thema. ``code`` may be 'onbekend'."""
        if self.per_thema:
            return urls.thema_page(code), None
        return urls.grouping_page("thema"), f"thema-{code}"

    def besluit_page(self, besluit: Besluit | EvaluatieBesluit) -> str:
        """The page that lists a besluit: the Besluiten page, or the page of its year."""
        return urls.besluiten_page(moment_year(besluit.datum)) if self.besluiten_per_jaar else urls.BESLUITEN

    def record_page(self, record: Opgave | Pilot | Evaluatie) -> str:
        return urls.record_page(record)

    # -- facts about records ----------------------------------------------------------------

    def data_file(self, record: Opgave | Pilot | Evaluatie) -> str:
        kind = {Opgave: "opgave", Pilot: "pilot", Evaluatie: "evaluatie"}[type(record)]
        key = str(record.jaar) if isinstance(record, Evaluatie) else record.id
        return self.model.bestanden[(kind, key)]

    def changed(self, record: Opgave | Pilot | Evaluatie) -> date | None:
        return self.last_changed.get(self.data_file(record))

    def latest_evaluation(self, record: Opgave | Pilot) -> int | None:
        return max((e.jaar for e in record.evaluaties), default=None)

    def previous_evaluation(self, jaar: int) -> int | None:
        return max((y for y in self.evaluaties if y < jaar), default=None)
