"""Print the printable editions of the built site to PDF: python scripts/pdf.py SITE_DIR [--uit MAP]

Needs Chromium (Debian: apt-get install chromium; or set CHROMIUM to the program). Writes one
PDF per edition (the agenda of each period, the evaluation of each year) into MAP, by default
build/pdf. Exit 0 when every PDF was made, 1 when not, 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path


from .dutch_parser import DutchParser
from ..postbuild.pdf import PdfError, print_editions


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(prog=".venv/bin/python scripts/pdf.py", description="Druk de afdrukbare uitgaven van de gebouwde site af als pdf.")
    parser.add_argument("site_dir", help="de map met de gebouwde site, zoals site")
    parser.add_argument("--uit", default="build/pdf", help="de map voor de pdf-bestanden (standaard build/pdf)")
    args = parser.parse_args(argv)
    site_dir = Path(args.site_dir)
    if not site_dir.is_dir():
        print(f"fout in de opdracht: de map '{args.site_dir}' bestaat niet.", file=sys.stderr)
        return 2
    try:
        made = print_editions(site_dir, Path(args.uit))
    except PdfError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    for path in made:
        print(f"Gemaakt: {path} ({path.stat().st_size // 1000} kB)")
    return 0

