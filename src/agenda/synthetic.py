"""A synthetic data folder of any size, shaped like a real one: the input of the benchmark.

The shape is measured on a real model (:meth:`Profile.of`): the share of opgaven and pilots; the
share of each status, niveau, thema and trekker; how many status steps, references, milestones,
indicators, targets and sources a record has on average; how long its texts are and how often
they name an abbreviation from the begrippen. The records are then dealt out so that the
running totals follow that profile exactly (nothing is random: the same model and size give
the same files), made with the scaffold's own functions (:func:`scaffold.document` for the
required fields, :func:`scaffold.render` for the text), so every file looks like one a werkgroep
starts with ``scripts/nieuw.py``. Every name is made up ("Synthetische opgave 0042"). The
region's own files (regio, visie, organisatie, begrippen) are copied unchanged, so every code a
record refers to exists.

Where the real data has none yet of what a benchmark at scale must exercise, a stated minimum
replaces the zero (see :func:`_with_minimums`): one yearly evaluation file per year of
:data:`YEARS` years (the model holds one per year, so their number does not grow with the
records); one evaluation per opgave and pilot; one measurement per indicator per year; and,
when no opgave has a known thema, the opgaven spread evenly over the region's themas.
"""

from __future__ import annotations

import math
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import scaffold
from .dates import moment_year
from .layout import SINGLE_FILES
from .loader import load
from .model import ONBEKEND, Model
from .schema_fields import schema_field
from .status_history import STATUSES

YEARS = 5  # the years of evaluations a synthetic folder holds

# list fields whose mean length is measured, per kind; 'a[].b' is the list b of every item of a
COUNTED = {
    "opgave": (
        "statushistorie", "periodes", "principes", "gremia", "partners", "mijlpalen", "verwant",
        "evaluaties", "bronnen",
    ),
    "pilot": (
        "statushistorie", "voorwaarden", "principes", "financiering", "verwachte_resultaten",
        "verwachte_resultaten[].resultaten", "indicatoren", "indicatoren[].doelen",
        "indicatoren[].metingen", "gremia", "partners", "evaluaties", "bronnen",
    ),
}  # fmt: skip
# texts whose presence and mean length are measured, per kind
TEXTS = {
    "opgave": (
        "samenvatting", "beschrijving", "statushistorie[].toelichting", "mijlpalen[].omschrijving",
        "bronnen[].onderdeel",
    ),
    "pilot": (
        "samenvatting", "achtergrond", "doel", "doelgroep", "werkwijze", "voorwaarden[]",
        "financiering_toelichting", "verwachte_resultaten[].resultaten[]", "indicatoren[].doel_tekst",
        "sturing", "statushistorie[].toelichting", "bronnen[].onderdeel",
    ),
}  # fmt: skip
# fields with a few possible values whose shares are measured, per kind (None counts as a value)
CHOSEN = {
    "opgave": ("status", "niveau", "thema", "trekker", "mijlpalen[].gereed"),
    "pilot": (
        "status", "trekker", "indicatoren[].eenheid", "indicatoren[].richting",
        "indicatoren[].periodetype",
    ),
}  # fmt: skip
# optional fields whose presence is measured, per kind
OPTIONAL = {
    "opgave": ("herziening",),
    "pilot": ("afkorting", "start", "einde", "locaties", "herziening"),
}

_EVALUATION_POINTS = 2  # points under 'wat gaat goed' and 'wat is nodig' in a made-up evaluation
_FAR_FUTURE = "2099-12-31"  # a herziening that is never due, so no warnings
_SENTENCES = (
    "Scholen, wijkteams en jeugdhulp werken hier samen aan.",
    "De werkgroep bespreekt de voortgang met alle partners.",
    "Ouders en kinderen merken dat de ondersteuning dichterbij komt.",
    "De afspraken worden ieder jaar samen bekeken en waar nodig bijgesteld.",
    "Wat werkt, wordt in de hele regio gedeeld.",
    "Dit is synthetische tekst, alleen bedoeld om de bouwtijd te meten.",
)
# texts vary around the mean length: the mean of the first 1, 3 or 5 steps is 1
_LENGTH_STEPS = (1.0, 0.5, 1.5, 0.75, 1.25)


