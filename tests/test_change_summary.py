"""The summary of a change in plain Dutch (agenda.change_summary): computed from the model before
and after, each kind of change with its exact text, and text from the data escaped for GitHub."""

from __future__ import annotations

import pytest
from conftest import Region

from agenda.change_summary import github_text, summarise
from agenda.model import Model
from agenda.problems import Problem

OPGAVE = "agenda/leerlingenvervoer.yaml"
PILOT = "pilots/school-test.yaml"
HEADING = "### Wat verandert er in de agenda\n\n"
LLV = "Opgave *Samenwerking onderwijs en leerlingenvervoer*"
NEW_STEP = """\
  - datum: 2025-03-14
    status: bereikt
    besluit:
      datum: 2025-03-14
      gremium: werkgroep-test
      verslag: Verslag van 14 maart
    bronnen:
      - bron: testbron
periodes:"""


def valid(region: Region) -> Model:
    result = region.load()
    assert [p.format() for p in result.errors] == []
    return result.model


def summary_after(region: Region, *edits: tuple[str, str, str]) -> str:
    """The summary of the change that ``edits`` (file, old text, new text) make to the valid region."""
    before = valid(region)
    for name, old, new in edits:
        region.edit(name, old, new)
    return summarise(before, valid(region))


def test_no_change_says_so(region: Region) -> None:
    model = valid(region)
    assert summarise(model, model) == HEADING + "Deze wijziging verandert niets aan de gegevens van de agenda.\n"


