"""The issue forms in .github/ISSUE_TEMPLATE/: made from the data and the schemas, in GitHub's
syntax for issue forms, with options by name that map back to one code each, whatever the names
hold; and the body of a submitted form read back as GitHub writes it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from agenda.forms import choices
from agenda.forms.body import Unreadable, parse
from agenda.forms.definitions import forms
from agenda.forms.templates import FOLDER, render
from agenda.loader import load
from agenda.model import Model
from agenda.render.links import ERROR_FORM
from agenda.status_history import STATUSES

REPO = Path(__file__).resolve().parents[1]
TOP_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ELEMENTS = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
FIELD_IDS = {
    "statuswijziging.yml": ["item", "status", "datum", "gremium", "verslag", "bron", "toelichting", "privacy"],
    "nieuwe-opgave.yml": ["titel", "samenvatting", "status", "trekker", "bron", "beschrijving", "privacy"],
    "meting.yml": ["indicator", "periode", "waarde", "afgeschermd", "bron", "privacy"],
    "bron.yml": ["titel", "soort", "datering", "adres", "privacy"],
    "mijlpaal.yml": ["mijlpaal", "bron", "privacy"],
}
# the fields one may leave empty (the privacy box is required through its option)
OPTIONAL = {
    "statuswijziging.yml": {"verslag", "bron", "toelichting", "privacy"},
    "nieuwe-opgave.yml": {"trekker", "beschrijving", "privacy"},
    "meting.yml": {"waarde", "afgeschermd", "privacy"},
    "bron.yml": {"soort", "adres", "privacy"},
    "mijlpaal.yml": {"privacy"},
}


@pytest.fixture(scope="module")
def data_model() -> Model:
    result = load(REPO / "data")
    assert result.model is not None, [p.format() for p in result.errors]
    return result.model


def test_the_forms_match_the_data(data_model: Model) -> None:
    for name, text in render(data_model).items():
        assert (REPO / FOLDER / name).read_text(encoding="utf-8") == text, (
            f"{name} past niet bij de gegevens: python scripts/formulieren.py"
        )
    on_disk = {path.name for path in (REPO / FOLDER).glob("*.yml")}
    assert on_disk == {*render(data_model), ERROR_FORM, "config.yml"}


def check_syntax(form: dict) -> None:
    """GitHub's rules for an issue form, as far as a file can show them."""
    assert set(form) <= TOP_KEYS and {"name", "description", "body"} <= set(form)
    assert all(isinstance(form[key], str) and form[key] for key in ("name", "description", "title"))
    ids, labels = [], []
    for element in form["body"]:
        assert element["type"] in ELEMENTS
        assert set(element) <= {"type", "id", "attributes", "validations"}
        if element["type"] == "markdown":
            assert element["attributes"]["value"]
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        ids.append(element["id"])
        labels.append(element["attributes"]["label"])
        assert set(element.get("validations", {})) <= {"required"}
        if element["type"] in ("dropdown", "checkboxes"):
            options = element["attributes"]["options"]
            assert options
            if element["type"] == "dropdown":
                assert all(isinstance(o, str) and o and o.strip() == o and "\n" not in o for o in options)
                assert len(set(options)) == len(options) and "None" not in options
            else:
                assert all(set(o) <= {"label", "required"} and o["label"] for o in options)
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)
    assert any(element["type"] != "markdown" for element in form["body"])


def test_every_form_has_the_fields_of_the_issue_in_githubs_syntax(data_model: Model) -> None:
    texts = render(data_model)
    assert sorted(texts) == sorted(FIELD_IDS)
    for name, text in texts.items():
        form = yaml.safe_load(text)
        check_syntax(form)
        fields = [element for element in form["body"] if element["type"] != "markdown"]
        assert [element["id"] for element in fields] == FIELD_IDS[name]
        for element in fields:
            required = element.get("validations", {}).get("required", False)
            assert required == (element["id"] not in OPTIONAL[name]), (name, element["id"])
        [privacy] = [element for element in fields if element["id"] == "privacy"]
        assert privacy["attributes"]["options"][0]["required"] is True
    check_syntax(yaml.safe_load((REPO / FOLDER / ERROR_FORM).read_text(encoding="utf-8")))


def test_statuses_come_from_the_schema(data_model: Model) -> None:
    """A new opgave may have an unknown status; a besluit never makes a status unknown."""
    for name, offered in (("statuswijziging.yml", STATUSES[:-1]), ("nieuwe-opgave.yml", STATUSES)):
        form = yaml.safe_load(render(data_model)[name])
        [status] = [element for element in form["body"] if element.get("id") == "status"]
        assert status["attributes"]["options"] == list(offered)
    assert STATUSES[-1] == "onbekend"


