"""Write the issue forms from the data: python scripts/formulieren.py [--controleer]

With --controleer nothing is written: exit 1 when a form does not match the data.
Exit 2 when the data has errors (check them with scripts/validate.py).
"""

from __future__ import annotations

from pathlib import Path

from ..forms.templates import FOLDER, HEADER, render
from .dutch_parser import DutchParser
from .project import ROOT, project_model

def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog=".venv/bin/python scripts/formulieren.py",
        description=f"Maak de formulieren in {FOLDER}/ uit de gegevens en de schema's.",
    )
    parser.add_argument(
        "--controleer", action="store_true", help="schrijf niets; meld of de formulieren kloppen"
    )
    args = parser.parse_args(argv)
    model = project_model()
    if model is None:
        return 2
    folder = ROOT / FOLDER
    forms = render(model)
    stale = [name for name, text in forms.items() if _text(folder / name) != text]
    # a form made earlier that is no longer offered (nothing left to choose in a dropdown)
    gone = sorted(p.name for p in folder.glob("*.yml") if p.name not in forms and (_text(p) or "").startswith(HEADER))
    if args.controleer:
        for name in stale:
            print(f"{FOLDER}/{name} past niet bij de gegevens. Maak het opnieuw met: .venv/bin/python scripts/formulieren.py")
        for name in gone:
            print(f"{FOLDER}/{name} hoort niet meer bij de gegevens. Verwijder het met: .venv/bin/python scripts/formulieren.py")
        if not stale and not gone:
            print(f"De formulieren in {FOLDER}/ passen bij de gegevens.")
        return 1 if stale or gone else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in forms.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name in gone:
        (folder / name).unlink()
    print(f"De formulieren in {FOLDER}/ zijn bijgewerkt ({len(stale)} veranderd, {len(gone)} verwijderd).")
    return 0


def _text(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
