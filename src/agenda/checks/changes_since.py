"""The changes since an earlier version of the data: ``scripts/validate.py --base REF``.

Compares the opgaven and pilots in the data folder with the same files at git
revision REF (in CI: the merge base of the pull request). The old files are
read through ``agenda.git`` and with the same YAML reader as the current ones. The rules:

- A status change is a decision: it comes with a new step at the bottom of the
  status history, and every new step that changes the status names its
  ``besluit``: a known gremium and at least the year (old steps, transcribed
  from the sources, may leave them 'onbekend').
- The status history only grows at the bottom: an existing step is never
  changed, removed or pushed aside by a step put in between.
- A code (``id``) never changes, in the file nor by renaming the file: links
  and references use it.
- A file is only removed when its status at REF was ``gestopt``, so the
  decision to stop is on record. Otherwise the status must be set to gestopt
  with a besluit, instead of removing the file.

Files that do not pass their schema now are left to the plain checks; one that
does not pass today's schema at REF (after a change of the schema) cannot be
compared, and says so in a warning.
"""

from __future__ import annotations

import contextlib
import difflib
import json
from collections.abc import Iterator
from pathlib import Path

from .. import datafiles, git
from ..dates import moment_year
from ..datafiles import display_path
from ..layout import FOLDERS, STATUS_KINDS
from ..model import ONBEKEND
from ..problems import Problem
from ..yamlfile import FieldPath, YamlDocument, read_yaml
from .documents import problem_at
from .schema import schema_problems

STOPPED = "gestopt"  # the status after which a record's file may be removed


class CannotCompare(Exception):
    """The comparison cannot be made (no git, no repository, no or an unknown or unreadable
    revision); in Dutch."""


def check_changes_since(data_dir: str | Path, base: str) -> list[Problem]:
    """Every forbidden change in the opgaven and pilots of ``data_dir`` since revision ``base``."""
    try:
        return _changes_since(data_dir, base)
    except git.GitMissing as exc:
        raise CannotCompare("git is niet gevonden. Installeer git, of laat --base weg.") from exc


def _changes_since(data_dir: str | Path, base: str) -> list[Problem]:
    root = Path(data_dir)
    if not git.in_work_tree(root):
        raise CannotCompare(
            f"de map '{data_dir}' staat niet in een git-repository. Laat --base weg, of controleer "
            "in een kopie van de repository."
        )
    if not base.strip():
        raise CannotCompare(
            "na --base staat geen git-versie. Geef een bestaande branch, tag of commit op, zoals "
            "origin/main, of laat --base weg."
        )
    if not git.is_commit(root, base):
        raise CannotCompare(
            f"de git-versie '{base}' bestaat niet. Geef een bestaande branch, tag of commit op, "
            "zoals origin/main (haal die eerst op met: git fetch)."
        )
    problems: list[Problem] = []
    now = datafiles.scan(root).records
    for folder, kind in FOLDERS.items():
        if kind in STATUS_KINDS:
            before = _records_at(root, base, folder, kind)
            after = _records_now(kind, now[kind])
            problems.extend(_compare(kind, before, after, root / folder, base))
    return problems


def check_changes_between(before: Path, after: Path) -> list[Problem]:
    """The same rules between two data folders without git: a folder and a changed copy of it
    (what an issue form changes, before anything is written)."""
    problems: list[Problem] = []
    then, now = datafiles.scan(before).records, datafiles.scan(after).records
    for folder, kind in FOLDERS.items():
        if kind in STATUS_KINDS:
            old, new = _records_now(kind, then[kind]), _records_now(kind, now[kind])
            problems.extend(_compare(kind, old, new, after / folder, "vóór het formulier"))
    return problems


def _valid(kind: str, shown: str, raw: bytes) -> YamlDocument | None:
    """The document, or None when it does not pass its schema (left to the plain checks)."""
    doc, problems = read_yaml(shown, raw)
    if doc is None or problems or schema_problems(kind, doc):
        return None
    return doc


