"""What every check reads: the documents of a data folder, and a problem at a place in one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..layout import FOLDERS
from ..problems import Problem, Severity, field_name
from ..yamlfile import FieldPath, YamlDocument


@dataclass
class Documents:
    """The parsed documents of a data folder."""

    single: dict[str, YamlDocument]  # kind -> document
    records: dict[str, dict[str, YamlDocument]]  # kind -> file stem -> document
    # every stem present in each folder, also of files that failed to parse,
    # so that a broken file does not also break every reference to it
    stems: dict[str, set[str]]
    files: dict[str, Path] = field(default_factory=dict)  # the file of each document, by its path as shown

    @classmethod
    def empty(cls) -> Documents:
        return cls(single={}, records={kind: {} for kind in FOLDERS.values()}, stems={})

    def all(self) -> list[YamlDocument]:
        return list(self.single.values()) + [
            doc for records in self.records.values() for doc in records.values()
        ]


def problem_at(doc: YamlDocument, path: FieldPath, message: str, severity: Severity = "fout") -> Problem:
    """A problem with the value at ``path`` in ``doc``, on its line."""
    return Problem(path=doc.path, line=doc.line(path), field=field_name(path), message=message, severity=severity)
