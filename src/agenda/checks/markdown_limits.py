"""Limits on the texts in Markdown (the schema's ``markdown`` fields), so that the site reads each
in bounded time.

Python-Markdown reads most texts in linear time, but not every structure: for each '[' it looks
for the matching ']' up to the end of the paragraph (16,000 '[' take minutes), it goes once
deeper into itself for each level of quotes and lists (a few hundred levels crash it), and it
keeps a text's blocks in a list from which it takes the first (quadratic in the number of
paragraphs). Within these limits a text of the largest size takes well under a second, so a
data file is read in time proportional to its size. Real texts stay far below them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from ..problems import Problem
from ..schema_fields import schema_fields
from ..yamlfile import FieldPath, YamlDocument, leaves
from .documents import Documents, problem_at

MAX_LENGTH = 20_000  # characters in one text
MAX_BRACKETS = 50  # '[' in one text (a link has one)
MAX_DEPTH = 20  # levels of quotes, lists and indentation on one line

# one level at the start of a line: a quote or a list item's marker (with the space after it),
# and the spaces before it
_LEVEL = re.compile(r"([ \t]*)(?:>[ \t]?|[-*+][ \t]|\d{1,9}[.)][ \t])")
_TAB = 4  # Python-Markdown's tab_length: four spaces are one level of indentation


@cache
def markdown_paths(kind: str) -> frozenset[str]:
    return frozenset(f.path for f in schema_fields(kind) if f.written.get("$ref", "").endswith("/markdown"))


def schema_path(path: FieldPath) -> str:
    """('themas', 0, 'omschrijving') -> 'themas[].omschrijving', as in agenda.schema_fields."""
    return "".join("[]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


def depth(line: str) -> int:
    """How many levels a line of Markdown opens at its start: one per quote or list marker, and
    one per four spaces (a tab is four) of indentation before, among and after them."""
    levels, position, indentation = 0, 0, 0
    while match := _LEVEL.match(line, position):
        levels += 1
        indentation += _width(match.group(1))
        position = match.end()
    rest = line[position:]
    indentation += _width(rest[: len(rest) - len(rest.lstrip(" \t"))])
    return levels + indentation // _TAB


def _width(spaces: str) -> int:
    return spaces.count(" ") + _TAB * spaces.count("\t")


def _check_text(doc: YamlDocument, path: FieldPath, text: str) -> Iterator[Problem]:
    if len(text) > MAX_LENGTH:
        yield problem_at(
            doc,
            path,
            f"de tekst is {len(text)} tekens lang; een tekst met opmaak mag hoogstens {MAX_LENGTH} tekens "
            "hebben. Maak hem korter of verdeel hem over meer velden.",
        )
    if (brackets := text.count("[")) > MAX_BRACKETS:
        yield problem_at(
            doc,
            path,
            f"de tekst heeft {brackets} keer '['; hoogstens {MAX_BRACKETS} (elke link heeft er één). "
            "Schrijf minder links of haken, of verdeel de tekst over meer velden.",
        )
    for number, line in enumerate(text.splitlines(), 1):
        if (levels := depth(line)) > MAX_DEPTH:
            yield problem_at(
                doc,
                path,
                f"regel {number} van de tekst springt {levels} niveaus in (citaten '>', opsommingen, "
                f"inspringing); hoogstens {MAX_DEPTH}. Spring minder diep in.",
            )
            break


def texts(docs: Documents, paths: Callable[[str], frozenset[str]]) -> Iterator[tuple[str, YamlDocument, FieldPath, str]]:
    """(kind, document, path, text) of every text in ``docs`` at one of the schema paths that
    ``paths(kind)`` gives ('themas[].omschrijving')."""
    kinds = [(kind, [doc]) for kind, doc in docs.single.items()]
    kinds += [(kind, list(records.values())) for kind, records in docs.records.items()]
    for kind, kind_docs in kinds:
        wanted = paths(kind)
        for doc in kind_docs:
            for path, value in leaves(doc.data):
                if isinstance(value, str) and schema_path(path) in wanted:
                    yield kind, doc, path, value


def check_markdown(docs: Documents) -> Iterator[Problem]:
    """A problem for every Markdown text beyond the limits."""
    for _, doc, path, text in texts(docs, markdown_paths):
        yield from _check_text(doc, path, text)
