"""The typed model of a region's agenda: frozen dataclasses, no I/O.

Field names are the Dutch keys of the YAML files, so that nothing is
renamed between a file, the model and the exports. A test checks that
every schema property has a field here and the other way round.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass

from .schemas import schema

# A date as text (jjjj-mm-dd), a year, or "onbekend".
Moment = str | int
ONBEKEND = "onbekend"


@dataclass(frozen=True, kw_only=True)
class Bronverwijzing:
    bron: str
    onderdeel: str | None = None
    noot: str | None = None


@dataclass(frozen=True, kw_only=True)
class Besluit:
    datum: Moment
    gremium: str
    verslag: str | None = None


@dataclass(frozen=True, kw_only=True)
class Statusovergang:
    datum: Moment
    status: str
    bronnen: tuple[Bronverwijzing, ...]
    toelichting: str | None = None
    besluit: Besluit | None = None


@dataclass(frozen=True, kw_only=True)
class Mijlpaal:
    jaar: int | str
    omschrijving: str
    gereed: str
    bronnen: tuple[Bronverwijzing, ...]
    datum: str | None = None


@dataclass(frozen=True, kw_only=True)
class Jaarevaluatie:
    jaar: int
    bronnen: tuple[Bronverwijzing, ...]
    voortgang: str | None = None
    wat_gaat_goed: tuple[str, ...] = ()
    wat_is_nodig: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Opgave:
    id: str
    titel: str
    samenvatting: str
    thema: str
    niveau: str
    status: str
    statushistorie: tuple[Statusovergang, ...]
    trekker: str
    bronnen: tuple[Bronverwijzing, ...]
    beschrijving: str | None = None
    periodes: tuple[str, ...] = ()
    principes: tuple[str, ...] = ()
    gremia: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    mijlpalen: tuple[Mijlpaal, ...] = ()
    verwant: tuple[str, ...] = ()
    volgnummer: int | None = None  # its place in its thema in the region's document
    evaluaties: tuple[Jaarevaluatie, ...] = ()
    herziening: str | None = None


@dataclass(frozen=True, kw_only=True)
class Doel:
    jaar: int
    waarde: float
    vanaf: bool = False
    toelichting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Meting:
    periode: str
    bronnen: tuple[Bronverwijzing, ...]
    waarde: float | None = None
    afgeschermd: bool = False
    toelichting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Indicator:
    id: str
    naam: str
    richting: str
    bronnen: tuple[Bronverwijzing, ...]
    eenheid: str | None = None
    telt_personen: bool | None = None
    periodetype: str | None = None
    doel_tekst: str | None = None
    doelen: tuple[Doel, ...] = ()
    metingen: tuple[Meting, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Financiering:
    jaar: int
    bronnen: tuple[Bronverwijzing, ...]
    vanaf: bool = False
    fte: float | None = None
    bedrag: float | None = None
    financier: str | None = None
    toelichting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Resultaatgroep:
    groep: str
    resultaten: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Locaties:
    aantal: str
    scholen: tuple[str, ...] | str
    toelichting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Pilot:
    id: str
    titel: str
    samenvatting: str
    status: str
    statushistorie: tuple[Statusovergang, ...]
    bronnen: tuple[Bronverwijzing, ...]
    afkorting: str | None = None
    opgave: str = ONBEKEND
    start: Moment | None = None
    einde: Moment | None = None
    achtergrond: str | None = None
    doel: str | None = None
    doelgroep: str | None = None
    onderwijs: tuple[str, ...] = ()
    werkwijze: str | None = None
    voorwaarden: tuple[str, ...] = ()
    principes: tuple[str, ...] = ()
    locaties: Locaties | None = None
    financiering: tuple[Financiering, ...] = ()
    financiering_toelichting: str | None = None
    verwachte_resultaten: tuple[Resultaatgroep, ...] = ()
    indicatoren: tuple[Indicator, ...] = ()
    sturing: str | None = None
    trekker: str = ONBEKEND
    gremia: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    evaluaties: tuple[Jaarevaluatie, ...] = ()
    herziening: str | None = None


@dataclass(frozen=True, kw_only=True)
class EvaluatieNiveau:
    titel: str
    doel: str | None = None
    wat_gaat_goed: tuple[str, ...] = ()
    wat_is_nodig: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class EvaluatieBesluit:
    omschrijving: str
    datum: Moment
    gremium: str
    verslag: str | None = None


@dataclass(frozen=True, kw_only=True)
class Evaluatie:
    jaar: int
    titel: str
    bronnen: tuple[Bronverwijzing, ...]
    datum: Moment | None = None
    samenvatting: str | None = None
    wat_gaat_goed: tuple[str, ...] = ()
    wat_is_nodig: tuple[str, ...] = ()
    niveaus: tuple[EvaluatieNiveau, ...] = ()
    vervolgdoelen: tuple[str, ...] = ()
    besluiten: tuple[EvaluatieBesluit, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Periode:
    id: str
    naam: str
    van: int | str
    tot: int | str
    bronnen: tuple[Bronverwijzing, ...]
    toelichting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Thema:
    id: str
    naam: str
    bronnen: tuple[Bronverwijzing, ...]
    omschrijving: str | None = None
    visie: tuple[str, ...] = ()
    maatschappelijk_resultaat: str | None = None
    grootste_opgave: str | None = None
    soort: str = "hoofdlijn"  # or "randvoorwaarde": a condition of the cooperation, in a part of its own


@dataclass(frozen=True, kw_only=True)
class OpenVraag:
    vraag: str
    bronnen: tuple[Bronverwijzing, ...]
    toelichting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Hoofdstuk:
    """A chapter of the agenda besides visie, opgaven and organisation, under the source's heading."""

    id: str
    kop: str
    soort: str  # 'context', 'financien' or 'anders': where it stands in the printable edition
    tekst: str
    bronnen: tuple[Bronverwijzing, ...]
    samenvatting: str | None = None


