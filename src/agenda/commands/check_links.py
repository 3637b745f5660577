"""Check the links of the built site: python scripts/check_links.py SITE_DIR [--extern]

Without --extern: every internal link and anchor (offline, after `mkdocs build`).
With --extern: every link to another host, over the network (for a scheduled CI job).
Exit 0 when every link works, 1 when not, 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path


from .dutch_parser import DutchParser
from ..postbuild.linkcheck import check_external, check_internal, collect_external


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(prog=".venv/bin/python scripts/check_links.py", description="Controleer de links van de gebouwde site.")
    parser.add_argument("site_dir", help="de map met de gebouwde site, zoals site")
    parser.add_argument(
        "--extern",
        action="store_true",
        help="controleer de links naar andere sites (via het netwerk) in plaats van de interne links",
    )
    parser.add_argument(
        "--negeer",
        metavar="HOST",
        action="append",
        default=[],
        help="sla links naar deze host over bij --extern (mag vaker)",
    )
    parser.add_argument(
        "--timeout", type=float, default=15.0, help="seconden wachten per link bij --extern (standaard 15)"
    )
    args = parser.parse_args(argv)
    root = Path(args.site_dir)
    if not root.is_dir():
        print(f"fout in de opdracht: de map '{args.site_dir}' bestaat niet.", file=sys.stderr)
        return 2
    if args.extern:
        links = collect_external(root, args.negeer)
        problems = check_external(links, timeout=args.timeout)
        what = f"{len(links)} externe link(s)"
    else:
        problems = check_internal(root)
        what = "alle interne links en ankers"
    for problem in problems:
        print(problem.format())
    if problems:
        print(f"{len(problems)} link(s) werken niet. Pas de pagina of de gegevens aan.")
        return 1
    print(f"In orde: {what} werken.")
    return 0

