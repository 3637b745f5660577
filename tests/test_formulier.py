"""scripts/formulier.py: a submitted issue form, in GitHub's exact body format, becomes the
smallest change of the data; it is refused, with every problem in Dutch and nothing written, when
it cannot be applied or the result is not valid."""

from __future__ import annotations

import difflib
import filecmp
import re
import shutil
from pathlib import Path

import pytest

from agenda.change_summary import HEADING
from agenda.checks.changes_since import check_changes_between
from agenda.commands.formulier import REFUSED, main, refusal
from agenda.datafiles import display_path
from agenda.loader import load
from agenda.schemas import SCHEMA_DIR
from agenda.yamlfile import read_yaml

from conftest import GELDIG, REPO

SUMMARY = HEADING + "\n\n"
PRIVACY = "- [X] Mijn formulier bevat geen namen of andere gegevens van kinderen, ouders of medewerkers."


def body(*fields: tuple[str, str]) -> str:
    """A body as GitHub writes it: '### Label', a blank line, the answer; fields apart by a blank line."""
    return "\n\n".join(f"### {label}\n\n{value}" for label, value in fields)


def status_body(**answers: str) -> str:
    values = {
        "Opgave of pilot": "Opgave: Samenwerking onderwijs en leerlingenvervoer",
        "Nieuwe status": "bereikt",
        "Datum van het besluit": "2025-03-14",
        "Gremium dat besloot": "Werkgroep Test",
        "Verslag": "_No response_",
        "Bron": "_No response_",
        "Toelichting": "_No response_",
        "Persoonsgegevens": PRIVACY,
    }
    values.update({label.replace("_", " "): value for label, value in answers.items()})
    return body(*values.items())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(GELDIG, folder)
    return folder


def run(data: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = data.parent / "body.md"
    path.write_text(text, encoding="utf-8")
    code = main([str(path), "--data", str(data)])
    return code, capsys.readouterr().out


def text(data: Path, name: str) -> str:
    return (data / name).read_text(encoding="utf-8")


def unchanged_except(data: Path, *names: str) -> None:
    """Every file of the data folder is as in the fixture, but ``names``."""
    files = sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file())
    assert files == sorted({*names, *(p.relative_to(GELDIG).as_posix() for p in GELDIG.rglob("*") if p.is_file())})
    for name in files:
        if name not in names:
            assert filecmp.cmp(data / name, GELDIG / name, shallow=False), name


def refused(data: Path, code: int, out: str, *problems: str, details: tuple[str, ...] = ()) -> None:
    """Exit 1, every problem (shown letter for letter in GitHub's Markdown), nothing written."""
    assert code == 1
    assert out == refusal(problems, details)
    unchanged_except(data)


