"""The checks beyond the schema: file names, unique codes, references, the
gremium hierarchy and status histories. Each case breaks one thing in a copy
of the valid test region and asserts the exact messages."""

from __future__ import annotations

import pytest

from agenda import schemas
from agenda.layout import FILE_NAME_FIELDS, FOLDERS, STATUS_KINDS

OPGAVE = "agenda/leerlingenvervoer.yaml"
PILOT = "pilots/school-test.yaml"
OPGAVE_PATH = "data/agenda/leerlingenvervoer.yaml"
PILOT_PATH = "data/pilots/school-test.yaml"


def unknown(where: str, value: str, what: str, codes: str, guess: str | None = None, also: str = "") -> str:
    hint = f" Bedoelt u '{guess}'?" if guess else ""
    elsewhere = f" Dezelfde code staat ook op {also}." if also else ""
    return (
        f"{where}: '{value}' bestaat niet als {what}.{hint} Kies een bestaande code ({codes}) of voeg het eerst "
        f"daar toe.{elsewhere}"
    )


GREMIA = "bestuurlijk-overleg, werkgroep-test"

# name -> ([(file, old text, new text), ...], the exact messages in the validator's order)
CASES = {
    "opgave-id-is-not-the-file-name": (
        [("agenda/thuiszitters.yaml", "id: thuiszitters", "id: thuis-zitters")],
        [
            "data/agenda/thuiszitters.yaml:2: id: 'thuis-zitters' is niet gelijk aan de bestandsnaam "
            "'thuiszitters.yaml'. Maak ze gelijk: hernoem het bestand of verander 'id'."
        ],
    ),
    "pilot-id-is-not-the-file-name": (
        [("pilots/wijk-test.yaml", "id: wijk-test", "id: wijk")],
        [
            "data/pilots/wijk-test.yaml:2: id: 'wijk' is niet gelijk aan de bestandsnaam 'wijk-test.yaml'. "
            "Maak ze gelijk: hernoem het bestand of verander 'id'."
        ],
    ),
    "evaluation-year-is-not-the-file-name": (
        [("evaluaties/2024.yaml", "jaar: 2024", "jaar: 2023")],
        [
            "data/evaluaties/2024.yaml:2: jaar: '2023' is niet gelijk aan de bestandsnaam '2024.yaml'. "
            "Maak ze gelijk: hernoem het bestand of verander 'jaar'."
        ],
    ),
    # one missing code is one message, however often it is used
    "duplicate-gremium": (
        [("organisatie.yaml", "  - id: werkgroep-test", "  - id: bestuurlijk-overleg")],
        [
            unknown(
                f"{OPGAVE_PATH}:29: trekker", "werkgroep-test", "gremium in organisatie.yaml", "bestuurlijk-overleg",
                also=f"{OPGAVE_PATH}:30, {PILOT_PATH}:76, {PILOT_PATH}:77, data/pilots/wijk-test.yaml:16",
            ),
            "data/organisatie.yaml:12: gremia[1].id: de code 'bestuurlijk-overleg' is al gebruikt op regel 4. "
            "Geef de gremia en partners elk een eigen code.",
        ],
    ),
    "partner-with-the-code-of-a-gremium": (
        [("organisatie.yaml", "  - id: swv-test", "  - id: werkgroep-test")],
        [
            "data/organisatie.yaml:25: partners[1].id: de code 'werkgroep-test' is al gebruikt op regel 12. "
            "Geef de gremia en partners elk een eigen code.",
            unknown(f"{PILOT_PATH}:78: partners[1]", "swv-test", "partner in organisatie.yaml", "gemeente-test, werkgroep-test"),
        ],
    ),
    "duplicate-principe": (
        [("visie.yaml", "      - id: samen", "      - id: dicht-bij-huis")],
        [
            unknown(f"{PILOT_PATH}:21: principes[1]", "samen", "principe in visie.yaml", "dicht-bij-huis"),
            "data/visie.yaml:21: versies[1].principes[1].id: de code 'dicht-bij-huis' is al gebruikt op regel 18. "
            "Geef de principes van één versie elk een eigen code.",
        ],
    ),
    "duplicate-samenwerkingsniveau": (
        [("visie.yaml", "      - id: lokaal", "      - id: regionaal")],
        [
            "data/visie.yaml:32: versies[1].samenwerking[1].id: de code 'regionaal' is al gebruikt op regel 26. "
            "Geef de niveaus van één versie elk een eigen code."
        ],
    ),
    "duplicate-indicator": (
        [(PILOT, "  - id: tevredenheid", "  - id: minder-verwijzingen")],
        [
            f"{PILOT_PATH}:70: indicatoren[1].id: de code 'minder-verwijzingen' is al gebruikt op regel 44. "
            "Geef de indicatoren elk een eigen code."
        ],
    ),
    "duplicate-periode": (
        [("regio.yaml", "  - id: 2023-2024", "  - id: 2021-2022")],
        [
            unknown(
                f"{OPGAVE_PATH}:27: periodes[0]", "2023-2024", "periode in regio.yaml (onder 'periodes')", "2021-2022",
                "2021-2022", also="data/visie.yaml:11",
            ),
            "data/regio.yaml:19: periodes[1].id: de code '2021-2022' is al gebruikt op regel 10. "
            "Geef de periodes elk een eigen code.",
        ],
    ),
    "duplicate-thema": (
        [("regio.yaml", "grootste_opgave: Genoeg plekken in de wijk.\n", "grootste_opgave: Genoeg plekken in de wijk.\n    bronnen: [{bron: testbron}]\n  - id: dichtbij\n    naam: Tweede\n")],
        [
            "data/regio.yaml:34: themas[1].id: de code 'dichtbij' is al gebruikt op regel 26. "
            "Geef de thema's elk een eigen code."
        ],
    ),
    "duplicate-brondocument": (
        [("regio.yaml", "  - id: tweede-bron", "  - id: testbron")],
        [
            unknown(
                "data/agenda/leerlingenvervoer.yaml:43: mijlpalen[1].bronnen[0].bron", "tweede-bron",
                "brondocument in regio.yaml (onder 'bronnen')", "testbron", "testbron",
                also="data/agenda/thuiszitters.yaml:12, data/agenda/thuiszitters.yaml:15, data/organisatie.yaml:31, "
                "data/pilots/wijk-test.yaml:11, data/pilots/wijk-test.yaml:18 en nog 2 plaatsen",
            ),
            "data/regio.yaml:48: bronnen[1].id: de code 'testbron' is al gebruikt op regel 42. "
            "Geef de brondocumenten elk een eigen code.",
        ],
    ),
    "duplicate-evaluation-year": (
        [(OPGAVE, "evaluaties:\n  - jaar: 2024", "evaluaties:\n  - jaar: 2024\n    bronnen: [{bron: testbron}]\n  - jaar: 2024")],
        [
            f"{OPGAVE_PATH}:48: evaluaties[1].jaar: er is al een evaluatie van 2024 op regel 46. "
            "Voeg de twee samen: één evaluatie per jaar."
        ],
    ),
    "every-kind-of-unknown-reference-in-an-opgave": (
        [
            (OPGAVE, "thema: dichtbij", "thema: ver-weg"),
            (OPGAVE, "      gremium: bestuurlijk-overleg", "      gremium: bestuur"),
            (OPGAVE, "periodes: [2023-2024]", "periodes: [2025-2026]"),
            (OPGAVE, "principes: [dicht-bij-huis]", "principes: [dicht-bij-hius]"),
            (OPGAVE, "trekker: werkgroep-test", "trekker: werkgroep-tets"),
            (OPGAVE, "gremia: [werkgroep-test]", "gremia: [werkgroep]"),
            (OPGAVE, "partners: [gemeente-test]", "partners: [gemeente]"),
            (OPGAVE, "verwant: [thuiszitters]", "verwant: [thuiszitter]"),
            (OPGAVE, "  - jaar: 2024\n    voortgang", "  - jaar: 2023\n    voortgang"),
            (OPGAVE, "bronnen:\n  - bron: testbron\n", "bronnen:\n  - bron: testbronnen\n"),
        ],
        [
            unknown(f"{OPGAVE_PATH}:10: thema", "ver-weg", "thema in regio.yaml (onder 'themas')", "dichtbij"),
            unknown(f"{OPGAVE_PATH}:23: statushistorie[1].besluit.gremium", "bestuur", "gremium in organisatie.yaml", GREMIA),
            unknown(
                f"{OPGAVE_PATH}:27: periodes[0]", "2025-2026", "periode in regio.yaml (onder 'periodes')",
                "2021-2022, 2023-2024", "2023-2024",
            ),
            unknown(f"{OPGAVE_PATH}:28: principes[0]", "dicht-bij-hius", "principe in visie.yaml", "dicht-bij-huis, samen", "dicht-bij-huis"),
            unknown(f"{OPGAVE_PATH}:29: trekker", "werkgroep-tets", "gremium in organisatie.yaml", GREMIA, "werkgroep-test"),
            unknown(f"{OPGAVE_PATH}:30: gremia[0]", "werkgroep", "gremium in organisatie.yaml", GREMIA, "werkgroep-test"),
            unknown(f"{OPGAVE_PATH}:31: partners[0]", "gemeente", "partner in organisatie.yaml", "gemeente-test, swv-test", "gemeente-test"),
            unknown(f"{OPGAVE_PATH}:44: verwant[0]", "thuiszitter", "opgave in de map agenda", "leerlingenvervoer, thuiszitters", "thuiszitters"),
            f"{OPGAVE_PATH}:46: evaluaties[0].jaar: er is geen evaluatie van 2023: het bestand evaluaties/2023.yaml "
            "ontbreekt. Maak dat bestand aan, of kies een jaar met een evaluatie (er zijn: 2024).",
            unknown(
                f"{OPGAVE_PATH}:56: bronnen[0].bron", "testbronnen", "brondocument in regio.yaml (onder 'bronnen')",
                "testbron, tweede-bron", "testbron",
            ),
        ],
    ),
    "unknown-opgave-of-a-pilot": (
        [(PILOT, "opgave: leerlingenvervoer", "opgave: vervoer")],
        [unknown(f"{PILOT_PATH}:6: opgave", "vervoer", "opgave in de map agenda", "leerlingenvervoer, thuiszitters")],
    ),
    "unknown-gremium-of-an-evaluation-besluit": (
        [("evaluaties/2024.yaml", "    gremium: bestuurlijk-overleg", "    gremium: oogo")],
        [unknown("data/evaluaties/2024.yaml:23: besluiten[0].gremium", "oogo", "gremium in organisatie.yaml", GREMIA)],
    ),
    "unknown-periode-of-a-visie-version": (
        [("visie.yaml", "  - periode: 2021-2022", "  - periode: 2019-2020")],
        [
            unknown(
                "data/visie.yaml:3: versies[0].periode", "2019-2020", "periode in regio.yaml (onder 'periodes')",
                "2021-2022, 2023-2024", "2021-2022",
            )
        ],
    ),
    "unknown-valt-onder": (
        [("organisatie.yaml", "    valt_onder: bestuurlijk-overleg", "    valt_onder: stuurgroep")],
        [unknown("data/organisatie.yaml:15: gremia[1].valt_onder", "stuurgroep", "gremium in organisatie.yaml", GREMIA)],
    ),
    "duplicate-term-in-another-unicode-normalisation": (
        [("begrippen.yaml", "  - term: Wijkteam", "  - term: Caf\u00e9\n    uitleg: NFC.\n  - term: Cafe\u0301")],
        [
            "data/begrippen.yaml:10: begrippen[2].term: 'Cafe\u0301' staat al op regel 8 (als term of afkorting; "
            "hoofdletters en schrijfwijze van accenten tellen niet mee). Voeg de twee begrippen samen, of maak de "
            "term of afkorting anders."
        ],
    ),
    "duplicate-afkorting-in-other-letters": (
        [("begrippen.yaml", "  - term: Wijkteam", "  - term: Wijkteam\n    afkorting: Oogo")],
        [
            "data/begrippen.yaml:9: begrippen[1].afkorting: 'Oogo' staat al op regel 4 (als term of afkorting; "
            "hoofdletters en schrijfwijze van accenten tellen niet mee). Voeg de twee begrippen samen, of maak de "
            "term of afkorting anders."
        ],
    ),
    "term-that-is-another-afkorting": (
        [("begrippen.yaml", "  - term: Wijkteam", "  - term: OOGO")],
        [
            "data/begrippen.yaml:8: begrippen[1].term: 'OOGO' staat al op regel 4 (als term of afkorting; "
            "hoofdletters en schrijfwijze van accenten tellen niet mee). Voeg de twee begrippen samen, of maak de "
            "term of afkorting anders."
        ],
    ),
    "gremium-under-itself": (
        [("organisatie.yaml", "    valt_onder: bestuurlijk-overleg", "    valt_onder: werkgroep-test")],
        [
            "data/organisatie.yaml:15: gremia[1].valt_onder: 'werkgroep-test' valt via 'valt_onder' uiteindelijk "
            "onder zichzelf. Haal de kring weg: het hoogste gremium heeft geen 'valt_onder'."
        ],
    ),
    "valt-onder-cycle-of-two": (
        [("organisatie.yaml", "    samenstelling: Wethouders en bestuurders.", "    samenstelling: Wethouders en bestuurders.\n    valt_onder: werkgroep-test")],
        [
            "data/organisatie.yaml:10: gremia[0].valt_onder: 'bestuurlijk-overleg' valt via 'valt_onder' uiteindelijk "
            "onder zichzelf. Haal de kring weg: het hoogste gremium heeft geen 'valt_onder'.",
            "data/organisatie.yaml:16: gremia[1].valt_onder: 'werkgroep-test' valt via 'valt_onder' uiteindelijk "
            "onder zichzelf. Haal de kring weg: het hoogste gremium heeft geen 'valt_onder'.",
        ],
    ),
    "history-year-out-of-order": (
        [(OPGAVE, "  - datum: 2024-03-14\n", "  - datum: 2022\n")],
        [
            f"{OPGAVE_PATH}:19: statushistorie[1].datum: 2022 ligt vóór de stap erboven. "
            "Zet de statushistorie in volgorde van oud naar nieuw."
        ],
    ),
    "history-date-out-of-order": (
        [("pilots/wijk-test.yaml", "  - datum: 2022\n", "  - datum: 2024-01-01\n")],
        [
            "data/pilots/wijk-test.yaml:12: statushistorie[1].datum: 2023-12-31 ligt vóór de stap erboven. "
            "Zet de statushistorie in volgorde van oud naar nieuw."
        ],
    ),
    "history-new-step-at-the-top": (
        [
            (
                OPGAVE,
                "status: in uitvoering\nstatushistorie:\n",
                "status: bereikt\nstatushistorie:\n  - datum: 2025\n    status: bereikt\n"
                "    bronnen:\n      - bron: testbron\n",
            )
        ],
        [
            f"{OPGAVE_PATH}:14: statushistorie[0]: de nieuwste stap (2025, 'bereikt') staat bovenaan de "
            "statushistorie. Zet hem onderaan: de statushistorie loopt van oud naar nieuw."
        ],
    ),
    "history-a-step-out-of-order-is-compared-with-the-step-right-above-it": (
        [
            (OPGAVE, "      - bron: testbron\n  - datum: 2024-03-14\n", "      - bron: testbron\n  - datum: 2025\n"
             "    status: verkennend\n    bronnen:\n      - bron: testbron\n  - datum: 2024-03-14\n"),
            (OPGAVE, "      - bron: testbron\nperiodes:", "      - bron: testbron\n  - datum: 2024-06-01\n"
             "    status: in uitvoering\n    bronnen:\n      - bron: testbron\nperiodes:"),
        ],
        [
            f"{OPGAVE_PATH}:23: statushistorie[2].datum: 2024-03-14 ligt vóór de stap erboven. "
            "Zet de statushistorie in volgorde van oud naar nieuw."
        ],
    ),
    # Without --base the validator cannot tell a new step from an old one transcribed from a
    # source, which may have no besluit: a step without one is left to --base (test_changes_since.py)
    "history-a-step-without-besluit-is-left-to-the-comparison-with-base": (
        [
            (OPGAVE, "status: in uitvoering\nstatushistorie", "status: bereikt\nstatushistorie"),
            (OPGAVE, "      - bron: testbron\nperiodes:", "      - bron: testbron\n  - datum: 2025\n"
             "    status: bereikt\n    bronnen:\n      - bron: testbron\nperiodes:"),
        ],
        [],
    ),
    "history-not-ending-in-the-current-status": (
        [(OPGAVE, "status: in uitvoering\nstatushistorie", "status: bereikt\nstatushistorie")],
        [
            f"{OPGAVE_PATH}:12: status: de status 'bereikt' is niet gelijk aan de laatste stap in de statushistorie "
            "('in uitvoering'). Voeg een stap met de nieuwe status en het besluit toe aan de statushistorie."
        ],
    ),
    "pilot-history-not-ending-in-the-current-status": (
        [("pilots/wijk-test.yaml", "status: gestopt\nstatushistorie", "status: in uitvoering\nstatushistorie")],
        [
            "data/pilots/wijk-test.yaml:6: status: de status 'in uitvoering' is niet gelijk aan de laatste stap in de "
            "statushistorie ('gestopt'). Voeg een stap met de nieuwe status en het besluit toe aan de statushistorie."
        ],
    ),
}


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES.keys())
def test_check(region, edits: list[tuple[str, str, str]], expected: list[str]):
    for edit in edits:
        region.edit(*edit)
    assert region.messages() == expected


