"""The field reference of the "Bijdragen" pages, generated from the schemas.

Per kind of file every property, nested ones too, with its Dutch title and
description, the kind of value, the allowed values, whether it is required and
an example. The examples come from an ``examples`` keyword in the schema or are
derived from the type, the allowed values or the pattern; they never state a
fact about a region.
"""

from __future__ import annotations

import html
import re
# the standard library's own regular expression parser, to derive an example from a pattern
import re._constants as regex_constants
import re._parser as regex_parser
from collections.abc import Iterator

from ..layout import FOLDERS, SINGLE_FILES
from ..schema_fields import SchemaField, alternatives, follow, resolve, schema_fields
from ..schemas import schema
from ..yamltext import inline

# the kinds of file in the order a contributor meets them
KINDS = (*FOLDERS.values(), *SINGLE_FILES.values())
_STEM = {"evaluatie": "<jaar>"}  # the other records are named by their code

_TYPE_LABELS = {
    "string": "tekst",
    "integer": "geheel getal",
    "number": "getal",
    "boolean": "true of false",
    "object": "blok met velden",
}


def field_reference() -> str:
    """The whole reference as Markdown: one section with a table per kind of file."""
    return "\n".join(_section(kind) for kind in KINDS)


def _where(kind: str) -> str:
    for folder, folder_kind in FOLDERS.items():
        if folder_kind == kind:
            return f"data/{folder}/{_STEM.get(kind, '<code>')}.yaml"
    return "data/" + next(name for name, single in SINGLE_FILES.items() if single == kind)


