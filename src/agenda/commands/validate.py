"""Check every data file: python scripts/validate.py [DATA_DIR]

Exit 0 when the data is valid (warnings allowed), 1 when not, 2 on a usage error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


from .dutch_parser import DutchParser
from ..annotations import github_annotation
from ..checks.changes_since import CannotCompare, check_changes_since
from ..loader import load
from ..problems import Problem


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(prog=".venv/bin/python scripts/validate.py", description="Controleer de gegevens van de samenwerkingsagenda.")
    parser.add_argument("data_dir", nargs="?", default="data", help="de datamap (standaard: data)")
    parser.add_argument(
        "--base",
        metavar="REF",
        help="vergelijk ook met deze git-versie, zoals origin/main: een statuswijziging heeft een "
        "nieuwe stap met besluit, de statushistorie wordt alleen aangevuld, codes blijven gelijk "
        "en een bestand verdwijnt alleen na de status gestopt",
    )
    parser.add_argument(
        "--format",
        choices=("tekst", "github"),
        default="tekst",
        help="tekst (standaard), of github: meldingen als annotaties in GitHub Actions",
    )
    args = parser.parse_args(argv)
    if not Path(args.data_dir).is_dir():
        print(f"fout in de opdracht: de map '{args.data_dir}' bestaat niet.", file=sys.stderr)
        return 2
    # a file name that is not valid UTF-8 must not crash the printing
    sys.stdout.reconfigure(errors="backslashreplace")
    result = load(args.data_dir)
    problems = list(result.problems)
    if args.base is not None:  # also an empty --base: that is a mistake, not 'no comparison'
        try:
            problems.extend(check_changes_since(args.data_dir, args.base))
        except CannotCompare as exc:
            print(f"fout in de opdracht: {exc}", file=sys.stderr)
            return 2
        problems.sort(key=lambda p: (p.path, p.line, p.field))
    show = github_annotation if args.format == "github" else Problem.format
    for problem in problems:
        print(show(problem))
    errors = sum(p.severity == "fout" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{errors} fout(en), {warnings} waarschuwing(en). Los de fouten op en controleer opnieuw.")
        return 1
    print(f"Alle gegevens zijn in orde ({warnings} waarschuwing(en)).")
    return 0


def run() -> int:
    """:func:`main`, without ever a Python traceback: an unexpected error is a fault of
    this program, not of the data, and is said so in Dutch (exit 1: nothing was approved)."""
    try:
        return main()
    except BrokenPipeError:  # the output went to a reader that stopped early, such as `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no complaint at exit
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence, see the docstring
        print(
            f"interne fout in de controle ({type(exc).__name__}: {exc}). Dit is een fout in het "
            "programma, niet in uw gegevens: meld het aan de beheerders, met deze regel.",
            file=sys.stderr,
        )
        return 1

