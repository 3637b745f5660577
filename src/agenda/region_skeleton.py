"""The data folder of a new region: the four files every region has, holding only what its author
said (the region's name and the title of its agenda). Everything else is unknown or an empty list,
so the folder validates and the site builds before a single fact is copied from the sources.

The command is ``scripts/nieuw.py regio`` (:mod:`agenda.commands.nieuw`); each file gets the schema
line and the explanation of every field, as a new opgave does (:func:`agenda.scaffold.render`).
"""

from __future__ import annotations

from pathlib import Path

from .loader import load
from .model import ONBEKEND
from .problems import Problem
from .scaffold import in_schema_order, render

AGENDA_SOURCE = "agenda"  # the code of the one source every region starts with: its agenda
PERIOD = "huidige-periode"  # the code of its period, whose name and years are not known yet


def skeleton(naam: str, titel: str, datering: str = ONBEKEND) -> dict[str, dict]:
    """The content of each file, by kind: the agenda is the source of the period and the visie."""
    cited = [{"bron": AGENDA_SOURCE}]
    period = {"id": PERIOD, "naam": ONBEKEND, "van": ONBEKEND, "tot": ONBEKEND, "bronnen": cited}
    return {
        "regio": {
            "naam": naam,
            "titel": titel,
            "periodes": [period],
            "themas": [],
            "bronnen": [{"id": AGENDA_SOURCE, "titel": titel, "datering": datering}],
        },
        "visie": {"versies": [{"periode": PERIOD, "visie": [], "principes": [], "bronnen": cited}]},
        "organisatie": {"gremia": [], "partners": []},
        "begrippen": {"begrippen": []},
    }


def create_region(data_dir: Path, naam: str, titel: str, datering: str = ONBEKEND) -> list[Problem]:
    """Write the files into ``data_dir`` (made if needed) and check the folder; on errors (a name
    the schema refuses) the files are removed again. Raises FileExistsError when ``data_dir``
    exists and is not empty: nothing is ever overwritten."""
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise FileExistsError(data_dir)
    made = not data_dir.exists()
    data_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, data in skeleton(naam, titel, datering).items():
        target = data_dir / f"{kind}.yaml"
        target.write_text(render(kind, in_schema_order(kind, data), target), encoding="utf-8")
        written.append(target)
    problems = list(load(data_dir).errors)
    if problems:
        for target in written:
            target.unlink()
        if made:
            data_dir.rmdir()
    return problems