def _records_at(root: Path, base: str, folder: str, kind: str) -> dict[str, YamlDocument | None]:
    """Every file in the folder at ``base``; None for one that does not pass today's schema.
    A file that git cannot show stops the comparison instead of being skipped."""
    records: dict[str, YamlDocument | None] = {}
    try:
        for name in git.entries_at(root, base, folder):
            path = Path(name)
            if path.parent.as_posix() != folder or path.suffix != ".yaml":
                continue
            raw = git.file_at(root, base, name)
            records[path.stem] = _valid(kind, display_path(root / name), raw)
    except git.GitFailed as exc:
        raise CannotCompare(
            f"de gegevens van git-versie '{base}' kunnen niet gelezen worden (git-melding: {exc}). "
            "Haal de geschiedenis opnieuw op (git fetch) en controleer opnieuw."
        ) from None
    return records


def _records_now(kind: str, files: dict[str, Path | None]) -> dict[str, YamlDocument | None]:
    """Every record in the folder now; None for one that cannot be compared (it is not removed):
    no regular file (such as a dangling link), unreadable or invalid. The plain checks report it."""
    records: dict[str, YamlDocument | None] = dict.fromkeys(files)
    for stem, path in files.items():
        if path is not None:
            shown = display_path(path)
            with contextlib.suppress(datafiles.NotData):
                records[stem] = _valid(kind, shown, datafiles.read(path, shown))
    return records


def _compare(
    kind: str,
    before: dict[str, YamlDocument | None],
    after: dict[str, YamlDocument | None],
    folder: Path,
    base: str,
) -> Iterator[Problem]:
    added = {stem: doc for stem, doc in after.items() if stem not in before and doc is not None}
    for stem, old in before.items():
        if old is None:
            yield _not_compared(kind, folder / f"{stem}.yaml", base)
        elif stem not in after:
            successor = _successor(old, added)
            if successor is not None:
                yield _renamed(old, successor, stem)
            elif old.data["status"] != STOPPED:
                yield Problem(
                    path=display_path(folder / f"{stem}.yaml"),
                    line=1,
                    field="",
                    message=f"dit bestand is verwijderd, maar de status was '{old.data['status']}'. "
                    f"Verwijder een {kind} niet: zet de status op gestopt met een besluit in "
                    "plaats van het bestand te verwijderen.",
                )
        elif after[stem] is not None:
            yield from _compare_record(old, after[stem])


def _not_compared(kind: str, path: Path, base: str) -> Problem:
    return Problem(
        path=display_path(path),
        line=1,
        field="",
        severity="waarschuwing",
        message=f"een {kind} in git-versie '{base}' voldoet niet aan het schema van nu (is het "
        "schema veranderd?), dus is niet nagegaan of de statushistorie alleen is aangevuld, elke "
        "nieuwe status een besluit heeft en de code gelijk is gebleven. Kijk dat zelf na.",
    )


def _successor(old: YamlDocument, added: dict[str, YamlDocument]) -> YamlDocument | None:
    """The new file that continues ``old`` under another code: same history or same title."""
    history = old.data["statushistorie"]
    for doc in added.values():
        if doc.data["statushistorie"][: len(history)] == history or doc.data["titel"] == old.data["titel"]:
            return doc
    return None


def _renamed(old: YamlDocument, new: YamlDocument, stem: str) -> Problem:
    return problem_at(
        new,
        ("id",),
        f"de code '{old.data['id']}' is veranderd in '{new.data['id']}' (het bestand {stem}.yaml "
        "is hernoemd). Een code blijft altijd hetzelfde, want links en verwijzingen gebruiken die. "
        f"Zet de bestandsnaam en 'id' terug op '{old.data['id']}'; verander zo nodig alleen de titel.",
    )


def _compare_record(old: YamlDocument, new: YamlDocument) -> Iterator[Problem]:
    if new.data["id"] != old.data["id"]:
        yield problem_at(
            new,
            ("id",),
            f"de code is veranderd van '{old.data['id']}' in '{new.data['id']}'. Een code blijft "
            "altijd hetzelfde, want links en verwijzingen gebruiken die. "
            f"Zet 'id' terug op '{old.data['id']}'.",
        )
    appended_from = yield from _compare_history(old, new)
    history = new.data["statushistorie"]
    if new.data["status"] != old.data["status"] and appended_from == len(history):
        yield problem_at(
            new,
            ("status",),
            f"de status is veranderd van '{old.data['status']}' in '{new.data['status']}', maar er is "
            "geen nieuwe stap in de statushistorie. Voeg onderaan de statushistorie een stap toe met "
            "de datum, de nieuwe status en het besluit (datum en gremium).",
        )
    for index in range(max(appended_from, 1), len(history)):
        step, previous = history[index], history[index - 1]["status"]
        if step["status"] != previous:
            yield from _check_decision(new, index, f"van '{previous}' in '{step['status']}'")