@dataclass(frozen=True)
class Profile:
    """The shape of a model's opgaven and pilots: shares, mean counts and mean text lengths."""

    kinds: dict[str, float]  # share of opgaven and of pilots among them
    counts: dict[str, dict[str, float]]  # kind -> list field (COUNTED) -> mean length
    texts: dict[str, dict[str, tuple[float, float]]]  # kind -> text (TEXTS) -> (share present, length)
    chosen: dict[str, dict[str, dict[object, float]]]  # kind -> field (CHOSEN) -> value -> share
    optional: dict[str, dict[str, float]]  # kind -> field (OPTIONAL) -> share present
    dated: float  # share of status steps with a known date
    decided: float  # share of status steps with a besluit
    linked: float  # share of pilots that belong to an opgave
    abbreviations: float  # abbreviations of the begrippen per 1,000 characters of text

    @classmethod
    def of(cls, model: Model) -> Profile:
        records = {"opgave": model.opgaven, "pilot": model.pilots}

        def each(table: dict[str, tuple[str, ...]], measure: Callable[[Sequence, str], object]) -> dict:
            return {kind: {path: measure(records[kind], path) for path in table[kind]} for kind in records}

        steps = values_at([*model.opgaven, *model.pilots], "statushistorie[]")
        texts = [t for kind in records for path in TEXTS[kind] for t in values_at(records[kind], path) if t]
        afkortingen = _afkortingen(model)
        named = sum(len(re.findall(_word_pattern(afkortingen), t)) for t in texts) if afkortingen else 0
        total = max(1, sum(len(r) for r in records.values()))
        return cls(
            kinds={kind: len(r) / total for kind, r in records.items()},
            counts=each(COUNTED, _mean_length),
            texts=each(TEXTS, lambda found, path: _text_shape(values_at(found, path))),
            chosen=each(CHOSEN, lambda found, path: _shares(values_at(found, path))),
            optional=each(OPTIONAL, lambda found, name: _share(getattr(r, name) is not None for r in found)),
            dated=_share(moment_year(step.datum) is not None for step in steps),
            decided=_share(step.besluit is not None for step in steps),
            linked=_share(p.opgave != ONBEKEND for p in model.pilots),
            abbreviations=1000 * named / max(1, sum(len(t) for t in texts)),
        )


@dataclass(frozen=True)
class Plan:
    """How many files of each kind a synthetic folder holds."""

    opgaven: int
    pilots: int
    jaren: tuple[int, ...]  # one evaluation file per year

    @property
    def size(self) -> int:
        return self.opgaven + self.pilots + len(self.jaren)


def plan(profile: Profile, size: int, first_year: int, years: int = YEARS) -> Plan:
    """``size`` records: one evaluation per year, the rest split as the real opgaven and pilots are."""
    if size <= years:
        raise ValueError(f"a synthetic folder of {years} years needs more than {years} records")
    rest = size - years
    pilots = round(rest * profile.kinds["pilot"])
    return Plan(opgaven=rest - pilots, pilots=pilots, jaren=tuple(range(first_year, first_year + years)))


def first_year(model: Model) -> int:
    """The earliest year the data names (agenda periods, status steps); else YEARS ago."""
    found = [moment_year(p.van) for p in model.regio.periodes]
    found += [moment_year(s.datum) for r in (*model.opgaven, *model.pilots) for s in r.statushistorie]
    known = [year for year in found if year is not None]
    return min(known) if known else date.today().year - YEARS + 1


def generate(real_dir: Path, target: Path, size: int, *, years: int = YEARS) -> Plan:
    """Write a data folder of ``size`` synthetic records into ``target`` (which must not exist yet),
    shaped like the data in ``real_dir``. The region files of ``real_dir`` are copied; nothing in
    ``real_dir`` is written."""
    model = load(real_dir).model
    if model is None:
        raise ValueError(f"{real_dir} has errors; check it with scripts/validate.py first")
    profile = Profile.of(model)
    layout = plan(profile, size, first_year(model), years)
    target.mkdir(parents=True)
    for name in SINGLE_FILES:
        shutil.copyfile(Path(real_dir) / name, target / name)
    for kind, answers, data in _Records(model, _with_minimums(profile, model, layout), layout).all():
        path = scaffold.file_path(kind, answers, target)
        path.parent.mkdir(exist_ok=True)
        path.write_text(scaffold.render(kind, data, path), encoding="utf-8")
    return layout


