"""The forms and their fields: one definition for the template (templates.py) and the parser
(body.py). Field ids are those the workflows and the tests use; labels are what GitHub writes
above each answer in the issue's body, so every label of a form is different."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import Model
from ..schema_fields import schema_field
from . import choices

PRIVACY = "Mijn formulier bevat geen namen of andere gegevens van kinderen, ouders of medewerkers."
SHIELDED = "Minder dan 10: de waarde wordt niet getoond."
DATE_HELP = "Als jjjj-mm-dd, zoals 2025-03-14, of alleen het jaar, zoals 2025."


@dataclass(frozen=True)
class Field:
    id: str
    type: str  # input, textarea, dropdown or checkboxes
    label: str
    description: str = ""
    required: bool = False
    options: Mapping[str, object] = field(default_factory=dict)  # a dropdown: shown text -> value
    checkbox: str = ""  # the one option of a checkboxes field
    tick_required: bool = False  # the box must be ticked to send the form


@dataclass(frozen=True)
class Form:
    file: str  # the template's file name in .github/ISSUE_TEMPLATE/
    name: str
    description: str
    title: str
    labels: tuple[str, ...]
    intro: str
    fields: tuple[Field, ...]

    def field(self, id: str) -> Field:
        return next(f for f in self.fields if f.id == id)


def _privacy() -> Field:
    return Field("privacy", "checkboxes", "Persoonsgegevens", checkbox=PRIVACY, tick_required=True)


def _bron(model: Model, description: str, required: bool = True) -> Field:
    return Field("bron", "dropdown", "Bron", description, required, choices.bronnen(model))


def _schema(kind: str, path: str, id: str, type: str, required: bool) -> Field:
    """A field with the schema's title and description."""
    found = schema_field(kind, path)
    return Field(id, type, found.title, found.description, required)


def forms(model: Model) -> tuple[Form, ...]:
    """Every form that becomes a data change, with the options of ``model``."""
    return (
        Form(
            file="statuswijziging.yml",
            name="Statuswijziging",
            description="Meld dat een opgave of pilot een andere status heeft door een besluit.",
            title="Statuswijziging: ",
            labels=("status",),
            intro=(
                "Een status verandert alleen door een besluit. Noem daarom het gremium en de datum "
                "van het besluit. Uit dit formulier maakt de computer een voorstel (een pull request) "
                "met een nieuwe stap onderaan de statushistorie; oude stappen blijven staan."
            ),
            fields=(
                Field("item", "dropdown", "Opgave of pilot", required=True, options=choices.items(model)),
                Field("status", "dropdown", "Nieuwe status", required=True, options=choices.statuses(decided=True)),
                Field("datum", "input", "Datum van het besluit", DATE_HELP, required=True),
                Field(
                    "gremium", "dropdown", "Gremium dat besloot", required=True, options=choices.gremia(model)
                ),
                Field(
                    "verslag",
                    "input",
                    "Verslag",
                    "De titel van het verslag of de besluitenlijst met het besluit, zoals 'Verslag "
                    "bestuurlijk overleg 14 maart 2025'. Staat het nog niet bij de bronnen, dan komt "
                    "het erbij.",
                ),
                _bron(model, "Het brondocument over het besluit, als u geen verslag noemt.", required=False),
                Field("toelichting", "textarea", "Toelichting", "Waarom de status veranderde."),
                _privacy(),
            ),
        ),
        Form(
            file="nieuwe-opgave.yml",
            name="Nieuwe opgave",
            description="Zet een nieuwe opgave op de samenwerkingsagenda.",
            title="Nieuwe opgave: ",
            labels=("voorstel",),
            intro=(
                "Met dit formulier stelt u een nieuwe opgave voor. De computer maakt er een voorstel "
                "(een pull request) van; een werkgroep of tafel bespreekt het. Vul alleen in wat in "
                "een document of besluit staat."
            ),
            fields=(
                _schema("opgave", "titel", "titel", "input", True),
                _schema("opgave", "samenvatting", "samenvatting", "textarea", True),
                Field("status", "dropdown", "Status", required=True, options=choices.statuses()),
                Field(
                    "trekker",
                    "dropdown",
                    schema_field("opgave", "trekker").title,
                    "Het gremium dat de opgave trekt. Laat leeg als dat nog niet bekend is.",
                    options=choices.gremia(model),
                ),
                _bron(model, "Het document of besluit waarin de opgave staat."),
                _schema("opgave", "beschrijving", "beschrijving", "textarea", False),
                _privacy(),
            ),
        ),
        Form(
            file="meting.yml",
            name="Nieuwe meting",
            description="Meld een gemeten waarde van een indicator van een pilot.",
            title="Meting: ",
            labels=("meting",),
            intro="Een meting komt onderaan de metingen van de indicator, met de bron.",
            fields=(
                Field(
                    "indicator",
                    "dropdown",
                    "Indicator",
                    "De pilot en de indicator.",
                    required=True,
                    options=choices.indicators(model),
                ),
                _schema("pilot", "indicatoren[].metingen[].periode", "periode", "input", True),
                Field(
                    "waarde",
                    "input",
                    "Waarde",
                    "Het gemeten getal, zoals 25 of 12,5. Laat leeg als de waarde is afgeschermd.",
                ),
                Field("afgeschermd", "checkboxes", "Afgeschermd", checkbox=SHIELDED),
                _bron(model, "Waar de meting vandaan komt."),
                _privacy(),
            ),
        ),
        Form(
            file="bron.yml",
            name="Nieuw brondocument",
            description="Zet een nieuw brondocument bij de bronnen, zoals een verslag of een besluitenlijst.",
            title="Brondocument: ",
            labels=("bron",),
            intro="Gegevens noemen altijd hun bron. Hier zet u een nieuw document bij de bronnen in regio.yaml.",
            fields=(
                Field("titel", "input", "Titel van het document", "De titel zoals die op het document staat.", True),
                Field("soort", "input", "Soort document", "Bijvoorbeeld verslag of besluitenlijst."),
                Field(
                    "datering",
                    "input",
                    "Datering",
                    "Uit welke tijd het document is, zoals 2025-03-14, 2021-2022 of omstreeks 2023.",
                    True,
                ),
                Field(
                    "adres",
                    "input",
                    "Webadres",
                    "Het adres (https://...) waar het document online staat, zodat lezers het kunnen openen. "
                    "Laat leeg als het niet online staat of als u het adres niet weet.",
                ),
                _privacy(),
            ),
        ),
        Form(
            file="mijlpaal.yml",
            name="Mijlpaal bereikt",
            description="Meld dat een mijlpaal van een opgave is bereikt.",
            title="Mijlpaal bereikt: ",
            labels=("mijlpaal",),
            intro="De mijlpaal krijgt 'gereed: ja', met de bron die zegt dat het resultaat er is.",
            fields=(
                Field(
                    "mijlpaal",
                    "dropdown",
                    "Mijlpaal",
                    "De opgave, de mijlpaal en het jaar. Alleen mijlpalen die nog niet bereikt zijn.",
                    required=True,
                    options=choices.open_milestones(model),
                ),
                _bron(model, "Het document dat zegt dat de mijlpaal is bereikt."),
                _privacy(),
            ),
        ),
    )
