"""The codes of the data: each record's file named by its code, every code unique, every
reference to a code that exists, and no gremium that falls under itself."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from ..layout import FILE_NAME_FIELDS, STATUS_KINDS
from ..model import ONBEKEND
from ..problems import Problem
from ..yamlfile import FieldPath, YamlDocument, leaves
from .documents import Documents, problem_at


def check_file_names(docs: Documents) -> Iterator[Problem]:
    """The file of each record is named by its code (or year): agenda/<id>.yaml."""
    for kind, key in FILE_NAME_FIELDS.items():
        for stem, doc in docs.records[kind].items():
            if str(doc.data[key]) != stem:
                yield problem_at(
                    doc,
                    (key,),
                    f"'{doc.data[key]}' is niet gelijk aan de bestandsnaam '{stem}.yaml'. "
                    f"Maak ze gelijk: hernoem het bestand of verander '{key}'.",
                )


def _duplicates(
    doc: YamlDocument,
    values: Iterable[tuple[FieldPath, object]],
    message: Callable[[object, int], str],
    key: Callable[[object], object] = lambda value: value,
) -> Iterator[Problem]:
    """A problem for each value whose ``key`` came before; ``message(value, line of the first)``."""
    first: dict[object, FieldPath] = {}
    for path, value in values:
        seen = key(value)
        if seen in first:
            yield problem_at(doc, path, message(value, doc.line(first[seen])))
        else:
            first[seen] = path


def _keyed(items: list[dict], base: FieldPath, key: str = "id") -> list[tuple[FieldPath, object]]:
    return [(base + (index, key), item[key]) for index, item in enumerate(items)]


def _code_used(which: str) -> Callable[[object, int], str]:
    return lambda value, line: (
        f"de code '{value}' is al gebruikt op regel {line}. Geef de {which} elk een eigen code."
    )


def _caseless(text: object) -> str:
    """Unicode's canonical caseless match: 'Café' (NFC or NFD), 'CAFÉ' and 'café' are one word."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", str(text)).casefold())


def _glossary_words(begrippen: list[dict]) -> list[tuple[FieldPath, object]]:
    """Each begrip's term and afkorting (once, if they are the same word): one namespace, since
    the site explains a word wherever it stands, whichever of the two it is."""
    words = []
    for index, begrip in enumerate(begrippen):
        words.append((("begrippen", index, "term"), begrip["term"]))
        if "afkorting" in begrip and _caseless(begrip["afkorting"]) != _caseless(begrip["term"]):
            words.append((("begrippen", index, "afkorting"), begrip["afkorting"]))
    return words


def check_unique_ids(docs: Documents) -> Iterator[Problem]:
    """No code, begrip or evaluation year twice where it must be unique."""
    if regio := docs.single.get("regio"):
        for name, which in (("periodes", "periodes"), ("themas", "thema's"), ("bronnen", "brondocumenten")):
            yield from _duplicates(regio, _keyed(regio.data[name], (name,)), _code_used(which))
    if org := docs.single.get("organisatie"):
        both = _keyed(org.data["gremia"], ("gremia",)) + _keyed(org.data["partners"], ("partners",))
        yield from _duplicates(org, both, _code_used("gremia en partners"))
    if begrippen := docs.single.get("begrippen"):
        yield from _duplicates(
            begrippen,
            _glossary_words(begrippen.data["begrippen"]),
            lambda word, line: f"'{word}' staat al op regel {line} (als term of afkorting; hoofdletters "
            "en schrijfwijze van accenten tellen niet mee). Voeg de twee begrippen samen, of maak de "
            "term of afkorting anders.",
            key=_caseless,
        )
    if visie := docs.single.get("visie"):
        for v, version in enumerate(visie.data["versies"]):
            base = ("versies", v)
            for name, which in (("principes", "principes"), ("samenwerking", "niveaus")):
                items = version.get(name, [])
                yield from _duplicates(visie, _keyed(items, base + (name,)), _code_used(f"{which} van één versie"))
    for doc in docs.records["pilot"].values():
        items = doc.data.get("indicatoren", [])
        yield from _duplicates(doc, _keyed(items, ("indicatoren",)), _code_used("indicatoren"))
    for kind in STATUS_KINDS:
        for doc in docs.records[kind].values():
            yield from _duplicates(
                doc,
                _keyed(doc.data.get("evaluaties", []), ("evaluaties",), "jaar"),
                lambda year, line: f"er is al een evaluatie van {year} op regel {line}. "
                "Voeg de twee samen: één evaluatie per jaar.",
            )


