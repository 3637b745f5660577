"""Characters that readers do not see (``agenda.characters``) in the texts of the data."""

from __future__ import annotations

from collections.abc import Iterator

from ..characters import invisible_codes
from ..problems import Problem
from ..yamlfile import leaves
from .documents import Documents, problem_at


def check_invisible_characters(docs: Documents) -> Iterator[Problem]:
    """A warning for each text with a bidirectional control or a zero-width character in it.

    In a code they are errors already: the schema allows only letters, digits and dashes there.
    """
    for doc in docs.all():
        for path, value in leaves(doc.data) if doc.invisible else ():
            if isinstance(value, str) and (codes := invisible_codes(value)):
                yield problem_at(
                    doc,
                    path,
                    f"deze tekst bevat een onzichtbaar teken ({codes}) dat de leesrichting "
                    "omdraait of geen breedte heeft. Lezers zien het niet, maar de tekst kan er anders "
                    "door lijken dan hij is. Verwijder het; typ de tekst desnoods opnieuw.",
                    "waarschuwing",
                )
