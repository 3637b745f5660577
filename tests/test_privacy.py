"""The privacy guard: BSN, e-mail addresses, phone numbers and small counts are refused.

Each test adds one small pilot (or a line in regio.yaml) to a copy of the
valid test region and compares the validator's full output. The disguises
(spaces, dashes, full-width characters, [at], comments) have a test each, and
the real texts of every region must give no finding at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agenda.checks import Documents
from agenda.checks.privacy import check_privacy, counts_persons, is_bsn, phone_digits
from agenda.layout import SINGLE_FILES
from agenda.yamlfile import MAX_BYTES, leaves, read_yaml
from conftest import REGIONS, kind_of

PILOT = "pilots/privacy-test.yaml"
WHY = "Deze gegevens zijn openbaar, ook de bestanden zelf, en gaan over kinderen (AVG)."


def pilot(samenvatting: str = "Een verzonnen pilot.", extra: str = "") -> str:
    """A valid pilot; ``samenvatting`` (quoted) is on line 4, ``extra`` starts on line 13."""
    return (
        "# yaml-language-server: $schema=../../../../schemas/pilot.schema.json\n"
        "id: privacy-test\n"
        "titel: Privacytest\n"
        f"samenvatting: '{samenvatting}'\n"
        "status: verkennend\n"
        "statushistorie:\n"
        "  - datum: 2023\n"
        "    status: verkennend\n"
        "    bronnen:\n"
        "      - bron: testbron\n"
        "bronnen:\n"
        "  - bron: testbron\n"
        f"{extra}"
    )


def indicator(eenheid: str, meting: str, telt_personen: str = "") -> str:
    """An indicator whose first meting holds ``meting``; the meting's first line is 21."""
    return (
        "indicatoren:\n"  # 13
        "  - id: aantal\n"
        "    naam: Aantal\n"
        f"    eenheid: {eenheid}\n"  # 16
        f"{telt_personen or '    richting: hoger'}\n"  # 17
        "    bronnen:\n"
        "      - bron: testbron\n"
        "    metingen:\n"
        f"      - {meting}\n"  # 21
        "        periode: '2024'\n"
        "        bronnen:\n"
        "          - bron: testbron\n"
    )


def problems(region, text: str) -> list[str]:
    region.write(PILOT, text)
    return region.messages()


def bsn_message(shown: str) -> str:
    return (
        f"'{shown}' lijkt een burgerservicenummer (BSN): het getal klopt met de elfproef. "
        f"Een BSN is een persoonsgegeven en hoort hier niet: {WHY} Haal het nummer weg. "
        "Is het geen BSN maar bijvoorbeeld een kenmerk? Schrijf het dan met een schuine streep "
        "erin, zoals 2023/123456."
    )


def phone_message(shown: str) -> str:
    return (
        f"'{shown}' lijkt een telefoonnummer. Telefoonnummers van personen horen hier niet: {WHY} "
        "Haal het nummer weg. Is het een algemeen nummer van een organisatie? "
        "Zet het dan in regio.yaml onder 'toegestane_contactgegevens'."
    )


def test_the_test_pilot_is_valid(region) -> None:
    assert problems(region, pilot()) == []


# --- BSN -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, valid",
    [
        ("123456782", True),  # 9·1 + 8·2 + ... + 2·8 − 2 = 154 = 14·11
        ("111222333", True),
        ("12345672", True),  # read as 012345672
        ("123456789", False),
        ("000000000", False),  # passes the sum, but all digits are equal
        ("00000000", False),
        ("1234567", False),
    ],
)
def test_elfproef(number: str, valid: bool) -> None:
    assert is_bsn(number) is valid


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Leerling met BSN 123456782 gaat naar school.", "12*****82"),
        ("Nummer 12345672 staat hier.", "12****72"),
        ("BSN: 1234.56.782", "12*****82"),
        ("Het nummer is 111222333.", "11*****33"),
    ],
)
def test_a_number_that_passes_the_elfproef_is_refused(region, text: str, shown: str) -> None:
    assert problems(region, pilot(text)) == [
        f"data/{PILOT}:4: samenvatting: {bsn_message(shown)}"
    ]


