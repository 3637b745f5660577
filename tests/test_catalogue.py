"""The DCAT catalogue of the open data: valid JSON-LD (read into RDF by rdflib), with the
properties DCAT-AP-NL 3.0 requires of a catalogue, a dataset and a distribution; every data
file in it once, with its size, format and address; the region's own licence or none; and the
versions of the schemas, named by every schema, by alles.json and on the site."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, XSD

from agenda import schemas
from agenda.data_changes import DataHistory
from agenda.export.catalogue import CATALOGUE_FILE, NO_LICENCE
from agenda.loader import load
from agenda.model import Model
from agenda.published import Published, published
from agenda.render.schema_versions import schema_versions
from agenda.schema_versions import VERSION_KEYWORD, current, versions
from agenda.site import Site

REPO = Path(__file__).resolve().parents[1]
REGIONS = {
    "data": REPO / "data",
    "geldig": REPO / "tests" / "fixtures" / "geldig",
    "alkmaar": REPO / "tests" / "regio_alkmaar",
}
SITE_URL = "https://agenda.voorbeeld.test/regio/"  # a made-up published address
# DCAT 3 (rdflib's own DCAT namespace is DCAT 2, without dcat:version)
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
HISTORY = DataHistory(date(2025, 1, 10), ())
DATA_GROUPS = ("json", "csv", "schema")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "model" in metafunc.fixturenames:
        metafunc.parametrize("model", list(REGIONS.values()), indirect=True, ids=list(REGIONS), scope="module")


def published_of(model: Model, site_url: str | None) -> Published:
    return published(Site(model, today=date(2025, 1, 15), history=HISTORY), site_url)


def catalogue_of(found: Published) -> bytes:
    return next(d for d in found.downloads if d.path == CATALOGUE_FILE).content


def graph(content: bytes, base: str = SITE_URL) -> rdflib.Graph:
    """The catalogue as RDF: rdflib's JSON-LD parser, which fails on JSON-LD that is not valid."""
    return rdflib.Graph().parse(data=content, format="json-ld", publicID=base + CATALOGUE_FILE)


def one(g: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef) -> rdflib.term.Node:
    values = list(g.objects(node, prop))
    assert len(values) == 1, (node, prop, values)
    return values[0]


def dutch(g: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef) -> str:
    value = one(g, node, prop)
    assert isinstance(value, rdflib.Literal) and value.language == "nl" and value.strip(), (node, prop)
    return str(value)


