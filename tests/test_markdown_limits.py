"""Texts in Markdown stay within limits that Python-Markdown reads in bounded time, so that a data
file of the largest size (1 MB) is checked and rendered in time proportional to its size."""

from __future__ import annotations

import json
from datetime import date

import pytest

from agenda.checks.markdown_limits import MAX_BRACKETS, MAX_DEPTH, MAX_LENGTH, depth
from agenda.render import organisatie
from agenda.site import Site
from agenda.yamlfile import MAX_BYTES

TOELICHTING = "toelichting: Zo werken we samen in de test."


def _toelichting(region, text: str) -> None:
    region.edit("organisatie.yaml", TOELICHTING, f"toelichting: {json.dumps(text)}")


def test_a_text_at_the_limits_is_accepted(region) -> None:
    text = ("> " * MAX_DEPTH + "[x](https://example.org) ") + "[a] " * (MAX_BRACKETS - 1)
    _toelichting(region, text + "a" * (MAX_LENGTH - len(text)))
    assert region.messages() == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a" * (MAX_LENGTH + 1),
         f"de tekst is {MAX_LENGTH + 1} tekens lang; een tekst met opmaak mag hoogstens {MAX_LENGTH} tekens "
         "hebben. Maak hem korter of verdeel hem over meer velden."),
        ("[" * (MAX_BRACKETS + 1),
         f"de tekst heeft {MAX_BRACKETS + 1} keer '['; hoogstens {MAX_BRACKETS} (elke link heeft er één). "
         "Schrijf minder links of haken, of verdeel de tekst over meer velden."),
        ("Eerst.\n" + "> " * (MAX_DEPTH + 1) + "diep",
         f"regel 2 van de tekst springt {MAX_DEPTH + 1} niveaus in (citaten '>', opsommingen, inspringing); "
         f"hoogstens {MAX_DEPTH}. Spring minder diep in."),
    ],
    ids=["lengte", "haken", "diepte"],
)
def test_a_text_beyond_a_limit_is_refused(region, text: str, message: str) -> None:
    _toelichting(region, text)
    assert region.messages() == [f"data/organisatie.yaml:2: toelichting: {message}"]


def test_only_texts_in_markdown_are_limited(region) -> None:
    region.edit("organisatie.yaml", "naam: Werkgroep Test", f"naam: {json.dumps('[' * (MAX_BRACKETS + 1))}")
    assert region.messages() == []


@pytest.mark.parametrize(
    ("line", "levels"),
    [("tekst", 0), ("> citaat", 1), (">>> > a", 4), ("- punt", 1), ("    - punt", 2), ("1. 2) - a", 3),
     ("\t\t- a", 3), ("        code", 2), ("-----", 0), ("2023 was een goed jaar", 0)],
)
def test_depth_counts_quotes_list_markers_and_indentation(line: str, levels: int) -> None:
    assert depth(line) == levels


@pytest.mark.timeout(60)
def test_a_file_of_pathological_markdown_is_refused_quickly(region) -> None:
    """16,000 '[' took Python-Markdown minutes, deep lists crash it: the validator refuses them."""
    brackets = "[" * 16_000 + "x" * (MAX_BYTES - 220_000)  # with the rest, near the largest file
    _toelichting(region, brackets)
    region.edit("organisatie.yaml", "omschrijving: Neemt de besluiten.", f"omschrijving: {json.dumps('1. ' * 1_000)}")
    nested = "".join("    " * i + "- a\n" for i in range(300))
    region.edit("organisatie.yaml", "omschrijving: Het samenwerkingsverband van de scholen.",
                f"omschrijving: {json.dumps(nested)}")
    assert (region.data / "organisatie.yaml").stat().st_size > MAX_BYTES * 0.95
    messages = "\n".join(region.messages())
    assert f"toelichting: de tekst is {len(brackets)} tekens lang" in messages
    assert "toelichting: de tekst heeft 16000 keer '['" in messages
    assert "gremia[0].omschrijving: regel 1 van de tekst springt 1000 niveaus in" in messages
    assert "partners[1].omschrijving: regel 21 van de tekst springt 21 niveaus in" in messages


@pytest.mark.timeout(300)
def test_a_file_of_the_largest_size_within_the_limits_is_checked_and_rendered(region) -> None:
    """A guard against hangs, not a speed test: 1 MB of the slowest Markdown the limits allow."""
    worst = ("> " * MAX_DEPTH + "a\n\n") + "[" * MAX_BRACKETS + " " + "**a** `b` _c_ &amp; \\* <x\n\n- d\n" * 500
    worst = worst[: MAX_LENGTH - 10]
    gremium = (
        "  - id: extra-{n}\n    naam: Extra {n}\n    soort: werkgroep\n    omschrijving: {text}\n"
        "    bronnen:\n      - bron: testbron\n"
    )
    one = gremium.format(n=0, text=json.dumps(worst))
    count = (MAX_BYTES - 2_000) // len(one)
    # each text its own (the renderer keeps each text it has converted)
    extra = "".join(gremium.format(n=n, text=json.dumps(f"{n} {worst}")) for n in range(count))
    region.edit("organisatie.yaml", "partners:\n", extra + "partners:\n")
    assert (region.data / "organisatie.yaml").stat().st_size > MAX_BYTES * 0.95
    result = region.load()
    assert not result.errors
    html = organisatie.organisatie(Site(result.model, today=date(2026, 1, 1)), "organisatie.md")
    assert html.count('<div class="agenda-prose">') >= count