def test_dropdowns_show_names_never_codes(data_model: Model) -> None:
    form = yaml.safe_load(render(data_model)["statuswijziging.yml"])
    options = {element["id"]: element["attributes"].get("options") for element in form["body"] if "id" in element}
    assert options["gremium"] == sorted(options["gremium"], key=lambda n: choices.gremia(data_model)[n])
    assert set(options["gremium"]) == {g.naam for g in data_model.organisatie.gremia}
    assert set(options["item"]) == {f"Opgave: {o.titel}" for o in data_model.opgaven} | {
        f"Pilot: {p.titel}" for p in data_model.pilots
    }
    codes = {g.id for g in data_model.organisatie.gremia} | {o.id for o in data_model.opgaven}
    assert not codes & set(options["gremium"] + options["item"])


HOSTILE_NAMES = [
    "Werkgroep: \"LLV\" # 'x'",
    "${{ secrets.GITHUB_TOKEN }} $(id) `x`",
    "{{ config }} {% raw %} <script>alert(1)</script>",
    "- [X] ### Kop\n\nmet regels",
    "None",
    "Werkgroep  Test",  # the same as the next one, once shown on one line
    "Werkgroep Test",
    "yes",
    "&anker *alias !tag |",
]


def hostile(model: Model) -> Model:
    gremia = tuple(
        replace(model.organisatie.gremia[0], id=f"gremium-{index}", naam=name) for index, name in enumerate(HOSTILE_NAMES)
    )
    return replace(model, organisatie=replace(model.organisatie, gremia=gremia))


def test_names_from_the_data_are_quoted_by_the_emitter_and_map_back_to_one_code(model: Model) -> None:
    bad = hostile(model)
    form = yaml.safe_load(render(bad)["statuswijziging.yml"])
    check_syntax(form)
    [gremium] = [element for element in form["body"] if element.get("id") == "gremium"]
    assert gremium["attributes"]["options"] == [
        "Werkgroep: \"LLV\" # 'x'",
        "${{ secrets.GITHUB_TOKEN }} $(id) `x`",
        "{{ config }} {% raw %} <script>alert(1)</script>",
        "- [X] ### Kop met regels",
        "None (2)",
        "Werkgroep Test",
        "Werkgroep Test (2)",
        "yes",
        "&anker *alias !tag |",
    ]
    mapping = choices.gremia(bad)
    assert [mapping[o] for o in gremium["attributes"]["options"]] == [f"gremium-{i}" for i in range(len(HOSTILE_NAMES))]


def test_a_form_without_anything_to_choose_is_left_out(model: Model) -> None:
    no_milestones = replace(model, opgaven=tuple(replace(o, mijlpalen=()) for o in model.opgaven))
    assert "mijlpaal.yml" not in render(no_milestones)
    assert sorted(render(model)) == sorted(FIELD_IDS)


def test_a_body_is_read_as_github_writes_it(model: Model) -> None:
    submitted = (
        "### Indicator\n\nJeugdhulp op de testschool: Minder verwijzingen\n\n"
        "### Periode\n\n2024\n\n"
        "### Waarde\n\n_No response_\n\n"
        "### Afgeschermd\n\n- [X] Minder dan 10: de waarde wordt niet getoond.\n\n"
        "### Bron\n\nVerzonnen testdocument (2023)\n\n"
        "### Persoonsgegevens\n\n- [ ] Mijn formulier bevat geen namen of andere gegevens van kinderen, ouders of "
        "medewerkers."
    )
    submission = parse(submitted, forms(model))
    assert submission.form.file == "meting.yml"
    assert submission.answers == {
        "indicator": "Jeugdhulp op de testschool: Minder verwijzingen",
        "periode": "2024",
        "waarde": None,
        "bron": "Verzonnen testdocument (2023)",
    }
    assert submission.ticked == {"afgeschermd": True, "privacy": False}


def test_a_checkbox_that_cannot_be_read_is_refused(model: Model) -> None:
    submitted = (
        "### Titel van het document\n\nX\n\n### Soort document\n\n_No response_\n\n### Datering\n\n2025\n\n"
        "### Webadres\n\n_No response_\n\n### Persoonsgegevens\n\n- [X] iets anders"
    )
    with pytest.raises(Unreadable) as refused:
        parse(submitted, forms(model))
    assert str(refused.value) == (
        "Persoonsgegevens: het vakje 'Mijn formulier bevat geen namen of andere gegevens van kinderen, ouders of "
        "medewerkers.' is niet te lezen. Vink het aan of laat het leeg."
    )
