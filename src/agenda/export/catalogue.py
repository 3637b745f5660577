"""The catalogue of the open data in DCAT-AP-NL 3.0 (JSON-LD), for portals such as
data.overheid.nl to harvest: one dataset per published data file (the JSON, the CSV tables and
the JSON Schemas), each with one distribution, the file itself.

Titles and descriptions are in Dutch. The publisher, the creator and the contact point are the
region's overleg (or, without one, the region itself), reached through the issues of the
repository when the region names one. The licence is the region's own (``regio.licentie``);
where the region names none, the catalogue names none either and says so in a rights statement:
DCAT-AP-NL asks a licence for every distribution, so a portal may refuse the files until the
region has chosen one. Addresses follow agenda.export.addresses: absolute from the site's
published address, else relative to the site root, where the catalogue itself is published.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from datetime import date

from ..downloads import Download
from ..model import Regio
from ..schema_versions import current
from .addresses import Addresses

CATALOGUE_FILE = "catalogus.jsonld"
_EU = "http://publications.europa.eu/resource/authority/"
_IANA = "http://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "@language": "nl",
}
# what every data file is: public, about education (the engine is for agendas of passend
# onderwijs and youth care), in Dutch
_ACCESS = {"@id": _EU + "access-right/PUBLIC"}
_THEME = {"@id": _EU + "data-theme/EDUC"}
_LANGUAGE = {"@id": _EU + "language/NLD"}
# the file type and media type of each extension
_FORMATS = {".json": ("JSON", "application/json"), ".csv": ("CSV", "text/csv")}
NO_LICENCE = "De licentie van deze gegevens is nog niet vastgesteld."


def _date(day: date) -> dict:
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def _licence(regio: Regio) -> dict:
    """The licence of the region as a property of a distribution: dct:license, or dct:rights
    saying that there is none yet."""
    if regio.licentie is None:
        return {"dct:rights": {"@type": "dct:RightsStatement", "rdfs:label": NO_LICENCE}}
    node = {"@type": "dct:LicenseDocument", "rdfs:label": regio.licentie.naam}
    if regio.licentie.adres:
        node["@id"] = regio.licentie.adres
    return {"dct:license": node}


def _contact(regio: Regio, addresses: Addresses, name: str) -> dict:
    node = {"@id": addresses.file(f"{CATALOGUE_FILE}#contact"), "@type": "vcard:Organization", "vcard:fn": name}
    if regio.repository:
        node["vcard:hasURL"] = {"@id": regio.repository + "/issues"}
    return node


def _dataset(
    download: Download, regio: Regio, addresses: Addresses, modified: date | None, agent: dict, contact: dict
) -> dict:
    address = addresses.file(download.path)
    name = posixpath.basename(download.path)
    file_type, media_type = _FORMATS[posixpath.splitext(name)[1]]
    distribution = {
        "@id": address,
        "@type": "dcat:Distribution",
        "dct:title": name,
        "dct:description": download.description,
        "dcat:accessURL": {"@id": address},
        "dcat:downloadURL": {"@id": address},
        "dct:format": {"@id": _EU + "file-type/" + file_type},
        "dcat:mediaType": {"@id": _IANA + media_type},
        "dcat:byteSize": {"@value": str(download.size), "@type": "xsd:nonNegativeInteger"},
        **_licence(regio),
    }
    dataset = {
        "@id": addresses.file(f"{CATALOGUE_FILE}#{download.path}"),
        "@type": "dcat:Dataset",
        "dct:identifier": address,
        "dct:title": f"{regio.titel}: {name}",
        "dct:description": download.description,
        "dct:publisher": {"@id": agent["@id"]},
        "dct:creator": {"@id": agent["@id"]},
        "dcat:contactPoint": {"@id": contact["@id"]},
        "dct:accessRights": _ACCESS,
        "dcat:theme": _THEME,
        "dct:language": _LANGUAGE,
        "dcat:distribution": distribution,
    }
    if download.group == "schema":
        dataset["dcat:version"] = current().versie
        dataset["dct:modified"] = _date(current().datum)
    elif modified:
        dataset["dct:modified"] = _date(modified)
    if download.schema:
        dataset["dct:conformsTo"] = {"@id": addresses.file(download.schema)}
    return dataset


def catalogue(regio: Regio, downloads: Iterable[Download], addresses: Addresses, data_date: date | None) -> dict:
    """The catalogue of ``downloads`` as JSON-LD data, made from the data of ``data_date`` (the
    day of its last commit, None when unknown: then the data files carry no date)."""
    name = regio.overleg or regio.naam
    agent = {"@id": addresses.file(f"{CATALOGUE_FILE}#uitgever"), "@type": "foaf:Agent", "foaf:name": name}
    contact = _contact(regio, addresses, name)
    found = {
        "@context": CONTEXT,
        "@id": addresses.file(CATALOGUE_FILE),
        "@type": "dcat:Catalog",
        "dct:title": f"Open data: {regio.titel}",
        "dct:description": (
            f"De gegevens van de site {regio.titel}: als JSON en als CSV, met de JSON Schema's die "
            "ze beschrijven. Ze worden bij elke wijziging opnieuw gemaakt uit dezelfde bestanden als de site."
        ),
        "dct:publisher": agent,
        "dcat:contactPoint": contact,
        "foaf:homepage": {"@id": addresses.file("")},
        "dct:language": _LANGUAGE,
        "dcat:dataset": [_dataset(d, regio, addresses, data_date, agent, contact) for d in downloads],
    }
    if data_date:
        found["dct:modified"] = _date(data_date)
    return found
