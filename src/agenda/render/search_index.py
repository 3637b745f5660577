"""The site's search index (search/search_index.json, written by Material's search plugin), made
to find the agenda's own words. The MkDocs hook rewrites it after the build.

Material makes an entry per heading of each page; the pages leave out, with its
``data-search-exclude``, what the search should not show (the back link above a record's title,
its facts, the lists that repeat on many pages). After the build this module:

- makes a page's title and what follows it the page's own entry, where the page opens with a
  part that is left out (the back link above a record's title): the search then shows the record's
  samenvatting under its title, not the back link;
- adds to each entry the spelling variants its words have in the data: a word with a part in
  brackets, such as '(wijk)teams', is also found as 'wijkteams' and 'teams'; an abbreviation of
  the glossary (begrippen) as the term it stands for, and the term as its abbreviation. The
  variants are fields of the index that the search reads and never shows (``title_variants`` and
  ``text_variants``, as heavy as the title and the text they come from), not text on the pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from .abbreviations import pattern

# where Material writes it in the site folder
INDEX = PurePosixPath("search") / "search_index.json"
# each variant field, with the field of the entry it is made from
VARIANT_FIELDS = {"title_variants": "title", "text_variants": "text"}
# a word with a part in brackets: '(wijk)teams', 'kind(eren)'; not '(SWV)omstreeks', where the
# index joins the text of two elements
_BRACKETED = re.compile(r"([^\W\d_]*)\(([^\W\d_]+)\)([^\W\d_]*)")
_TAG = re.compile(r"<[^>]+>")


class Variants:
    """The spelling variants of a text, from the glossary: {abbreviation: term}."""

    def __init__(self, glossary: Mapping[str, str]):
        self._terms = dict(glossary)  # abbreviation -> term
        self._abbreviations = {term.lower(): abbreviation for abbreviation, term in glossary.items()}
        self._abbreviation = pattern(glossary)
        terms = pattern(glossary.values())
        self._term = re.compile(terms.pattern, re.IGNORECASE) if terms else None

    def of(self, text: str) -> list[str]:
        """The variants of the words of ``text`` (plain text) that the text does not hold itself."""
        found: list[str] = []
        for before, inside, after in _BRACKETED.findall(text):
            if (before or after) and (inside + after).islower():
                found += [before + inside + after, before + after]
        if self._abbreviation is not None:
            found += [self._terms[name] for name in self._abbreviation.findall(text)]
        if self._term is not None:
            found += [self._abbreviations[term.lower()] for term in self._term.findall(text)]
        words = set(_words(text))
        new: list[str] = []
        for variant in found:
            if variant not in new and not set(_words(variant)) <= words:
                new.append(variant)
        return new


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _plain(text: str) -> str:
    """The text of an entry (HTML, as Material writes it) without its tags."""
    return html.unescape(_TAG.sub(" ", text))


def _page_entries(docs: list[dict]) -> Iterable[dict]:
    """The entries, where a page's entry without text and the entry of its title that follows
    become one: the page's address, with the title's text. (The page's title is the one of its
    front matter, where a character can be a reference: &#x27; for an apostrophe.)"""
    previous: dict | None = None
    for doc in docs:
        page = previous is not None and "#" not in previous["location"]
        if page and not previous["text"] and doc["location"].startswith(previous["location"] + "#") \
                and html.unescape(doc["title"]) == html.unescape(previous["title"]):
            previous.update(title=doc["title"], text=doc["text"])
            continue
        if previous is not None:
            yield previous
        previous = doc
    if previous is not None:
        yield previous


def improve(index: dict, glossary: Mapping[str, str]) -> dict:
    """The index (as Material's search plugin writes it) with a page's title entry as its own
    entry, and with the variants of each entry's words."""
    variants = Variants(glossary)
    docs = list(_page_entries(index["docs"]))
    for doc in docs:
        for field, source in VARIANT_FIELDS.items():
            found = variants.of(_plain(doc.get(source, "")))
            if found:
                doc[field] = " ".join(found)
    fields = index["config"]["fields"]
    for field, source in VARIANT_FIELDS.items():
        fields[field] = dict(fields[source])
    return {**index, "docs": docs}

