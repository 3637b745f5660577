"""Markdown in a text without formatting (the schema's ``tekst`` fields): the site shows such a
text letter for letter, so ``**vet**`` would appear with its asterisks. A warning names the field
and the fields nearby that do take Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..problems import Problem
from ..schema_fields import schema_fields
from .documents import Documents, problem_at
from .markdown_limits import markdown_paths, schema_path, texts

# each pattern stops at the first character that could start it again: linear in the text
_MARKDOWN = (
    ("**vet**", re.compile(r"\*\*[^*\n]+\*\*")),
    ("__vet__", re.compile(r"__[^_\n]+__")),
    ("[link](adres)", re.compile(r"\[[^\[\]\n]+\]\([^()\n]+\)")),
    ("`code`", re.compile(r"`[^`\n]+`")),
    ("# kop", re.compile(r"^#{1,6} ", re.MULTILINE)),
    ("- opsomming", re.compile(r"\n[ \t]*[-*+] ")),
)


@cache
def _plain_paths(kind: str) -> frozenset[str]:
    """The fields of ``kind`` that hold text without formatting; a list of texts by its items."""
    paths = set()
    for field in schema_fields(kind):
        ref = field.written.get("$ref", "")
        if ref.endswith("/tekst"):
            paths.add(field.path)
        elif ref.endswith("/teksten"):
            paths.add(field.path + "[]")
    return frozenset(paths)


def _nearby(kind: str, path: str) -> list[str]:
    """The Markdown fields closest to ``path``: in the same part of the file, else one part up."""
    parent = path
    while parent:
        parent = parent.rsplit(".", 1)[0] if "." in parent else ""
        prefix = f"{parent}." if parent else ""
        found = sorted(p for p in markdown_paths(kind) if p.startswith(prefix) and "." not in p[len(prefix):])
        if found:
            return found
    return []


def check_plain_text(docs: Documents) -> Iterator[Problem]:
    """A warning for each text without formatting that is written with Markdown syntax."""
    for kind, doc, path, text in texts(docs, _plain_paths):
        if syntax := [example for example, pattern in _MARKDOWN if pattern.search(text)]:
            message = _message(syntax, _nearby(kind, schema_path(path).removesuffix("[]")))
            yield problem_at(doc, path, message, "waarschuwing")


def _message(syntax: list[str], nearby: list[str]) -> str:
    names = list(dict.fromkeys(path.rsplit(".", 1)[-1] for path in nearby))
    if names:
        listed = " of ".join(", ".join(f"'{name}'" for name in names).rsplit(", ", 1))
        instead = f" Opmaak kan wel in {'het veld' if len(names) == 1 else 'de velden'} {listed}."
    else:
        instead = " Dit deel van het bestand heeft geen veld met opmaak."
    return (
        f"dit veld toont tekst zonder opmaak, maar de tekst is geschreven met opmaak ({', '.join(syntax)}). "
        f"De site toont de tekens letterlijk. Haal de opmaak weg.{instead}"
    )
