"""The YAML reader on its own: what it accepts, what it refuses, and with which line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from agenda.yamlfile import MAX_BYTES, MAX_DEPTH, read_yaml


def messages(raw: bytes) -> list[str]:
    doc, problems = read_yaml("f.yaml", raw)
    assert doc is None or problems, "expected the file to be refused or to have problems"
    return [p.format() for p in problems]


def data(raw: bytes) -> object:
    doc, problems = read_yaml("f.yaml", raw)
    assert problems == [], [p.format() for p in problems]
    return doc.data


def test_values_and_their_lines():
    doc, problems = read_yaml(
        "f.yaml",
        b"# comment\n"
        b"titel: Tekst\n"
        b"jaar: 2023\n"
        b"fte: 1.5\n"
        b"vanaf: true\n"
        b"leeg:\n"
        b"lijst:\n"
        b"  - een\n"
        b"  - velden: [a, 'b']\n",
    )
    assert problems == []
    assert doc.data == {
        "titel": "Tekst",
        "jaar": 2023,
        "fte": 1.5,
        "vanaf": True,
        "leeg": None,
        "lijst": ["een", {"velden": ["a", "b"]}],
    }
    assert doc.line(()) == 2
    assert doc.line(("jaar",)) == 3
    assert doc.line(("lijst",)) == 7
    assert doc.line(("lijst", 1)) == 9
    assert doc.line(("lijst", 1, "velden", 1)) == 9
    # a path that is not there: the line of its nearest parent
    assert doc.line(("lijst", 1, "ontbreekt")) == 9


def test_dates_stay_text_so_that_impossible_dates_reach_the_schema():
    assert data(b"a: 2023-02-30\nb: 2024-03-14\nc: 2023-01-01 10:00\n") == {
        "a": "2023-02-30",
        "b": "2024-03-14",
        "c": "2023-01-01 10:00",
    }


def test_quoted_numbers_and_plain_odd_scalars_stay_text():
    assert data(b"a: '2023'\nb: =\nc: <<\nd: !!str 12\n") == {"a": "2023", "b": "=", "c": "<<", "d": "12"}


def test_byte_order_mark_is_accepted():
    assert data(b"\xef\xbb\xbfa: 1\nb: 2\n") == {"a": 1, "b": 2}


def test_windows_line_endings_are_accepted_with_the_same_lines():
    doc, problems = read_yaml("f.yaml", b"# c\r\na: 1\r\nb:\r\n  - x\r\n")
    assert problems == []
    assert doc.data == {"a": 1, "b": ["x"]}
    assert doc.line(("b", 0)) == 4


def test_a_key_that_looks_like_a_number_is_text():
    # the schema then reports it as an unknown field (see test_schemas)
    assert data(b"1: a\ntrue: b\n") == {"1": "a", "true": "b"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            b"",
            "f.yaml:1: (bestand): het bestand is leeg. Vul de verplichte velden in (zie het schema of de sjabloon).",
            id="empty",
        ),
        pytest.param(
            b"# yaml-language-server: $schema=../schemas/regio.schema.json\n\n",
            "f.yaml:1: (bestand): het bestand is leeg. Vul de verplichte velden in (zie het schema of de sjabloon).",
            id="only-a-comment",
        ),
        pytest.param(
            b"---\n",
            "f.yaml:1: (bestand): het bestand is leeg. Vul de verplichte velden in (zie het schema of de sjabloon).",
            id="empty-document",
        ),
        pytest.param(
            b"# c\n- titel: a\n- titel: b\n",
            "f.yaml:2: (bestand): het bestand moet uit velden bestaan ('veld: waarde' op elke regel), "
            "niet uit een lijst of losse tekst.",
            id="list-instead-of-mapping",
        ),
        pytest.param(
            b"Alleen een zin.\n",
            "f.yaml:1: (bestand): het bestand moet uit velden bestaan ('veld: waarde' op elke regel), "
            "niet uit een lijst of losse tekst.",
            id="text-instead-of-mapping",
        ),
        pytest.param(
            b"a: 1\n---\nb: 2\n",
            "f.yaml:2: (bestand): het bestand bevat meer dan één document ('---'). "
            "Zet elk document in een eigen bestand, of haal de '---' weg.",
            id="two-documents",
        ),
        pytest.param(
            b"a: 1\nb: [1, 2\nc: 3\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: er mist een ']' aan het eind van de lijst, "
            "of een komma tussen twee punten (YAML-melding: did not find expected ',' or ']').",
            id="unclosed-list",
        ),
        pytest.param(
            b"titel: Let op: dubbele punt\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: een dubbele punt staat op een onverwachte plek; "
            "zet tekst met een dubbele punt tussen aanhalingstekens "
            "(YAML-melding: mapping values are not allowed in this context).",
            id="colon-in-text",
        ),
        pytest.param(
            b"a:\n  b: 1\n c: 2\n",
            "f.yaml:3: (bestand): YAML kan niet gelezen worden: regel 3 springt 1 spatie in; dat past bij geen "
            "van de regels erboven. Maak de inspringing 2 spaties (net als het veld 'b' op regel 2) of 0 spaties "
            "(net als het veld 'a' op regel 1) (YAML-melding: did not find expected key).",
            id="bad-indentation",
        ),
        pytest.param(
            b"id: x\ntitel: a\n niveau: b\nstatus: c\n",
            "f.yaml:3: (bestand): YAML kan niet gelezen worden: regel 3 springt 1 spatie verder in dan het veld "
            "'titel' op regel 2. Maak de inspringing 0 spaties, net als dat veld "
            "(YAML-melding: mapping values are not allowed in this context).",
            id="one-space-too-far",
        ),
        pytest.param(
            b"statushistorie:\n  - datum: 2021\n    status: a\n  - datum: 2022\n     status: b\n",
            "f.yaml:5: (bestand): YAML kan niet gelezen worden: regel 5 springt 1 spatie verder in dan het veld "
            "'datum' op regel 4. Maak de inspringing 4 spaties, net als dat veld "
            "(YAML-melding: mapping values are not allowed in this context).",
            id="one-space-too-far-in-a-list-item",
        ),
        pytest.param(
            b"statushistorie:\n  - datum: 2021\n    status: a\n   toelichting: b\n",
            "f.yaml:4: (bestand): YAML kan niet gelezen worden: regel 4 springt 1 spatie minder ver in dan het "
            "veld 'status' op regel 3. Maak de inspringing 4 spaties, net als dat veld "
            "(YAML-melding: did not find expected '-' indicator).",
            id="one-space-too-little",
        ),
        pytest.param(
            b"a:\n  - x\n - y\n",
            "f.yaml:3: (bestand): YAML kan niet gelezen worden: regel 3 springt 1 spatie minder ver in dan het "
            "lijstpunt op regel 2. Maak de inspringing 2 spaties, net als dat lijstpunt "
            "(YAML-melding: did not find expected key).",
            id="list-item-one-space-too-little",
        ),
        pytest.param(
            b"samenvatting: >-\n  Een tekst over\n meer regels.\ntitel: a\n",
            "f.yaml:3: (bestand): YAML kan niet gelezen worden: regel 3 springt 1 spatie minder ver in dan "
            "regel 2 erboven. Maak de inspringing 2 spaties, net als regel 2 "
            "(YAML-melding: did not find expected key).",
            id="text-one-space-too-little",
        ),
        pytest.param(
            b"samenvatting: >-\n   Een tekst over\n  meer\n  regels.\ntitel: a\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: regel 2 springt 1 spatie verder in dan "
            "regel 3 eronder. Maak de inspringing 2 spaties, net als regel 3 "
            "(YAML-melding: did not find expected key).",
            id="first-line-of-text-one-space-too-far",
        ),
        pytest.param(
            b"# schema\n id: x\ntitel: a\nstatus: b\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: regel 2 springt 1 spatie verder in dan "
            "regel 3 eronder. Maak de inspringing 0 spaties, net als regel 3 "
            "(YAML-melding: did not find expected <document start>).",
            id="first-field-one-space-too-far",
        ),
        pytest.param(
            b"mijlpalen:\n - jaar: 2023\n    omschrijving: a\n    gereed: ja\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: het veld 'jaar' op regel 2 springt 1 spatie minder "
            "ver in dan het veld 'omschrijving' op regel 3 eronder. Maak de inspringing van regel 2 2 spaties, "
            "zodat de twee velden recht onder elkaar staan (YAML-melding: mapping values are not allowed in this context).",
            id="list-item-one-space-too-little-above-its-fields",
        ),
        pytest.param(
            b"a:\n  samenvatting: >-\n    Een tekst\n  over meer\n    regels.\n  titel: b\n",
            "f.yaml:4: (bestand): YAML kan niet gelezen worden: regel 4 springt 2 spaties minder ver in dan "
            "regel 3 erboven. Maak de inspringing 4 spaties, net als regel 3 "
            "(YAML-melding: could not find expected ':').",
            id="text-back-at-the-column-of-its-field",
        ),
        pytest.param(
            b"bronnen:\n  - bron: a\n    onderdeel: b\n- bron: c\n    onderdeel: d\n",
            "f.yaml:4: (bestand): YAML kan niet gelezen worden: regel 4 springt 2 spaties minder ver in dan "
            "het lijstpunt op regel 2. Maak de inspringing 2 spaties, net als dat lijstpunt "
            "(YAML-melding: did not find expected key).",
            id="list-item-back-at-the-column-of-its-field",
        ),
        pytest.param(
            b"samenvatting: Dit is tekst\n  met meer tekst: hier\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: een dubbele punt staat op een onverwachte plek; "
            "zet tekst met een dubbele punt tussen aanhalingstekens "
            "(YAML-melding: mapping values are not allowed in this context).",
            id="colon-in-more-text-is-no-indentation-mistake",
        ),
        pytest.param(
            b"a: \"C:\\map\"\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: een backslash (\\) in tekst tussen dubbele "
            "aanhalingstekens; gebruik enkele aanhalingstekens (YAML-melding: found unknown escape character).",
            id="backslash-in-double-quotes",
        ),
        pytest.param(
            b"a: 1\nb: 'niet gesloten\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: het bestand eindigt midden in een waarde; "
            "controleer de aanhalingstekens (YAML-melding: found unexpected end of stream).",
            id="unclosed-quote",
        ),
        pytest.param(
            b"a: 1\nlos\nb: 2\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: er ontbreekt een dubbele punt na de veldnaam "
            "(YAML-melding: could not find expected ':').",
            id="missing-colon",
        ),
        pytest.param(
            b"a: 1\nb: 'het is 's avonds'\n",
            "f.yaml:2: (bestand): YAML kan niet gelezen worden: de inspringing klopt niet, er mist een '- ' "
            "voor een lijstpunt, of er staat tekst na het afsluitende aanhalingsteken (schrijf een ' in tekst "
            "tussen enkele aanhalingstekens als '') (YAML-melding: did not find expected key).",
            id="quote-inside-quotes",
        ),
        pytest.param(
            b"a: - b\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: een lijstpunt ('- ') kan niet achter een veldnaam "
            "staan; zet het op de volgende regel, ingesprongen (YAML-melding: block sequence entries are not "
            "allowed in this context).",
            id="list-item-after-key",
        ),
        pytest.param(
            b"a:\n  - b\n  c: 1\n",
            "f.yaml:3: (bestand): YAML kan niet gelezen worden: de inspringing van de lijst klopt niet "
            "(YAML-melding: did not find expected '-' indicator).",
            id="field-inside-a-list",
        ),
        pytest.param(
            b"a: !foo!bar x\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: een waarde begint met een uitroepteken (!); "
            "zet de tekst tussen aanhalingstekens (YAML-melding: found undefined tag handle).",
            id="exclamation-mark",
        ),
        pytest.param(
            b"a: @gemeente\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: een teken kan hier niet staan; zet de tekst "
            "tussen aanhalingstekens (YAML-melding: found character that cannot start any token).",
            id="at-sign",
        ),
        pytest.param(
            b"a: [\nb: 1\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: er mist een ']' aan het eind van de lijst, "
            "of een komma tussen twee punten (YAML-melding: did not find expected ',' or ']').",
            id="open-bracket",
        ),
        pytest.param(
            b"a: {b: 1\n",
            "f.yaml:1: (bestand): YAML kan niet gelezen worden: er mist een '}' aan het eind, of een komma "
            "tussen twee velden (YAML-melding: did not find expected ',' or '}').",
            id="open-brace",
        ),
        pytest.param(
            b"a:\n  - b\n  - [\n  - c\n",
            "f.yaml:4: (bestand): YAML kan niet gelezen worden: er mist een waarde, of een haakje [ of { is niet "
            "gesloten (YAML-melding: did not find expected node content).",
            id="bracket-left-open-in-a-list",
        ),
        pytest.param(
            b"a: 1\nb: \xe9t\xe9\n",
            "f.yaml:2: (bestand): het bestand bevat tekens die geen UTF-8 zijn. Sla het bestand op als UTF-8 "
            "(in de meeste editors: 'Opslaan als', codering UTF-8).",
            id="latin-1-bytes",
        ),
        pytest.param(
            b"a: 1\nb: x\x07y\n",
            "f.yaml:2: (bestand): het bestand bevat een onzichtbaar stuurteken (#x0007). "
            "Verwijder het; typ de tekst desnoods opnieuw.",
            id="control-character",
        ),
        pytest.param(
            "a: één\nb: x\x00y\n".encode(),
            "f.yaml:2: (bestand): het bestand bevat een onzichtbaar stuurteken (#x0000). "
            "Verwijder het; typ de tekst desnoods opnieuw.",
            id="nul-byte-after-accents",
        ),
        pytest.param(
            b"a: &x Tekst\nb: *x\n",
            "f.yaml:1: a: ankers en aliassen (& en *) zijn niet toegestaan. Schrijf de waarde voluit.",
            id="anchor-and-alias",
        ),
        pytest.param(
            b"a: Tekst\nb: *x\n",
            "f.yaml:2: b: ankers en aliassen (& en *) zijn niet toegestaan. Schrijf de waarde voluit.",
            id="alias-without-anchor",
        ),
        pytest.param(
            b"a:\n  - &x {b: 1}\n",
            "f.yaml:2: a[0]: ankers en aliassen (& en *) zijn niet toegestaan. Schrijf de waarde voluit.",
            id="anchor-on-a-mapping",
        ),
        pytest.param(
            b"basis:\n  a: 1\nkopie:\n  <<: {a: 1}\n",
            "f.yaml:4: kopie: '<<' (samenvoegen) is niet toegestaan. Schrijf de velden voluit.",
            id="merge-key",
        ),
        pytest.param(
            b"a: !!python/object:os.system {}\n",
            "f.yaml:1: a: het YAML-label '!!python/object:os.system' is niet toegestaan. "
            "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden.",
            id="python-object-tag",
        ),
        pytest.param(
            b"a: !!python/name:os.system ''\n",
            "f.yaml:1: a: het YAML-label '!!python/name:os.system' is niet toegestaan. "
            "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden.",
            id="python-name-tag",
        ),
        pytest.param(
            b"a:\n  - !eigen waarde\n",
            "f.yaml:2: a[0]: het YAML-label '!eigen' is niet toegestaan. "
            "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden.",
            id="custom-tag",
        ),
        pytest.param(
            b"a: !!binary aGFsbG8=\n",
            "f.yaml:1: a: het YAML-label '!!binary' is niet toegestaan. "
            "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden.",
            id="binary-tag",
        ),
        pytest.param(
            b"a: !!set {x, y}\n",
            "f.yaml:1: a: het YAML-label '!!set' is niet toegestaan. "
            "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden.",
            id="set-tag",
        ),
        pytest.param(
            b"!!python/str a: 1\n",
            "f.yaml:1: (bestand): het YAML-label '!!python/str' is niet toegestaan. "
            "Haal het label weg en schrijf de waarde als gewone tekst, getal, lijst of velden.",
            id="tag-on-a-key",
        ),
        pytest.param(
            b"a: !!int tien\n",
            "f.yaml:1: a: 'tien' past niet bij het label '!!int'. Haal het label weg.",
            id="int-tag-on-text",
        ),
        pytest.param(
            b"a: !!bool misschien\n",
            "f.yaml:1: a: 'misschien' past niet bij het label '!!bool'. Haal het label weg.",
            id="bool-tag-on-text",
        ),
        pytest.param(
            b"a:\n  ? [b, c]\n  : d\n",
            "f.yaml:2: a: een veldnaam moet gewone tekst zijn, zoals 'titel:'.",
            id="list-as-key",
        ),
        pytest.param(
            b"a: .inf\n",
            "f.yaml:1: a: een getal moet eindig zijn (geen .inf of .nan).",
            id="infinity",
        ),
        pytest.param(
            b"a:\n  - -.Inf\n",
            "f.yaml:2: a[0]: een getal moet eindig zijn (geen .inf of .nan).",
            id="minus-infinity",
        ),
        pytest.param(
            b"a: .nan\n",
            "f.yaml:1: a: een getal moet eindig zijn (geen .inf of .nan).",
            id="not-a-number",
        ),
        pytest.param(
            b"a: " + b"9" * 5000 + b"\n",
            "f.yaml:1: a: het getal '99999999999999999999...' is te lang. "
            "Schrijf een korter getal of zet het tussen aanhalingstekens.",
            id="number-of-5000-digits",
        ),
    ],
)
def test_refused(raw: bytes, expected: str):
    assert messages(raw) == [expected]


def test_tabs_are_reported_on_every_line():
    raw = b"a:\n\tb: 1\nc: 2\n  \t- x\n\t\nd: 'tab\tin tekst mag'\n"
    assert messages(raw) == [
        f"f.yaml:{line}: (bestand): deze regel springt in met een tab. Gebruik spaties om in te springen."
        for line in (2, 4, 5)
    ]


def test_tab_lines_are_counted_like_the_parser_counts_them():
    # CR LF, a lone CR and the Unicode line separator each end a line in YAML
    raw = "a: 1\r\nb: 2\rc: 3\u2028d: 4\n\te: 5\n".encode()
    assert messages(raw) == [
        "f.yaml:5: (bestand): deze regel springt in met een tab. Gebruik spaties om in te springen."
    ]


def test_duplicate_keys_are_reported_and_the_rest_is_still_read():
    doc, problems = read_yaml("f.yaml", b"a: 1\nb:\n  c: 1\n  c: 2\na: 3\nd: 4\n")
    assert [p.format() for p in problems] == [
        "f.yaml:4: b.c: het veld 'c' staat twee keer in hetzelfde blok (ook op regel 3). "
        "Voeg de twee samen of verwijder er één; anders telt alleen de laatste.",
        "f.yaml:5: a: het veld 'a' staat twee keer in hetzelfde blok (ook op regel 1). "
        "Voeg de twee samen of verwijder er één; anders telt alleen de laatste.",
    ]
    assert doc.data == {"a": 3, "b": {"c": 2}, "d": 4}


def test_file_over_the_size_limit_is_refused_before_parsing():
    raw = b"a: '" + b"x" * MAX_BYTES + b"'\n"
    assert messages(raw) == [
        "f.yaml:1: (bestand): het bestand is te groot (1.000.006 bytes, maximaal 1.000.000). "
        "Splits het op in kleinere bestanden."
    ]


def test_billion_laughs_is_refused_fast():
    lines = [b"a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [
        b"a%d: &a%d [%s]" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 9)) for i in range(1, 10)
    ]
    start = time.perf_counter()
    assert messages(b"\n".join(lines) + b"\n") == [
        "f.yaml:1: a0: ankers en aliassen (& en *) zijn niet toegestaan. Schrijf de waarde voluit."
    ]
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", id="10000-brackets"),
        pytest.param(b"a: " + b"[" * 400_000, id="400000-open-brackets"),
        pytest.param(b"a: " + b"{b: " * 100_000 + b"}" * 100_000 + b"\n", id="100000-braces"),
    ],
)
def test_deep_flow_nesting_is_refused_fast_without_crashing(raw: bytes):
    # PyYAML's own composer recurses in C and kills the process (segfault)
    # on about 30,000 nested brackets; the reader stops at MAX_DEPTH.
    start = time.perf_counter()
    assert messages(raw) == [
        f"f.yaml:1: (bestand): de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus). "
        "Gebruik minder niveaus."
    ]
    assert time.perf_counter() - start < 1


def test_deep_block_nesting_is_refused_at_its_line():
    raw = b"".join(b" " * depth + b"k:\n" for depth in range(MAX_DEPTH + 10))
    assert messages(raw) == [
        f"f.yaml:{MAX_DEPTH + 1}: (bestand): de gegevens zijn te diep genest "
        f"(meer dan {MAX_DEPTH} niveaus). Gebruik minder niveaus."
    ]


def test_nesting_up_to_the_limit_is_read():
    # the root mapping is the first level, so MAX_DEPTH - 1 lists fit inside it
    value = data(b"a: " + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1) + b"\n")["a"]
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == []
    assert messages(b"a: " + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH + b"\n") == [
        f"f.yaml:1: (bestand): de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus). "
        "Gebruik minder niveaus."
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# schema\na: 1\n", ((1, "# schema"),)),
        ("a: 1  # na een waarde\n", ((1, "# na een waarde"),)),
        ("a:\n  # eigen regel\n  - 1\n#\n", ((2, "# eigen regel"), (4, "#"))),
        ("a: |  # kop\n  # tekst\n  b\n", ((1, "# kop"),)),
        ("a: [1,  # in een lijst\n  2]\n", ((1, "# in een lijst"),)),
        ("a: 'x # y'\nb: x#y\nc: \"# z\"\n", ()),
        ("a: >-\n  # tekst\n\n  # ook tekst\nb: 1 # c\n", ((5, "# c"),)),
        ("a: 1\r\n\r\n# c\r\n", ((3, "# c"),)),
        ("a: 1\u2028# c\n", ((2, "# c"),)),
    ],
)
def test_comments_are_found_with_their_lines_and_not_inside_values(text: str, expected: tuple) -> None:
    doc, problems = read_yaml("x.yaml", text.encode("utf-8"))
    assert problems == [] and doc.comments == expected


# every code point class that may not be in the data: C0 (but tab, line feed, carriage return), DEL,
# C1, surrogates and noncharacters; each tried raw (where UTF-8 and YAML can hold it) and in every
# escape form YAML has for it
_FORBIDDEN_POINTS = (
    [p for p in range(0x20) if p not in (0x09, 0x0A, 0x0D)]
    + [0x7F]
    + list(range(0x80, 0xA0))
    + [0xD800, 0xDBFF, 0xDC00, 0xDFFF]
    + [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF]
)
_NAMED_ESCAPES = {0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x0B: "\\v", 0x0C: "\\f", 0x1B: "\\e", 0x85: "\\N"}


def _escapes(point: int) -> list[str]:
    forms = [f"\\U{point:08x}", f"\\U{point:08X}"]
    if point <= 0xFFFF:
        forms += [f"\\u{point:04x}", f"\\u{point:04X}"]
    if point <= 0xFF:
        forms += [f"\\x{point:02x}", f"\\x{point:02X}"]
    if point in _NAMED_ESCAPES:
        forms.append(_NAMED_ESCAPES[point])
    return forms


def _line_and_message(raw: bytes) -> list[tuple[str, str]]:
    """Where and what (without the field, which only an escape in a value can name)."""
    return [(where, message) for where, _, message in (m.split(": ", 2) for m in messages(raw))]


@pytest.mark.parametrize("point", _FORBIDDEN_POINTS, ids=lambda point: f"U+{point:04X}")
def test_a_forbidden_character_is_refused_raw_and_as_every_escape_with_the_same_message(point: int):
    expected = [
        (
            "f.yaml:2",
            f"het bestand bevat een onzichtbaar stuurteken (#x{point:04x}). "
            "Verwijder het; typ de tekst desnoods opnieuw.",
        )
    ]
    # a raw NEL is a line break to YAML, and a raw surrogate is no UTF-8: neither can be in a value
    raw_forms = [] if point == 0x85 or 0xD800 <= point <= 0xDFFF else [chr(point)]
    for form in raw_forms + _escapes(point):
        for raw in (f'a: 1\nb: ["ok", "x{form}y"]\n', f'a: 1\n"x{form}": 2\n'):
            assert _line_and_message(raw.encode()) == expected, raw
    for form in raw_forms:
        assert _line_and_message(f"a: 1\nb: x{form}y\n".encode()) == expected


def test_an_indentation_mistake_in_a_real_file_gets_the_indentation_that_reads_it():
    # one space too many before 'status' in the first step of a real opgave; the advice, followed,
    # gives back the file as it was (before, the message spoke of a colon, and moving it did not help)
    path = Path(__file__).resolve().parents[1] / "data" / "agenda" / "beoordelingstafels-tom.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = lines.index("    status: in uitvoering\n")
    broken = lines[:number] + [" " + lines[number]] + lines[number + 1 :]
    assert messages("".join(broken).encode()) == [
        f"f.yaml:{number + 1}: (bestand): YAML kan niet gelezen worden: regel {number + 1} springt 1 spatie "
        f"verder in dan het veld 'datum' op regel {number}. Maak de inspringing 4 spaties, net als dat veld "
        "(YAML-melding: mapping values are not allowed in this context)."
    ]
    document, problems = read_yaml("f.yaml", "".join(lines).encode())
    assert document is not None and problems == []