# the key of a code (or of a list of codes) -> the kind of thing it refers to (also listed on the
# page of codes, agenda.render.code_lists)
REFERENCE_KEYS = {
    "bron": "bron",
    "periodes": "periode",
    "periode": "periode",
    "thema": "thema",
    "principes": "principe",
    "trekker": "gremium",
    "gremia": "gremium",
    "gremium": "gremium",
    "valt_onder": "gremium",
    "partners": "partner",
    "verwant": "opgave",
    "opgave": "opgave",
}
_WHERE = {
    "bron": "brondocument in regio.yaml (onder 'bronnen')",
    "periode": "periode in regio.yaml (onder 'periodes')",
    "thema": "thema in regio.yaml (onder 'themas')",
    "principe": "principe in visie.yaml",
    "gremium": "gremium in organisatie.yaml",
    "partner": "partner in organisatie.yaml",
    "opgave": "opgave in de map agenda",
}


def _references(data: dict) -> Iterator[tuple[FieldPath, object, str]]:
    """Every code in ``data`` that refers to something else: (path, code, kind).

    A code is a text under a reference key, or an item of a list under one.
    Definitions (lists of mappings, such as 'gremia' in organisatie.yaml)
    hold no text directly under such a key, so they are not taken for
    references; nor is the 'periode' of a measurement, which is a time.
    """
    for path, value in leaves(data):
        if isinstance(value, str) and path:
            key = path[-2] if isinstance(path[-1], int) else path[-1]
            kind = REFERENCE_KEYS.get(key)
            if kind and not (kind == "periode" and "metingen" in path):
                yield path, value, kind
    for index, evaluation in enumerate(data.get("evaluaties", [])):
        yield ("evaluaties", index, "jaar"), evaluation["jaar"], "evaluatie"


def _targets(docs: Documents) -> dict[str, set[str] | None]:
    """The codes each kind of reference may point at; None when the file that
    defines them has problems of its own (its references are not checked then)."""
    regio, visie, org = (docs.single.get(kind) for kind in ("regio", "visie", "organisatie"))

    def ids(doc: YamlDocument | None, name: str) -> set[str] | None:
        return {item["id"] for item in doc.data[name]} if doc else None

    return {
        "bron": ids(regio, "bronnen"),
        "periode": ids(regio, "periodes"),
        "thema": ids(regio, "themas"),
        "principe": {p["id"] for v in visie.data["versies"] for p in v["principes"]} if visie else None,
        "gremium": ids(org, "gremia"),
        "partner": ids(org, "partners"),
        "opgave": docs.stems["opgave"],
        "evaluatie": docs.stems["evaluatie"],
    }


