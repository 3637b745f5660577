"""Every field of a kind of file, read from its schema with the references resolved.

The field reference on the site and the comments that ``scripts/nieuw.py``
writes both come from here, so the explanation of a field is written once: in
the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from . import schemas

_FILE_SUFFIX = ".schema.json"


@dataclass(frozen=True)
class SchemaField:
    """One property of a schema, at a path such as ``statushistorie[].besluit.gremium``."""

    path: str
    title: str
    description: str
    required: bool
    written: dict  # the property as written in the schema
    written_in: str  # the schema file it is written in
    schema: dict  # resolved: references followed, the property's own title and description on top
    base: str  # the schema file against which the references inside ``schema`` resolve


def follow(ref: str, base: str) -> tuple[dict, str]:
    """The node that ``ref`` (written in schema file ``base``) points at, and its file."""
    file_name, _, pointer = ref.partition("#")
    target_base = file_name or base
    target = _document(target_base)
    for part in filter(None, pointer.split("/")):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target, target_base


def resolve(node: dict, base: str) -> tuple[dict, str]:
    """Follow ``$ref`` in ``node`` (written in schema file ``base``).

    Returns the merged schema (the referenced one, with the keywords written
    next to the ``$ref`` on top) and the file the structure comes from, against
    which the references inside it are resolved.
    """
    if "$ref" not in node:
        return node, base
    resolved, structure_base = resolve(*follow(node["$ref"], base))
    own = {key: value for key, value in node.items() if key != "$ref"}
    return {**resolved, **own}, structure_base


def _document(file_name: str) -> dict:
    return schemas.schema(file_name.removesuffix(_FILE_SUFFIX))


def alternatives(node: dict, base: str) -> list[tuple[dict, str]]:
    """The resolved branches of ``anyOf``/``oneOf``, or the node itself when it has none."""
    branches = node.get("anyOf") or node.get("oneOf")
    if not branches:
        return [(node, base)]
    return [resolve(branch, base) for branch in branches]


@cache
def schema_fields(kind: str) -> tuple[SchemaField, ...]:
    """Every property of the schema of ``kind``, nested ones too, in schema order."""
    file_name = kind + _FILE_SUFFIX
    return tuple(_walk(_document(file_name), file_name, ""))


def schema_field(kind: str, path: str) -> SchemaField:
    """The field of ``kind`` at ``path`` (such as ``statushistorie[].datum``)."""
    for found in schema_fields(kind):
        if found.path == path:
            return found
    raise KeyError(f"{kind}: {path}")


def _walk(node: dict, base: str, prefix: str) -> Iterator[SchemaField]:
    node, base = resolve(node, base)
    for branch, branch_base in alternatives(node, base):
        required = set(branch.get("required", ()))
        for name, prop in branch.get("properties", {}).items():
            resolved, prop_base = resolve(prop, branch_base)
            path = f"{prefix}.{name}" if prefix else name
            yield SchemaField(
                path=path,
                title=resolved.get("title", name),
                description=resolved.get("description", ""),
                required=name in required,
                written=prop,
                written_in=branch_base,
                schema=resolved,
                base=prop_base,
            )
            for sub, sub_base in alternatives(resolved, prop_base):
                if "properties" in sub:
                    yield from _walk(sub, sub_base, path)
                if "items" in sub:
                    yield from _walk(sub["items"], sub_base, path + "[]")