def test_a_status_change_names_the_decision_the_gremium_the_date_and_the_minutes(region: Region) -> None:
    assert summary_after(
        region,
        (OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:"),
        (OPGAVE, "periodes:", NEW_STEP),
    ) == HEADING + (
        f"- {LLV}: status van *in uitvoering* naar *bereikt*, besluit van Werkgroep Test op 14 maart 2025 "
        "(verslag: Verslag van 14 maart).\n"
    )


def test_a_decision_of_a_year_without_minutes(region: Region) -> None:
    step = NEW_STEP.replace("      datum: 2025-03-14\n", "      datum: 2025\n").replace("      verslag: Verslag van 14 maart\n", "")
    assert summary_after(
        region,
        (OPGAVE, "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:"),
        (OPGAVE, "periodes:", step),
    ) == HEADING + f"- {LLV}: status van *in uitvoering* naar *bereikt*, besluit van Werkgroep Test in 2025.\n"


def test_a_new_opgave_and_a_new_pilot(region: Region) -> None:
    before = valid(region)
    opgave = (region.data / "agenda" / "thuiszitters.yaml").read_text(encoding="utf-8")
    region.write("agenda/vroeg-signaleren.yaml", opgave.replace("thuiszitters", "vroeg-signaleren").replace("Geen kind thuis", "Vroeg signaleren"))
    pilot = (region.data / PILOT).read_text(encoding="utf-8")
    region.write("pilots/nieuwe-pilot.yaml", pilot.replace("id: school-test", "id: nieuwe-pilot").replace("Jeugdhulp op de testschool", "Hulp in de klas"))
    assert summarise(before, valid(region)) == HEADING + (
        "- Nieuwe opgave *Vroeg signaleren*, met de status *verkennend*.\n"
        "- Nieuwe pilot *Hulp in de klas*, met de status *in uitvoering*.\n"
    )


def test_a_new_evaluation_and_a_new_source(region: Region) -> None:
    before = valid(region)
    evaluation = (region.data / "evaluaties" / "2024.yaml").read_text(encoding="utf-8")
    region.write("evaluaties/2025.yaml", evaluation.replace("jaar: 2024", "jaar: 2025").replace("Evaluatie 2024", "Evaluatie 2025"))
    region.edit("regio.yaml", "licentie:", "  - id: verslag-llv\n    titel: Verslag werkgroep LLV\n    datering: 14 maart 2025\nlicentie:")
    assert summarise(before, valid(region)) == HEADING + (
        "- Nieuwe evaluatie *Evaluatie 2025*, over 2025.\n"
        "- Nieuwe bron *Verslag werkgroep LLV* (14 maart 2025).\n"
    )


def test_a_new_mijlpaal_and_a_mijlpaal_reached(region: Region) -> None:
    assert summary_after(
        region,
        (OPGAVE, "    gereed: onbekend\n", "    datum: 2025-05-01\n    gereed: ja\n"),
        (OPGAVE, "uitgewerkt\n    gereed: ja\n", "uitgewerkt\n    gereed: nee\n"),
        (OPGAVE, "verwant:", "  - jaar: 2026\n    omschrijving: Eén loket\n    gereed: nee\n    bronnen:\n      - bron: testbron\nverwant:"),
    ) == HEADING + (
        f"- {LLV}: mijlpaal *Uitgangspunten uitgewerkt*: gereed van *ja* naar *nee*.\n"
        f"- {LLV}: mijlpaal *Afspraken in alle gemeenten* is bereikt op 1 mei 2025.\n"
        f"- {LLV}: nieuwe mijlpaal *Eén loket* (jaar 2026).\n"
    )


def test_a_new_measurement_and_a_new_yearly_evaluation(region: Region) -> None:
    measurement = '      - periode: "2025"\n        waarde: 31.5\n        bronnen:\n          - bron: testbron\n    bronnen:\n      - bron: testbron\n  - id: tevredenheid'
    shielded = '    metingen:\n      - periode: 2025-S1\n        afgeschermd: true\n        bronnen:\n          - bron: testbron\n    bronnen:\n      - bron: testbron\nsturing:'
    evaluation = "evaluaties:\n  - jaar: 2024\n    voortgang: Nog niet klaar.\n    bronnen:\n      - bron: testbron\nbronnen:"
    assert summary_after(
        region,
        (PILOT, "    bronnen:\n      - bron: testbron\n  - id: tevredenheid", measurement),
        (PILOT, "    richting: onbekend\n    bronnen:\n      - bron: testbron\nsturing:", "    richting: onbekend\n" + shielded),
        ("agenda/thuiszitters.yaml", "trekker: onbekend\nbronnen:", "trekker: onbekend\n" + evaluation),
    ) == HEADING + (
        "- Opgave *Geen kind thuis*: nieuwe jaarevaluatie over 2024.\n"
        "- Pilot *Jeugdhulp op de testschool*: nieuwe meting van *Minder verwijzingen* over 2025: 31\\,5 kinderen.\n"
        "- Pilot *Jeugdhulp op de testschool*: nieuwe meting van *Tevredenheid* over 2025\\-S1: afgeschermd "
        "(minder dan 10, niet getoond).\n"
    )


def test_a_removed_record(region: Region) -> None:
    before = valid(region)
    (region.data / "pilots" / "wijk-test.yaml").unlink()
    assert summarise(before, valid(region)) == HEADING + "- Pilot *Wijkteam in de testwijk* is verwijderd.\n"


def test_changed_texts_are_named_by_the_titles_of_their_fields(region: Region) -> None:
    assert summary_after(
        region,
        (OPGAVE, "samenvatting: Afspraken", "samenvatting: Nieuwe afspraken"),
        (OPGAVE, "  - dan de uitvoering", "  - dan de uitvoering\n  - en dan de evaluatie"),
        (OPGAVE, "    voortgang: Goed op weg.", "    voortgang: Beter op weg."),
        ("evaluaties/2024.yaml", "Het gaat **goed**.", "Het gaat beter."),
        ("regio.yaml", "    datering: omstreeks 2024", "    datering: eind 2024"),
        ("organisatie.yaml", "naam: Werkgroep Test", "naam: Werkgroep Toets"),
    ) == HEADING + (
        f"- {LLV}: de tekst is veranderd bij Samenvatting, Beschrijving en Evaluaties.\n"
        "- Evaluatie *Evaluatie 2024*: de tekst is veranderd bij Samenvatting.\n"
        "- Bron *Tweede verzonnen document*: de tekst is veranderd bij Datering.\n"
        "- De organisatie: de tekst is veranderd bij Gremia.\n"
    )


def test_the_warnings_of_the_validator_come_last(region: Region) -> None:
    model = valid(region)
    warning = Problem(path="data/pilots/x.yaml", line=3, field="herziening", message="kijk dit na", severity="waarschuwing")
    assert summarise(model, model, [warning]) == HEADING + (
        "Deze wijziging verandert niets aan de gegevens van de agenda.\n\n"
        "### Waarschuwingen van de controle\n\n"
        "- data\\/pilots\\/x\\.yaml\\:&#8203;3\\:&#8203; herziening\\:&#8203; waarschuwing\\:&#8203; kijk dit na\n"
    )


def test_without_an_earlier_version_every_record_is_new(region: Region) -> None:
    assert summarise(None, valid(region)) == HEADING + (
        "Er is geen eerdere versie van de gegevens om mee te vergelijken (die ontbreekt of heeft fouten). "
        "Alles staat hieronder als nieuw.\n\n"
        "- Nieuwe opgave *Samenwerking onderwijs en leerlingenvervoer*, met de status *in uitvoering*.\n"
        "- Nieuwe opgave *Geen kind thuis*, met de status *verkennend*.\n"
        "- Nieuwe pilot *Jeugdhulp op de testschool*, met de status *in uitvoering*.\n"
        "- Nieuwe pilot *Wijkteam in de testwijk*, met de status *gestopt*.\n"
        "- Nieuwe evaluatie *Evaluatie 2024*, over 2024.\n"
        "- Nieuwe bron *Verzonnen testdocument* (2023).\n"
        "- Nieuwe bron *Tweede verzonnen document* (omstreeks 2024).\n"
    )


HOSTILE = "*Vet* _schuin_ [link](https://x.nl) <b>@jan</b> \"#12\" GH-3 :tada: www.x.nl `code` \\ |"


def test_a_hostile_title_is_plain_text_without_mentions_references_or_links(region: Region) -> None:
    assert summary_after(region, (OPGAVE, "titel: Samenwerking onderwijs en leerlingenvervoer", f"titel: '{HOSTILE}'")) == (
        HEADING + f"- Opgave *{github_text(HOSTILE)}*: de tekst is veranderd bij Titel.\n"
    )


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        (HOSTILE, (
            "\\*Vet\\* \\_schuin\\_ \\[link\\]\\(https\\:&#8203;\\/\\/x\\.nl\\) \\<b\\>\\@&#8203;jan\\<\\/b\\> "
            "\\\"\\#&#8203;12\\\" GH&#8203;\\-3 \\:&#8203;tada\\:&#8203; www\\.x\\.nl \\`code\\` \\\\ \\|"
        )),
        ("Regel één\nregel  twee", "Regel één regel twee"),
        ("&amp; &#64;", "\\&amp\\; \\&\\#&#8203;64\\;"),
    ],
)
def test_github_text(text: str, markdown: str) -> None:
    assert github_text(text) == markdown
