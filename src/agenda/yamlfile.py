"""Read one YAML file safely into plain data, keeping the line of every value.

We build the Python values ourselves from the events of PyYAML's C parser
(libyaml, which parses without recursion), so that we can keep line numbers,
stop at a depth limit before anything deep is built (PyYAML's own composer
recurses in C and crashes on a few thousand nested brackets), refuse
duplicate keys (PyYAML would silently keep the last one), refuse anchors,
aliases (alias bombs), merge keys and tags, refuse the characters of
:data:`characters.FORBIDDEN` raw and written as an escape (libyaml refuses only
most of them, and only raw), and keep dates as text (so that 2023-02-30 becomes
a validation error, not a crash).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from yaml.tokens import ScalarToken

from .characters import FORBIDDEN, code, first_noncharacter, holds_invisible
from .problems import Problem, field_name
from .yaml_indentation import indentation_hint

MAX_BYTES = 1_000_000
MAX_DEPTH = 50

# where a value is inside a document: the keys and list indices from the top, such as
# ('statushistorie', 1, 'datum')
FieldPath = tuple[str | int, ...]


def leaves(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, object]]:
    """Every scalar in a loaded document (or a part of it) with its path."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from leaves(sub, path + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from leaves(sub, path + (index,))
    else:
        yield path, value

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
# resolved tags of plain scalars that become Python values; any other
# resolved tag of a plain scalar (such as '=' or '<<' as a value) stays text
_CONSTRUCTED = {_TAG + name for name in ("int", "float", "bool", "null")}
_MERGE = _TAG + "merge"
# tags a user may write explicitly (!!str, !!int ...); dates stay text
_ALLOWED_TAGS = _CONSTRUCTED | {_STR, _TAG + "timestamp"}
_COLLECTION_TAGS = {_TAG + "map", _TAG + "seq"}
_resolver = yaml.resolver.Resolver()
# PyYAML's own constructors for those tags, called directly: construct_object()
# would keep every node in a cache for the life of the process
_constructor = yaml.constructor.SafeConstructor()

# line breaks as libyaml counts them, so that our line numbers match its marks
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# a '#' at the start of a line or after white space: where a comment can start
_COMMENT_START = re.compile(r"(?<!\S)#")
# from such a '#' to the end of its line (the first '#' of a line takes the rest of it)
_COMMENT_CANDIDATE = re.compile(r"(?<!\S)#[^\r\n\x85\u2028\u2029]*")


@dataclass
class YamlDocument:
    """A parsed file: its data and the line (1-based) of every path in it."""

    path: str
    data: dict
    lines: dict[FieldPath, int] = field(default_factory=dict)
    text: str = field(default="", repr=False)  # the file as read, for its comments
    # whether a value may hold a character of characters.INVISIBLE (the text has one, or a
    # backslash that may write one as an escape): only then do the checks search the values
    invisible: bool = False

    @cached_property
    def comments(self) -> tuple[tuple[int, str], ...]:
        """Every comment ('# ...') with its line; worked out when first asked for."""
        return comments(self.text)

    def comment_candidates(self) -> list[str]:
        """From each '#' that may start a comment to the end of its line: the text of every
        comment is in one of them. A cheap first look: finding the comments themselves asks
        libyaml's scanner for every token of the file."""
        return _COMMENT_CANDIDATE.findall(self.text)

    def line(self, path: FieldPath) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _Refused(Exception):
    """A problem after which the rest of the file cannot be read."""

    def __init__(self, line: int, message: str, fld: str = ""):
        super().__init__(message)
        self.line, self.message, self.field = line, message, fld