def _check_decision(new: YamlDocument, index: int, change: str) -> Iterator[Problem]:
    """A new step that changes the status names a known gremium and at least the year of its
    besluit (old steps, transcribed from the sources, may say 'onbekend')."""
    where: FieldPath = ("statushistorie", index)
    besluit = new.data["statushistorie"][index].get("besluit")
    if besluit is None:
        yield problem_at(
            new,
            where,
            f"deze nieuwe stap verandert de status {change}, maar er staat geen besluit bij. Voeg "
            "'besluit:' toe met de datum en het gremium dat besloot (en zo mogelijk het verslag).",
        )
        return
    if besluit["gremium"] == ONBEKEND:
        yield problem_at(
            new,
            where + ("besluit", "gremium"),
            f"deze nieuwe stap verandert de status {change}, maar het gremium van het besluit is "
            "onbekend. Vul de code in van het gremium dat besloot, uit organisatie.yaml.",
        )
    if moment_year(besluit["datum"]) is None:
        yield problem_at(
            new,
            where + ("besluit", "datum"),
            f"deze nieuwe stap verandert de status {change}, maar de datum van het besluit is "
            "onbekend. Vul de datum van het besluit in (jjjj-mm-dd), of ten minste het jaar.",
        )


def _compare_history(old: YamlDocument, new: YamlDocument) -> Iterator[Problem]:
    """Report every old step that was changed, removed or pushed aside.

    Returns (as the generator's value) the index in the new history from which
    the steps are new ones added at the bottom.
    """
    before, after = old.data["statushistorie"], new.data["statushistorie"]
    matcher = difflib.SequenceMatcher(
        a=[_canonical(step) for step in before], b=[_canonical(step) for step in after], autojunk=False
    )
    appended_from = 0
    inserted: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(paired):
            yield _changed_step(new, j1 + offset, before[i1 + offset], after[j1 + offset])
        if tag in ("replace", "delete") and i2 - i1 > paired:
            yield _removed_steps(new, j1 + paired, before[i1 + paired : i2])
        if tag in ("replace", "insert"):
            inserted.extend(range(j1 + paired, j2))
        if tag == "equal":
            appended_from = j2
        elif i2 > i1:
            appended_from = j1 + paired
    for index in inserted:
        if index < appended_from:
            yield problem_at(
                new,
                ("statushistorie", index),
                "deze stap staat tussen bestaande stappen in. De statushistorie wordt alleen "
                "aangevuld: zet een nieuwe stap onderaan.",
            )
    return appended_from


def _canonical(step: dict) -> str:
    return json.dumps(step, sort_keys=True, ensure_ascii=False)


def _changed_step(new: YamlDocument, index: int, was: dict, now: dict) -> Problem:
    where = ("statushistorie", index) + _first_difference(was, now)
    return problem_at(
        new,
        where,
        f"deze stap uit de statushistorie is veranderd (het was: datum {was['datum']}, status "
        f"'{was['status']}'). Oude stappen blijven zoals ze waren: zet de stap terug en voeg "
        "onderaan een nieuwe stap toe.",
    )


def _first_difference(was: object, now: object) -> FieldPath:
    """The path, inside a step, of the first value that differs (the step itself if unclear)."""
    if isinstance(was, dict) and isinstance(now, dict):
        for key in list(now) + [k for k in was if k not in now]:
            if was.get(key) != now.get(key):
                return (key,) + (_first_difference(was[key], now[key]) if key in was and key in now else ())
    if isinstance(was, list) and isinstance(now, list) and len(was) == len(now):
        for index, (a, b) in enumerate(zip(was, now, strict=True)):
            if a != b:
                return (index,) + _first_difference(a, b)
    return ()


def _removed_steps(new: YamlDocument, index: int, removed: list[dict]) -> Problem:
    history = new.data["statushistorie"]
    where: FieldPath = ("statushistorie", index) if index < len(history) else ("statushistorie",)
    steps = "; ".join(f"datum {step['datum']}, status '{step['status']}'" for step in removed)
    return problem_at(
        new,
        where,
        f"uit de statushistorie {'is een stap' if len(removed) == 1 else 'zijn stappen'} "
        f"verwijderd ({steps}). De statushistorie wordt alleen aangevuld: zet de stap terug.",
    )
