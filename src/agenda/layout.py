"""Where each kind of file lives in a data folder."""

from __future__ import annotations

# file name in the data folder -> schema kind
SINGLE_FILES = {
    "regio.yaml": "regio",
    "visie.yaml": "visie",
    "organisatie.yaml": "organisatie",
    "begrippen.yaml": "begrippen",
}
# folder in the data folder -> schema kind of each file in it
FOLDERS = {
    "agenda": "opgave",
    "pilots": "pilot",
    "evaluaties": "evaluatie",
}
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


# the kinds of record with a status and its history, a herziening and yearly evaluations
STATUS_KINDS = ("opgave", "pilot")
# the field whose value names the file of each kind of record (agenda/<id>.yaml, evaluaties/<jaar>.yaml)
FILE_NAME_FIELDS = {"opgave": "id", "pilot": "id", "evaluatie": "jaar"}