def _section(kind: str) -> str:
    top = schema(kind)
    where = _where(kind)
    lines = [
        f"## {_text(top['title'])}",
        "",
        f"Bestand: `{where}`. {_text(top.get('description', ''))}",
        "",
        # the table is wide: it scrolls inside a box that the keyboard can reach (md_in_html)
        f'<div class="agenda-scroll" role="region" tabindex="0" '
        f'aria-label="Velden: {html.escape(top["title"])}" markdown>',
        "",
        "| Veld | Betekenis | Verplicht | Waarde | Voorbeeld |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines.extend(_row(found) for found in schema_fields(kind))
    lines.extend(["", "</div>", ""])
    return "\n".join(lines)


def _row(found: SchemaField) -> str:
    meaning = f"**{_text(found.title)}**"
    if found.description:
        meaning += f"<br>{_text(found.description)}"
    value = _text(_value_label(found.written, found.written_in))
    allowed = _allowed_values(found.schema, found.base)
    if allowed:
        value += f"<br>Toegestaan: {_text(allowed)}"
    shown = _example(found.schema, found.base)
    name = found.path.rsplit(".", 1)[-1].removesuffix("[]")
    cells = [
        f"`{found.path}`",
        meaning,
        "ja" if found.required else "nee",
        value,
        f"`{name}: {inline(shown)}`" if shown is not None else "zie de velden hieronder",
    ]
    return "| " + " | ".join(cells) + " |"


def _text(text: str) -> str:
    """Schema text safe inside a Markdown table cell: no HTML, no Markdown markup."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", escaped)


def _value_label(node: dict, base: str) -> str:
    """The kind of value in plain Dutch, such as "code of 'onbekend'"."""
    named = _named_building_block(node, base)
    if named is not None:
        return named
    node, base = resolve(node, base)
    if "anyOf" in node or "oneOf" in node:
        labels = [_value_label(branch, base) for branch in node.get("anyOf") or node["oneOf"]]
        return " of ".join(dict.fromkeys(labels))
    if "const" in node:
        return f"'{node['const']}'"
    if "enum" in node:
        return "één van de toegestane waarden"
    if node.get("type") == "array":
        return f"lijst; elk punt: {_value_label(node['items'], base)}"
    return _TYPE_LABELS.get(node.get("type"), "waarde")


def _named_building_block(node: dict, base: str) -> str | None:
    """The name of the shared building block, such as 'code' or 'datum', that ``node`` uses.

    Only for plain values: a list or a block is described by its structure, a
    choice by its allowed values.
    """
    if "$ref" not in node:
        return None
    while "$ref" in node:
        node, base = follow(node["$ref"], base)
    plain = node.get("type") in ("string", "integer", "number") and "enum" not in node
    return node["title"].lower() if plain and "title" in node else None


# a date's pattern holds the years of $defs/jaar (a test in test_schemas.py ties them)
_YEAR = schema("defs")["$defs"]["jaar"]
_DATE_YEARS = f"een bestaande datum in de jaren {_YEAR['minimum']} tot en met {_YEAR['maximum']}"


def _allowed_values(node: dict, base: str) -> str:
    """The allowed values and limits of a field, or '' when any value of its kind will do."""
    parts: list[str] = []
    for branch, _ in alternatives(*resolve(node, base)):
        if "enum" in branch:
            parts.append(", ".join(str(v) for v in branch["enum"]))
        if branch.get("format") == "date":
            parts.append(_DATE_YEARS)
        if "minimum" in branch and "maximum" in branch:
            parts.append(f"{branch['minimum']} tot en met {branch['maximum']}")
        elif "minimum" in branch:
            parts.append(f"{branch['minimum']} of meer")
        if "maxLength" in branch:
            parts.append(f"hoogstens {branch['maxLength']} tekens")
        if branch.get("minItems"):
            parts.append(f"minstens {branch['minItems']} punt")
    return "; ".join(parts)


def _example(node: dict, base: str) -> object:
    """An example value, or None for a block or a list of blocks."""
    node, base = resolve(node, base)
    if node.get("examples"):
        return node["examples"][0]
    if "anyOf" in node or "oneOf" in node:
        return next(
            (found for branch, b in alternatives(node, base) if (found := _example(branch, b)) is not None),
            None,
        )
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "string":
        return _string_example(node)
    if kind == "integer":
        low, high = node.get("minimum"), node.get("maximum")
        return (low + high) // 2 if low is not None and high is not None else low if low is not None else 3
    if kind == "number":
        return max(1.5, node.get("minimum", 1.5))
    if kind == "boolean":
        return True
    if kind == "array":
        item = _example(node["items"], base)
        return None if item is None or isinstance(item, list) else [item]
    return None


def _string_example(node: dict) -> str:
    if node.get("format") == "date":
        return "2024-01-31"
    if "pattern" in node:
        return "".join(_matching(regex_parser.parse(node["pattern"]).data))
    return "Een korte tekst."


# the letters or digits that fill a part of a pattern that takes a word or a number
_FILLERS = ("voorbeeld", "2024")
_CATEGORIES = {
    regex_constants.CATEGORY_DIGIT: str.isdigit,
    regex_constants.CATEGORY_NOT_DIGIT: lambda char: not char.isdigit(),
    regex_constants.CATEGORY_SPACE: str.isspace,
    regex_constants.CATEGORY_NOT_SPACE: lambda char: not char.isspace(),
    regex_constants.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
    regex_constants.CATEGORY_NOT_WORD: lambda char: not (char.isalnum() or char == "_"),
}


def _matching(items: list) -> Iterator[str]:
    """A short text that matches a parsed pattern: each part at its minimum, the first choice."""
    for op, arg in items:
        if op is regex_constants.LITERAL:
            yield chr(arg)
        elif op in (regex_constants.MAX_REPEAT, regex_constants.MIN_REPEAT):
            low, high, sub = arg
            if len(sub) == 1 and sub[0][0] is not regex_constants.SUBPATTERN:
                if low:
                    yield _characters(*sub[0], low, high)
            else:
                for _ in range(low):
                    yield from _matching(list(sub))
        elif op is regex_constants.SUBPATTERN:
            yield from _matching(list(arg[-1]))
        elif op is regex_constants.BRANCH:
            yield from _matching(list(arg[1][0]))
        elif op is not regex_constants.AT:  # a character class or any character
            yield _characters(op, arg, 1, 1)


def _characters(op: object, arg: object, low: int, high: int) -> str:
    """Between ``low`` and ``high`` characters that the class accepts: a filler word if it can."""
    for filler in _FILLERS:
        if all(_accepts(op, arg, char) for char in filler):
            wanted = low if low == high else min(max(low, len(filler)), high)
            return (filler * wanted)[:wanted]
    first = next(chr(code) for code in range(33, 127) if _accepts(op, arg, chr(code)))
    return first * low


def _accepts(op: object, arg: object, char: str) -> bool:
    code = ord(char)
    if op is regex_constants.ANY:
        return char != "\n"
    if op is regex_constants.LITERAL:
        return code == arg
    if op is regex_constants.NOT_LITERAL:
        return code != arg
    negate, hit = False, False
    for sub_op, sub_arg in arg:  # a class: [...]
        if sub_op is regex_constants.NEGATE:
            negate = True
        elif sub_op is regex_constants.LITERAL:
            hit = hit or code == sub_arg
        elif sub_op is regex_constants.RANGE:
            hit = hit or sub_arg[0] <= code <= sub_arg[1]
        elif sub_op is regex_constants.CATEGORY:
            hit = hit or _CATEGORIES[sub_arg](char)
    return hit != negate
