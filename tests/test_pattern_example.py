"""The field reference's example for a schema pattern: it matches the pattern, and it is the
same short text for every pattern the schemas use."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agenda.render.pattern_example import example

ROOT = Path(__file__).parents[1]


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(value) for value in node))
    return set()


SCHEMA_PATTERNS = sorted(
    set().union(*(_patterns(json.loads(p.read_text(encoding="utf-8"))) for p in (ROOT / "schemas").glob("*.json")))
)

EXAMPLES = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "voorbeeld",
    r"^[^\s].{0,30}$": "v",
    r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$": "https://github.com/voorbeeld/voorbeeld",
    r"^https://[^\s]+$": "https://voorbeeld",
    r"^(20[0-9]{2}|199[0-9]|2100)-[0-9]{2}-[0-9]{2}$": "2020-20-20",
    r"^(20[0-9]{2}|199[0-9]|2100)(-(Q[1-4]|S[12]|0[1-9]|1[0-2]))?$": "2020",
    r"^@[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$": "@voorbeeld/voorbeeld",
    # the other parts of the syntax that the module reads
    r"^a+b{2,5}c?$": "abb",
    r"^[^a-z]{3}$": "202",
    r"^\d{4}-\w+$": "2024-voorbeeld",
    r"^x(ab|cd)+y$": "xaby",
    r"^[.\-_]+$": "-",
    r"^[A-Z][a-z]{2,}$": "Avoorbeeld",
    r"^a\.b\\c$": "a.b\\c",
    r"^(x(y|z){2})+$": "xyy",
}


def test_every_schema_pattern_has_a_known_example() -> None:
    assert set(SCHEMA_PATTERNS) <= set(EXAMPLES)


@pytest.mark.parametrize("pattern", EXAMPLES)
def test_the_example_is_short_and_matches(pattern: str) -> None:
    assert example(pattern) == EXAMPLES[pattern]
    assert re.fullmatch(pattern, example(pattern))


@pytest.mark.parametrize("pattern", [r"^(?:ab)$", r"^\bx$", r"^a+?$", r"^(ab$", r"^*a$"])
def test_syntax_it_does_not_read_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        example(pattern)
