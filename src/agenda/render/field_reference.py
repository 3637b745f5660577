"""The field reference of the "Bijdragen" pages, generated from the schemas: the page "Alle
velden" lists the kinds of file, and each kind has a page of its own.

Per kind of file every property, nested ones too, with its Dutch title and
description, the kind of value, the allowed values, whether it is required and
an example. The examples come from an ``examples`` keyword in the schema or are
derived from the type, the allowed values or the pattern; they never state a
fact about a region.
"""

from __future__ import annotations

from ..layout import FOLDERS, SINGLE_FILES
from ..schema_fields import SchemaField, alternatives, follow, resolve, schema_fields
from ..schemas import schema
from ..yamltext import inline
from ..site import Site
from .markup import Markup, blocks, bullets, document, heading, paragraph, table
from .parts import back_link, link
from .pattern_example import example

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


# the page that lists the kinds of file, and the folder of their pages
INDEX = "bijdragen/velden.md"


def page_src(kind: str) -> str:
    """The page of the fields of one kind of file."""
    return f"bijdragen/velden/{kind}.md"


def field_reference(site: Site, here: str) -> Markup:
    """The list of the kinds of file, each with where it lives, linked to the page of its fields."""
    return bullets(
        Markup("{}: <code>{}</code>").format(link(site.href(here, page_src(kind)), schema(kind)["title"]), _where(kind))
        for kind in KINDS
    )


def field_reference_pages(site: Site) -> dict[str, str]:
    """The page (source path: page) of the fields of each kind of file: a table of every
    property, nested ones too. A page per kind: together they would be a page of over 100 KB."""
    return {
        page_src(kind): document(f"Alle velden: {schema(kind)['title']}",
                                 blocks(back_link(site, page_src(kind), INDEX, "Alle velden"), _section(kind)))
        for kind in KINDS
    }


def _where(kind: str) -> str:
    for folder, folder_kind in FOLDERS.items():
        if folder_kind == kind:
            return f"data/{folder}/{_STEM.get(kind, '<code>')}.yaml"
    return "data/" + next(name for name, single in SINGLE_FILES.items() if single == kind)


def _section(kind: str) -> Markup:
    """The heading, the file and the table of the fields of one kind of file: HTML (the page is a
    generated page, whose blocks skip Markdown) under a Markdown heading."""
    top = schema(kind)
    return blocks(
        heading(1, top["title"]),
        paragraph(Markup("Bestand: <code>{}</code>. {}").format(_where(kind), top.get("description", ""))),
        table(f"Velden: {top['title']}", ("Veld", "Betekenis", "Verplicht", "Waarde", "Voorbeeld"),
              [_row(found) for found in schema_fields(kind)]),
    )  # fmt: skip


def _row(found: SchemaField) -> list[Markup | str]:
    code = Markup("<code>{}</code>").format
    meaning = Markup("<strong>{}</strong>").format(found.title)
    if found.description:
        meaning += Markup("<br>{}").format(found.description)
    value = Markup("{}").format(_value_label(found.written, found.written_in))
    allowed = _allowed_values(found.schema, found.base)
    if allowed:
        value += Markup("<br>Toegestaan: {}").format(allowed)
    shown = _example(found.schema, found.base)
    name = found.path.rsplit(".", 1)[-1].removesuffix("[]")
    return [
        code(found.path),
        meaning,
        "ja" if found.required else "nee",
        value,
        code(f"{name}: {inline(shown)}") if shown is not None else "zie de velden hieronder",
    ]


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
        return example(node["pattern"])
    return "Een korte tekst."