def test_a_whole_number_value_that_passes_the_elfproef_is_refused(region) -> None:
    doel = (
        "indicatoren:\n"  # 13
        "  - id: aantal\n"
        "    naam: Aantal\n"
        "    richting: hoger\n"
        "    doelen:\n"
        "      - jaar: 2024\n"
        "        waarde: 123456782\n"  # 19
        "    bronnen:\n"
        "      - bron: testbron\n"
    )
    assert problems(region, pilot(extra=doel)) == [
        f"data/{PILOT}:19: indicatoren[0].doelen[0].waarde: {bsn_message('12*****82')}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 en 2024, schooljaar 2023-2024.",
        "Nummer 123456789 haalt de elfproef niet.",
        "Nul: 000000000 en 00000000.",
        "Het kost € 123456782 of 123456782 euro, of 1.234.567,82 EUR.",
        "Een getal met decimalen: 1.123456782 of 123456782,50.",
        "Kenmerk 12345-6782 en kenmerk 1234567820 (tien cijfers).",
        "Kenmerk 2023/123456 en 1234-56782.",
        "Schooljaren 2019-2020, 2020 2021 en 2021-2022-2023.",
        "Een rij: 12 34 56 78 90 12, en 1 2 3 4 5 6 7 8 2.",
        "Een bedrag: € 123 456 782 of 12-34-56-782 euro.",
        "Met punten als een bedrag: 123.456.782.",
    ],
)
def test_years_amounts_and_other_numbers_pass(region, text: str) -> None:
    assert problems(region, pilot(text)) == []


@pytest.mark.parametrize(
    "number",
    [
        "123 456 782",
        "12-34-56-782",
        "123-456-782",
        "12 34 56 782",
        "1234 56 782",
        "123\u00a0456\u00a0782",  # non-breaking spaces
        "12\u201134\u201156\u2011782",  # non-breaking hyphens
        "123\u2013456\u2013782",  # en dashes
        "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff12",  # full-width digits
        "1234\u200b56782",  # a zero-width space
        "12345\u00ad6782",  # a soft hyphen
    ],
)
def test_a_bsn_in_groups_or_disguised_is_refused(region, number: str) -> None:
    found = problems(region, pilot(f"BSN {number} van een leerling."))
    refused = f"data/{PILOT}:4: samenvatting: {bsn_message('12*****82')}"
    # a zero-width space is also warned about as an invisible character (on its own)
    hidden = [m for m in found if "onzichtbaar teken (#x200b)" in m]
    assert found == [refused, *hidden] and len(hidden) == ("\u200b" in number)


@pytest.mark.parametrize(
    "comment, line",
    [
        ("# BSN 123456782 van de leerling\n", 13),  # a line of its own
        ("    # in een lijst: 123 456 782\n", 13),
    ],
)
def test_a_bsn_in_a_comment_line_is_refused(region, comment: str, line: int) -> None:
    assert problems(region, pilot(extra=comment)) == [
        f"data/{PILOT}:{line}: (commentaar): {bsn_message('12*****82')}"
    ]


@pytest.mark.parametrize(
    "old, new, line",
    [
        ("status: verkennend\nstatushistorie", "status: verkennend  # 12-34-56-782\nstatushistorie", 5),
        ("titel: Privacytest\n", "titel: |  # 123456782\n  Privacytest\n", 3),  # a block's header
        ("bronnen:\n  - bron: testbron\n", "bronnen:\n  - {bron: testbron,  # 123456782\n     }\n", 12),
        ("id: privacy-test\n", "id: privacy-test\r\n#\r\n# 123456782\r\n", 4),  # Windows line ends
    ],
)
def test_a_bsn_in_a_comment_after_a_value_is_refused(region, old: str, new: str, line: int) -> None:
    text = pilot()
    assert text.count(old) == 1
    assert problems(region, text.replace(old, new, 1)) == [
        f"data/{PILOT}:{line}: (commentaar): {bsn_message('12*****82')}"
    ]


@pytest.mark.parametrize(
    "old, new, line, field",
    [
        ("titel: Privacytest\n", "titel: 'Privacytest # 123456782'\n", 3, "titel"),
        ("titel: Privacytest\n", "titel: |\n  Privacytest\n  # 123456782\n", 3, "titel"),
        ("titel: Privacytest\n", "titel: Privacytest#123456782\n", 3, "titel"),
    ],
)
def test_a_hash_inside_a_value_is_no_comment(region, old: str, new: str, line: int, field: str) -> None:
    """A '#' in a value is part of the value: reported once, for its field (a line of a title that
    starts with '# ' also reads as a Markdown heading: that is a warning of its own)."""
    found = [m for m in problems(region, pilot().replace(old, new, 1)) if ": waarschuwing: dit veld toont" not in m]
    assert found == [f"data/{PILOT}:{line}: {field}: {bsn_message('12*****82')}"]