def read_yaml(path: str, raw: bytes) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``raw`` (the bytes of ``path``).

    Returns the document (or None when the file cannot be read as data) and
    every problem found. A document comes with problems only for duplicate
    keys: the data is still complete enough to check the rest of the file.
    """

    def problem(line: int, message: str, fld: str = "") -> Problem:
        return Problem(path=path, line=line, field=fld, message=message)

    if too_large := size_problem(path, len(raw)):
        return None, [too_large]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [
            problem(
                _line_at(raw[: exc.start].decode("utf-8")),
                "het bestand bevat tekens die geen UTF-8 zijn. Sla het bestand op als UTF-8 "
                "(in de meeste editors: 'Opslaan als', codering UTF-8).",
            )
        ]
    tabs = [
        problem(number, "deze regel springt in met een tab. Gebruik spaties om in te springen.")
        for number, content in enumerate(_LINE_BREAK.split(text) if "\t" in text else (), start=1)
        if "\t" in content[: len(content) - len(content.lstrip(" \t"))]
    ]
    if tabs:
        return None, tabs
    if found := first_noncharacter(text):  # libyaml's reader refuses the other forbidden characters
        return None, [problem(_line_at(text[: found.start()]), _forbidden_message(ord(found.group())))]
    builder = _Builder(path)
    try:
        data = builder.build(text)
    except _Refused as exc:
        return None, [problem(exc.line, exc.message, exc.field)]
    except yaml.MarkedYAMLError as exc:
        if exc.problem == _BAD_ESCAPE:  # a surrogate (or past U+10FFFF) written as an escape
            point = _escaped_point(text, exc.problem_mark)
            return None, [problem(exc.problem_mark.line + 1, _forbidden_message(point))]
        if indentation := indentation_hint(text, exc):
            line, hint = indentation
            return None, [problem(line, f"YAML kan niet gelezen worden: {hint} (YAML-melding: {exc.problem}).")]
        return None, [problem(_syntax_line(exc), _syntax_message(exc))]
    except yaml.reader.ReaderError as exc:
        # libyaml gives the position as a byte offset in the UTF-8 text
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        return None, [problem(_line_at(before), _forbidden_message(exc.character))]
    if data is None:
        return None, [
            problem(1, "het bestand is leeg. Vul de verplichte velden in (zie het schema of de sjabloon).")
        ]
    if not isinstance(data, dict):
        return None, [
            problem(
                builder.lines.get((), 1),
                "het bestand moet uit velden bestaan ('veld: waarde' op elke regel), "
                "niet uit een lijst of losse tekst.",
            )
        ]
    invisible = "\\" in text or holds_invisible(text)
    document = YamlDocument(path=path, data=data, lines=builder.lines, text=text, invisible=invisible)
    return document, builder.duplicates


def comments(text: str) -> tuple[tuple[int, str], ...]:
    """Every comment in ``text`` (YAML that parses) with its line: the parser skips them.

    Only a '#' at the start of a line or after white space can start a comment, and one at the
    very start always does (the schema line); only when there are other candidates do we ask
    libyaml's scanner which of them are comments and not part of a value.
    """
    first = _line_end(text, 0) if text.startswith("#") else 0
    if _COMMENT_START.search(text, first) is None:
        return ((1, text[:first]),) if first else ()
    return tuple(_scanned_comments(text))


def _scanned_comments(text: str) -> Iterator[tuple[int, str]]:
    """The comments between the tokens of ``text``, and after the header of a block scalar."""
    loader = yaml.CSafeLoader(text)
    try:
        end, line = 0, 1  # where the last token ends, and its line
        while (token := loader.get_token()) is not None:
            start = token.start_mark.index
            yield from _comments_between(text, end, start, line)
            if isinstance(token, ScalarToken) and token.style in ("|", ">"):
                # 'veld: |  # comment': the scanner reads the header line as part of the value
                yield from _comments_between(text, start, _line_end(text, start), token.start_mark.line + 1)
            end, line = token.end_mark.index, token.end_mark.line + 1
    finally:
        loader.dispose()


def _comments_between(text: str, start: int, end: int, line: int) -> Iterator[tuple[int, str]]:
    """The comments in ``text[start:end]``, where only white space, indicators and comments are;
    ``line`` is the line of ``start``."""
    found = text.find("#", start, end)
    while found != -1:
        line += len(_LINE_BREAK.findall(text, start, found))
        start = _line_end(text, found, end)
        yield line, text[found:start]
        found = text.find("#", start, end)


def _line_end(text: str, start: int, end: int | None = None) -> int:
    """Where the line of ``start`` ends, at most at ``end``."""
    end = len(text) if end is None else end
    match = _LINE_BREAK.search(text, start, end)
    return match.start() if match else end


def size_problem(path: str, size: int) -> Problem | None:
    """The problem of a file of ``size`` bytes when that is over :data:`MAX_BYTES`."""
    if size <= MAX_BYTES:
        return None
    shown, limit = (f"{n:,}".replace(",", ".") for n in (size, MAX_BYTES))
    return Problem(
        path=path,
        line=1,
        field="",
        message=f"het bestand is te groot ({shown} bytes, maximaal {limit}). Splits het op in kleinere bestanden.",
    )


def _forbidden_message(point: int) -> str:
    return (
        f"het bestand bevat een onzichtbaar stuurteken ({code(point)}). "
        "Verwijder het; typ de tekst desnoods opnieuw."
    )


_BAD_ESCAPE = "found invalid Unicode character escape code"


def _escaped_point(text: str, mark: yaml.Mark) -> int:
    """The code point of the escape libyaml refused: its mark is right after the 'u' or 'U'."""
    digits = 4 if text[mark.index - 1] == "u" else 8
    return int(text[mark.index : mark.index + digits], 16)


def _refuse_escaped(event: ScalarEvent, line: int, path: FieldPath) -> None:
    """Refuse a value or key with a character of FORBIDDEN written as an escape: only text in
    double quotes has escapes (the raw ones are refused when the file is read)."""
    if event.style == '"' and (found := FORBIDDEN.search(event.value)):
        raise _Refused(line, _forbidden_message(ord(found.group())), field_name(path))


def _line_at(text_before: str) -> int:
    """The 1-based line number of the position right after ``text_before``."""
    return len(_LINE_BREAK.findall(text_before)) + 1


_SYNTAX_HINTS = {
    "could not find expected ':'": "er ontbreekt een dubbele punt na de veldnaam",
    "mapping values are not allowed": "een dubbele punt staat op een onverwachte plek; "
    "zet tekst met een dubbele punt tussen aanhalingstekens",
    "found character that cannot start any token": "een teken kan hier niet staan; "
    "zet de tekst tussen aanhalingstekens",
    "found unexpected end of stream": "het bestand eindigt midden in een waarde; "
    "controleer de aanhalingstekens",
    "did not find expected key": "de inspringing klopt niet, er mist een '- ' voor een lijstpunt, of er staat "
    "tekst na het afsluitende aanhalingsteken (schrijf een ' in tekst tussen enkele aanhalingstekens als '')",
    "did not find expected node content": "er mist een waarde, of een haakje [ of { is niet gesloten",
    "block sequence entries are not allowed": "een lijstpunt ('- ') kan niet achter een veldnaam staan; "
    "zet het op de volgende regel, ingesprongen",
    "found undefined tag handle": "een waarde begint met een uitroepteken (!); zet de tekst tussen aanhalingstekens",
    "did not find expected '-' indicator": "de inspringing van de lijst klopt niet",
    "did not find expected ',' or ']'": "er mist een ']' aan het eind van de lijst, "
    "of een komma tussen twee punten",
    "did not find expected ',' or '}'": "er mist een '}' aan het eind, of een komma tussen twee velden",
    "found unknown escape character": "een backslash (\\) in tekst tussen dubbele aanhalingstekens; "
    "gebruik enkele aanhalingstekens",
}


def _syntax_line(exc: yaml.MarkedYAMLError) -> int:
    """Where the user has to look: for an unclosed quote, bracket or key that is
    where it starts (the context), not where the parser gave up."""
    context = str(exc.context or "")
    starts = context.startswith("while scanning") or context.startswith("while parsing a flow")
    mark = exc.context_mark if starts and exc.context_mark else exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else 1


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    found = str(exc.problem or exc.context or "")
    hint = next((text for key, text in _SYNTAX_HINTS.items() if key in found), None)
    if hint is None:
        hint = "controleer de inspringing, de dubbele punten en de aanhalingstekens"
    return f"YAML kan niet gelezen worden: {hint} (YAML-melding: {found})."


@dataclass
class _Open:
    """A mapping or list being built, and where the next value goes."""

    value: dict | list
    path: FieldPath
    key: str | None = None  # in a mapping: the key waiting for its value

    def next_path(self) -> FieldPath:
        if isinstance(self.value, dict):
            return self.path + (self.key,)
        return self.path + (len(self.value),)


class _Builder:
    """Turns parser events into plain data, one event at a time, without recursion."""

    def __init__(self, path: str):
        self.path = path
        self.lines: dict[FieldPath, int] = {}
        self.duplicates: list[Problem] = []

    def build(self, text: str) -> object:
        """The data of the one document in ``text``; None when there is none."""
        loader = yaml.CSafeLoader(text)
        try:
            return self._build(loader)
        finally:
            loader.dispose()

    def _build(self, loader: yaml.CSafeLoader) -> object:
        stack: list[_Open] = []
        result: object = None
        documents = 0
        while (event := loader.get_event()) is not None:  # what yaml.parse does, without a generator
            line = event.start_mark.line + 1
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(
                        line,
                        "het bestand bevat meer dan één document ('---'). "
                        "Zet elk document in een eigen bestand, of haal de '---' weg.",
                    )
            elif isinstance(event, CollectionEndEvent):
                stack.pop()
            if not isinstance(event, NodeEvent):
                continue
            top = stack[-1] if stack else None
            awaiting_key = top is not None and isinstance(top.value, dict) and top.key is None
            path = top.path if awaiting_key else top.next_path() if top else ()
            if isinstance(event, AliasEvent) or event.anchor:
                raise _Refused(
                    line,
                    "ankers en aliassen (& en *) zijn niet toegestaan. Schrijf de waarde voluit.",
                    field_name(path),
                )
            if awaiting_key:
                top.key = self._key(event, top, line)
                continue
            self.lines.setdefault(path, line)
            if isinstance(event, ScalarEvent):
                value = _scalar(event, path, line)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(
                        line,
                        f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus). "
                        "Gebruik minder niveaus.",
                    )
                if event.tag not in (None, "!") and event.tag not in _COLLECTION_TAGS:
                    raise _Refused(line, _tag_message(event.tag), field_name(path))
                value = {} if isinstance(event, MappingStartEvent) else []
            if top is None:
                result = value
            elif isinstance(top.value, dict):
                top.value[top.key] = value
                top.key = None
            else:
                top.value.append(value)
            if isinstance(value, dict | list):
                stack.append(_Open(value, path))
        return result

    def _key(self, event: NodeEvent, top: _Open, line: int) -> str:
        if not isinstance(event, ScalarEvent):
            raise _Refused(line, "een veldnaam moet gewone tekst zijn, zoals 'titel:'.", field_name(top.path))
        if event.tag not in (None, "!", _STR):
            raise _Refused(line, _tag_message(event.tag), field_name(top.path))
        if (
            event.value == "<<"  # the only text the resolver takes for a merge key
            and event.tag is None
            and _resolver.resolve(yaml.ScalarNode, event.value, event.implicit) == _MERGE
        ):
            raise _Refused(
                line, "'<<' (samenvoegen) is niet toegestaan. Schrijf de velden voluit.", field_name(top.path)
            )
        key = event.value
        _refuse_escaped(event, line, top.path)
        path = top.path + (key,)
        if key in top.value:
            self.duplicates.append(
                Problem(
                    path=self.path,
                    line=line,
                    field=field_name(path),
                    message=f"het veld '{key}' staat twee keer in hetzelfde blok "
                    f"(ook op regel {self.lines[path]}). Voeg de twee samen of verwijder er één; "
                    "anders telt alleen de laatste.",
                )
            )
        self.lines[path] = line
        return key


def _scalar(event: ScalarEvent, path: FieldPath, line: int) -> object:
    _refuse_escaped(event, line, path)
    explicit = event.tag not in (None, "!")
    if explicit and event.tag not in _ALLOWED_TAGS:
        raise _Refused(line, _tag_message(event.tag), field_name(path))
    tag = event.tag if explicit else _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag not in _CONSTRUCTED:  # text, a date, or a plain '=' or '<<'
        return event.value
    try:
        value = _constructor.yaml_constructors[tag](_constructor, yaml.ScalarNode(tag, event.value))
    except (ValueError, KeyError):
        shown = event.value if len(event.value) <= 20 else event.value[:20] + "..."
        message = (
            f"'{shown}' past niet bij het label '{_short(tag)}'. Haal het label weg."
            if explicit
            else f"het getal '{shown}' is te lang. Schrijf een korter getal of zet het tussen aanhalingstekens."
        )
        raise _Refused(line, message, field_name(path)) from None
    if isinstance(value, float) and not math.isfinite(value):
        raise _Refused(line, "een getal moet eindig zijn (geen .inf of .nan).", field_name(path))
    return value


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _tag_message(tag: str) -> str:
    return (
        f"het YAML-label '{_short(tag)}' is niet toegestaan. "
        "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden."
    )
