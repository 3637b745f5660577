"""Apply a submitted issue form to the data: python scripts/formulier.py BODY_FILE [--data DIR]

BODY_FILE holds the body of the issue as GitHub wrote it. Exit 0: the change is applied and valid,
and its summary (Markdown) is printed. Exit 1: refused; every problem is printed and nothing is
written. Exit 2: a usage error.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..forms.body import MAX_CHARACTERS, TOO_LONG
from ..change_summary import github_text, summarise
from ..forms.submit import submit
from .dutch_parser import DutchParser
from .project import ROOT

# bytes read from the body file at most: a body over GitHub's limit is refused, never read whole
_MAX_BYTES = 4 * MAX_CHARACTERS + 1
REFUSED = "Het formulier is niet verwerkt. Verbeter dit en verstuur het formulier opnieuw:\n\n"


def refusal(problems: Sequence[str], details: Sequence[str] = ()) -> str:
    """What to correct, as a Markdown list for the issue (``details`` under the last point); every
    text is shown letter for letter, as the summary shows text from the data."""
    lines = [f"- {github_text(problem)}" for problem in problems] + [f"  - {github_text(d)}" for d in details]
    return REFUSED + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog=".venv/bin/python scripts/formulier.py",
        description="Verwerk een ingevuld formulier (de tekst van een issue) in de gegevens.",
    )
    parser.add_argument("body", metavar="BODY_FILE", help="het bestand met de tekst van het issue")
    parser.add_argument("--data", default=str(ROOT / "data"), help="de map met de gegevens (standaard: data/)")
    args = parser.parse_args(argv)
    data_dir = Path(args.data)
    if not data_dir.is_dir():
        parser.error(f"de map '{args.data}' bestaat niet.")
    try:
        with open(args.body, "rb") as handle:
            raw = handle.read(_MAX_BYTES)
    except OSError as exc:
        parser.error(f"het bestand '{args.body}' kan niet gelezen worden ({exc.strerror}).")
    if len(raw) == _MAX_BYTES:  # more than MAX_CHARACTERS characters, even of 4 bytes each
        print(refusal([TOO_LONG]), end="")
        return 1
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        print(refusal(["de tekst van het formulier is geen UTF-8."]), end="")
        return 1
    outcome = submit(body, data_dir)
    if not outcome.applied:
        print(refusal(outcome.problems, outcome.details), end="")
        return 1
    print(summarise(outcome.before, outcome.after, outcome.warnings), end="")
    return 0
