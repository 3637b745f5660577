"""Tests that need tools from outside Python (Chromium, axe-core, poppler-utils).

Without the tool such a test is skipped, with the reason in the -ra summary; with
AGENDA_REQUIRE_BROWSER=1 (as .ci/run sets) that is a failure, so CI never skips them.
"""

from __future__ import annotations

import os

import pytest

REQUIRE_ENV = "AGENDA_REQUIRE_BROWSER"


def unavailable(test: str, reason: str) -> None:
    """Skip ``test`` (such as 'browsertest') for ``reason``, or fail when it is required."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1: de {test} mag niet worden overgeslagen)", pytrace=False)
    pytest.skip(f"{test} overgeslagen: {reason}")
