"""Write .github/CODEOWNERS from the data: python scripts/codeowners.py [--controleer]

With --controleer nothing is written: exit 1 when the file does not match the data.
Exit 2 when the data has errors (check them with scripts/validate.py).
"""

from __future__ import annotations

from .dutch_parser import DutchParser
from .project import ROOT, project_model
from ..codeowners import PATH, render


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog=".venv/bin/python scripts/codeowners.py", description="Maak .github/CODEOWNERS uit de gegevens."
    )
    parser.add_argument(
        "--controleer", action="store_true", help="schrijf niets; meld of het bestand klopt"
    )
    args = parser.parse_args(argv)
    model = project_model()
    if model is None:
        return 2
    text = render(model)
    target = ROOT / PATH
    if args.controleer:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(f"{PATH} past niet bij de gegevens. Maak het opnieuw met: .venv/bin/python scripts/codeowners.py")
            return 1
        print(f"{PATH} past bij de gegevens.")
        return 0
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"{PATH} is bijgewerkt.")
    return 0

