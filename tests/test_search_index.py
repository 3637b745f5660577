"""The search index after the build (agenda.render.search_index), on small made-up indexes as
Material's search plugin writes them; the real search on the real data is in
tests/browser/test_search.py. And what the pages leave out of the index."""

from __future__ import annotations

from agenda.render.search_index import Variants, improve
from agenda.render.glossary import begrippen
from agenda.render.markup import facts, heading

GLOSSARY = {"OSJ": "Onderwijs met Specialistische Jeugdhulp", "SWV": "Samenwerkingsverband passend onderwijs"}
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def _index(*docs: dict) -> dict:
    return {"config": {"lang": ["nl"], "separator": "[\\s]+", "pipeline": [], "fields": dict(FIELDS)}, "docs": list(docs)}


def test_a_record_page_is_found_by_its_title_with_its_samenvatting() -> None:
    """The back link above the title is left out, so the page's entry is empty: the title's
    entry (its text: the samenvatting) takes its place."""
    index = improve(_index(
        {"location": "agenda/x/", "title": "Een opgave", "text": ""},
        {"location": "agenda/x/#een-opgave", "title": "Een opgave", "text": "<p>Wat het is.</p>"},
        {"location": "agenda/x/#beschrijving", "title": "Beschrijving", "text": "<p>Meer.</p>"},
        {"location": "agenda/y/", "title": "De MDO&#x27;s", "text": ""},
        {"location": "agenda/y/#de-mdos", "title": "De MDO's", "text": "<p>Overleg.</p>"},
        {"location": "agenda/", "title": "Agenda", "text": ""},
        {"location": "agenda/#statussen", "title": "Wat betekent de status?", "text": "<p>Uitleg.</p>"},
    ), {})
    assert [(d["location"], d["title"], d["text"]) for d in index["docs"]] == [
        ("agenda/x/", "Een opgave", "<p>Wat het is.</p>"),
        ("agenda/x/#beschrijving", "Beschrijving", "<p>Meer.</p>"),
        ("agenda/y/", "De MDO's", "<p>Overleg.</p>"),
        ("agenda/", "Agenda", ""),  # a page that opens with a heading of its own is as it was
        ("agenda/#statussen", "Wat betekent de status?", "<p>Uitleg.</p>"),
    ]


def test_variants_are_fields_that_weigh_as_the_field_they_come_from() -> None:
    index = improve(_index(
        {"location": "a/", "title": "Afspraken lokale (wijk)teams", "text": "<p>Met de <b>SWV</b>&#x27;s.</p>"},
        {"location": "b/", "title": "Onderwijs met specialistische jeugdhulp", "text": "<p>Niets.</p>"},
    ), GLOSSARY)
    assert [{k: v for k, v in d.items() if k.endswith("_variants")} for d in index["docs"]] == [
        {"title_variants": "wijkteams", "text_variants": "Samenwerkingsverband passend onderwijs"},
        {"title_variants": "OSJ"},
    ]
    assert index["config"]["fields"] == {
        **FIELDS, "title_variants": {"boost": 1000.0}, "text_variants": {"boost": 1.0},
    }


def test_variants_of_words_with_a_part_in_brackets() -> None:
    variants = Variants({})
    assert variants.of("lokale (wijk)teams en een wijkteam(lid)") == ["wijkteams", "wijkteamlid"]
    assert variants.of("een (onderwijs)plek") == ["onderwijsplek"]  # 'plek' is a word of the text already
    # no variant of a part in brackets on its own, nor where the index joins two elements' text
    assert variants.of("de school (OSJ)omstreeks 2020 (tijdelijk) 3(a)") == []


def test_an_abbreviation_and_its_term_are_each_others_variants() -> None:
    variants = Variants(GLOSSARY)
    assert variants.of("De OSJ-er") == ["Onderwijs met Specialistische Jeugdhulp"]
    assert variants.of("het samenwerkingsverband passend onderwijs") == ["SWV"]
    assert variants.of("Onderwijs met Specialistische Jeugdhulp (OSJ)") == []
    assert variants.of("osj en SWVen") == []  # an abbreviation matches as the pages explain it: as written


def test_each_begrip_is_a_heading_of_its_own_and_its_sources_are_not_searched(site, soup) -> None:
    page = soup(str(begrippen(site, "begrippen/")))
    terms = sorted(site.model.begrippen.begrippen, key=lambda b: b.term.lower())
    headings = page.find_all("h2")
    assert [h.get_text() for h in headings] == [
        f"{b.term} ({b.afkorting})" if b.afkorting else b.term for b in terms
    ]
    assert all(h["id"].startswith("begrip-") for h in headings)
    for h in headings:
        note = h.find_next_sibling("p").find_next_sibling("p")
        if note is not None and note.find_previous_sibling("h2") is h:
            assert note["data-search-exclude"] == "true" and note.get_text().startswith("Bron")


def test_a_heading_or_a_list_of_facts_can_be_left_out_of_the_search(soup) -> None:
    assert heading(2, "Bronnen", "bronnen", searched=False) == '## Bronnen { #bronnen data-search-exclude="true" }'
    assert heading(2, "Bronnen", searched=False) == '## Bronnen { data-search-exclude="true" }'
    assert heading(2, "Bronnen", "bronnen") == "## Bronnen { #bronnen }"
    assert soup(str(facts([("Status", "bereikt")], searched=False))).dl["data-search-exclude"] == "true"
    assert "data-search" not in str(facts([("Status", "bereikt")]))