def test_amounts_in_euro_are_not_read_as_bsn(region) -> None:
    financiering = (
        "financiering:\n"
        "  - jaar: 2024\n"
        "    bedrag: 123456782\n"
        "    bronnen:\n"
        "      - bron: testbron\n"
    )
    euro = indicator("euro", "waarde: 123456782")
    assert problems(region, pilot(extra=financiering)) == []
    assert problems(region, pilot(extra=euro)) == []


# --- e-mail and phone --------------------------------------------------------------


def email_message(shown: str) -> str:
    return (
        f"'{shown}' lijkt een e-mailadres. E-mailadressen van personen horen hier niet: {WHY} "
        "Haal het adres weg. Is het een algemeen adres van een organisatie? Zet het dan in "
        "regio.yaml onder 'toegestane_contactgegevens'."
    )


def test_an_email_address_is_refused(region) -> None:
    assert problems(region, pilot("Mail j.jansen@school-test.nl voor een afspraak.")) == [
        f"data/{PILOT}:4: samenvatting: {email_message('j*******@school-test.nl')}"
    ]


@pytest.mark.parametrize(
    "address",
    [
        "j.jansen [at] school-test.nl",
        "j.jansen[at]school-test.nl",
        "j.jansen [AT] school-test [dot] nl",
        "j.jansen (at) school-test (dot) nl",
        "j.jansen {at} school-test.nl",
        "j.jansen <at> school-test.nl",
        "j.jansen at school-test dot nl",
        "j.jansen\uff20school-test.nl",  # a full-width @
        "j.jansen\ufe6bschool-test\uff0enl",  # a small @ and a full-width full stop
        "mailto:j.jansen%40school-test.nl",
        "mailto:j%2Ejansen%40school-test%2Enl",
    ],
)
def test_a_disguised_email_address_is_refused(region, address: str) -> None:
    assert problems(region, pilot(f"Mail {address} voor een afspraak.")) == [
        f"data/{PILOT}:4: samenvatting: {email_message('j*******@school-test.nl')}"
    ]


def test_an_email_address_in_a_comment_is_refused(region) -> None:
    assert problems(region, pilot(extra="# vraag j.jansen (at) school-test (dot) nl\n")) == [
        f"data/{PILOT}:13: (commentaar): {email_message('j*******@school-test.nl')}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hij at een appel; de dot op de i.",
        "Zie de bijlage (at) en (dot).",
        "Korting van 40% en 25%; 100%20 is geen code.",
        "Op twitter: @samenwerkingsverband.",
    ],
)
def test_words_and_signs_that_look_like_a_disguise_pass(region, text: str) -> None:
    assert problems(region, pilot(text)) == []


@pytest.mark.parametrize(
    "number, shown",
    [
        ("06-12345678", "06-12****78"),
        ("0612345678", "0612****78"),
        ("+31 6 12345678", "+31 6 1*****78"),
        ("+316-12345678", "+316-1*****78"),
        ("0031 6 12345678", "0031 * ******78"),
        ("030-1234567", "030-1****67"),
        ("(030) 123 45 67", "(030) 1** ** 67"),
        ("+31 (0)33 123 4567", "+31 (0)3* *** **67"),
        ("06-12345672", "06-12****72"),  # once: 12345672 also passes the elfproef
        ("06 - 12 34 56 78", "06 - 12 ** ** 78"),
        ("06 -12345678", "06 -12****78"),
        ("030 - 123 45 67", "030 - 1** ** 67"),
        ("06\u201112345678", "06-12****78"),  # a non-breaking hyphen
        ("06\u2013 12345678", "06- 12****78"),  # an en dash
        ("06\u00a012345678", "06 12****78"),  # a non-breaking space
        ("\uff10\uff16-\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "06-12****78"),  # full-width
        ("tel:%2B31612345678", "+3161*****78"),
    ],
)
def test_a_phone_number_is_refused(region, number: str, shown: str) -> None:
    assert problems(region, pilot(f"Bel {number}.")) == [
        f"data/{PILOT}:4: samenvatting: {phone_message(shown)}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Van 01-09-2023 tot 2024.",
        "De Kindertelefoon: 0800-0432.",
        "Voor kinderen van 0 tot 4 jaar en groep 1-2.",
        "Zie https://www.example.nl/pagina.",
    ],
)
def test_dates_and_short_service_numbers_are_no_phone_numbers(region, text: str) -> None:
    assert problems(region, pilot(text)) == []


