"""Checks beyond the schema: ids, references and status histories.

Each check takes schema-valid documents and yields problems with the line
of the offending value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .problems import Problem, field_name
from .yamlfile import Path, YamlDocument


@dataclass
class Documents:
    """The parsed, schema-valid documents of a data folder."""

    single: dict[str, YamlDocument]  # kind -> document
    records: dict[str, dict[str, YamlDocument]]  # kind -> file stem -> document
    # every stem present in each folder, also of files that failed to parse,
    # so that a broken file does not also break every reference to it
    stems: dict[str, set[str]]

    def data(self, kind: str) -> dict:
        doc = self.single.get(kind)
        return doc.data if doc else {}


def _problem(doc: YamlDocument, path: Path, message: str) -> Problem:
    return Problem(path=doc.path, line=doc.line(path), field=field_name(path), message=message)


def _ids(items: Iterable[dict], key: str = "id") -> set[str]:
    return {item[key] for item in items if key in item}


def check_all(docs: Documents) -> list[Problem]:
    problems: list[Problem] = []
    for check in (_check_file_names, _check_unique_ids, _check_references, _check_histories):
        problems.extend(check(docs))
    return problems


def _check_file_names(docs: Documents) -> Iterator[Problem]:
    for kind, key in (("opgave", "id"), ("pilot", "id"), ("evaluatie", "jaar")):
        for stem, doc in docs.records[kind].items():
            if str(doc.data[key]) != stem:
                yield _problem(
                    doc,
                    (key,),
                    f"'{doc.data[key]}' is niet gelijk aan de bestandsnaam '{stem}.yaml'. "
                    f"Maak ze gelijk: hernoem het bestand of verander '{key}'.",
                )


def _duplicates(doc: YamlDocument, items: list, base: Path, key: str, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = item.get(key)
        if value in seen:
            yield _problem(
                doc,
                base + (index, key),
                f"de code '{value}' is al gebruikt voor een ander {what} "
                f"(regel {doc.line(base + (seen[value], key))}). Geef elk {what} een eigen code.",
            )
        else:
            seen[value] = index


def _check_unique_ids(docs: Documents) -> Iterator[Problem]:
    regio = docs.single.get("regio")
    if regio:
        for name, what in (("periodes", "periode"), ("themas", "thema"), ("bronnen", "brondocument")):
            yield from _duplicates(regio, regio.data[name], (name,), "id", what)
    org = docs.single.get("organisatie")
    if org:
        seen: dict[str, Path] = {}
        for name in ("gremia", "partners"):
            for index, item in enumerate(org.data[name]):
                if item["id"] in seen:
                    yield _problem(
                        org,
                        (name, index, "id"),
                        f"de code '{item['id']}' is al gebruikt (regel {org.line(seen[item['id']])}). "
                        "Gremia en partners hebben elk een eigen code.",
                    )
                else:
                    seen[item["id"]] = (name, index, "id")
    visie = docs.single.get("visie")
    if visie:
        for v, version in enumerate(visie.data["versies"]):
            base = ("versies", v)
            yield from _duplicates(visie, version["principes"], base + ("principes",), "id", "principe")
            yield from _duplicates(
                visie, version.get("samenwerking", []), base + ("samenwerking",), "id", "niveau"
            )
    for doc in docs.records["pilot"].values():
        yield from _duplicates(doc, doc.data.get("indicatoren", []), ("indicatoren",), "id", "indicator")
    for kind in ("opgave", "pilot"):
        for doc in docs.records[kind].values():
            years: dict[int, int] = {}
            for index, evaluation in enumerate(doc.data.get("evaluaties", [])):
                if evaluation["jaar"] in years:
                    yield _problem(
                        doc,
                        ("evaluaties", index, "jaar"),
                        f"er is al een evaluatie voor {evaluation['jaar']} "
                        f"(regel {doc.line(('evaluaties', years[evaluation['jaar']], 'jaar'))}). "
                        "Voeg de twee samen.",
                    )
                years.setdefault(evaluation["jaar"], index)


def _walk(value: object, path: Path = ()) -> Iterator[tuple[Path, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _walk(sub, path + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _walk(sub, path + (index,))


class _Targets:
    """The ids each kind of reference may point at."""

    def __init__(self, docs: Documents):
        regio, visie, org = docs.data("regio"), docs.data("visie"), docs.data("organisatie")
        self.kinds: dict[str, tuple[set[str], str]] = {
            "bron": (_ids(regio.get("bronnen", [])), "brondocument in regio.yaml (onder 'bronnen')"),
            "periode": (_ids(regio.get("periodes", [])), "periode in regio.yaml (onder 'periodes')"),
            "thema": (_ids(regio.get("themas", [])), "thema in regio.yaml (onder 'themas')"),
            "principe": (
                {p["id"] for v in visie.get("versies", []) for p in v["principes"]},
                "principe in visie.yaml",
            ),
            "gremium": (_ids(org.get("gremia", [])), "gremium in organisatie.yaml"),
            "partner": (_ids(org.get("partners", [])), "partner in organisatie.yaml"),
            "opgave": (docs.stems["opgave"], "opgave in data/agenda/"),
            "pilot": (docs.stems["pilot"], "pilot in data/pilots/"),
            "evaluatie": (docs.stems["evaluatie"], "evaluatie in data/evaluaties/"),
        }
        self.has_regio = "regio" in docs.single
        self.has_visie = "visie" in docs.single
        self.has_org = "organisatie" in docs.single

    def check(self, doc: YamlDocument, path: Path, value: object, kind: str) -> Iterator[Problem]:
        if value == "onbekend" or not isinstance(value, str | int):
            return
        known, where = self.kinds[kind]
        if kind in ("bron", "periode", "thema") and not self.has_regio:
            return
        if kind == "principe" and not self.has_visie:
            return
        if kind in ("gremium", "partner") and not self.has_org:
            return
        if str(value) not in known:
            options = ", ".join(sorted(known)) or "(nog geen)"
            yield _problem(
                doc,
                path,
                f"'{value}' bestaat niet als {where}. Kies een bestaande code ({options}) "
                "of voeg het eerst daar toe.",
            )


# last key of a path -> kind of thing the value refers to
_REFERENCE_KEYS = {
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


def _check_references(docs: Documents) -> Iterator[Problem]:
    targets = _Targets(docs)
    all_docs = list(docs.single.values()) + [
        doc for kind in docs.records.values() for doc in kind.values()
    ]
    for doc in all_docs:
        in_organisatie = doc is docs.single.get("organisatie")
        for path, value in _walk(doc.data):
            if not path or not isinstance(path[-1], str):
                continue
            key = path[-1]
            kind = _REFERENCE_KEYS.get(key)
            if kind is None:
                continue
            if in_organisatie and key in ("gremia", "partners"):
                continue  # these are the definitions, not references
            if path[0] == "metingen" or (len(path) > 2 and path[-3] == "metingen"):
                continue
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                item_path = path + (index,) if isinstance(value, list) else path
                yield from targets.check(doc, item_path, item, kind)
        for index, evaluation in enumerate(doc.data.get("evaluaties", [])):
            yield from targets.check(doc, ("evaluaties", index, "jaar"), evaluation["jaar"], "evaluatie")
    org = docs.single.get("organisatie")
    if org:
        yield from _check_hierarchy(org)


def _check_hierarchy(org: YamlDocument) -> Iterator[Problem]:
    parent = {g["id"]: g.get("valt_onder") for g in org.data["gremia"]}
    for index, gremium in enumerate(org.data["gremia"]):
        seen = {gremium["id"]}
        current = parent.get(gremium["id"])
        while current is not None and current in parent:
            if current in seen:
                yield _problem(
                    org,
                    ("gremia", index, "valt_onder"),
                    f"'{gremium['id']}' valt via 'valt_onder' uiteindelijk onder zichzelf. "
                    "Haal de kring weg.",
                )
                break
            seen.add(current)
            current = parent[current]


def _order_key(moment: object) -> tuple[int, str] | None:
    if isinstance(moment, int):
        return (moment, "")
    if isinstance(moment, str) and moment[:4].isdigit():
        return (int(moment[:4]), moment)
    return None


def _check_histories(docs: Documents) -> Iterator[Problem]:
    for kind in ("opgave", "pilot"):
        for doc in docs.records[kind].values():
            history = doc.data["statushistorie"]
            previous = None
            for index, step in enumerate(history):
                key = _order_key(step["datum"])
                if key is None:
                    continue
                if previous and (key[0] < previous[0] or (key[1] and previous[1] and key[1] < previous[1])):
                    yield _problem(
                        doc,
                        ("statushistorie", index, "datum"),
                        f"{step['datum']} ligt vóór de stap erboven. "
                        "Zet de statushistorie in volgorde van oud naar nieuw.",
                    )
                else:
                    previous = key
            last = history[-1]["status"]
            if last != doc.data["status"]:
                yield _problem(
                    doc,
                    ("status",),
                    f"de status '{doc.data['status']}' is niet gelijk aan de laatste stap in de "
                    f"statushistorie ('{last}'). Voeg een stap met de nieuwe status en het besluit "
                    "toe aan de statushistorie.",
                )
