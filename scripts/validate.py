#!/usr/bin/env python3
"""Check every data file: python scripts/validate.py [DATA_DIR]

Exit 0 when the data is valid (warnings allowed), 1 when not, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from agenda.loader import load  # noqa: E402


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, in Dutch
        self.print_usage(sys.stderr)
        print(f"fout in de opdracht: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description="Controleer de gegevens van de samenwerkingsagenda.")
    parser.add_argument("data_dir", nargs="?", default="data", help="de datamap (standaard: data)")
    args = parser.parse_args(argv)
    if not Path(args.data_dir).is_dir():
        print(f"fout in de opdracht: de map '{args.data_dir}' bestaat niet.", file=sys.stderr)
        return 2
    result = load(args.data_dir)
    for problem in sorted(result.problems, key=lambda p: (p.path, p.line, p.field)):
        print(problem.format())
    errors, warnings = len(result.errors), len(result.warnings)
    if errors:
        print(f"{errors} fout(en), {warnings} waarschuwing(en). Los de fouten op en controleer opnieuw.")
        return 1
    print(f"Alle gegevens zijn in orde ({warnings} waarschuwing(en)).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