def test_the_catalogue_has_what_dcat_ap_nl_requires(model: Model) -> None:
    g = graph(catalogue_of(published_of(model, SITE_URL)))
    (catalog,) = g.subjects(RDF.type, DCAT.Catalog)
    assert dutch(g, catalog, DCTERMS.title) == f"Open data: {model.regio.titel}"
    dutch(g, catalog, DCTERMS.description)
    publisher = one(g, catalog, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in g
    assert str(one(g, publisher, FOAF.name)) == (model.regio.overleg or model.regio.naam)
    contact = one(g, catalog, DCAT.contactPoint)
    assert str(one(g, contact, VCARD.fn)) == (model.regio.overleg or model.regio.naam)
    datasets = list(g.objects(catalog, DCAT.dataset))
    assert datasets
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in g
        dutch(g, dataset, DCTERMS.title)
        dutch(g, dataset, DCTERMS.description)
        assert one(g, dataset, DCTERMS.publisher) == publisher
        assert one(g, dataset, DCTERMS.creator) == publisher
        assert one(g, dataset, DCAT.contactPoint) == contact
        assert str(one(g, dataset, DCTERMS.accessRights)) == EU + "access-right/PUBLIC"
        assert str(one(g, dataset, DCAT.theme)) == EU + "data-theme/EDUC"
        distribution = one(g, dataset, DCAT.distribution)
        assert (distribution, RDF.type, DCAT.Distribution) in g
        assert str(one(g, dataset, DCTERMS.identifier)) == str(one(g, distribution, DCAT.accessURL))
        assert one(g, distribution, DCAT.downloadURL) == one(g, distribution, DCAT.accessURL)
        assert one(g, distribution, DCAT.byteSize).datatype == XSD.nonNegativeInteger


def test_every_data_file_is_a_dataset_with_its_address_size_format_and_date(model: Model) -> None:
    found = published_of(model, SITE_URL)
    g = graph(catalogue_of(found))
    files = {str(one(g, d, DCAT.downloadURL)): d for d in g.subjects(RDF.type, DCAT.Distribution)}
    listed = [d for d in found.downloads if d.group in DATA_GROUPS]
    assert sorted(files) == sorted(SITE_URL + d.path for d in listed)
    for download in listed:
        distribution = files[SITE_URL + download.path]
        assert int(one(g, distribution, DCAT.byteSize)) == download.size
        file_type = "CSV" if download.path.endswith(".csv") else "JSON"
        assert str(one(g, distribution, DCTERMS.format)) == EU + "file-type/" + file_type
        (dataset,) = g.subjects(DCAT.distribution, distribution)
        assert str(one(g, dataset, DCTERMS.description)) == download.description
        modified = one(g, dataset, DCTERMS.modified).toPython()
        assert modified == (current().datum if download.group == "schema" else HISTORY.data_date)
    opgaven = next(g.subjects(DCAT.distribution, rdflib.URIRef(SITE_URL + "data/opgaven.json")))
    assert str(one(g, opgaven, DCTERMS.conformsTo)) == SITE_URL + "schemas/opgave.schema.json"
    schema = next(g.subjects(DCAT.distribution, rdflib.URIRef(SITE_URL + "schemas/opgave.schema.json")))
    assert str(one(g, schema, DCAT.version)) == current().versie


def test_a_licence_in_the_data_is_the_licence_of_every_file() -> None:
    model = load(REGIONS["geldig"]).model
    g = graph(catalogue_of(published_of(model, SITE_URL)))
    for distribution in g.subjects(RDF.type, DCAT.Distribution):
        licence = one(g, distribution, DCTERMS.license)
        assert str(licence) == model.regio.licentie.adres
        assert str(one(g, licence, RDFS.label)) == "CC0 1.0 Universeel"
        assert not list(g.objects(distribution, DCTERMS.rights))


def test_without_a_licence_the_catalogue_names_none_and_says_so() -> None:
    model = load(REGIONS["data"]).model
    assert model.regio.licentie is None
    g = graph(catalogue_of(published_of(model, SITE_URL)))
    for distribution in g.subjects(RDF.type, DCAT.Distribution):
        assert not list(g.objects(distribution, DCTERMS.license))
        assert str(one(g, one(g, distribution, DCTERMS.rights), RDFS.label)) == NO_LICENCE


def test_without_a_published_address_the_addresses_are_relative_to_the_catalogue() -> None:
    content = catalogue_of(published_of(load(REGIONS["geldig"]).model, None))
    data = json.loads(content)
    assert data["@id"] == CATALOGUE_FILE and data["foaf:homepage"] == {"@id": "./"}
    assert "://agenda" not in content.decode("utf-8") and "127.0.0.1" not in content.decode("utf-8")
    # resolved against wherever the catalogue is published, they name the files beside it
    g = graph(content, "https://elders.test/")
    assert rdflib.URIRef("https://elders.test/data/alles.json") in set(g.subjects(RDF.type, DCAT.Distribution))


def test_the_contact_point_is_the_issues_of_the_repository_when_the_region_names_one() -> None:
    model = load(REGIONS["geldig"]).model
    assert model.regio.repository
    g = graph(catalogue_of(published_of(model, SITE_URL)))
    (contact,) = set(g.objects(None, DCAT.contactPoint))
    assert str(one(g, contact, VCARD.hasURL)) == model.regio.repository + "/issues"


# --- the versions of the schemas ----------------------------------------------------------------


def test_every_schema_names_the_newest_version() -> None:
    named = {
        path.name: json.loads(path.read_text("utf-8")).get(VERSION_KEYWORD)
        for path in schemas.SCHEMA_DIR.glob("*.schema.json")
    }
    assert named and set(named.values()) == {current().versie}, named


def test_the_versions_are_newest_first_each_with_a_date_and_its_changes() -> None:
    found = versions()
    numbers = [tuple(int(n) for n in v.versie.split(".")) for v in found]
    assert numbers == sorted(numbers, reverse=True) and len(set(numbers)) == len(numbers)
    assert [v.datum for v in found] == sorted((v.datum for v in found), reverse=True)
    assert all(isinstance(v.datum, date) and v.wijzigingen for v in found)


def test_the_page_of_versions_shows_each_version_with_its_date(page_soup) -> None:
    page = page_soup(schema_versions())
    assert [h.get_text() for h in page.find_all("h2")][-3:] == [
        "Versie 1.2 (1 december 2026)", "Versie 1.1 (1 december 2026)", "Versie 1.0 (1 december 2026)"]
    first = page.find_all("h2")[-1]
    assert first.find_next("li").get_text().startswith("Eerste versie met een versienummer.")
    assert len(page.find_all("h2")) == len(versions())


def test_the_open_data_page_documents_alles_json_and_links_the_catalogue(soup) -> None:
    from agenda.render.open_data import open_data

    model = load(REGIONS["data"]).model
    site = Site(model, today=date(2025, 1, 15), history=HISTORY)
    page = soup(open_data(site, "open-data.md", published_of(model, None).downloads, HISTORY.data_date))
    assert page.find("a", string=CATALOGUE_FILE)["href"] == f"../{CATALOGUE_FILE}"
    text = page.get_text(" ", strip=True)
    assert f"Nu is dat versie {current().versie}." in text
    assert "Zolang die niet is vastgesteld, staat er in de catalogus geen licentie" in text
    assert page.find("a", string="Versies van de schema's")["href"] == "../schemaversies/"