def _kop(name: str) -> str:
    """The heading of a part of a region's content when its sources name none: the schema's default."""
    return schema("regio")["properties"]["koppen"]["properties"][name]["default"]


@dataclass(frozen=True, kw_only=True)
class Koppen:
    """The headings of the parts of a region's content, as its sources name them."""

    visie: str = _kop("visie")
    themas: str = _kop("themas")
    randvoorwaarden: str = _kop("randvoorwaarden")
    maatschappelijk_resultaat: str = _kop("maatschappelijk_resultaat")
    grootste_opgave: str = _kop("grootste_opgave")
    uitgangspunten: str = _kop("uitgangspunten")
    samenwerking: str = _kop("samenwerking")
    criteria: str = _kop("criteria")
    open_vragen: str = _kop("open_vragen")


@dataclass(frozen=True, kw_only=True)
class Brondocument:
    id: str
    titel: str
    datering: str
    soort: str | None = None
    bestand: str | None = None
    adres: str | None = None  # where the document is published, or 'onbekend'


@dataclass(frozen=True, kw_only=True)
class Licentie:
    naam: str
    adres: str | None = None


@dataclass(frozen=True, kw_only=True)
class Regio:
    naam: str
    titel: str
    periodes: tuple[Periode, ...]
    themas: tuple[Thema, ...]
    bronnen: tuple[Brondocument, ...]
    overleg: str | None = None
    inleiding: str | None = None
    inleiding_bronnen: tuple[Bronverwijzing, ...] = ()
    repository: str | None = None
    licentie: Licentie | None = None
    open_vragen: tuple[OpenVraag, ...] = ()
    hoofdstukken: tuple[Hoofdstuk, ...] = ()
    koppen: Koppen = Koppen()
    toegestane_contactgegevens: tuple[str, ...] = ()
    eerdere_namen: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Principe:
    id: str
    tekst: str
    kort: str | None = None

    @property
    def naam(self) -> str:
        """How the site names the principle: its short name, or else its first sentence when that is
        short, or its first words (a source need not give a short name, and the site invents none)."""
        if self.kort:
            return self.kort
        if len(self.tekst.split()) <= _PRINCIPE_WORDS:
            return self.tekst
        sentence = re.split(r"(?<=[.!?])\s", self.tekst, maxsplit=1)[0]
        if len(sentence.split()) <= _PRINCIPE_WORDS:
            return sentence.rstrip(".")
        return " ".join(self.tekst.split()[:_PRINCIPE_WORDS]).rstrip(",;:.") + " …"


