"""Comment-preserving edits of a data file with ruamel.yaml (round trip).

A file is only edited when ruamel.yaml writes it back unchanged, byte for byte, before the edit:
then every line outside the edit stays as it was. New values are written as the files show them:
dates plain (2025-03-14), lists indented under their key, and a text quoted (with double quotes)
where PyYAML, which reads the data, would otherwise read it as something else than text (2023,
yes, 1:20).
"""

from __future__ import annotations

import io
from datetime import date

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

_STR = "tag:yaml.org,2002:str"
_resolver = yaml.resolver.Resolver()


class NotEditable(Exception):
    """The file cannot be edited without changing other lines."""


def _yaml() -> YAML:
    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.width = 2**31
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def load(text: str) -> CommentedMap:
    """The document, for editing; raises NotEditable when writing it back would change it."""
    document = _yaml().load(text)
    if not isinstance(document, CommentedMap) or dump(document) != text:
        raise NotEditable
    return document


def dump(document: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def text(value: str) -> str:
    """A text value that PyYAML reads back as this same text."""
    if "\n" in value:
        return LiteralScalarString(value)
    if _resolver.resolve(yaml.ScalarNode, value, (True, False)) != _STR:
        return DoubleQuotedScalarString(value)
    return value


def moment(value: str | int) -> date | int:
    """A date (jjjj-mm-dd, checked already) or a year, written plain."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def mapping(**fields: object) -> CommentedMap:
    """A new mapping, fields in the given order; None is left out."""
    return CommentedMap((key, value) for key, value in fields.items() if value is not None)


def sources(*codes: str) -> CommentedSeq:
    return CommentedSeq(mapping(bron=code) for code in codes)
