"""Read one YAML file safely into plain data, keeping the line of every value.

PyYAML's C parser composes the node tree; we build the Python values
ourselves so that we can keep line numbers, refuse duplicate keys (PyYAML
would silently keep the last one), refuse aliases (alias bombs) and keep
dates as text (so that 2023-02-30 becomes a validation error, not a crash).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import yaml

from .problems import Problem, field_name

MAX_BYTES = 1_000_000
MAX_DEPTH = 50

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_PLAIN_SCALARS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_KEEP_AS_TEXT = {_STR, "tag:yaml.org,2002:timestamp"}
_scalar_constructor = yaml.SafeLoader("")


@dataclass
class YamlDocument:
    """A parsed file: its data and the line (1-based) of every path in it."""

    path: str
    data: object
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


def read_yaml(path: str, raw: bytes) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``raw`` (the bytes of ``path``); return the document or problems."""

    def problem(line: int, message: str, fld: str = "") -> list[Problem]:
        return [Problem(path=path, line=line, field=fld, message=message)]

    if len(raw) > MAX_BYTES:
        return None, problem(
            1,
            f"het bestand is te groot ({len(raw):,} bytes, maximaal {MAX_BYTES:,}). "
            "Splits het op in kleinere bestanden.".replace(",", "."),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, problem(
            line,
            "het bestand bevat tekens die geen UTF-8 zijn. "
            "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8).",
        )
    text = text.removeprefix("\ufeff")
    for number, content in enumerate(text.splitlines(), start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return None, problem(
                number, "deze regel springt in met een tab. Gebruik spaties om in te springen."
            )
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, problem(line, _syntax_message(exc))
    except yaml.YAMLError as exc:
        return None, problem(1, f"YAML kan niet gelezen worden ({exc}).")
    except RecursionError:
        return None, problem(1, "de gegevens zijn te diep genest. Gebruik minder niveaus.")
    if node is None:
        return None, problem(
            1, "het bestand is leeg. Vul de verplichte velden in (zie het schema of de sjabloon)."
        )
    doc = YamlDocument(path=path, data=None)
    duplicates: list[Problem] = []
    try:
        doc.data = _build(node, (), doc.lines, set(), 0, duplicates)
    except _Refused as exc:
        return None, problem(exc.line, exc.message, exc.field)
    if duplicates:
        return None, [replace(p, path=path) for p in duplicates]
    if not isinstance(doc.data, dict):
        return None, problem(
            node.start_mark.line + 1,
            "het bestand moet uit velden bestaan ('veld: waarde'), niet uit een lijst of losse tekst.",
        )
    return doc, []


_SYNTAX_HINTS = {
    "could not find expected ':'": "er ontbreekt een dubbele punt na de veldnaam",
    "mapping values are not allowed here": "een dubbele punt staat op een onverwachte plek; "
    "zet tekst met een dubbele punt tussen aanhalingstekens",
    "found character that cannot start any token": "een teken kan hier niet staan; "
    "zet de tekst tussen aanhalingstekens",
    "found undefined alias": "een alias (*) verwijst naar iets dat niet bestaat",
    "expected a single document in the stream": "het bestand bevat meer dan één document (---)",
    "found unexpected end of stream": "het bestand eindigt midden in een waarde; "
    "controleer de aanhalingstekens",
    "did not find expected key": "de inspringing klopt niet, of er mist een '- ' voor een lijstpunt",
    "did not find expected '-' indicator": "de inspringing van de lijst klopt niet",
    "found unknown escape character": "een backslash (\\) in tekst tussen dubbele aanhalingstekens; "
    "gebruik enkele aanhalingstekens",
}


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    found = str(exc.problem or exc.context or "")
    hint = next((text for key, text in _SYNTAX_HINTS.items() if key in found), None)
    if hint is None:
        hint = "controleer de inspringing, de dubbele punten en de aanhalingstekens"
    return f"YAML kan niet gelezen worden: {hint} (YAML-melding: {found})."


def _build(
    node: yaml.Node,
    path: Path,
    lines: dict[Path, int],
    seen: set[int],
    depth: int,
    duplicates: list[Problem],
):
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise _Refused(line, "", "de gegevens zijn te diep genest. Gebruik minder niveaus.")
    if id(node) in seen:
        raise _Refused(
            lines.get(path[:-1], line), "", "ankers en aliassen (& en *) zijn niet toegestaan. Schrijf de waarde voluit."
        )
    seen.add(id(node))
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.line + 1, "", "een veldnaam moet gewone tekst zijn.")
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_line, "", "'<<' (samenvoegen) is niet toegestaan. Schrijf de velden voluit.")
            if key in result:
                duplicates.append(
                    Problem(
                        path="",
                        line=key_line,
                        field=field_name(path + (key,)),
                        message=f"het veld '{key}' staat twee keer in dit blok "
                        f"(ook op regel {lines[path + (key,)]}). Alleen de laatste waarde zou "
                        "tellen; voeg de twee samen of verwijder er één.",
                    )
                )
            lines[path + (key,)] = key_line
            result[key] = _build(value_node, path + (key,), lines, seen, depth + 1, duplicates)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, path + (index,), lines, seen, depth + 1, duplicates)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, path, line)


def _scalar(node: yaml.ScalarNode, path: Path, line: int):
    if node.tag in _KEEP_AS_TEXT:
        return node.value
    if node.tag not in _PLAIN_SCALARS:
        raise _Refused(line, field_name(path), f"het YAML-label '{node.tag}' is niet toegestaan.")
    value = _scalar_constructor.construct_object(node)
    if isinstance(value, float) and not math.isfinite(value):
        raise _Refused(line, field_name(path), "een getal moet eindig zijn (geen .inf of .nan).")
    return value