def _slug(text: str) -> str:
    """A name written as a code: 'Werkgroep Zorg' -> 'werkgroep-zorg'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _named(docs: Documents, kind: str) -> Iterator[tuple[object, object]]:
    """(code, name or title) of each thing a reference of ``kind`` may point at, as far as the
    file that defines them can be read (the schemas are not checked yet)."""
    if kind == "opgave":
        for stem, doc in docs.records["opgave"].items():
            yield stem, doc.data.get("titel")
        return
    where = {
        "bron": ("regio", "bronnen"),
        "periode": ("regio", "periodes"),
        "thema": ("regio", "themas"),
        "gremium": ("organisatie", "gremia"),
        "partner": ("organisatie", "partners"),
    }
    if kind == "principe" and (visie := docs.single.get("visie")):
        versions = visie.data.get("versies")
        versions = [v for v in versions if isinstance(v, dict)] if isinstance(versions, list) else []
        items = [principe for version in versions for principe in version.get("principes") or []]
    elif kind in where and (doc := docs.single.get(where[kind][0])):
        items = doc.data.get(where[kind][1])
    else:
        return
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict):
            for name in ("naam", "titel"):
                yield item.get("id"), item.get(name)


def code_of_name(docs: Documents, path: FieldPath, value: object) -> str | None:
    """The code meant by a reference written as the name of what it refers to ('Werkgroep Zorg'
    for 'werkgroep-zorg', or the code with capitals or spaces); None when there is no such code."""
    if not isinstance(value, str) or not path:
        return None
    key = path[-2] if isinstance(path[-1], int) else path[-1]
    kind = REFERENCE_KEYS.get(key)
    if kind is None or kind == "periode" and "metingen" in path:
        return None
    wanted = _caseless(value.strip())
    for code, name in _named(docs, kind):
        if isinstance(code, str) and (_caseless(code) == wanted or _slug(code) == _slug(value)):
            return code
        if isinstance(code, str) and isinstance(name, str) and _caseless(name.strip()) == wanted:
            return code
    return None


def check_references(docs: Documents) -> Iterator[Problem]:
    """Every code that refers to something else names a thing that exists. A missing code is one
    problem however often it is used: one message, at its first use, that names the other uses."""
    targets = _targets(docs)
    uses: dict[tuple[str, str], list[tuple[YamlDocument, FieldPath]]] = {}
    for doc in docs.all():
        for path, value, kind in _references(doc.data):
            known = targets[kind]
            if known is None or value == ONBEKEND or str(value) in known:
                continue
            uses.setdefault((kind, str(value)), []).append((doc, path))
    for (kind, value), places in uses.items():
        (doc, path), *others = sorted(places, key=lambda place: (place[0].path, place[0].line(place[1])))
        yield problem_at(doc, path, _unknown_code(value, kind, targets[kind]) + _also_used(others))


_MAX_PLACES = 5  # other uses of a missing code named in its message; the rest are counted


def _also_used(others: list[tuple[YamlDocument, FieldPath]]) -> str:
    if not others:
        return ""
    places = [f"{doc.path}:{doc.line(path)}" for doc, path in others[:_MAX_PLACES]]
    rest = len(others) - len(places)
    more = f" en nog {rest} {'plaats' if rest == 1 else 'plaatsen'}" if rest else ""
    return f" Dezelfde code staat ook op {', '.join(places)}{more}."


def _unknown_code(value: str, kind: str, known: set[str]) -> str:
    if kind == "evaluatie":
        years = f" (er zijn: {', '.join(sorted(known))})" if known else ""
        return (
            f"er is geen evaluatie van {value}: het bestand evaluaties/{value}.yaml ontbreekt. "
            f"Maak dat bestand aan, of kies een jaar met een evaluatie{years}."
        )
    if not known:
        return f"'{value}' bestaat niet als {_WHERE[kind]}; er is er nog geen. Voeg het eerst daar toe."
    close = difflib.get_close_matches(value, known, n=1)
    guess = f" Bedoelt u '{close[0]}'?" if close else ""
    listed = f" ({', '.join(sorted(known))})" if len(known) <= _MAX_OPTIONS else ""
    return (
        f"'{value}' bestaat niet als {_WHERE[kind]}.{guess} "
        f"Kies een bestaande code{listed} of voeg het eerst daar toe."
    )


_MAX_OPTIONS = 10


def check_hierarchy(docs: Documents) -> Iterator[Problem]:
    """No gremium falls, through 'valt_onder', under itself."""
    org = docs.single.get("organisatie")
    if org is None:
        return
    gremia = org.data["gremia"]
    first: dict[str, int] = {}  # a code used twice is reported as such, and only its first use counts here
    for index, gremium in enumerate(gremia):
        first.setdefault(gremium["id"], index)
    parent = {code: gremia[index].get("valt_onder") for code, index in first.items()}
    for code, index in first.items():
        seen = {code}
        current = parent[code]
        while current in parent:
            if current in seen:
                yield problem_at(
                    org,
                    ("gremia", index, "valt_onder"),
                    f"'{code}' valt via 'valt_onder' uiteindelijk onder zichzelf. "
                    "Haal de kring weg: het hoogste gremium heeft geen 'valt_onder'.",
                )
                break
            seen.add(current)
            current = parent[current]
