"""Problems as GitHub Actions annotations, shown on the changed lines of a pull request."""

from __future__ import annotations

from .problems import Problem

_LEVELS = {"fout": "error", "waarschuwing": "warning"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """``::error file=...,line=...,title=...::message`` (a warning for a waarschuwing)."""
    field = problem.field or "(bestand)"
    return (
        f"::{_LEVELS[problem.severity]} file={_property(problem.path)},line={problem.line},"
        f"title={_property(field)}::{_data(f'{field}: {problem.message}')}"
    )
