"""What each form changes in the data: the answers of a submitted form -> the new text of every
file it touches (nothing is written here). Every answer is checked first, and every problem is
named with the label the reader saw in the form; only then is the change made, with a
comment-preserving round trip (roundtrip.py) or, for a new opgave, as scripts/nieuw.py writes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ..layout import FOLDERS
from ..model import ONBEKEND, Model
from ..scaffold import document, in_schema_order
from ..scaffold import render as scaffold_render
from ..schema_fields import schema_field
from . import roundtrip
from .body import Submission
from .definitions import Field

FOLDER = {kind: folder for folder, kind in FOLDERS.items()}
REGIO = "regio.yaml"
VERSLAG = "verslag"  # the kind of document a verslag named in a status change is registered as
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")
_NUMBER = re.compile(r"-?[0-9]+([.,][0-9]+)?")
_FIRST_YEAR, _LAST_YEAR = 1990, 2100  # as the schema's dates and years
_CODE_LENGTH = 60  # the schema's maxLength of a code

Changes = dict[str, str]  # path in the data folder (posix) -> the file's new text


class Refused(Exception):
    """The form cannot be applied; every problem, in Dutch."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Answers:
    """The answers of a submission, checked field by field; problems are collected."""

    def __init__(self, submission: Submission):
        self.submission = submission
        self.problems: list[str] = []
        for item in submission.form.fields:
            if item.tick_required and not submission.ticked[item.id]:
                self.refuse(item, f"vink het vakje aan: '{item.checkbox}'")

    def _field(self, id: str) -> Field:
        return self.submission.form.field(id)

    def refuse(self, item: Field, message: str) -> None:
        self.problems.append(f"{item.label}: {message}")

    def raw(self, id: str) -> str | None:
        value = self.submission.answers[id]
        if value is None and self._field(id).required:
            self.refuse(self._field(id), "vul dit in.")
        return value

    def line(self, id: str) -> str | None:
        """An answer of one line."""
        value = self.raw(id)
        if value is not None and "\n" in value:
            self.refuse(self._field(id), "schrijf dit op één regel.")
            return None
        return value

    def choice(self, id: str) -> object:
        value = self.raw(id)
        if value is None:
            return None
        item = self._field(id)
        if value not in item.options:
            self.refuse(item, f"'{value}' is geen keuze van dit formulier. Kies een van de keuzes in de lijst.")
            return None
        return item.options[value]

    def moment(self, id: str) -> str | int | None:
        """A date (jjjj-mm-dd) or a year, in the years of the schema."""
        value = self.line(id)
        if value is None:
            return None
        item = self._field(id)
        if _YEAR.fullmatch(value):
            year = int(value)
        elif _DATE.fullmatch(value):
            try:
                year = date.fromisoformat(value).year
            except ValueError:
                self.refuse(item, f"de datum {value} bestaat niet. Schrijf een datum als jjjj-mm-dd, zoals 2025-03-14.")
                return None
        else:
            self.refuse(
                item, f"'{value}' is geen datum. Schrijf jjjj-mm-dd, zoals 2025-03-14, of alleen het jaar, zoals 2025."
            )
            return None
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            self.refuse(item, f"het jaar {year} ligt niet tussen {_FIRST_YEAR} en {_LAST_YEAR}.")
            return None
        return int(value) if _YEAR.fullmatch(value) else value

    def ticked(self, id: str) -> bool:
        return self.submission.ticked[id]

    def done(self) -> None:
        if self.problems:
            raise Refused(self.problems)


def new_code(title: str, taken: Iterable[str]) -> str:
    """A code for a new record or source from its title: 'Verslag BO 14 maart' -> 'verslag-bo-14-maart'."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:_CODE_LENGTH].strip("-") or "bron"
    used = set(taken)
    code, number = base, 1
    while code in used:
        number += 1
        suffix = f"-{number}"
        code = base[: _CODE_LENGTH - len(suffix)].strip("-") + suffix
    return code


class _Files:
    """The data files a change edits, each loaded once for a round trip."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.documents: dict[str, object] = {}

    def edit(self, path: str):
        if path not in self.documents:
            try:
                self.documents[path] = roundtrip.load((self.data_dir / path).read_text(encoding="utf-8"))
            except roundtrip.NotEditable:
                raise Refused(
                    [
                        f"{path} kan niet automatisch worden aangepast zonder andere regels te "
                        "veranderen. Pas het bestand met de hand aan (zie de pagina Bijdragen)."
                    ]
                ) from None
        return self.documents[path]

    def changes(self) -> Changes:
        return {path: roundtrip.dump(doc) for path, doc in self.documents.items()}