_PRINCIPE_WORDS = 10  # at most this many words of a principle's text name it, when it has no short name


@dataclass(frozen=True, kw_only=True)
class Samenwerkingsniveau:
    id: str
    toelichting: str
    titel: str | None = None
    invulling: str | None = None
    zodat: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class VisieVersie:
    periode: str
    principes: tuple[Principe, ...]
    bronnen: tuple[Bronverwijzing, ...]
    visie: tuple[str, ...] = ()  # none when each hoofdlijn (thema) carries its own visie
    visie_inleiding: str | None = None
    principes_kop: str | None = None
    principes_inleiding: str | None = None
    uitgangspunten: tuple[str, ...] = ()
    samenwerking: tuple[Samenwerkingsniveau, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Criterium:
    niveau: str
    tekst: str


@dataclass(frozen=True, kw_only=True)
class Criteria:
    criteria: tuple[Criterium, ...]
    bronnen: tuple[Bronverwijzing, ...]
    inleiding: str | None = None


@dataclass(frozen=True, kw_only=True)
class Visie:
    versies: tuple[VisieVersie, ...]
    criteria: Criteria | None = None


@dataclass(frozen=True, kw_only=True)
class Gremium:
    id: str
    naam: str
    soort: str
    bronnen: tuple[Bronverwijzing, ...]
    afkorting: str | None = None
    valt_onder: str | None = None
    omschrijving: str | None = None
    samenstelling: str | None = None
    github_team: str | None = None


@dataclass(frozen=True, kw_only=True)
class Partner:
    id: str
    naam: str
    soort: str
    bronnen: tuple[Bronverwijzing, ...]
    afkorting: str | None = None
    omschrijving: str | None = None


@dataclass(frozen=True, kw_only=True)
class Organisatie:
    gremia: tuple[Gremium, ...]
    partners: tuple[Partner, ...]
    toelichting: str | None = None
    bronnen: tuple[Bronverwijzing, ...] = ()  # of the toelichting


@dataclass(frozen=True, kw_only=True)
class Begrip:
    term: str
    uitleg: str
    afkorting: str | None = None
    bronnen: tuple[Bronverwijzing, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Begrippen:
    begrippen: tuple[Begrip, ...]


@dataclass(frozen=True, kw_only=True)
class Model:
    """Everything in a region's data folder, checked and linked."""

    regio: Regio
    visie: Visie
    organisatie: Organisatie
    begrippen: Begrippen
    opgaven: tuple[Opgave, ...]
    pilots: tuple[Pilot, ...]
    evaluaties: tuple[Evaluatie, ...]
    # data file of each opgave, pilot and evaluation, relative to the repository
    bestanden: dict[tuple[str, str], str]


def build(cls: type, data: object):
    """Build a dataclass (recursively) from schema-valid plain data."""
    return cls(**{name: convert(data[name]) for name, convert in _field_converters(cls) if name in data})


@functools.cache
def _field_converters(cls: type) -> tuple[tuple[str, Callable[[object], object]], ...]:
    """Each field of a dataclass with the function that converts its value (once per class:
    resolving type hints is slow)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in fields(cls))


@functools.cache
def _converter(hint: object) -> Callable[[object], object]:
    """What turns plain data into a value of type ``hint``: dataclasses are built, lists become
    tuples; in a union, the first type that fits the value's shape; anything else stays as it is."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        return lambda value: tuple(item(v) for v in value) if isinstance(value, list) else value
    if origin in (typing.Union, types.UnionType):
        options = [
            (dict, _converter(option)) if is_dataclass(option) else (list, _converter(option))
            for option in typing.get_args(hint)
            if is_dataclass(option) or typing.get_origin(option) is tuple
        ]
        return lambda value: next((convert(value) for shape, convert in options if isinstance(value, shape)), value)
    if is_dataclass(hint):
        return lambda value: build(hint, value) if isinstance(value, dict) else value
    return _unchanged


def _unchanged(value: object) -> object:
    return value
