"""A second region, built from the Alkmaar documents (bronnen 003 and 004).

It proves that the data model is not tied to Amersfoort: a region that works
with hoofdlijnen, sturingsprincipes, open questions for the bestuurders and a
yearly evaluation per level of support loads without a single problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agenda.model import Model

DATA_DIR = Path(__file__).parent / "regio_alkmaar"

HOOFDLIJNEN = ["lokaal-anticiperen", "passende-omgeving", "integraal-perspectief"]

# The annex "lopende pilots onderwijs-zorgarrangementen" lists ten entries;
# 'J-GGZ in het VO en in het MBO' appears under both VO and MBO, so nine pilots.
ANNEX_PILOTS = {
    "de-trimaran",
    "samen-sterker-naar-school",
    "de-boog",
    "buitengewoon-leren",
    "kanzklas",
    "de-alk",
    "jggz-vo-mbo",
    "oza-spinaker-vo",
    "skills-noord-holland-noord",
}

SUPPORT_LEVELS = [
    "Extra ondersteuning op voorziening",
    "Extra ondersteuning op de basisschool",
    "Basis en lichte ondersteuning op de basisschool",
    "Specialistisch 2e lijn diagnose en behandeling",
]


# every test reads the Alkmaar region's model (conftest's model fixture, which requires no problem)
pytestmark = pytest.mark.parametrize("model", [DATA_DIR], indirect=True, ids=["alkmaar"])


def test_loads_without_problems(model: Model) -> None:
    assert model.regio.naam == "Alkmaar"


def test_three_hoofdlijnen_and_randvoorwaarden_follow_the_kwaliteitskompas(model: Model) -> None:
    themas = {thema.id: thema for thema in model.regio.themas}
    assert list(themas) == HOOFDLIJNEN + ["randvoorwaarden"]
    for thema in themas.values():
        assert thema.maatschappelijk_resultaat, thema.id
        assert thema.grootste_opgave, thema.id
    for thema_id in HOOFDLIJNEN:
        assert len(themas[thema_id].visie) == 2, thema_id
    assert themas["integraal-perspectief"].maatschappelijk_resultaat.startswith(
        "1 kind, 1 gezin, 1 plan"
    )


def test_sturingsprincipes(model: Model) -> None:
    versie = model.visie.versies[-1]
    assert versie.principes_kop == "Sturingsprincipes"
    assert len(versie.principes) == 7


def test_open_questions_of_part_bii(model: Model) -> None:
    vragen = [vraag.vraag for vraag in model.regio.open_vragen]
    assert len(vragen) == 6
    assert vragen[0] == "Willen we een aanpak per wijk of werkgebied?"
    assert vragen[-1] == "Willen we ons nog inspannen op de aanpak van dyslexie?"
    assert all("Deelvra" in vraag.toelichting for vraag in model.regio.open_vragen)


def test_activities_belong_to_a_hoofdlijn_or_the_randvoorwaarden(model: Model) -> None:
    thema_ids = {thema.id for thema in model.regio.themas}
    per_thema = {thema_id: 0 for thema_id in thema_ids}
    for opgave in model.opgaven:
        per_thema[opgave.thema] += 1
        assert opgave.statushistorie[-1].toelichting, opgave.id
    assert all(count > 0 for count in per_thema.values()), per_thema
    assert 8 <= len(model.opgaven) <= 12
    statuses = {opgave.status for opgave in model.opgaven}
    assert {"in uitvoering", "in ontwikkeling"} <= statuses


def test_pilots_are_the_annex(model: Model) -> None:
    assert {pilot.id for pilot in model.pilots} == ANNEX_PILOTS
    for pilot in model.pilots:
        assert pilot.status == "in uitvoering", pilot.id
        assert pilot.opgave == "pilots-evalueren-borgen", pilot.id


def test_evaluation_2018_per_level_of_support(model: Model) -> None:
    (evaluatie,) = model.evaluaties
    assert evaluatie.jaar == 2018
    assert evaluatie.datum == "2018-03-07"
    assert [niveau.titel for niveau in evaluatie.niveaus] == SUPPORT_LEVELS
    for niveau in evaluatie.niveaus:
        assert niveau.doel, niveau.titel
        assert niveau.wat_gaat_goed, niveau.titel
        assert niveau.wat_is_nodig, niveau.titel
    # "Algemeen": the general findings
    assert evaluatie.wat_gaat_goed and evaluatie.wat_is_nodig
    assert len(evaluatie.vervolgdoelen) == 3