def test_a_file_with_schema_errors_does_not_also_break_the_references_to_it(region):
    region.edit("regio.yaml", "naam: Testregio", "naam: 12")
    region.edit("organisatie.yaml", "toelichting: Zo werken we samen in de test.", "toelichting: [Zo werken we")
    region.edit("agenda/thuiszitters.yaml", "titel: Geen kind thuis", "titel: Geen kind thuis\ntitel: dubbel")
    assert region.messages() == [
        "data/agenda/thuiszitters.yaml:4: titel: het veld 'titel' staat twee keer in hetzelfde blok (ook op regel 3). "
        "Voeg de twee samen of verwijder er één; anders telt alleen de laatste.",
        "data/organisatie.yaml:2: (bestand): YAML kan niet gelezen worden: er mist een ']' aan het eind van de lijst, "
        "of een komma tussen twee punten (YAML-melding: did not find expected ',' or ']').",
        "data/regio.yaml:2: naam: hier hoort tekst, maar er staat een geheel getal. "
        "Een korte tekst van één regel of alinea.",
    ]


def test_references_are_checked_where_the_defining_file_is_valid(region):
    # visie.yaml is broken, so principes are not checked; gremia still are
    region.edit("visie.yaml", "      - id: samen", "      - id: Samen")
    region.edit(OPGAVE, "principes: [dicht-bij-huis]", "principes: [bestaat-niet]")
    region.edit(OPGAVE, "trekker: werkgroep-test", "trekker: bestaat-niet")
    assert region.messages() == [
        unknown(f"{OPGAVE_PATH}:29: trekker", "bestaat-niet", "gremium in organisatie.yaml", GREMIA),
        "data/visie.yaml:21: versies[1].principes[1].id: 'Samen' heeft niet de juiste vorm. Korte code van kleine "
        "letters, cijfers en streepjes, zoals 'werkgroep-zorg' of 'thuiszitters'. Geen spaties of hoofdletters.",
    ]