def _record(kind: str, code: str) -> str:
    return f"{FOLDER[kind]}/{code}.yaml"


def _source_for(verslag: str, datum: str | int, model: Model, files: _Files) -> str:
    """The code of the source with this title, registered in regio.yaml when it is new."""
    for bron in model.regio.bronnen:
        if bron.titel.strip() == verslag:
            return bron.id
    code = new_code(verslag, (b.id for b in model.regio.bronnen))
    files.edit(REGIO)["bronnen"].append(
        roundtrip.mapping(id=code, titel=roundtrip.text(verslag), soort=VERSLAG, datering=roundtrip.text(str(datum)))
    )
    return code


def _status(model: Model, kind: str, code: str) -> str:
    return next(r.status for r in (model.opgaven if kind == "opgave" else model.pilots) if r.id == code)


def status_change(submission: Submission, model: Model, data_dir: Path) -> Changes:
    answers = _Answers(submission)
    item = answers.choice("item")
    status = answers.choice("status")
    datum = answers.moment("datum")
    gremium = answers.choice("gremium")
    verslag = answers.line("verslag")
    bron = answers.choice("bron")
    toelichting = answers.raw("toelichting")
    if submission.answers["verslag"] is None and submission.answers["bron"] is None:
        answers.refuse(
            submission.form.field("verslag"), "noem het verslag, of kies bij 'Bron' het brondocument over het besluit."
        )
    if item is not None and status is not None and _status(model, *item) == status:
        answers.refuse(submission.form.field("status"), f"de status is al '{status}'.")
    answers.done()
    kind, code = item
    files = _Files(data_dir)
    bronnen = [_source_for(verslag, datum, model, files)] if verslag else []
    if bron is not None and bron not in bronnen:
        bronnen.append(bron)
    doc = files.edit(_record(kind, code))
    doc["status"] = status
    doc["statushistorie"].append(
        roundtrip.mapping(
            datum=roundtrip.moment(datum),
            status=status,
            toelichting=roundtrip.text(toelichting) if toelichting else None,
            besluit=roundtrip.mapping(
                datum=roundtrip.moment(datum),
                gremium=gremium,
                verslag=roundtrip.text(verslag) if verslag else None,
            ),
            bronnen=roundtrip.sources(*bronnen),
        )
    )
    return files.changes()


def new_opgave(submission: Submission, model: Model, data_dir: Path) -> Changes:
    answers = _Answers(submission)
    titel = answers.line("titel")
    samenvatting = answers.raw("samenvatting")
    status = answers.choice("status")
    trekker = answers.choice("trekker")
    bron = answers.choice("bron")
    beschrijving = answers.raw("beschrijving")
    if titel is not None and any(o.titel.strip() == titel for o in model.opgaven):
        answers.refuse(submission.form.field("titel"), f"er is al een opgave '{titel}'.")
    answers.done()
    code = new_code(titel, (o.id for o in model.opgaven))
    data = document(
        "opgave",
        {
            "id": code,
            "titel": titel,
            "samenvatting": samenvatting,
            "thema": ONBEKEND,
            "niveau": ONBEKEND,
            "trekker": trekker or ONBEKEND,
            "status": status,
            "datum": ONBEKEND,
            "bron": [bron],
        },
    )
    data["beschrijving"] = beschrijving
    path = _record("opgave", code)
    return {path: scaffold_render("opgave", in_schema_order("opgave", data), data_dir / path)}


def _number(value: str) -> int | float:
    number = float(value.replace(",", "."))
    return int(number) if number.is_integer() and not re.search(r"[.,]", value) else number


