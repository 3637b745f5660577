"""What a change means for the agenda: python scripts/wijzigingen.py --base REF [DATA_DIR]

Prints, in Markdown for a pull request, the summary of agenda.change_summary: the model of the
data folder at git revision REF compared with the model of the data now. The files at REF are
read through agenda.git, written into a temporary folder and read with the same loader.

Exit 0 with the summary (and the validator's warnings, also those of validate.py --base);
1 when the data now has errors, or breaks a rule of --base: then the text says so and lists
the errors instead of the summary; 2 on a usage error (no such folder, no git repository, an
unknown REF).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .dutch_parser import DutchParser
from .. import git
from ..change_summary import summarise, summarise_errors
from ..checks.changes_since import CannotCompare, check_changes_since
from ..layout import FOLDERS, SINGLE_FILES
from ..loader import load
from ..model import Model


class _UsageError(Exception):
    """A mistake in the command, in Dutch."""


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog=".venv/bin/python scripts/wijzigingen.py",
        description="Vertel in Markdown wat een wijziging betekent voor de agenda.",
    )
    parser.add_argument("data_dir", nargs="?", default="data", help="de datamap (standaard: data)")
    parser.add_argument(
        "--base", metavar="REF", required=True, help="de git-versie van vóór de wijziging, zoals origin/main"
    )
    args = parser.parse_args(argv)
    # a file name that is not valid UTF-8 must not crash the printing
    sys.stdout.reconfigure(errors="backslashreplace")
    try:
        root = _checked_folder(args.data_dir, args.base)
        now = load(root)
        problems = sorted([*now.problems, *check_changes_since(root, args.base)], key=lambda p: (p.path, p.line, p.field))
        before = _model_at(root, args.base)
    except (_UsageError, CannotCompare) as exc:
        print(f"fout in de opdracht: {exc}", file=sys.stderr)
        return 2
    errors = [p for p in problems if p.severity == "fout"]
    if errors or now.model is None:
        print(summarise_errors(errors), end="")
        return 1
    print(summarise(before, now.model, [p for p in problems if p.severity == "waarschuwing"]), end="")
    return 0


def _checked_folder(data_dir: str, base: str) -> Path:
    root = Path(data_dir)
    if not root.is_dir():
        raise _UsageError(f"de map '{data_dir}' bestaat niet.")
    try:
        in_git = git.in_work_tree(root)
    except git.GitMissing:
        raise _UsageError("git is niet gevonden. Installeer git.") from None
    if not in_git:
        raise _UsageError(f"de map '{data_dir}' staat niet in een git-repository.")
    if not base.strip() or not git.is_commit(root, base):
        raise _UsageError(
            f"de git-versie '{base}' bestaat niet. Geef een bestaande branch, tag of commit op, zoals "
            "origin/main (haal die eerst op met: git fetch)."
        )
    return root


def _model_at(root: Path, base: str) -> Model | None:
    """The model of the data folder at ``base``; None when it was not there or had errors."""
    with tempfile.TemporaryDirectory(prefix="agenda-") as folder:
        copy = Path(folder)
        try:
            for name in git.entries_at(root, base, "."):
                if name in SINGLE_FILES:
                    (copy / name).write_bytes(git.file_at(root, base, name))
            for subfolder in FOLDERS:
                (copy / subfolder).mkdir()
                for name in git.entries_at(root, base, subfolder):
                    path = Path(name)
                    if path.parent.as_posix() == subfolder and path.suffix == ".yaml":
                        (copy / name).write_bytes(git.file_at(root, base, name))
        except git.GitFailed as exc:
            raise _UsageError(
                f"de gegevens van git-versie '{base}' kunnen niet gelezen worden (git-melding: {exc})."
            ) from None
        return load(copy).model