def test_the_period_of_a_measurement_is_a_time_not_a_reference(region):
    # '2023' and '2024-S1' are no agenda periods in regio.yaml, and need not be
    region.edit(PILOT, 'periode: "2023"', 'periode: "2019-Q4"')
    assert region.messages() == []


def test_onbekend_is_accepted_wherever_a_reference_may_be_unknown(region):
    region.edit(OPGAVE, "thema: dichtbij", "thema: onbekend")
    region.edit(OPGAVE, "trekker: werkgroep-test", "trekker: onbekend")
    region.edit(PILOT, "opgave: leerlingenvervoer", "opgave: onbekend")
    assert region.messages() == []


def test_a_year_step_and_a_date_step_in_the_same_year_are_in_order(region):
    region.edit(OPGAVE, "  - datum: 2023\n", "  - datum: 2024\n")
    region.edit(
        OPGAVE,
        "  - datum: 2024-03-14\n",
        "  - datum: onbekend\n    status: verkennend\n    bronnen: [{bron: testbron}]\n"
        "  - datum: 2024-01-01\n    status: verkennend\n    bronnen: [{bron: testbron}]\n"
        "  - datum: 2024\n",
    )
    assert region.messages() == []


def test_a_begrip_may_abbreviate_to_its_own_term(region):
    region.edit("begrippen.yaml", "  - term: Wijkteam", "  - term: ICT\n    afkorting: ict")
    assert region.messages() == []


def test_the_valid_region_has_no_problems(region):
    assert region.messages() == []


def test_the_kinds_the_checks_read_from_layout_match_the_schemas():
    """The kinds with a status are those whose schema has a status history, a herziening and
    evaluations; each record's file is named by a required field of its schema."""
    fields = {kind: schemas.schema(kind)["properties"] for kind in FOLDERS.values()}
    assert STATUS_KINDS == tuple(
        kind for kind, known in fields.items() if {"status", "statushistorie", "herziening", "evaluaties"} <= set(known)
    )
    assert set(FILE_NAME_FIELDS) == set(FOLDERS.values())
    for kind, name in FILE_NAME_FIELDS.items():
        assert name in schemas.schema(kind)["required"]