def allow(region, *entries: str) -> int:
    """Put ``entries`` first in the allowed contact list of regio.yaml; the line of the first."""
    lines = (region.data / "regio.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    key = "toegestane_contactgegevens:\n"
    if key not in lines:
        lines.append(key)
    at = lines.index(key) + 1
    lines[at:at] = [f"  - {entry}\n" for entry in entries]
    region.write("regio.yaml", "".join(lines))
    return at + 1


def test_a_functional_address_listed_in_regio_passes(region) -> None:
    allow(region, "info@swv-test.nl", "033-1234567")
    assert problems(region, pilot("Mail Info@SWV-test.nl of bel +31 33 123 4567.")) == []
    assert problems(region, pilot("Mail info [at] swv-test (dot) nl of bel 033 - 123 45 67.")) == []
    assert problems(region, pilot("Mail mailto:info%40swv-test.nl of bel 033\u20111234567.")) == []
    assert problems(region, pilot("Bel 033-7654321.")) == [
        f"data/{PILOT}:4: samenvatting: {phone_message('033-7****21')}"
    ]


def test_an_allowed_entry_must_be_an_address_or_number(region) -> None:
    line = allow(region, "info@swv-test.nl", "het secretariaat")
    assert region.messages() == [
        f"data/regio.yaml:{line + 1}: toegestane_contactgegevens[1]: 'het secretariaat' is geen "
        "e-mailadres of telefoonnummer. In deze lijst staan alleen algemene e-mailadressen en "
        "telefoonnummers van organisaties die op de site mogen staan."
    ]


@pytest.mark.parametrize(
    "text, digits",
    [
        ("06-12345678", "0612345678"),
        ("+31 6 12345678", "0612345678"),
        ("0031 6 12345678", "0612345678"),
        ("+31 (0)33 123 4567", "0331234567"),
        ("(033) 123 45 67", "0331234567"),
    ],
)
def test_phone_numbers_compare_by_their_national_digits(text: str, digits: str) -> None:
    assert phone_digits(text) == digits


# --- small counts ------------------------------------------------------------------


def small_count_message(shown: str) -> str:
    return (
        f"{shown} is een aantal personen kleiner dan 10. Zo'n klein aantal kan naar één kind of "
        f"gezin te herleiden zijn. {WHY} Haal 'waarde' weg en zet 'afgeschermd: true'; de site "
        "toont dan 'minder dan 10'. Telt deze indicator geen personen? Zet dan "
        "'telt_personen: false' bij de indicator."
    )


@pytest.mark.parametrize(
    "eenheid, waarde, shown",
    [
        ("kinderen", "7", "7 kinderen"),
        ("kinderen", "0", "0 kinderen"),
        ("kinderen", "-0.0", "0 kinderen"),  # never '-0'
        ("kinderen", "2.5", "2,5 kinderen"),  # written as the site writes numbers
        ("thuiszitters", "9", "9 thuiszitters"),
        ("leerlingen in het vso", "3", "3 leerlingen in het vso"),
        ("scholieren", "5", "5 scholieren"),
        ("meisjes", "2", "2 meisjes"),
        ("jongens", "8", "8 jongens"),
        ("Jongeren", "4", "4 Jongeren"),
        ("gezinnen", "1", "1 gezinnen"),
        ("pleeggezinnen", "6", "6 pleeggezinnen"),
        ("peuters en kleuters", "3", "3 peuters en kleuters"),
        ("baby's", "2", "2 baby's"),
        ("verzuimers", "-4", "-4 verzuimers"),  # a difference
    ],
)
def test_a_count_of_persons_below_10_is_refused(region, eenheid: str, waarde: str, shown: str) -> None:
    text = pilot(extra=indicator(eenheid, f"waarde: {waarde}"))
    assert problems(region, text) == [
        f"data/{PILOT}:21: indicatoren[0].metingen[0].waarde: {small_count_message(shown)}"
    ]


def test_telt_personen_true_makes_any_unit_a_count(region) -> None:
    flag = "    telt_personen: true\n    richting: hoger"
    text = pilot(extra=indicator("aanmeldingen", "waarde: 4", flag))
    assert problems(region, text) == [
        f"data/{PILOT}:22: indicatoren[0].metingen[0].waarde: {small_count_message('4 aanmeldingen')}"
    ]


@pytest.mark.parametrize(
    "eenheid, meting, telt_personen",
    [
        ("kinderen", "afgeschermd: true", ""),  # suppressed: the site shows "minder dan 10"
        ("kinderen", "waarde: 10", ""),
        ("procent van de leerlingen", "waarde: 3", ""),
        ("'% kinderen'", "waarde: 3", ""),
        ("kinderen per klas", "waarde: 3", "    telt_personen: false\n    richting: hoger"),
        ("weken", "waarde: 3", ""),
    ],
)
def test_suppressed_large_and_other_measurements_pass(region, eenheid, meting, telt_personen) -> None:
    assert problems(region, pilot(extra=indicator(eenheid, meting, telt_personen))) == []


def test_a_suppressed_measurement_must_not_keep_its_value(region) -> None:
    meting = "afgeschermd: true\n        waarde: 4"
    assert problems(region, pilot(extra=indicator("kinderen", meting))) == [
        f"data/{PILOT}:22: indicatoren[0].metingen[0].waarde: deze meting is afgeschermd, maar de "
        f"waarde staat er nog. Wie het bestand opent, ziet het aantal toch: {WHY} Haal 'waarde' "
        "weg; de site toont 'minder dan 10'."
    ]


@pytest.mark.parametrize(
    "indicator_data, counts",
    [
        ({"eenheid": "kinderen"}, True),
        ({"eenheid": "Jongeren (12-18 jaar)"}, True),
        ({"eenheid": "gezinnen"}, True),
        ({"eenheid": "schoolkinderen"}, True),
        ({"eenheid": "scholieren"}, True),
        ({"eenheid": "Meisjes"}, True),
        ({"eenheid": "jongens (4-12)"}, True),
        ({"eenheid": "pupillen"}, True),
        ({"eenheid": "voortijdig schoolverlaters"}, True),
        ({"eenheid": "aanmeldingen"}, False),
        ({"eenheid": "scholen"}, False),
        ({"eenheid": "procent"}, False),
        ({"eenheid": "euro"}, False),
        ({}, False),
        ({"eenheid": "uren", "telt_personen": True}, True),
        ({"eenheid": "kinderen", "telt_personen": False}, False),
    ],
)
def test_which_indicators_count_persons(indicator_data: dict, counts: bool) -> None:
    assert counts_persons(indicator_data) is counts


# --- small counts in text ------------------------------------------------------------


def small_count_warning(shown: str) -> str:
    return (
        f"waarschuwing: '{shown}' is een klein aantal personen. Minder dan 10 personen kunnen "
        "herkenbaar zijn, zeker in een kleine regio of op één school. "
        f"{WHY} Schrijf 'minder dan 10' in plaats van het aantal, of zet het aantal als meting "
        "bij een indicator met 'afgeschermd: true'."
    )


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Er zitten 7 leerlingen thuis.", "7 leerlingen"),
        ("Het gaat om 3 kinderen.", "3 kinderen"),
        ("Het gaat om 3 jonge kinderen.", "3 jonge kinderen"),
        ("Voor 5-7 gezinnen.", "5-7 gezinnen"),
        ("Met 2\u00a0scholieren.", "2 scholieren"),  # a non-breaking space
        ("Nog 9 thuiszitters.", "9 thuiszitters"),
        ("Met \uff14 meisjes.", "4 meisjes"),  # a full-width digit
        ("Sinds 2024: 6 Jongeren.", "6 Jongeren"),
    ],
)
def test_a_small_count_of_persons_in_text_is_a_warning(region, text: str, shown: str) -> None:
    assert problems(region, pilot(text)) == [f"data/{PILOT}:4: samenvatting: {small_count_warning(shown)}"]
    assert region.load().model is not None  # a warning: the site is still built