def test_a_status_change_with_a_new_verslag(data: Path, capsys) -> None:
    # the body exactly as GitHub writes it for the form statuswijziging.yml
    submitted = (
        "### Opgave of pilot\n\nOpgave: Samenwerking onderwijs en leerlingenvervoer\n\n"
        "### Nieuwe status\n\nbereikt\n\n"
        "### Datum van het besluit\n\n2025-03-14\n\n"
        "### Gremium dat besloot\n\nWerkgroep Test\n\n"
        "### Verslag\n\nVerslag werkgroep test 14 maart 2025\n\n"
        "### Bron\n\n_No response_\n\n"
        "### Toelichting\n\nDe afspraken staan.\n\n"
        "### Persoonsgegevens\n\n" + PRIVACY
    )
    opgave, regio = text(GELDIG, "agenda/leerlingenvervoer.yaml"), text(GELDIG, "regio.yaml")
    code, out = run(data, submitted, capsys)
    assert (code, out) == (
        0,
        SUMMARY + "- Opgave *Samenwerking onderwijs en leerlingenvervoer*: status van *in uitvoering* naar "
        "*bereikt*, besluit van Werkgroep Test op 14 maart 2025 (verslag: Verslag werkgroep test 14 maart 2025).\n"
        "- Nieuwe bron *Verslag werkgroep test 14 maart 2025* (2025\\-03\\-14).\n",
    )
    last_step = "      verslag: BO-2024-03\n    bronnen:\n      - bron: testbron\n"
    assert text(data, "agenda/leerlingenvervoer.yaml") == opgave.replace(
        "status: in uitvoering\nstatushistorie:", "status: bereikt\nstatushistorie:"
    ).replace(
        last_step,
        last_step
        + "  - datum: 2025-03-14\n"
        "    status: bereikt\n"
        "    toelichting: De afspraken staan.\n"
        "    besluit:\n"
        "      datum: 2025-03-14\n"
        "      gremium: werkgroep-test\n"
        "      verslag: Verslag werkgroep test 14 maart 2025\n"
        "    bronnen:\n"
        "      - bron: verslag-werkgroep-test-14-maart-2025\n",
    )
    assert text(data, "regio.yaml") == regio.replace(
        "    datering: omstreeks 2024\n",
        "    datering: omstreeks 2024\n"
        "  - id: verslag-werkgroep-test-14-maart-2025\n"
        "    titel: Verslag werkgroep test 14 maart 2025\n"
        "    soort: verslag\n"
        '    datering: "2025-03-14"\n',
    )
    unchanged_except(data, "agenda/leerlingenvervoer.yaml", "regio.yaml")
    assert load(data).errors == ()