def measurement(submission: Submission, model: Model, data_dir: Path) -> Changes:
    answers = _Answers(submission)
    target = answers.choice("indicator")
    periode = answers.line("periode")
    waarde = answers.line("waarde")
    afgeschermd = answers.ticked("afgeschermd")
    bron = answers.choice("bron")
    form = submission.form
    found = schema_field("pilot", "indicatoren[].metingen[].periode")
    if periode is not None and not re.fullmatch(found.schema["pattern"], periode):
        answers.refuse(form.field("periode"), f"'{periode}' is geen periode. {found.description}")
    if afgeschermd and waarde is not None:
        answers.refuse(form.field("waarde"), "laat de waarde leeg als die is afgeschermd (minder dan 10).")
    elif not afgeschermd and waarde is None:
        answers.refuse(form.field("waarde"), "vul de waarde in, of vink 'Afgeschermd' aan.")
    elif waarde is not None and not _NUMBER.fullmatch(waarde):
        answers.refuse(form.field("waarde"), f"'{waarde}' is geen getal. Schrijf bijvoorbeeld 25 of 12,5.")
    if target is not None and periode is not None:
        pilot = next(p for p in model.pilots if p.id == target[0])
        indicator = next(i for i in pilot.indicatoren if i.id == target[1])
        if any(m.periode == periode for m in indicator.metingen):
            answers.refuse(form.field("periode"), f"voor {periode} staat al een meting bij deze indicator.")
    answers.done()
    files = _Files(data_dir)
    doc = files.edit(_record("pilot", target[0]))
    indicator_map = next(i for i in doc["indicatoren"] if i["id"] == target[1])
    entry = roundtrip.mapping(
        periode=roundtrip.text(periode),
        waarde=None if afgeschermd else _number(waarde),
        afgeschermd=True if afgeschermd else None,
        bronnen=roundtrip.sources(bron),
    )
    if "metingen" in indicator_map:
        indicator_map["metingen"].append(entry)
    else:
        keys = list(indicator_map)
        place = keys.index("bronnen") if "bronnen" in keys else len(keys)
        indicator_map.insert(place, "metingen", [entry])
    return files.changes()


def source(submission: Submission, model: Model, data_dir: Path) -> Changes:
    answers = _Answers(submission)
    titel = answers.line("titel")
    soort = answers.line("soort")
    datering = answers.line("datering")
    adres = answers.line("adres")
    if titel is not None and any(b.titel.strip() == titel for b in model.regio.bronnen):
        answers.refuse(submission.form.field("titel"), f"het document '{titel}' staat al bij de bronnen.")
    address = schema_field("regio", "bronnen[].adres").schema
    if adres is not None and not any(re.fullmatch(b["pattern"], adres) for b in address["anyOf"] if "pattern" in b):
        answers.refuse(
            submission.form.field("adres"), "schrijf het hele adres, zonder spaties. Het begint met https://."
        )
    answers.done()
    files = _Files(data_dir)
    files.edit(REGIO)["bronnen"].append(
        roundtrip.mapping(
            id=new_code(titel, (b.id for b in model.regio.bronnen)),
            titel=roundtrip.text(titel),
            soort=roundtrip.text(soort) if soort else None,
            datering=roundtrip.text(datering),
            adres=roundtrip.text(adres) if adres else None,
        )
    )
    return files.changes()


def milestone(submission: Submission, model: Model, data_dir: Path) -> Changes:
    answers = _Answers(submission)
    target = answers.choice("mijlpaal")
    bron = answers.choice("bron")
    answers.done()
    files = _Files(data_dir)
    mijlpaal = files.edit(_record("opgave", target[0]))["mijlpalen"][target[1]]
    mijlpaal["gereed"] = "ja"
    if bron not in [entry["bron"] for entry in mijlpaal["bronnen"]]:
        mijlpaal["bronnen"].append(roundtrip.mapping(bron=bron))
    return files.changes()


# the change of each form, by the file name of its template
CHANGES: dict[str, Callable[[Submission, Model, Path], Changes]] = {
    "statuswijziging.yml": status_change,
    "nieuwe-opgave.yml": new_opgave,
    "meting.yml": measurement,
    "bron.yml": source,
    "mijlpaal.yml": milestone,
}
