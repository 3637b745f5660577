"""Markdown written in a text without formatting is a warning that names the field and the fields
nearby that take Markdown; the site would show the asterisks and brackets letter for letter."""

from __future__ import annotations

import pytest

WARNING = "waarschuwing: dit veld toont tekst zonder opmaak, maar de tekst is geschreven met opmaak"


def test_bold_in_a_visie_point_names_the_markdown_field_of_the_version(region):
    point = "      - Ieder kind groeit zo normaal mogelijk op."
    region.edit("visie.yaml", point, point.replace("zo normaal mogelijk", "**zo normaal mogelijk**"))
    assert region.messages() == [
        f"data/visie.yaml:14: versies[1].visie[0]: {WARNING} (**vet**). De site toont de tekens letterlijk. "
        "Haal de opmaak weg. Opmaak kan wel in het veld 'visie_inleiding'."
    ]


def test_a_link_and_code_in_a_title_name_the_fields_of_the_record(region):
    region.edit("agenda/thuiszitters.yaml", "titel: Geen kind thuis", "titel: Geen `kind` [thuis](https://example.org)")
    assert region.messages() == [
        f"data/agenda/thuiszitters.yaml:3: titel: {WARNING} ([link](adres), `code`). De site toont de tekens "
        "letterlijk. Haal de opmaak weg. Opmaak kan wel in het veld 'beschrijving'."
    ]


def test_a_list_in_a_text_of_a_part_without_markdown_fields_says_so(region):
    verslag = "      verslag: BO-2024-03"
    region.edit("agenda/leerlingenvervoer.yaml", verslag, "      verslag: |-\n        Verslag\n        - punt een")
    [message] = region.messages()
    assert message.endswith(
        f"statushistorie[1].besluit.verslag: {WARNING} (- opsomming). De site toont de tekens letterlijk. "
        "Haal de opmaak weg. Opmaak kan wel in het veld 'beschrijving'."
    )


@pytest.mark.parametrize(
    "text",
    ["2 * 3 = 6", "een_code_met_underscores", "[zie bijlage]", "5 euro - inclusief btw", "#1 in de regio", "a ** b"],
)
def test_ordinary_text_is_not_taken_for_markdown(region, text: str):
    region.edit("agenda/thuiszitters.yaml", "titel: Geen kind thuis", f"titel: '{text}'")
    assert region.messages() == []


def test_markdown_fields_may_hold_markdown(region):
    inleiding = "    visie_inleiding: Wat we samen willen."
    region.edit("visie.yaml", inleiding, inleiding.replace("samen", "**samen**"))
    assert region.messages() == []