def _with_minimums(profile: Profile, model: Model, layout: Plan) -> Profile:
    """The profile with the stated minimums where the real data has none (see the module)."""
    counts = {kind: dict(paths) for kind, paths in profile.counts.items()}
    for kind in counts:
        counts[kind]["evaluaties"] = counts[kind]["evaluaties"] or 1.0
    counts["pilot"]["indicatoren[].metingen"] = counts["pilot"]["indicatoren[].metingen"] or len(layout.jaren)
    chosen = {kind: dict(paths) for kind, paths in profile.chosen.items()}
    if set(chosen["opgave"]["thema"]) <= {ONBEKEND} and model.regio.themas:
        chosen["opgave"]["thema"] = {t.id: 1 / len(model.regio.themas) for t in model.regio.themas}
    return replace(profile, counts=counts, chosen=chosen)


# ---------------------------------------------------------------- measuring


def values_at(objects: Iterable[object], path: str) -> list:
    """The values at ``path`` (such as 'indicatoren[].naam') in every object; '[]' flattens a list."""
    values = list(objects)
    for part in path.split("."):
        found = [getattr(value, part.removesuffix("[]")) for value in values]
        values = [item for items in found for item in items] if part.endswith("[]") else found
    return values


def _mean_length(records: Sequence[object], path: str) -> float:
    """The mean length of the list at ``path``, over the objects that hold it."""
    parent, _, name = path.rpartition(".")
    owners = values_at(records, parent) if parent else list(records)
    return sum(len(getattr(o, name)) for o in owners) / len(owners) if owners else 0.0


def _text_shape(values: list[str | None]) -> tuple[float, float]:
    lengths = [len(v) for v in values if v is not None]
    return _share(v is not None for v in values), (sum(lengths) / len(lengths) if lengths else 0.0)


def _shares(values: list[object]) -> dict[object, float]:
    return {value: n / len(values) for value, n in Counter(values).items()}


