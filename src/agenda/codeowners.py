"""The CODEOWNERS file, made from the data: which team reviews a change to a record.

An opgave or pilot belongs to its trekker. GitHub needs a team, so a gremium
may name one (``github_team`` in organisatie.yaml). When the trekker has no
team, the first gremium above it (``valt_onder``) that has one reviews. A
record whose trekker is unknown, or whose gremia have no team, gets no line:
then anyone with write access may review it. Nothing here is guessed: without
teams in the data the file holds only its header.
"""

from __future__ import annotations

from .layout import FOLDERS
from .model import Gremium, Model

PATH = ".github/CODEOWNERS"
HEADER = """\
# Wie wijzigingen beoordeelt, per bestand in de gegevens.
# Gemaakt met: .venv/bin/python scripts/codeowners.py (uit 'github_team' van de gremia in organisatie.yaml).
# Pas dit bestand niet met de hand aan: een test controleert dat het bij de gegevens past.
"""
_FOLDER = {kind: folder for folder, kind in FOLDERS.items()}


def owning_team(gremium_id: str, gremia: dict[str, Gremium]) -> tuple[str, str] | None:
    """(gremium, team) of the gremium or the first one above it that has a team."""
    seen: set[str] = set()
    current = gremia.get(gremium_id)
    while current is not None and current.id not in seen:
        if current.github_team:
            return current.id, current.github_team
        seen.add(current.id)
        current = gremia.get(current.valt_onder) if current.valt_onder else None
    return None


def render(model: Model, data_dir: str = "data") -> str:
    """The text of CODEOWNERS for the data folder ``data_dir`` (relative to the repository)."""
    gremia = {g.id: g for g in model.organisatie.gremia}
    lines = [HEADER]
    for kind, records in (("opgave", model.opgaven), ("pilot", model.pilots)):
        for record in sorted(records, key=lambda r: r.id):
            owner = owning_team(record.trekker, gremia)
            if owner is None:
                continue
            gremium, team = owner
            lines.append(f"# {kind} '{record.id}': trekker {record.trekker}, beoordeeld door {gremium}")
            lines.append(f"/{data_dir}/{_FOLDER[kind]}/{record.id}.yaml {team}\n")
    return "\n".join(lines)
