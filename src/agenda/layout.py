"""The kinds of record, and where each kind of file lives in a data folder: defined once here."""

from __future__ import annotations

# the kinds with one file each: KIND.yaml in the data folder, the model's field KIND
SINGLE_KINDS = ("regio", "visie", "organisatie", "begrippen")
# file name in the data folder -> schema kind
SINGLE_FILES = {f"{kind}.yaml": kind for kind in SINGLE_KINDS}
# folder in the data folder -> schema kind of each file in it
FOLDERS = {
    "agenda": "opgave",
    "pilots": "pilot",
    "evaluaties": "evaluatie",
}
# the model's field that holds every record of a folder (and the name of its open data file)
# -> the schema kind of those records
COLLECTIONS = {
    "opgaven": "opgave",
    "pilots": "pilot",
    "evaluaties": "evaluatie",
}
# the kinds of record with a status, a status history and yearly evaluations
STATUS_KINDS = ("opgave", "pilot")
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


# the kinds of record with a status and its history, a herziening and yearly evaluations
STATUS_KINDS = ("opgave", "pilot")
# the field whose value names the file of each kind of record (agenda/<id>.yaml, evaluaties/<jaar>.yaml)
FILE_NAME_FIELDS = {"opgave": "id", "pilot": "id", "evaluatie": "jaar"}