def test_a_small_count_of_persons_in_a_comment_is_a_warning(region) -> None:
    assert problems(region, pilot(extra="# nog 3 leerlingen zonder plek\n")) == [
        f"data/{PILOT}:13: (commentaar): {small_count_warning('3 leerlingen')}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1 gezin, 1 plan; 1 Kind 1 Gezin 1 Plan.",  # one: a slogan or 'per', not a group
        "Naar 0 thuiszitters.",
        "Minder dan 10 leerlingen, 12 kinderen en 25 gezinnen.",
        "Voor leerlingen van groep 7 en groep 7/8, groepen 3 leerlingen, klas 2 leerlingen.",
        "In leerjaar 3 leerlingen; 1 op de 5 kinderen; 1 op 4 jongeren; 1 begeleider per 8 leerlingen.",
        "Gemiddeld 1,5 kinderen per gezin en 2.5 ouders.",
        "Met 3 scholen, 4 gemeenten en 2 jaar voor 5 nieuwe plekken.",
        "4-jarige kinderen en 7e leerjaar.",
        "Kinderen van 0 tot 4 jaar, van 4-12 jaar.",
    ],
)
def test_numbers_in_text_that_are_no_small_count_pass(region, text: str) -> None:
    assert problems(region, pilot(text)) == []