def _shapes(yaml_text: str) -> list[str]:
    """Each line's indentation and key (or list dash), without values and comments."""
    lines = [line for line in yaml_text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return [re.sub(r"^(\s*(?:- )?[a-z_]+:).*$", r"\1", line) for line in lines]


def test_a_status_change_is_written_the_way_the_bijdragen_page_shows_a_hand_edit(data: Path, capsys) -> None:
    page = (REPO / "docs" / "bijdragen" / "index.md").read_text(encoding="utf-8")
    section = page.split("## Een nieuwe status", 1)[1].split("\n## ", 1)[0]
    history, sources = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    opgave, regio = text(GELDIG, "agenda/leerlingenvervoer.yaml"), text(GELDIG, "regio.yaml")
    code, _ = run(data, status_body(Verslag="Verslag werkgroep test 14 maart 2025"), capsys)
    assert code == 0
    added = {
        name: "".join(line[2:] for line in difflib.ndiff(before.splitlines(True), text(data, name).splitlines(True))
                      if line.startswith("+ "))
        for name, before in (("agenda/leerlingenvervoer.yaml", opgave), ("regio.yaml", regio))
    }
    assert _shapes(added["agenda/leerlingenvervoer.yaml"]) == ["status:"] + _shapes(history)[1:]
    assert _shapes(added["regio.yaml"]) == _shapes(sources)[1:]


def test_a_status_change_of_a_pilot_with_a_known_source_and_a_year(data: Path, capsys) -> None:
    pilot = text(GELDIG, "pilots/school-test.yaml")
    code, out = run(
        data,
        status_body(**{"Opgave of pilot": "Pilot: Jeugdhulp op de testschool", "Datum van het besluit": "2025",
                       "Bron": "Tweede verzonnen document (omstreeks 2024)", "Nieuwe status": "gestopt"}),
        capsys,
    )
    assert (code, out) == (
        0,
        SUMMARY + "- Pilot *Jeugdhulp op de testschool*: status van *in uitvoering* naar *gestopt*, besluit van "
        "Werkgroep Test in 2025.\n",
    )
    first_step = "  - datum: 2023-09-01\n    status: in uitvoering\n    bronnen:\n      - bron: testbron\n"
    assert text(data, "pilots/school-test.yaml") == pilot.replace(
        "status: in uitvoering\nstatushistorie:", "status: gestopt\nstatushistorie:"
    ).replace(
        first_step,
        first_step + "  - datum: 2025\n    status: gestopt\n    besluit:\n      datum: 2025\n"
        "      gremium: werkgroep-test\n    bronnen:\n      - bron: tweede-bron\n",
    )
    unchanged_except(data, "pilots/school-test.yaml")


def test_a_verslag_that_is_already_a_source_is_not_registered_again(data: Path, capsys) -> None:
    code, _ = run(data, status_body(Verslag="Tweede verzonnen document"), capsys)
    assert code == 0
    assert "      verslag: Tweede verzonnen document\n    bronnen:\n      - bron: tweede-bron\n" in text(
        data, "agenda/leerlingenvervoer.yaml"
    )
    unchanged_except(data, "agenda/leerlingenvervoer.yaml")


def test_a_new_opgave(data: Path, capsys) -> None:
    code, out = run(
        data,
        body(
            ("Titel", "Samen naar één loket"),
            ("Samenvatting", "Ouders vinden hulp op één plek."),
            ("Status", "verkennend"),
            ("Trekker", "Werkgroep Test"),
            ("Bron", "Verzonnen testdocument (2023)"),
            ("Beschrijving", "Eerst de **scholen**.\n\n- dan de gemeenten"),
            ("Persoonsgegevens", PRIVACY),
        ),
        capsys,
    )
    assert (code, out) == (0, SUMMARY + "- Nieuwe opgave *Samen naar één loket*, met de status *verkennend*.\n")
    written = text(data, "agenda/samen-naar-een-loket.yaml")
    fields = [line for line in written.splitlines() if line and not line.lstrip().startswith("#")]
    assert fields == [
        "id: samen-naar-een-loket",
        "titel: Samen naar één loket",
        "samenvatting: Ouders vinden hulp op één plek.",
        "beschrijving: 'Eerst de **scholen**.",
        "  - dan de gemeenten'",
        "thema: onbekend",
        "niveau: onbekend",
        "status: verkennend",
        "statushistorie:",
        "  - datum: onbekend",
        "    status: verkennend",
        "    bronnen:",
        "      - bron: testbron",
        "trekker: werkgroep-test",
        "bronnen:",
        "  - bron: testbron",
    ]
    schema_line = written.splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    assert (data / "agenda" / schema_line).resolve() == SCHEMA_DIR / "opgave.schema.json"
    unchanged_except(data, "agenda/samen-naar-een-loket.yaml")
    assert load(data).errors == ()


def test_a_new_opgave_without_a_trekker_has_an_unknown_one(data: Path, capsys) -> None:
    code, _ = run(
        data,
        body(("Titel", "Nog een opgave"), ("Samenvatting", "Kort."), ("Status", "verkennend"),
             ("Trekker", "_No response_"), ("Bron", "Verzonnen testdocument (2023)"),
             ("Beschrijving", "_No response_"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    assert code == 0
    written = text(data, "agenda/nog-een-opgave.yaml")
    assert "\ntrekker: onbekend\n" in written and "\nbeschrijving:" not in written


def meting_body(indicator: str, periode: str, waarde: str, afgeschermd: bool) -> str:
    box = "- [X]" if afgeschermd else "- [ ]"
    return body(
        ("Indicator", indicator),
        ("Periode", periode),
        ("Waarde", waarde),
        ("Afgeschermd", f"{box} Minder dan 10: de waarde wordt niet getoond."),
        ("Bron", "Verzonnen testdocument (2023)"),
        ("Persoonsgegevens", PRIVACY),
    )


def test_a_meting(data: Path, capsys) -> None:
    pilot = text(GELDIG, "pilots/school-test.yaml")
    code, out = run(data, meting_body("Jeugdhulp op de testschool: Minder verwijzingen", "2024", "37,5", False), capsys)
    assert (code, out) == (
        0,
        SUMMARY + "- Pilot *Jeugdhulp op de testschool*: nieuwe meting van *Minder verwijzingen* over 2024: "
        "37\\,5 kinderen.\n",
    )
    last = "        toelichting: Minder dan 10 kinderen.\n        bronnen:\n          - bron: testbron\n"
    assert text(data, "pilots/school-test.yaml") == pilot.replace(
        last, last + '      - periode: "2024"\n        waarde: 37.5\n        bronnen:\n          - bron: testbron\n'
    )
    unchanged_except(data, "pilots/school-test.yaml")


def test_a_shielded_meting_of_an_indicator_without_metingen(data: Path, capsys) -> None:
    pilot = text(GELDIG, "pilots/school-test.yaml")
    code, out = run(data, meting_body("Jeugdhulp op de testschool: Tevredenheid", "2024-Q3", "_No response_", True), capsys)
    assert (code, out) == (
        0,
        SUMMARY + "- Pilot *Jeugdhulp op de testschool*: nieuwe meting van *Tevredenheid* over 2024\\-Q3: "
        "afgeschermd (minder dan 10, niet getoond).\n",
    )
    anchor = "    naam: Tevredenheid\n    richting: onbekend\n"
    assert text(data, "pilots/school-test.yaml") == pilot.replace(
        anchor,
        anchor + "    metingen:\n      - periode: 2024-Q3\n        afgeschermd: true\n        bronnen:\n"
        "          - bron: testbron\n",
    )


def test_a_new_source(data: Path, capsys) -> None:
    regio = text(GELDIG, "regio.yaml")
    code, out = run(
        data,
        body(("Titel van het document", "Besluitenlijst BO 2025"), ("Soort document", "besluitenlijst"),
             ("Datering", "2025"), ("Webadres", "_No response_"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    assert (code, out) == (0, SUMMARY + "- Nieuwe bron *Besluitenlijst BO 2025* (2025).\n")
    assert text(data, "regio.yaml") == regio.replace(
        "    datering: omstreeks 2024\n",
        "    datering: omstreeks 2024\n  - id: besluitenlijst-bo-2025\n    titel: Besluitenlijst BO 2025\n"
        '    soort: besluitenlijst\n    datering: "2025"\n',
    )
    unchanged_except(data, "regio.yaml")


def test_a_new_source_with_its_web_address(data: Path, capsys) -> None:
    regio = text(GELDIG, "regio.yaml")
    code, out = run(
        data,
        body(("Titel van het document", "Verslag OOGO 2025"), ("Soort document", "_No response_"), ("Datering", "2025-03-14"),
             ("Webadres", "https://example.org/verslag-oogo-2025.pdf"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    assert code == 0, out
    assert text(data, "regio.yaml") == regio.replace(
        "    datering: omstreeks 2024\n",
        "    datering: omstreeks 2024\n  - id: verslag-oogo-2025\n    titel: Verslag OOGO 2025\n"
        '    datering: "2025-03-14"\n    adres: https://example.org/verslag-oogo-2025.pdf\n',
    )


def test_a_web_address_that_is_not_one_is_refused(data: Path, capsys) -> None:
    code, out = run(
        data,
        body(("Titel van het document", "Verslag OOGO 2025"), ("Soort document", "_No response_"), ("Datering", "2025"),
             ("Webadres", "www.example.org/verslag"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    refused(data, code, out, "Webadres: schrijf het hele adres, zonder spaties. Het begint met https://.")


def test_a_mijlpaal_reached(data: Path, capsys) -> None:
    opgave = text(GELDIG, "agenda/leerlingenvervoer.yaml")
    code, out = run(
        data,
        body(("Mijlpaal", "Samenwerking onderwijs en leerlingenvervoer: Afspraken in alle gemeenten (onbekend)"),
             ("Bron", "Verzonnen testdocument (2023)"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    assert (code, out) == (
        0,
        SUMMARY + "- Opgave *Samenwerking onderwijs en leerlingenvervoer*: mijlpaal *Afspraken in alle gemeenten* "
        "is bereikt.\n"
        "- Opgave *Samenwerking onderwijs en leerlingenvervoer*: de tekst is veranderd bij Mijlpalen.\n",
    )
    assert text(data, "agenda/leerlingenvervoer.yaml") == opgave.replace(
        "    gereed: onbekend\n    bronnen:\n      - bron: tweede-bron\n",
        "    gereed: ja\n    bronnen:\n      - bron: tweede-bron\n      - bron: testbron\n",
    )
    unchanged_except(data, "agenda/leerlingenvervoer.yaml")


HOSTILE = [
    "Aanhalingstekens \" en ' samen",
    "Dubbele punt: en # geen commentaar",
    "`backticks` en $(rm -rf /) en ${{ secrets.GITHUB_TOKEN }}",
    "{{ config.site_name }} {% if x %}Jinja{% endif %}",
    "<script>alert(1)</script> & <b>HTML</b>",
    "- geen lijst",
    "yes",
    "2025-03-14",
    "1:20",
    "Eerste regel\nTweede regel: met # en \"quotes\"",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_values_are_stored_as_literal_text(data: Path, capsys, value: str) -> None:
    code, _ = run(data, status_body(Toelichting=value, Verslag="Verslag " + value.replace("\n", " ")), capsys)
    assert code == 0
    doc, problems = read_yaml("x", text(data, "agenda/leerlingenvervoer.yaml").encode())
    assert problems == []
    step = doc.data["statushistorie"][-1]
    assert step["toelichting"] == value
    assert step["besluit"]["verslag"] == "Verslag " + value.replace("\n", " ")
    unchanged_except(data, "agenda/leerlingenvervoer.yaml", "regio.yaml")


def test_a_new_opgave_with_hostile_text_is_stored_literally(data: Path, capsys) -> None:
    titel = "${{ github.token }}: `x` # {{ y }} <i>z</i> \"q\""
    code, _ = run(
        data,
        body(("Titel", titel), ("Samenvatting", HOSTILE[-1]), ("Status", "verkennend"), ("Trekker", "_No response_"),
             ("Bron", "Verzonnen testdocument (2023)"), ("Beschrijving", "_No response_"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    assert code == 0
    [written] = (data / "agenda").glob("github-token-*.yaml")
    doc, _ = read_yaml("x", written.read_bytes())
    assert (doc.data["titel"], doc.data["samenvatting"]) == (titel, HOSTILE[-1])


def test_every_problem_of_a_form_is_named_and_nothing_is_written(data: Path, capsys) -> None:
    code, out = run(
        data,
        status_body(**{"Opgave of pilot": "Opgave: Bestaat niet", "Datum van het besluit": "2025-02-30",
                       "Gremium dat besloot": "werkgroep-test", "Persoonsgegevens": "- [ ] " + PRIVACY[6:]}),
        capsys,
    )
    refused(
        data, code, out,
        "Persoonsgegevens: vink het vakje aan: 'Mijn formulier bevat geen namen of andere gegevens van kinderen, "
        "ouders of medewerkers.'",
        "Opgave of pilot: 'Opgave: Bestaat niet' is geen keuze van dit formulier. Kies een van de keuzes in de lijst.",
        "Datum van het besluit: de datum 2025-02-30 bestaat niet. Schrijf een datum als jjjj-mm-dd, zoals 2025-03-14.",
        "Gremium dat besloot: 'werkgroep-test' is geen keuze van dit formulier. Kies een van de keuzes in de lijst.",
        "Verslag: noem het verslag, of kies bij 'Bron' het brondocument over het besluit.",
    )


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        ({"Datum van het besluit": "14-03-2025"},
         "Datum van het besluit: '14-03-2025' is geen datum. Schrijf jjjj-mm-dd, zoals 2025-03-14, of alleen het "
         "jaar, zoals 2025."),
        ({"Datum van het besluit": "onbekend"},
         "Datum van het besluit: 'onbekend' is geen datum. Schrijf jjjj-mm-dd, zoals 2025-03-14, of alleen het "
         "jaar, zoals 2025."),
        ({"Datum van het besluit": "2101"}, "Datum van het besluit: het jaar 2101 ligt niet tussen 1990 en 2100."),
        ({"Verslag": "Twee\nregels"}, "Verslag: schrijf dit op één regel."),
        ({"Nieuwe status": "in uitvoering"}, "Nieuwe status: de status is al 'in uitvoering'."),
        ({"Nieuwe status": "klaar"},
         "Nieuwe status: 'klaar' is geen keuze van dit formulier. Kies een van de keuzes in de lijst."),
    ],
)
def test_a_wrong_answer_is_refused(data: Path, capsys, answers: dict, problem: str) -> None:
    code, out = run(data, status_body(**{"Verslag": "Verslag", **answers}), capsys)
    refused(data, code, out, problem)


def test_a_change_the_validator_refuses_is_not_written(data: Path, capsys) -> None:
    # a besluit of 2020 comes before the last step (2024-03-14): the history is out of order
    code, out = run(data, status_body(**{"Datum van het besluit": "2020", "Bron": "Verzonnen testdocument (2023)"}), capsys)
    # the problem names the file in the data folder, not in the temporary copy the change was checked in
    shown = display_path(data / "agenda/leerlingenvervoer.yaml")
    refused(
        data, code, out,
        "de wijziging past niet bij de regels voor de gegevens:",
        details=(
            f"{shown}:27: statushistorie[2].datum: 2020 ligt vóór de stap erboven. Zet de statushistorie in "
            "volgorde van oud naar nieuw.",
        ),
    )


@pytest.mark.parametrize(
    ("waarde", "afgeschermd", "problem"),
    [
        ("25", True, "Waarde: laat de waarde leeg als die is afgeschermd (minder dan 10)."),
        ("_No response_", False, "Waarde: vul de waarde in, of vink 'Afgeschermd' aan."),
        ("1.000,5", False, "Waarde: '1.000,5' is geen getal. Schrijf bijvoorbeeld 25 of 12,5."),
    ],
)
def test_a_wrong_meting_is_refused(data: Path, capsys, waarde: str, afgeschermd: bool, problem: str) -> None:
    code, out = run(data, meting_body("Jeugdhulp op de testschool: Minder verwijzingen", "2025", waarde, afgeschermd), capsys)
    refused(data, code, out, problem)


def test_a_meting_for_a_period_that_has_one_or_no_period_is_refused(data: Path, capsys) -> None:
    code, out = run(data, meting_body("Jeugdhulp op de testschool: Minder verwijzingen", "2023", "3", False), capsys)
    refused(data, code, out, "Periode: voor 2023 staat al een meting bij deze indicator.")
    code, out = run(data, meting_body("Jeugdhulp op de testschool: Minder verwijzingen", "2023-13", "3", False), capsys)
    refused(
        data, code, out,
        "Periode: '2023-13' is geen periode. Het jaar (2023), het halfjaar (2023-S1 of 2023-S2), het kwartaal "
        "(2023-Q1 tot en met 2023-Q4) of de maand (2023-01 tot en met 2023-12) van de meting, in de jaren 1990 tot "
        "en met 2100.",
    )


def test_a_known_source_or_opgave_is_not_added_twice(data: Path, capsys) -> None:
    code, out = run(
        data,
        body(("Titel van het document", "Verzonnen testdocument"), ("Soort document", "_No response_"),
             ("Datering", "2023"), ("Webadres", "_No response_"), ("Persoonsgegevens", PRIVACY)),
        capsys,
    )
    refused(data, code, out, "Titel van het document: het document 'Verzonnen testdocument' staat al bij de bronnen.")


UNREADABLE = (
    "dit is geen formulier dat de computer kan verwerken, of een kop ('### ...') is veranderd of staat er "
    "twee keer. Gebruik een van de formulieren 'Statuswijziging', 'Nieuwe opgave', 'Nieuwe meting', "
    "'Nieuw brondocument', 'Mijlpaal bereikt' en verander de koppen niet."
)


@pytest.mark.parametrize(
    "submitted",
    [
        "",
        "Zomaar een vraag.",
        # the form "Meld een fout" is answered by people, not applied
        body(("Pagina", "https://example.org/x/"), ("Wat klopt er niet?", "Alles"), ("Wat zou er moeten staan?", "Niets"),
             ("Bron", "_No response_"), ("Persoonsgegevens", PRIVACY)),
        # an answer that holds the heading of another field
        status_body(Toelichting="Zie hieronder.\n\n### Gremium dat besloot\n\nBestuurlijk overleg"),
        # a heading missing
        status_body().replace("### Verslag\n\n_No response_\n\n", ""),
    ],
)
def test_a_body_that_is_not_one_of_the_forms_is_refused(data: Path, capsys, submitted: str) -> None:
    code, out = run(data, submitted, capsys)
    refused(data, code, out, UNREADABLE)


def test_a_body_of_a_megabyte_is_refused(data: Path, capsys) -> None:
    code, out = run(data, status_body(Toelichting="x" * 1_000_000), capsys)
    refused(data, code, out, "de tekst van het formulier is te lang: meer dan 65536 tekens. Maak de antwoorden korter.")
    code, out = run(data, status_body(Toelichting="x" * 70_000), capsys)
    refused(data, code, out, "de tekst van het formulier is te lang: meer dan 65536 tekens. Maak de antwoorden korter.")


def test_windows_line_ends_are_read(data: Path, capsys) -> None:
    code, _ = run(data, status_body(Verslag="Verslag", Toelichting="Een\ntwee").replace("\n", "\r\n"), capsys)
    assert code == 0
    assert "    toelichting: |-\n      Een\n      twee\n" in text(data, "agenda/leerlingenvervoer.yaml")


def test_a_file_that_cannot_be_edited_without_other_changes_is_refused(data: Path, capsys) -> None:
    path = data / "agenda/leerlingenvervoer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("periodes: [2023-2024]", "periodes: [ 2023-2024 ]"),
                    encoding="utf-8")
    before = path.read_bytes()
    code, out = run(data, status_body(Verslag="Verslag", Bron="Verzonnen testdocument (2023)"), capsys)
    assert (code, out) == (
        1,
        REFUSED + "- agenda\\/leerlingenvervoer\\.yaml kan niet automatisch worden aangepast zonder andere regels "
        "te veranderen\\. Pas het bestand met de hand aan \\(zie de pagina Bijdragen\\)\\.\n",
    )
    assert path.read_bytes() == before


def test_usage_errors(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        main([str(tmp_path / "bestaat-niet.md"), "--data", str(GELDIG)])
    assert exit.value.code == 2
    assert "fout in de opdracht: het bestand" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit:
        main([str(tmp_path), "--data", str(tmp_path / "geen-map")])
    assert exit.value.code == 2


def test_the_rules_of_base_compare_the_folder_with_its_changed_copy(data: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopie"
    shutil.copytree(data, copy)
    path = copy / "agenda/leerlingenvervoer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: in uitvoering\nstatushistorie:",
                                                             "status: bereikt\nstatushistorie:"), encoding="utf-8")
    assert [p.message for p in check_changes_between(data, copy)] == [
        "de status is veranderd van 'in uitvoering' in 'bereikt', maar er is geen nieuwe stap in de "
        "statushistorie. Voeg onderaan de statushistorie een stap toe met de datum, de nieuwe status en het "
        "besluit (datum en gremium)."
    ]
    assert check_changes_between(data, data) == []


def test_a_control_character_is_refused_with_the_validators_message(data: Path, capsys) -> None:
    code, out = run(data, status_body(Verslag="Verslag", Toelichting="Rood \x1b[31m"), capsys)
    shown = display_path(data / "agenda/leerlingenvervoer.yaml")
    refused(
        data, code, out,
        "de wijziging past niet bij de regels voor de gegevens:",
        details=(
            f"{shown}:29: statushistorie[2].toelichting: het bestand bevat een onzichtbaar stuurteken (#x001b). "
            "Verwijder het; typ de tekst desnoods opnieuw.",
        ),
    )
