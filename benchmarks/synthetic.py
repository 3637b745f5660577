"""A data folder of any size for the benchmark: copies of the real records under new ids.

The opgaven and pilots of a real data folder are copied in turn, each copy under a new id (the
real id and the copy's number, 'osj-kopie-0042') and a title that says it is a copy. A copy
refers to the copies with its own number (``verwant``, a pilot's ``opgave``), or to the first
copies where that number has no copy of the record. So statuses, themas, texts, references and
everything else are shaped like the real data, and the folder validates as the real data does.
The region's own files (regio, visie, organisatie, begrippen) are copied unchanged, so every
code a record names exists.

What the real data has none of yet, but a benchmark at scale must exercise, is added: one
evaluation file per year of :data:`YEARS` years (their number does not grow with the records),
one evaluation in each opgave and pilot that has none, one measurement per year in each
indicator that has none, and, when no opgave has a known thema, the region's themas in turn.
Nothing is random: the same data and size give the same files. The files are written by the
scaffold (the code of ``scripts/nieuw.py``), as a werkgroep's are.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from agenda import scaffold
from agenda.dates import moment_year
from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.loader import load
from agenda.model import ONBEKEND, Model
from agenda.yamlfile import read_yaml

YEARS = 5  # the years of evaluations a synthetic folder holds
FOLDER = {kind: folder for folder, kind in FOLDERS.items()}
_FIRST_PERIOD = {"halfjaar": "-S1", "kwartaal": "-Q1", "maand": "-01"}  # of a year, per periodetype


@dataclass(frozen=True)
class Plan:
    """How many files of each kind a synthetic folder holds."""

    opgaven: int
    pilots: int
    jaren: tuple[int, ...]  # one evaluation file per year

    @property
    def size(self) -> int:
        return self.opgaven + self.pilots + len(self.jaren)


def plan(real: Model, size: int, years: int = YEARS) -> Plan:
    """``size`` files: one evaluation per year, the rest split as the real opgaven and pilots are,
    with at least one copy of every real record."""
    rest = size - years
    pilots = round(rest * len(real.pilots) / (len(real.opgaven) + len(real.pilots)))
    start = first_year(real)
    layout = Plan(opgaven=rest - pilots, pilots=pilots, jaren=tuple(range(start, start + years)))
    if layout.opgaven < len(real.opgaven) or layout.pilots < len(real.pilots):
        raise ValueError(
            f"{size} records are too few: every one of the {len(real.opgaven) + len(real.pilots)} real "
            f"opgaven and pilots needs a copy, next to {years} evaluations"
        )
    return layout


def first_year(model: Model) -> int:
    """The earliest year the data names (agenda periods, status steps); else YEARS ago."""
    found = [moment_year(p.van) for p in model.regio.periodes]
    found += [moment_year(s.datum) for r in (*model.opgaven, *model.pilots) for s in r.statushistorie]
    known = [year for year in found if year is not None]
    return min(known) if known else date.today().year - YEARS + 1


def generate(real_dir: Path, target: Path, size: int, *, years: int = YEARS) -> Plan:
    """Write a data folder of ``size`` records into ``target`` (which must not exist yet), made of
    copies of the records in ``real_dir``. Nothing in ``real_dir`` is written."""
    real_dir = Path(real_dir)
    model = load(real_dir).model
    if model is None:
        raise ValueError(f"{real_dir} has errors; check it with scripts/validate.py first")
    layout = plan(model, size, years)
    records = {kind: _records(real_dir, kind) for kind in ("opgave", "pilot")}
    counts = {"opgave": layout.opgaven, "pilot": layout.pilots}
    copies = {kind: _copies(records[kind], count) for kind, count in counts.items()}
    # the copies a reference can point at: only opgaven are referred to (verwant, a pilot's opgave);
    # an opgave and a pilot may share a code, so a pilot's copy is no opgave's copy
    made = {_copy_id(data["id"], number) for data, number in copies["opgave"]}
    unknown = all(opgave.thema == ONBEKEND for opgave in model.opgaven)
    themas = [thema.id for thema in model.regio.themas] if unknown else []

    def refer(code: str, number: int) -> str:
        return _copy_id(code, number) if _copy_id(code, number) in made else _copy_id(code, 1)

    target.mkdir(parents=True)
    for name in SINGLE_FILES:
        shutil.copyfile(real_dir / name, target / name)
    for kind, found in copies.items():
        for index, (data, number) in enumerate(found):
            copy = _copy(data, number, refer, layout.jaren, layout.jaren[index % years])
            if kind == "opgave" and themas:
                copy["thema"] = themas[index % len(themas)]
            _write(target, kind, copy["id"], copy)
    texts = [data["samenvatting"] for data in records["opgave"]]
    source = model.regio.bronnen[0].id
    for index, year in enumerate(layout.jaren):
        _write(target, "evaluatie", year, _evaluation(year, texts[index % len(texts)], source))
    return layout


def _records(real_dir: Path, kind: str) -> list[dict]:
    """The data of each file of ``kind`` in the real folder, as read (dates stay text)."""
    found = []
    for path in sorted((real_dir / FOLDER[kind]).glob("*.yaml")):
        doc, _ = read_yaml(str(path), path.read_bytes())
        found.append(doc.data)
    return found


def _copies(records: list[dict], count: int) -> list[tuple[dict, int]]:
    """``count`` copies, the records in turn: each with the number of its copy (1, 2, ...)."""
    return [(records[i % len(records)], i // len(records) + 1) for i in range(count)]


def _copy_id(code: str, number: int) -> str:
    return f"{code}-kopie-{number:04d}"


def _copy(data: dict, number: int, refer: Callable[[str, int], str], jaren: tuple[int, ...], year: int) -> dict:
    """A copy of a record's data under a new id, with what it lacks for the benchmark added (an
    evaluation of ``year``, measurements in the ``jaren``)."""
    copy = {**data, "id": _copy_id(data["id"], number), "titel": f"{data['titel']} (kopie {number})"}
    if "verwant" in data:
        copy["verwant"] = [refer(code, number) for code in data["verwant"]]
    if data.get("opgave", ONBEKEND) != ONBEKEND:
        copy["opgave"] = refer(data["opgave"], number)
    source = [{"bron": data["bronnen"][0]["bron"]}]
    if not data.get("evaluaties"):
        text = data["samenvatting"]
        copy["evaluaties"] = [
            {"jaar": year, "voortgang": text, "wat_gaat_goed": [text], "wat_is_nodig": [text], "bronnen": source}
        ]
    if "indicatoren" in data:
        copy["indicatoren"] = [_measured(indicator, source, jaren) for indicator in data["indicatoren"]]
    return copy


def _measured(indicator: dict, source: list[dict], jaren: tuple[int, ...]) -> dict:
    """The indicator, with one measurement per year if it has none (at least 10, so that no
    count of persons needs to be suppressed)."""
    if indicator.get("metingen"):
        return indicator
    suffix = _FIRST_PERIOD.get(indicator.get("periodetype"), "")
    metingen = [
        {"periode": f"{year}{suffix}", "waarde": 10 + (7 * n) % 90, "bronnen": source} for n, year in enumerate(jaren)
    ]
    return {**indicator, "metingen": metingen}


def _evaluation(year: int, text: str, source: str) -> dict:
    return {
        "jaar": year,
        "titel": f"Synthetische evaluatie {year}",
        "datum": year,
        "samenvatting": text,
        "wat_gaat_goed": [text],
        "wat_is_nodig": [text],
        "bronnen": [{"bron": source}],
    }


def _write(target: Path, kind: str, stem: str | int, data: dict) -> None:
    path = target / FOLDER[kind] / f"{stem}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(scaffold.render(kind, scaffold.in_schema_order(kind, data), path), encoding="utf-8")
