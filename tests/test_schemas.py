"""The schemas: their own rules (Dutch titles, closed objects), and the Dutch
message for each way a file can break them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from agenda.schemas import SCHEMA_DIR

SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMA_DIR.glob("*.json"))}

# keywords that only describe or structure; they cannot fail
STRUCTURE = {
    "$schema", "$comment", "$defs", "$ref", "title", "description", "examples", "default",
    "properties", "items", "anyOf",
    "x-versie",  # the version of the schemas (agenda.schema_versions), an annotation
}
# keywords that can fail, each with a Dutch message in agenda.schemas and a
# must-fail case below; a new keyword in a schema needs both first
TRANSLATED = {
    "type",
    "required",
    "additionalProperties",
    "enum",
    "const",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "minItems",
    "minLength",
    "maxLength",
    "uniqueItems",
}
ENGLISH = re.compile(r"\b(the|and|which|should|must|this|that|with|for|or)\b", re.IGNORECASE)


def subschemas(node: dict, where: str) -> Iterator[tuple[str, dict]]:
    """Every schema inside ``node`` (itself included), with a readable location."""
    yield where, node
    for name, sub in node.get("properties", {}).items():
        yield from subschemas(sub, f"{where}.{name}")
    for name, sub in node.get("$defs", {}).items():
        yield from subschemas(sub, f"{where}#{name}")
    if "items" in node:
        yield from subschemas(node["items"], f"{where}[]")
    for index, sub in enumerate(node.get("anyOf", [])):
        yield from subschemas(sub, f"{where}|{index}")


ALL = [(f"{name}{where}", node) for name, schema in SCHEMAS.items() for where, node in subschemas(schema, "")]


def test_every_schema_file_is_draft_2020_12_with_a_title():
    for name, schema in SCHEMAS.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", name
        assert schema["title"] and schema["description"], name


def test_every_object_is_closed():
    # additionalProperties: false makes a misspelled field an error instead of lost data
    open_objects = [
        where for where, node in ALL
        if ("properties" in node or node.get("type") == "object") and node.get("additionalProperties") is not False
    ]
    assert open_objects == []


def test_every_property_has_a_dutch_title_and_description():
    lacking, english = [], []
    for where, node in ALL:
        for name, prop in node.get("properties", {}).items():
            title, description = prop.get("title"), prop.get("description")
            if not (isinstance(title, str) and title.strip() and isinstance(description, str) and description.strip()):
                lacking.append(f"{where}.{name}")
            elif ENGLISH.search(title) or ENGLISH.search(description):
                english.append(f"{where}.{name}: {title} / {description}")
    assert lacking == []
    assert english == []


def test_every_keyword_that_can_fail_has_a_dutch_message():
    used = {key for _, node in ALL for key in node}
    assert used - STRUCTURE - TRANSLATED == set()


def test_required_fields_are_properties():
    wrong = [
        f"{where}: {name}"
        for where, node in ALL
        for name in node.get("required", [])
        if name not in node.get("properties", {})
    ]
    assert wrong == []




def allowed(schema: dict) -> str:
    """The list of fields an unknown-field message offers (other helpers may add optional ones)."""
    return ", ".join(sorted(schema["properties"]))


OPGAVE = "agenda/leerlingenvervoer.yaml"
PILOT = "pilots/school-test.yaml"
OPGAVE_PATH = "data/agenda/leerlingenvervoer.yaml"
PILOT_PATH = "data/pilots/school-test.yaml"
DATUM_HINT = "Een datum als jjjj-mm-dd, zoals 2023-03-14, in de jaren 1990 tot en met 2100."
CODE_HINT = "Korte code van kleine letters, cijfers en streepjes, zoals 'werkgroep-zorg' of 'thuiszitters'. Geen spaties of hoofdletters."
PERIODE_HINT = (
    "Het jaar (2023), het halfjaar (2023-S1 of 2023-S2), het kwartaal (2023-Q1 tot en met 2023-Q4) of "
    "de maand (2023-01 tot en met 2023-12) van de meting, in de jaren 1990 tot en met 2100."
)
GETAL_HINT = (
    "Een getal, met een punt voor de decimalen (zoals 12.5), van -1000000000000000 tot en met 1000000000000000."
)
ID_HINT = (
    "Korte code van kleine letters, cijfers en streepjes, zoals 'werkgroep-zorg' of 'thuiszitters'. "
    "Geen spaties of hoofdletters."
)

# (file, old text, new text) -> the exact messages, in the validator's order
CASES = {
    "misspelled-field": (
        OPGAVE,
        "samenvatting: Afspraken",
        "samenvating: Afspraken",
        [
            f"{OPGAVE_PATH}:2: samenvatting: verplicht veld ontbreekt. Voeg 'samenvatting:' toe. "
            "Eén of twee zinnen in eenvoudige taal over waar de opgave over gaat.",
            f"{OPGAVE_PATH}:4: samenvating: onbekend veld 'samenvating'. Bedoelt u 'samenvatting'? "
            f"Toegestane velden: {allowed(SCHEMAS['opgave.schema.json'])}.",
        ],
    ),
    "misspelled-nested-field": (
        PILOT,
        "    eenheid: kinderen",
        "    eenheden: kinderen",
        [
            f"{PILOT_PATH}:46: indicatoren[0].eenheden: onbekend veld 'eenheden'. Bedoelt u 'eenheid'? "
            f"Toegestane velden: {allowed(SCHEMAS['pilot.schema.json']['$defs']['indicator'])}."
        ],
    ),
    "missing-required-nested-field": (
        OPGAVE,
        "    gereed: ja\n",
        "",
        [
            f"{OPGAVE_PATH}:33: mijlpalen[0].gereed: verplicht veld ontbreekt. Voeg 'gereed:' toe. "
            "Is het resultaat bereikt: ja, nee of onbekend."
        ],
    ),
    "wrong-enum": (
        OPGAVE,
        "status: in uitvoering\nstatushistorie",
        "status: bezig\nstatushistorie",
        [
            f"{OPGAVE_PATH}:12: status: 'bezig' is geen toegestane waarde. "
            "Kies uit: verkennend, in ontwikkeling, in uitvoering, bereikt, gestopt, onbekend."
        ],
    ),
    "wrong-type-text": (
        OPGAVE,
        "titel: Samenwerking onderwijs en leerlingenvervoer",
        "titel: 12",
        [
            f"{OPGAVE_PATH}:3: titel: hier hoort tekst, maar er staat een geheel getal. "
            "Een korte tekst van één regel of alinea."
        ],
    ),
    "wrong-type-list": (
        OPGAVE,
        "periodes: [2023-2024]",
        "periodes: 2023-2024",
        [
            f"{OPGAVE_PATH}:27: periodes: hier hoort een lijst ('- ' per punt), maar er staat tekst. "
            "Een lijst van codes van andere gegevens."
        ],
    ),
    "empty-value": (
        OPGAVE,
        "titel: Samenwerking onderwijs en leerlingenvervoer",
        "titel:",
        [
            f"{OPGAVE_PATH}:3: titel: hier hoort tekst, maar er staat niets. "
            "Een korte tekst van één regel of alinea."
        ],
    ),
    "empty-text": (
        OPGAVE,
        "titel: Samenwerking onderwijs en leerlingenvervoer",
        "titel: ''",
        [
            f"{OPGAVE_PATH}:3: titel: de tekst is leeg. "
            "Vul een tekst in of laat het veld weg als het niet verplicht is."
        ],
    ),
    "empty-list": (
        OPGAVE,
        "bronnen:\n  - bron: testbron\n",
        "bronnen: []\n",
        [f"{OPGAVE_PATH}:55: bronnen: de lijst is leeg. Voeg minstens één punt toe ('- ...')."],
    ),
    "mapping-instead-of-list": (
        PILOT,
        "voorwaarden:\n  - De school doet mee.",
        "voorwaarden:\n  school: doet mee",
        [
            f"{PILOT_PATH}:19: voorwaarden: hier hoort een lijst ('- ' per punt), maar er staat een blok "
            "velden ('veld: waarde'). Een opsomming; elk punt is een korte tekst."
        ],
    ),
    "id-with-spaces": (
        OPGAVE,
        "id: leerlingenvervoer",
        "id: leerlingen vervoer",
        [f"{OPGAVE_PATH}:2: id: 'leerlingen vervoer' heeft niet de juiste vorm. {ID_HINT}"],
    ),
    "id-with-capitals": (
        "visie.yaml",
        "      - id: samen",
        "      - id: Samen",
        [f"data/visie.yaml:21: versies[1].principes[1].id: 'Samen' heeft niet de juiste vorm. {ID_HINT}"],
    ),
    "id-with-a-newline": (
        OPGAVE,
        "id: leerlingenvervoer",
        "id: |\n  leerlingenvervoer",
        [f"{OPGAVE_PATH}:2: id: 'leerlingenvervoer\\n' heeft niet de juiste vorm. {ID_HINT}"],
    ),
    "id-too-long": (
        OPGAVE,
        "trekker: werkgroep-test",
        "trekker: " + "a" * 61,
        [
            f"{OPGAVE_PATH}:29: trekker: de tekst is te lang (maximaal 60 tekens). {ID_HINT}",
        ],
    ),
    "reference-not-a-code": (
        OPGAVE,
        "thema: dichtbij",
        "thema: 5",
        [
            f"{OPGAVE_PATH}:10: thema: hier hoort tekst of 'onbekend', maar er staat een geheel getal. "
            "De code van een thema uit regio.yaml, of 'onbekend'."
        ],
    ),
    "empty-reference": (
        PILOT,
        "opgave: leerlingenvervoer",
        "opgave:",
        [
            f"{PILOT_PATH}:6: opgave: hier hoort tekst of 'onbekend', maar er staat niets. "
            "De code van de opgave waar deze pilot bij hoort, of 'onbekend'."
        ],
    ),
    "text-instead-of-a-list-or-onbekend": (
        PILOT,
        "  scholen: [De Testschool, Het Testcollege]",
        "  scholen: De Testschool",
        [
            f"{PILOT_PATH}:24: locaties.scholen: hier hoort een lijst ('- ' per punt) of 'onbekend', maar er staat "
            "tekst. De namen van de scholen, of 'onbekend' als de bronnen ze niet noemen."
        ],
    ),
    "list-instead-of-a-year-or-onbekend": (
        "regio.yaml",
        "    van: 2023",
        "    van: [2023]",
        [
            "data/regio.yaml:21: periodes[1].van: hier hoort een geheel getal of 'onbekend', maar er staat een lijst "
            "('- ' per punt). Een jaartal met vier cijfers, of 'onbekend'."
        ],
    ),
    "reference-listed-twice": (
        PILOT,
        "principes: [dicht-bij-huis, samen]",
        "principes: [dicht-bij-huis, dicht-bij-huis]",
        [f"{PILOT_PATH}:21: principes: 'dicht-bij-huis' staat twee keer in de lijst. Verwijder er één."],
    ),
    "impossible-date": (
        OPGAVE,
        "    datum: 2024-06-30",
        "    datum: 2023-02-30",
        [
            f"{OPGAVE_PATH}:34: mijlpalen[0].datum: '2023-02-30' is geen bestaande datum. "
            "Schrijf een echte datum als jjjj-mm-dd."
        ],
    ),
    "impossible-date-or-year": (
        OPGAVE,
        "  - datum: 2024-03-14",
        "  - datum: 2023-02-30",
        [
            f"{OPGAVE_PATH}:19: statushistorie[1].datum: '2023-02-30' is geen bestaande datum. "
            "Schrijf een echte datum als jjjj-mm-dd."
        ],
    ),
    "date-in-dutch-order": (
        OPGAVE,
        "herziening: 2099-12-31",
        "herziening: 31-12-2099",
        [
            f"{OPGAVE_PATH}:54: herziening: '31-12-2099' heeft niet de juiste vorm. Bedoelt u '2099-12-31'? "
            f"{DATUM_HINT}"
        ],
    ),
    "date-in-dutch-order-outside-the-years-gets-no-guess": (
        OPGAVE,
        "herziening: 2099-12-31",
        "herziening: 31-12-2101",
        [f"{OPGAVE_PATH}:54: herziening: '31-12-2101' heeft niet de juiste vorm. {DATUM_HINT}"],
    ),
    "date-in-dutch-order-that-does-not-exist-gets-no-guess": (
        OPGAVE,
        "herziening: 2099-12-31",
        "herziening: 30-02-2099",
        [f"{OPGAVE_PATH}:54: herziening: '30-02-2099' heeft niet de juiste vorm. {DATUM_HINT}"],
    ),
    "gremium-written-as-its-name": (
        OPGAVE,
        "      gremium: bestuurlijk-overleg",
        "      gremium: Bestuurlijk overleg",
        [
            f"{OPGAVE_PATH}:23: statushistorie[1].besluit.gremium: 'Bestuurlijk overleg' heeft niet de juiste "
            "vorm. Bedoelt u 'bestuurlijk-overleg'? Hier hoort de code, niet de naam. " + CODE_HINT
        ],
    ),
    "source-written-as-its-title": (
        OPGAVE,
        "herziening: 2099-12-31\nbronnen:\n  - bron: testbron",
        "herziening: 2099-12-31\nbronnen:\n  - bron: Verzonnen testdocument",
        [
            f"{OPGAVE_PATH}:56: bronnen[0].bron: 'Verzonnen testdocument' heeft niet de juiste vorm. "
            "Bedoelt u 'testbron'? Hier hoort de code, niet de naam. " + CODE_HINT
        ],
    ),
    "a-name-that-is-no-code-gets-no-guess": (
        OPGAVE,
        "trekker: werkgroep-test",
        "trekker: Werkgroep Onbekend",
        [f"{OPGAVE_PATH}:29: trekker: 'Werkgroep Onbekend' heeft niet de juiste vorm. " + CODE_HINT],
    ),
    # the examples of issue 11: accepted once, they crashed the build
    "date-in-year-0": (
        OPGAVE,
        "herziening: 2099-12-31",
        "herziening: 0000-01-01",
        [f"{OPGAVE_PATH}:54: herziening: '0000-01-01' heeft niet de juiste vorm. {DATUM_HINT}"],
    ),
    "date-on-the-last-day-python-knows": (
        OPGAVE,
        "    datum: 2024-06-30",
        "    datum: 9999-12-31",
        [f"{OPGAVE_PATH}:34: mijlpalen[0].datum: '9999-12-31' heeft niet de juiste vorm. {DATUM_HINT}"],
    ),
    "date-before-1990": (
        PILOT,
        "start: 2023-09-01",
        "start: 1989-12-31",
        [f"{PILOT_PATH}:13: start: '1989-12-31' heeft niet de juiste vorm. {DATUM_HINT}"],
    ),
    "period-month-13": (
        PILOT,
        '      - periode: "2023"',
        '      - periode: "2024-13"',
        [f"{PILOT_PATH}:59: indicatoren[0].metingen[0].periode: '2024-13' heeft niet de juiste vorm. {PERIODE_HINT}"],
    ),
    "period-month-0": (
        PILOT,
        '      - periode: "2023"',
        '      - periode: "2024-00"',
        [f"{PILOT_PATH}:59: indicatoren[0].metingen[0].periode: '2024-00' heeft niet de juiste vorm. {PERIODE_HINT}"],
    ),
    "period-in-year-0": (
        PILOT,
        '      - periode: "2023"',
        '      - periode: "0000-Q1"',
        [f"{PILOT_PATH}:59: indicatoren[0].metingen[0].periode: '0000-Q1' heeft niet de juiste vorm. {PERIODE_HINT}"],
    ),
    "measurement-of-1e30": (
        PILOT,
        "        waarde: 25",
        "        waarde: 1.0e+30",
        [f"{PILOT_PATH}:60: indicatoren[0].metingen[0].waarde: 1e+30 is te groot (maximaal 1000000000000000). "
         f"{GETAL_HINT}"],
    ),
    "target-of-minus-1e30": (
        PILOT,
        "        waarde: 20",
        "        waarde: -1.0e+30",
        [f"{PILOT_PATH}:53: indicatoren[0].doelen[0].waarde: -1e+30 is te klein (minimaal -1000000000000000). "
         f"{GETAL_HINT}"],
    ),
    "amount-of-10-to-the-400": (
        PILOT,
        "    bedrag: 10000",
        "    bedrag: 1" + "0" * 400,
        [f"{PILOT_PATH}:33: financiering[1].bedrag: 1{'0' * 400} is te groot (maximaal 1000000000000000). "
         f"{GETAL_HINT}"],
    ),
    "fte-of-1e30": (
        PILOT,
        "    fte: 1.5",
        "    fte: 1.0e+30",
        [f"{PILOT_PATH}:28: financiering[0].fte: 1e+30 is te groot (maximaal 1000000000000000). "
         f"{GETAL_HINT}"],
    ),
    "year-with-five-digits": (
        "evaluaties/2024.yaml",
        "jaar: 2024",
        "jaar: 20233",
        [
            "data/evaluaties/2024.yaml:2: jaar: 20233 is te groot (maximaal 2100). "
            "Een jaartal met vier cijfers, zoals 2023."
        ],
    ),
    "year-with-five-digits-or-onbekend": (
        OPGAVE,
        "  - jaar: 2024\n    datum",
        "  - jaar: 20233\n    datum",
        [
            f"{OPGAVE_PATH}:33: mijlpalen[0].jaar: 20233 is te groot (maximaal 2100). "
            "Een jaartal met vier cijfers, zoals 2023."
        ],
    ),
    "year-too-small": (
        "evaluaties/2024.yaml",
        "jaar: 2024",
        "jaar: 24",
        [
            "data/evaluaties/2024.yaml:2: jaar: 24 is te klein (minimaal 1990). "
            "Een jaartal met vier cijfers, zoals 2023."
        ],
    ),
    "year-as-decimal": (
        "evaluaties/2024.yaml",
        "jaar: 2024",
        "jaar: 2024.0",
        [
            "data/evaluaties/2024.yaml:2: jaar: hier hoort een geheel getal, maar er staat een getal. "
            "Een jaartal met vier cijfers, zoals 2023."
        ],
    ),
    "negative-amount": (
        PILOT,
        "    fte: 1.5",
        "    fte: -1.5",
        [f"{PILOT_PATH}:28: financiering[0].fte: -1.5 is te klein (minimaal 0). Het aantal fte."],
    ),
    "yes-no-as-text": (
        PILOT,
        "        vanaf: true",
        "        vanaf: ja",
        [
            f"{PILOT_PATH}:56: indicatoren[0].doelen[1].vanaf: hier hoort true of false, maar er staat tekst. "
            "true als het doel ook voor alle latere jaren geldt ('vanaf 2022')."
        ],
    ),
    "key-that-is-a-number": (
        "regio.yaml",
        "naam: Testregio",
        "naam: Testregio\n2024: Een jaar",
        [
            f"data/regio.yaml:3: 2024: onbekend veld '2024'. Toegestane velden: {allowed(SCHEMAS['regio.schema.json'])}."
        ],
    ),
    "bad-abbreviation": (
        "begrippen.yaml",
        "afkorting: OOGO",
        "afkorting: ' OOGO'",
        [
            "data/begrippen.yaml:4: begrippen[0].afkorting: ' OOGO' heeft niet de juiste vorm. "
            "De afkorting zoals die in teksten staat, zoals 'SWV'. De site legt die overal uit."
        ],
    ),
    "bad-repository-address": (
        "regio.yaml",
        "repository: https://github.com/voorbeeld/testregio",
        "repository: github.com/voorbeeld/testregio",
        [
            "data/regio.yaml:6: repository: 'github.com/voorbeeld/testregio' heeft niet de juiste vorm. "
            "Het adres van de repository op GitHub (https://github.com/...), voor de knop 'bewerk' "
            "en het melden van fouten."
        ],
    ),
}


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES.values(), ids=CASES.keys())
def test_schema_error(region, name: str, old: str, new: str, expected: list[str]):
    region.edit(name, old, new)
    assert region.messages() == expected


def test_all_schema_errors_of_a_file_are_reported_at_once(region):
    region.edit(OPGAVE, "titel: Samenwerking onderwijs en leerlingenvervoer", "titel: 12")
    region.edit(OPGAVE, "niveau: regionaal", "niveau: landelijk")
    region.edit(OPGAVE, "herziening: 2099-12-31", "herziening: 2099-02-30")
    assert region.messages() == [
        f"{OPGAVE_PATH}:3: titel: hier hoort tekst, maar er staat een geheel getal. "
        "Een korte tekst van één regel of alinea.",
        f"{OPGAVE_PATH}:11: niveau: 'landelijk' is geen toegestane waarde. "
        "Kies uit: lokaal, regionaal, lokaal en regionaal, onbekend.",
        f"{OPGAVE_PATH}:54: herziening: '2099-02-30' is geen bestaande datum. "
        "Schrijf een echte datum als jjjj-mm-dd.",
    ]


def test_schema_errors_are_reported_after_duplicate_keys(region):
    region.edit(OPGAVE, "niveau: regionaal", "niveau: regionaal\nniveau: lokaal")
    region.edit(OPGAVE, "titel: Samenwerking onderwijs en leerlingenvervoer", "titel: 12")
    assert region.messages() == [
        f"{OPGAVE_PATH}:3: titel: hier hoort tekst, maar er staat een geheel getal. "
        "Een korte tekst van één regel of alinea.",
        f"{OPGAVE_PATH}:12: niveau: het veld 'niveau' staat twee keer in hetzelfde blok (ook op regel 11). "
        "Voeg de twee samen of verwijder er één; anders telt alleen de laatste.",
    ]


def test_dates_periods_and_years_share_one_range_of_years():
    """A date or a period has a year that a year field also accepts (the patterns cannot refer to
    the bounds of $defs/jaar, so this test ties them)."""
    from agenda import schemas

    defs = SCHEMAS["defs.schema.json"]["$defs"]
    periode = SCHEMAS["pilot.schema.json"]["$defs"]["meting"]["properties"]["periode"]["pattern"]
    jaar = defs["jaar"]
    for year in range(1000, 10000):
        allowed = jaar["minimum"] <= year <= jaar["maximum"]
        assert bool(re.search(defs["datum"]["pattern"], f"{year}-01-01")) == allowed, year
        for period in (f"{year}", f"{year}-Q4", f"{year}-S2", f"{year}-12"):
            assert bool(schemas._ecma_pattern(periode).search(period)) == allowed, period


def test_schema_dir_is_the_one_in_the_repository():
    assert SCHEMA_DIR == Path(__file__).resolve().parents[1] / "schemas"