# --- the real texts ------------------------------------------------------------------


def documents(root: Path) -> Documents:
    """Every data file of ``root``, read as the loader reads it."""
    docs = Documents.empty()
    for path in sorted(root.rglob("*.yaml")):
        kind = kind_of(root, path)
        doc, found = read_yaml(str(path), path.read_bytes())
        assert kind and doc and not found, path
        if kind in SINGLE_FILES.values():
            docs.single[kind] = doc
        else:
            docs.records[kind][path.stem] = doc
    return docs


@pytest.mark.parametrize("root", REGIONS, ids=lambda root: root.relative_to(root.parents[1]).as_posix())
def test_the_real_texts_of_every_region_give_no_finding(root: Path) -> None:
    """No error and no warning on the texts, numbers and comments of both regions."""
    docs = documents(root)
    texts = [value for doc in docs.all() for _, value in leaves(doc.data) if isinstance(value, str)]
    assert len(texts) > 100 and all(doc.comments for doc in docs.all())  # the guard saw them all
    assert [problem.format() for problem in check_privacy(docs)] == []


# --- time ----------------------------------------------------------------------------

# what a text may take, with the rest of the pilot, in a file just under the size limit
NEAR_LIMIT = MAX_BYTES - 1_000


def filled(piece: str, end: str = "") -> str:
    """``piece`` repeated, then ``end``: just under NEAR_LIMIT bytes."""
    room = NEAR_LIMIT - len(end.encode("utf-8"))
    return piece * (room // len(piece.encode("utf-8"))) + end


# Each case would take minutes to hours with a pattern that tries every position as a start
# and scans on from there; the timeout is the check (a guard against hangs, not a speed target).
@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        filled("a", "@"),  # took hours: the old e-mail pattern
        filled("a", "@school.nl"),
        filled("a@"),
        filled("a.", "@"),
        filled("@a.a"),
        filled("@" + "a-" * 127 + "1 "),
        filled(" ", "[at]"),
        filled(" at "),
        filled("(dot)"),
        filled("%"),
        filled("%4"),
        filled("1"),
        filled("1 "),
        filled("1-"),
        filled("1.1,"),
        filled("€ 123456782 "),
        filled("123456782 euro"),
        filled("06 "),
        filled("(0"),
        filled("3 "),
        filled("3 kinderen "),
        filled("3 jonge "),
        filled("groep "),
        filled("\uff11"),
    ],
    ids=lambda text: f"{text[:8]}...{text[-8:]}",
)
def test_every_text_near_the_size_limit_is_read_in_time(region, text: str) -> None:
    region.write(PILOT, pilot(text))
    assert (region.data / PILOT).stat().st_size <= MAX_BYTES
    region.load()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "comments",
    [
        filled("# 1 2 3 4 5 6 7 8 9\n"),
        filled("#" + "a" * 200 + "@\n"),
        "# " + filled("a", "@") + "\n",
        filled("  - bron: testbron  # 123456782\n"),
    ],
    ids=["short-lines", "letters-and-at", "one-long-line", "after-values"],
)
def test_comments_near_the_size_limit_are_read_in_time(region, comments: str) -> None:
    region.write(PILOT, pilot(extra=comments))
    assert (region.data / PILOT).stat().st_size <= MAX_BYTES
    region.load()
