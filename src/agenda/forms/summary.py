"""A short Dutch summary of a change, from the model before and after it.

A placeholder with the interface of ``agenda.change_summary.summarise`` (issue 13, point 4), which
replaces it: it names only what the forms change (a status, a new opgave, a meting, a source, a
mijlpaal reached) and the warnings of the validator.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import moment_text, number_text
from ..model import Model
from ..problems import Problem


def summarise(before: Model | None, after: Model, warnings: Sequence[Problem] = ()) -> str:
    """The change in Markdown, one line per point."""
    lines: list[str] = []
    old_records = {} if before is None else {(r.id, k): r for k in ("opgave", "pilot") for r in _records(before, k)}
    gremia = {g.id: g.naam for g in after.organisatie.gremia}
    for kind in ("opgave", "pilot"):
        for record in _records(after, kind):
            was = old_records.get((record.id, kind))
            name = f"{kind.capitalize()} *{record.titel}*"
            if was is None:
                lines.append(f"- Nieuwe {kind} *{record.titel}* (status: {record.status}).")
                continue
            if was.status != record.status:
                step = record.statushistorie[-1]
                decision = ""
                if step.besluit is not None:
                    gremium = gremia.get(step.besluit.gremium, step.besluit.gremium)
                    decision = f", besluit van {gremium} op {moment_text(step.besluit.datum)}"
                    if step.besluit.verslag:
                        decision += f" (verslag: {step.besluit.verslag})"
                lines.append(f"- {name}: status van *{was.status}* naar *{record.status}*{decision}.")
            for old, new in zip(getattr(was, "mijlpalen", ()), getattr(record, "mijlpalen", ()), strict=False):
                if old.gereed != "ja" and new.gereed == "ja":
                    lines.append(f"- {name}: mijlpaal *{new.omschrijving}* is bereikt.")
            for old, new in zip(getattr(was, "indicatoren", ()), getattr(record, "indicatoren", ()), strict=False):
                for meting in new.metingen[len(old.metingen) :]:
                    value = "minder dan 10" if meting.afgeschermd else number_text(meting.waarde)
                    lines.append(f"- {name}: nieuwe meting van *{new.naam}* over {meting.periode}: {value}.")
    known = set() if before is None else {b.id for b in before.regio.bronnen}
    lines += [f"- Nieuwe bron *{b.titel}* ({b.datering})." for b in after.regio.bronnen if b.id not in known]
    lines += [f"- Waarschuwing: {problem.format()}" for problem in warnings]
    return "\n".join(lines) + "\n" if lines else "Geen wijziging in de agenda.\n"


def _records(model: Model, kind: str) -> tuple:
    return model.opgaven if kind == "opgave" else model.pilots