def _share(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 0.0


def _afkortingen(model: Model) -> list[str]:
    return [b.afkorting for b in model.begrippen.begrippen if b.afkorting]


def _word_pattern(words: Sequence[str]) -> str:
    return r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"


def _is_markdown(kind: str, path: str) -> bool:
    return not path.endswith("[]") and schema_field(kind, path).written.get("$ref", "").endswith("/markdown")


# ---------------------------------------------------------------- dealing out


class _Dealer:
    """Counts, yes/no and values per key, so that the running totals follow the profile: after n
    turns a mean m has given floor(m·n) items in all, and a value of share s about s·n times."""

    def __init__(self) -> None:
        self._turns: Counter[str] = Counter()
        self._given: dict[str, Counter] = defaultdict(Counter)

    def turn(self, key: str) -> int:
        """How many turns ``key`` had before this one."""
        self._turns[key] += 1
        return self._turns[key] - 1

    def count(self, key: str, mean: float) -> int:
        turn = self.turn(key)
        return math.floor(mean * (turn + 1)) - math.floor(mean * turn)

    def has(self, key: str, share: float) -> bool:
        return self.count(key, share) > 0

    def pick(self, key: str, shares: dict):
        turn, given = self.turn(key), self._given[key]
        value = max(shares, key=lambda v: shares[v] * (turn + 1) - given[v])  # the value most behind
        given[value] += 1
        return value


class _Writer:
    """Made-up Dutch text of about a given length, naming the abbreviations of the begrippen as
    often as the real texts do."""

    def __init__(self, afkortingen: Sequence[str], per_thousand: float) -> None:
        self._afkortingen = list(afkortingen)
        self._rate = per_thousand / 1000 if afkortingen else 0.0
        self._sentences = 0
        self._named = 0
        self._written = 0

    def _sentence(self) -> str:
        if self._named < self._rate * self._written:
            self._named += 1
            sentence = f"Dit gaat ook over de {self._afkortingen[(self._named - 1) % len(self._afkortingen)]}."
        else:
            self._sentences += 1
            sentence = _SENTENCES[(self._sentences - 1) % len(_SENTENCES)]
        self._written += len(sentence) + 1
        return sentence

    def text(self, length: int, markdown: bool = False) -> str:
        """About ``length`` characters: one paragraph, or in Markdown paragraphs of four
        sentences of which every third is a list."""
        sentences: list[str] = []
        room = length
        while room > 0:
            sentence = self._sentence()
            if len(sentence) > room:  # the last one is cut to the length, after a word
                words = sentence[: room + 1].split(" ")[:-1] or sentence.split(" ")[:1]
                sentences.append(" ".join(words).rstrip(",.") + ".")
                break
            sentences.append(sentence)
            room -= len(sentence) + 1
        if not markdown:
            return " ".join(sentences)
        parts = [sentences[i : i + 4] for i in range(0, len(sentences), 4)]
        return "\n\n".join(
            "\n".join(f"- {s}" for s in part) if i % 3 == 2 else " ".join(part) for i, part in enumerate(parts)
        )


def _progression(status: str, steps: int) -> list[str]:
    """``steps`` statuses ending in ``status``, in the order of the work."""
    work = [s for s in STATUSES if s != "gestopt"]
    before = work[: work.index(status) + 1] if status in work else [work[0], status]
    last = before[-steps:]
    return [last[0]] * (steps - len(last)) + last


def _periods(periodetype: str | None, jaren: Sequence[int]) -> list[str]:
    """The measurement periods of the years, as the periodetype counts them."""
    parts = {
        "halfjaar": ["S1", "S2"],
        "kwartaal": ["Q1", "Q2", "Q3", "Q4"],
        "maand": [f"{month:02d}" for month in range(1, 13)],
    }
    return [f"{year}-{part}" if part else str(year) for year in jaren for part in parts.get(periodetype, [""])]


class _Records:
    """The opgaven, pilots and evaluations of a synthetic folder: scaffold answers and full data."""

    def __init__(self, model: Model, profile: Profile, layout: Plan) -> None:
        self.profile = profile
        self.layout = layout
        self.deal = _Dealer()
        self.writer = _Writer(_afkortingen(model), profile.abbreviations)
        self.width = max(4, len(str(max(layout.opgaven, layout.pilots))))
        self.opgaven = [self._id("opgave", i) for i in range(layout.opgaven)]
        self.pools = {
            "periodes": [p.id for p in model.regio.periodes],
            "principes": list(dict.fromkeys(p.id for v in model.visie.versies for p in v.principes)),
            "gremia": [g.id for g in model.organisatie.gremia],
            "partners": [p.id for p in model.organisatie.partners],
            "bronnen": [b.id for b in model.regio.bronnen],
        }

    def all(self) -> Iterable[tuple[str, scaffold.Answers, dict]]:
        for index in range(self.layout.opgaven):
            yield ("opgave", *self.opgave(index))
        for index in range(self.layout.pilots):
            yield ("pilot", *self.pilot(index))
        for year in self.layout.jaren:
            yield ("evaluatie", *self.evaluatie(year))

    # -- the three kinds ----------------------------------------------------------------------

    def opgave(self, index: int) -> tuple[scaffold.Answers, dict]:
        answers, steps = self._answers("opgave", index)
        answers |= {name: self._pick("opgave", name) for name in ("thema", "niveau", "trekker")}
        data, source = self._document("opgave", answers, steps)
        verwant = self._codes("opgave", "verwant", index + 1, self.opgaven)
        extra = {
            "beschrijving": self._text("opgave", "beschrijving"),
            **{
                name: self._codes("opgave", name, index)
                for name in ("periodes", "principes", "gremia", "partners")
            },
            "mijlpalen": [
                {
                    "jaar": self._year(index, step),
                    "omschrijving": self._text("opgave", "mijlpalen[].omschrijving", required=True),
                    "gereed": self._pick("opgave", "mijlpalen[].gereed"),
                    "bronnen": source,
                }
                for step in range(self._count("opgave", "mijlpalen"))
            ],
            "verwant": [code for code in verwant if code != self.opgaven[index]],
            "evaluaties": self._evaluations("opgave", index, source),
            "herziening": self._optional("opgave", "herziening", _FAR_FUTURE),
        }
        return answers, scaffold.in_schema_order("opgave", {**data, **_filled(extra)})

    def pilot(self, index: int) -> tuple[scaffold.Answers, dict]:
        answers, steps = self._answers("pilot", index)
        answers["trekker"] = self._pick("pilot", "trekker")
        if self.opgaven and self.deal.has("pilot:opgave", self.profile.linked):
            answers["opgave"] = self.opgaven[index * len(self.opgaven) // self.layout.pilots]
        data, source = self._document("pilot", answers, steps)
        extra = {
            "afkorting": self._optional("pilot", "afkorting", f"SYN{index + 1}"),
            "start": self._optional("pilot", "start", ONBEKEND),
            "einde": self._optional("pilot", "einde", ONBEKEND),
            **{name: self._text("pilot", name) for name in ("achtergrond", "doel", "doelgroep", "werkwijze")},
            "voorwaarden": [
                self._text("pilot", "voorwaarden[]", required=True)
                for _ in range(self._count("pilot", "voorwaarden"))
            ],
            "principes": self._codes("pilot", "principes", index),
            "locaties": self._optional("pilot", "locaties", {"aantal": ONBEKEND, "scholen": ONBEKEND}),
            "financiering": [
                {"jaar": self._year(index, step), "fte": 0.5 * (step + 1), "bronnen": source}
                for step in range(self._count("pilot", "financiering"))
            ],
            "financiering_toelichting": self._text("pilot", "financiering_toelichting"),
            "verwachte_resultaten": [
                {
                    "groep": f"Synthetische groep {number + 1}",
                    "resultaten": [
                        self._text("pilot", "verwachte_resultaten[].resultaten[]", required=True)
                        for _ in range(self._count("pilot", "verwachte_resultaten[].resultaten"))
                    ],
                }
                for number in range(self._count("pilot", "verwachte_resultaten"))
            ],
            "indicatoren": [
                self._indicator(number, source) for number in range(self._count("pilot", "indicatoren"))
            ],
            "sturing": self._text("pilot", "sturing"),
            **{name: self._codes("pilot", name, index) for name in ("gremia", "partners")},
            "evaluaties": self._evaluations("pilot", index, source),
            "herziening": self._optional("pilot", "herziening", _FAR_FUTURE),
        }
        return answers, scaffold.in_schema_order("pilot", {**data, **_filled(extra)})

    def evaluatie(self, year: int) -> tuple[scaffold.Answers, dict]:
        answers: scaffold.Answers = {
            "jaar": year,
            "titel": f"Synthetische evaluatie {year}",
            "datum": year,
            "bron": self.pools["bronnen"][:1],
        }
        data = scaffold.document("evaluatie", answers)
        extra = {
            "samenvatting": self.writer.text(self._summary_length(), markdown=True),
            "wat_gaat_goed": self._points(),
            "wat_is_nodig": self._points(),
        }
        return answers, scaffold.in_schema_order("evaluatie", {**data, **extra})

    # -- parts --------------------------------------------------------------------------------

    def _answers(self, kind: str, index: int) -> tuple[scaffold.Answers, list[dict]]:
        """What a werkgroep answers to scripts/nieuw.py (but the choices that differ per kind),
        and the status steps: the answers hold the last one."""
        status = self._pick(kind, "status")
        steps = self._history(kind, index, status)
        last = steps[-1]
        answers: scaffold.Answers = {
            "id": self._id(kind, index),
            "titel": f"Synthetische {kind} {index + 1:0{self.width}d}",
            "samenvatting": self._text(kind, "samenvatting", required=True),
            "status": status,
            "datum": last["datum"],
            "bron": self._codes(kind, "bronnen", index),
        }
        if "besluit" in last:
            besluit = last["besluit"]
            answers |= {"besluit-gremium": besluit["gremium"], "besluit-datum": besluit["datum"]}
        return answers, steps

    def _document(self, kind: str, answers: scaffold.Answers, steps: list[dict]) -> tuple[dict, list[dict]]:
        """The scaffold's document, with the earlier status steps and the texts of the steps and
        sources added; and a short source list for the parts of the record."""
        data = scaffold.document(kind, answers)
        for reference in data["bronnen"]:
            if onderdeel := self._text(kind, "bronnen[].onderdeel"):
                reference["onderdeel"] = onderdeel
        steps = [*steps[:-1], data["statushistorie"][-1]]  # the scaffold's step: the current status
        data["statushistorie"] = [
            _filled(
                {
                    "datum": step["datum"],
                    "status": step["status"],
                    "toelichting": self._text(kind, "statushistorie[].toelichting"),
                    "besluit": step.get("besluit"),
                    "bronnen": data["bronnen"],
                }
            )
            for step in steps
        ]
        return data, [{"bron": data["bronnen"][0]["bron"]}]

    def _history(self, kind: str, index: int, status: str) -> list[dict]:
        steps = []
        for number, step_status in enumerate(_progression(status, self._count(kind, "statushistorie"))):
            datum = self._year(index, number) if self.deal.has("datum", self.profile.dated) else ONBEKEND
            step: dict = {"datum": datum, "status": step_status}
            if self.deal.has("besluit", self.profile.decided):
                gremia = self.pools["gremia"]
                step["besluit"] = {"datum": datum, "gremium": gremia[index % len(gremia)]}
            steps.append(step)
        return steps

    def _indicator(self, number: int, source: list[dict]) -> dict:
        periodetype = self._pick("pilot", "indicatoren[].periodetype")
        doelen = self._count("pilot", "indicatoren[].doelen")
        metingen = self._count("pilot", "indicatoren[].metingen")
        return _filled(
            {
                "id": f"indicator-{number + 1}",
                "naam": f"Synthetische indicator {number + 1}",
                "eenheid": self._pick("pilot", "indicatoren[].eenheid"),
                "richting": self._pick("pilot", "indicatoren[].richting"),
                "periodetype": periodetype,
                "doel_tekst": self._text("pilot", "indicatoren[].doel_tekst"),
                "doelen": [
                    {"jaar": year, "waarde": 20 + 5 * n} for n, year in enumerate(self.layout.jaren[:doelen])
                ],
                # at least 10, so that no count of persons needs to be suppressed
                "metingen": [
                    {"periode": periode, "waarde": 10 + (7 * n) % 90, "bronnen": source}
                    for n, periode in enumerate(_periods(periodetype, self.layout.jaren)[:metingen])
                ],
                "bronnen": source,
            }
        )

    def _evaluations(self, kind: str, index: int, source: list[dict]) -> list[dict]:
        jaren = self.layout.jaren
        count = min(len(jaren), self._count(kind, "evaluaties"))
        return [
            {
                "jaar": year,
                "voortgang": self.writer.text(self._summary_length(kind), markdown=True),
                "wat_gaat_goed": self._points(kind),
                "wat_is_nodig": self._points(kind),
                "bronnen": source,
            }
            for year in sorted(jaren[(index + n) % len(jaren)] for n in range(count))
        ]

    def _points(self, kind: str = "opgave") -> list[str]:
        return [self.writer.text(self._summary_length(kind)) for _ in range(_EVALUATION_POINTS)]

    def _summary_length(self, kind: str = "opgave") -> int:
        """The length of a text the real data has no example of: that of a summary."""
        return max(1, round(self.profile.texts[kind]["samenvatting"][1]))

    # -- dealing ------------------------------------------------------------------------------

    def _id(self, kind: str, index: int) -> str:
        return f"synthetische-{kind}-{index + 1:0{self.width}d}"

    def _year(self, index: int, step: int = 0) -> int:
        """A year of the evaluations; a later step of the same record is never earlier."""
        jaren = self.layout.jaren
        return jaren[min(len(jaren) - 1, index % len(jaren) + step)]

    def _count(self, kind: str, path: str) -> int:
        return self.deal.count(f"{kind}:{path}", self.profile.counts[kind][path])

    def _pick(self, kind: str, path: str):
        return self.deal.pick(f"{kind}:{path}", self.profile.chosen[kind][path])

    def _optional(self, kind: str, name: str, value):
        return value if self.deal.has(f"{kind}:{name}", self.profile.optional[kind][name]) else None

    def _codes(self, kind: str, name: str, start: int, pool: Sequence[str] | None = None) -> list[str]:
        """Codes from the region's list of ``name``, as many as the real records have on average."""
        pool = self.pools[name] if pool is None else pool
        count = min(len(pool), self._count(kind, name))
        return [pool[(start + n) % len(pool)] for n in range(count)]

    def _text(self, kind: str, path: str, *, required: bool = False) -> str | None:
        """A text of about the measured length; None as often as the real text is missing."""
        share, length = self.profile.texts[kind][path]
        if not required and not self.deal.has(f"{kind}:{path}", share):
            return None
        step = _LENGTH_STEPS[self.deal.turn(f"{kind}:{path}:length") % len(_LENGTH_STEPS)]
        return self.writer.text(max(1, round(length * step)), _is_markdown(kind, path))


def _filled(fields: dict) -> dict:
    """The fields that have a value: no None, no empty list."""
    return {key: value for key, value in fields.items() if value is not None and value != []}
