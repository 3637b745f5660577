"""The validator as a whole: every data file valid, every data file with its
schema, what the loader reports about the files of a data folder, and the
command line (exit codes, all problems at once, never a traceback)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from conftest import GELDIG, REGIONS, REPO, kind_of

from agenda.commands import validate
from agenda.layout import FOLDERS, SCHEMA_LINE_PREFIX, SINGLE_FILES, schema_file
from agenda.loader import load
from agenda.yamlfile import MAX_BYTES

DATA = REPO / "data"
SCRIPT = REPO / "scripts" / "validate.py"


# -- 1. every data file is valid -------------------------------------------------------------


@cache
def data_errors() -> dict[Path, list[str]]:
    """The errors in ``data/``, per file (loaded once for all cases). Warnings, such as a
    herziening that is due, do not block a change, and come and go with the date."""
    found: dict[Path, list[str]] = {}
    for problem in load(DATA).errors:
        found.setdefault(Path(problem.path).resolve(), []).append(problem.format())
    return found


@pytest.mark.parametrize(
    "path", sorted(DATA.rglob("*.yaml")), ids=lambda path: str(path.relative_to(DATA))
)
def test_data_file_is_valid(path: Path):
    assert data_errors().get(path.resolve(), []) == []


def test_data_folder_is_complete_and_valid():
    # also the errors of no single file: a missing regio.yaml, a stray file
    result = load(DATA)
    assert [p.format() for p in result.errors] == []
    assert result.model is not None


# -- 2. every data file has a schema, named on its first line ------------------------------

@pytest.mark.parametrize(
    ("root", "path"),
    [(root, path) for root in REGIONS for path in sorted(root.rglob("*")) if path.is_file()],
    ids=lambda value: str(value.relative_to(REPO)),
)
def test_data_file_names_its_schema_on_the_first_line(root: Path, path: Path):
    kind = kind_of(root, path)
    assert kind is not None, "this file has no place in a data folder (see agenda/layout.py)"
    first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0].rstrip("\r")
    assert first.startswith(SCHEMA_LINE_PREFIX)
    target = (path.parent / first.removeprefix(SCHEMA_LINE_PREFIX)).resolve()
    assert target == (REPO / "schemas" / schema_file(kind)).resolve()
    assert target.is_file()


def test_every_kind_of_file_has_a_schema_file():
    for kind in list(SINGLE_FILES.values()) + list(FOLDERS.values()):
        assert (REPO / "schemas" / schema_file(kind)).is_file(), kind


# -- what the loader says about the files in a data folder --------------------------------

STRAY = (
    "dit bestand wordt niet gelezen: het hoort niet in de datamap. Verplaats of verwijder het; gelezen worden "
    "alleen regio.yaml, visie.yaml, organisatie.yaml, begrippen.yaml, agenda/*.yaml, pilots/*.yaml, evaluaties/*.yaml."
)
FOLDER_NOT_FILE = (
    "dit is een map, geen bestand. Alleen gewone bestanden worden gelezen: zet de gegevens in een gewoon "
    "bestand met deze naam, of geef de map een andere naam."
)


def test_missing_required_file(region):
    (region.data / "begrippen.yaml").unlink()
    assert region.messages() == [
        "data/begrippen.yaml:1: (bestand): dit bestand ontbreekt. Maak het aan volgens schemas/begrippen.schema.json."
    ]


def test_missing_data_folder_reports_every_required_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "leeg").mkdir()
    assert [p.format() for p in load("leeg").problems] == [
        f"leeg/{name}:1: (bestand): dit bestand ontbreekt. Maak het aan volgens schemas/{kind}.schema.json."
        for name, kind in sorted(SINGLE_FILES.items())
    ]


def test_files_that_would_be_ignored_are_reported(region):
    region.write("agenda/nieuw.yml", "id: nieuw\n")
    region.write("agenda/LEESMIJ.md", "# uitleg\n")
    region.write("agenda/oud/vorige.yaml", "id: vorige\n")
    region.write("pilot.yaml", "id: x\n")
    region.write(".DS_Store", b"\x00\x01")
    region.write("evaluaties/2025.yaml~", "jaar: 2025\n")
    assert region.messages() == [
        "data/.DS_Store:1: (bestand): " + STRAY,
        "data/agenda/LEESMIJ.md:1: (bestand): " + STRAY,
        "data/agenda/nieuw.yml:1: (bestand): dit bestand wordt niet gelezen: de extensie moet .yaml zijn, "
        "niet .yml. Hernoem het bestand.",
        "data/agenda/oud/vorige.yaml:1: (bestand): " + STRAY,
        "data/evaluaties/2025.yaml~:1: (bestand): " + STRAY,
        "data/pilot.yaml:1: (bestand): " + STRAY,
    ]


def test_a_folder_named_like_a_data_file_is_not_read_as_one(region):
    region.write("pilots/map.yaml/pilot.yaml", "id: x\n")
    assert region.messages() == [
        "data/pilots/map.yaml:1: (bestand): " + FOLDER_NOT_FILE,
        "data/pilots/map.yaml/pilot.yaml:1: (bestand): " + STRAY,
    ]


def test_a_folder_where_a_single_file_belongs_is_refused_and_not_taken_for_missing(region):
    (region.data / "begrippen.yaml").unlink()
    (region.data / "begrippen.yaml").mkdir()
    assert region.messages() == ["data/begrippen.yaml:1: (bestand): " + FOLDER_NOT_FILE]


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("", "de eerste regel moet '# yaml-language-server: $schema=.../schemas/opgave.schema.json' zijn"),
        (
            "# yaml-language-server: $schema=../../schemas/pilot.schema.json\n",
            "de eerste regel moet '# yaml-language-server: $schema=.../schemas/opgave.schema.json' zijn",
        ),
        ("# yaml-language-server: $schema=../../schemas/opgave.schema.json\n", None),
    ],
    ids=["missing", "other-schema", "right-schema"],
)
def test_the_first_line_names_the_schema(region, first_line: str, expected: str | None):
    path = region.data / "agenda" / "thuiszitters.yaml"
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text(first_line + body, encoding="utf-8")
    messages = region.messages()
    if expected is None:
        assert messages == []
    else:
        assert messages == [
            f"data/agenda/thuiszitters.yaml:1: (bestand): {expected}, "
            "zodat de editor het bestand kan aanvullen en controleren."
        ]


def test_inside_the_repository_the_schema_path_must_lead_to_the_schema():
    # a data folder inside the repository is checked strictly, so that the editor finds the
    # schema; a copy next to tests/fixtures/geldig keeps the geldig paths right
    folder = GELDIG.parent / f"tmp-{os.getpid()}"
    shutil.copytree(GELDIG, folder)
    try:
        path = folder / "agenda" / "thuiszitters.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("../../../../schemas/", "../../../schemas/", 1), encoding="utf-8")
        assert [(Path(p.path).resolve(), p.line, p.field, p.message) for p in load(folder).problems] == [
            (
                path.resolve(),
                1,
                "",
                "de eerste regel moet '# yaml-language-server: $schema=../../../../schemas/opgave.schema.json' "
                "zijn, zodat de editor het bestand kan aanvullen en controleren.",
            )
        ]
    finally:
        shutil.rmtree(folder)


def test_byte_order_mark_and_windows_line_endings_are_accepted(region):
    for name in ("regio.yaml", "agenda/leerlingenvervoer.yaml"):
        path = region.data / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert region.messages() == []
    # and line numbers stay right
    region.edit("agenda/leerlingenvervoer.yaml", "thema: dichtbij", "thema: ver")
    assert region.messages() == [
        "data/agenda/leerlingenvervoer.yaml:10: thema: 'ver' bestaat niet als thema in regio.yaml (onder 'themas'). "
        "Kies een bestaande code (dichtbij) of voeg het eerst daar toe."
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(b"", "1: (bestand): het bestand is leeg. Vul de verplichte velden in (zie het schema of de sjabloon).", id="empty"),
        pytest.param(
            b"# yaml-language-server: $schema=../../schemas/opgave.schema.json\n- id: x\n",
            "2: (bestand): het bestand moet uit velden bestaan ('veld: waarde' op elke regel), niet uit een lijst of losse tekst.",
            id="list",
        ),
        pytest.param(
            b"# yaml-language-server: $schema=../../schemas/opgave.schema.json\nid: caf\xe9\n",
            "2: (bestand): het bestand bevat tekens die geen UTF-8 zijn. Sla het bestand op als UTF-8 "
            "(in de meeste editors: 'Opslaan als', codering UTF-8).",
            id="latin-1",
        ),
        pytest.param(
            b"# yaml-language-server: $schema=../../schemas/opgave.schema.json\nid: x\n\ttitel: y\n",
            "3: (bestand): deze regel springt in met een tab. Gebruik spaties om in te springen.",
            id="tab",
        ),
        pytest.param(
            b"x" * (MAX_BYTES + 1),
            "1: (bestand): het bestand is te groot (1.000.001 bytes, maximaal 1.000.000). Splits het op in kleinere bestanden.",
            id="too-big",
        ),
    ],
)
def test_a_broken_record_file_is_reported_and_still_counts_for_references(region, content: bytes, expected: str):
    # leerlingenvervoer refers to thuiszitters ('verwant'); that reference is not reported as well
    region.write("agenda/thuiszitters.yaml", content)
    assert region.messages() == [f"data/agenda/thuiszitters.yaml:{expected}"]


def test_duplicate_key_and_the_rest_of_the_files_problems_at_once(region):
    region.edit("agenda/thuiszitters.yaml", "status: verkennend\nstatushistorie", "status: verkennend\nstatus: bereikt\nstatushistorie")
    region.edit("agenda/thuiszitters.yaml", "niveau: onbekend", "niveau: overal")
    assert region.messages() == [
        "data/agenda/thuiszitters.yaml:6: niveau: 'overal' is geen toegestane waarde. "
        "Kies uit: lokaal, regionaal, lokaal en regionaal, onbekend.",
        "data/agenda/thuiszitters.yaml:8: status: het veld 'status' staat twee keer in hetzelfde blok (ook op regel 7). "
        "Voeg de twee samen of verwijder er één; anders telt alleen de laatste.",
    ]


def test_duplicate_key_in_a_schema_valid_file_still_gets_its_references_checked(region):
    region.edit("agenda/thuiszitters.yaml", "trekker: onbekend", "trekker: onbekend\ntrekker: werkgroep-x")
    assert region.messages() == [
        "data/agenda/thuiszitters.yaml:14: trekker: het veld 'trekker' staat twee keer in hetzelfde blok "
        "(ook op regel 13). Voeg de twee samen of verwijder er één; anders telt alleen de laatste.",
        "data/agenda/thuiszitters.yaml:14: trekker: 'werkgroep-x' bestaat niet als gremium in organisatie.yaml. "
        "Bedoelt u 'werkgroep-test'? Kies een bestaande code (bestuurlijk-overleg, werkgroep-test) "
        "of voeg het eerst daar toe.",
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read every file")
def test_unreadable_file(region):
    path = region.data / "agenda" / "thuiszitters.yaml"
    path.chmod(0)
    try:
        assert region.messages() == [
            "data/agenda/thuiszitters.yaml:1: (bestand): dit bestand kan niet gelezen worden. "
            "Controleer of u het mag lezen."
        ]
    finally:
        path.chmod(0o644)


# -- the command line ----------------------------------------------------------------------

LINE = re.compile(r"^[^:\n]+:\d+: [^:\n]+: .+$")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_cli_valid_folder_exits_0():
    done = run("tests/fixtures/geldig")
    assert (done.returncode, done.stdout, done.stderr) == (0, "Alle gegevens zijn in orde (0 waarschuwing(en)).\n", "")


def test_cli_reads_data_by_default(region):
    done = run(cwd=region.root)
    assert (done.returncode, done.stdout, done.stderr) == (0, "Alle gegevens zijn in orde (0 waarschuwing(en)).\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bestaat-niet"], "fout in de opdracht: de map 'bestaat-niet' bestaat niet.\n"),
        (["README.md"], "fout in de opdracht: de map 'README.md' bestaat niet.\n"),
        (["data", "tweede"], "fout in de opdracht: niet begrepen: tweede. Zie --help voor wat kan.\n"),
        (["--onbekend"], "fout in de opdracht: niet begrepen: --onbekend. Zie --help voor wat kan.\n"),
    ],
    ids=["no-such-folder", "a-file", "two-folders", "unknown-option"],
)
def test_cli_usage_error_exits_2(args: list[str], message: str):
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.endswith(message)
    assert "Traceback" not in done.stderr


def test_cli_reports_all_problems_at_once_and_exits_1(region):
    region.edit("agenda/leerlingenvervoer.yaml", "thema: dichtbij", "thema: ver")
    region.edit("pilots/school-test.yaml", "status: in uitvoering\nstatushistorie", "status: klaar\nstatushistorie")
    region.write("agenda/kapot.yaml", "id: [kapot\n")
    (region.data / "begrippen.yaml").unlink()
    done = run(cwd=region.root)
    assert done.returncode == 1
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[-1] == "4 fout(en), 0 waarschuwing(en). Los de fouten op en controleer opnieuw."
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "data/agenda/kapot.yaml",
        "data/agenda/leerlingenvervoer.yaml",
        "data/begrippen.yaml",
        "data/pilots/school-test.yaml",
    ]
    assert all(LINE.match(line) for line in lines[:-1])
    assert lines[:-1] == region.messages()


BAD_FILES: dict[str, bytes] = {
    "syntax.yaml": b"id: [\ntitel: x\n",
    "tabs.yaml": b"id: x\n\ttitel: y\n",
    "latin1.yaml": b"titel: caf\xe9\n",
    "utf16.yaml": "titel: x\n".encode("utf-16"),
    "nul.yaml": b"titel: a\x00b\n",
    "list.yaml": b"- a\n- b\n",
    "scalar.yaml": b"alleen tekst\n",
    "empty.yaml": b"",
    "spaces.yaml": b"   \n\n",
    "two-documents.yaml": b"id: a\n---\nid: b\n",
    "billion-laughs.yaml": b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(b"%c: &%c [%s]\n" % (n, n, b", ".join([b"*%c" % p] * 9)) for p, n in zip(b"abcdefgh", b"bcdefghi")),
    "merge.yaml": b"a: {x: 1}\nb:\n  <<: {x: 1}\n",
    "python-object.yaml": b"titel: !!python/object/apply:os.system ['echo hacked']\n",
    "custom-tag.yaml": b"titel: !eigen x\n",
    "brackets-10000.yaml": b"titel: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "brackets-500000.yaml": b"titel: " + b"[" * 500_000,
    "braces-100000.yaml": b"titel: " + b"{a: " * 100_000,
    "block-nesting.yaml": b"".join(b" " * i + b"a:\n" for i in range(1_000)),
    "infinity.yaml": b"fte: .inf\n",
    "nan.yaml": b"fte: .nan\n",
    "huge-number.yaml": b"jaar: " + b"1" * 10_000 + b"\n",
    "key-is-a-list.yaml": b"? [a]\n: b\n",
    "key-is-a-number.yaml": b"1: a\n",
    "too-big.yaml": b"titel: '" + b"x" * MAX_BYTES + b"'\n",
    "duplicate-keys.yaml": b"id: a\nid: b\n",
    "line-separator.yaml": "id: a\u2028b\n".encode(),
    "control-character.yaml": b"id: a\x1bb\n",
    "date-time.yaml": b"herziening: 2024-01-01T10:00:00\n",
}


def test_cli_never_crashes_on_bad_input(region):
    for name, content in BAD_FILES.items():
        region.write(f"agenda/{name}", content)
    region.write("agenda/oud.yml", b"id: oud\n")
    region.write("agenda/notities.txt", b"niets\n")
    start = time.perf_counter()
    done = run(cwd=region.root)
    elapsed = time.perf_counter() - start
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert all(LINE.match(line) for line in lines[:-1]), [line for line in lines[:-1] if not LINE.match(line)]
    named = {line.split(":")[0] for line in lines[:-1]}
    expected = {f"data/agenda/{name}" for name in [*BAD_FILES, "oud.yml", "notities.txt"]}
    assert expected <= named
    assert elapsed < 10


def test_cli_turns_an_unexpected_error_into_a_dutch_message(monkeypatch, capsys):
    # the last line of defence: a fault of the program itself is still no traceback
    def broken(_):
        raise RuntimeError("kapot")

    monkeypatch.setattr(validate, "load", broken)
    monkeypatch.setattr(sys, "argv", ["validate.py", str(GELDIG)])
    assert validate.run() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "interne fout in de controle (RuntimeError: kapot). Dit is een fout in het programma, "
        "niet in uw gegevens: meld het aan de beheerders, met deze regel.\n"
    )


def test_cli_output_to_a_reader_that_stops_early(tmp_path):
    # `validate.py | head`: more output than a pipe holds, then the reader goes away
    (tmp_path / "data").mkdir()
    for number in range(600):  # about 150 kB of messages, more than a pipe holds
        (tmp_path / "data" / f"los-{number}.txt").write_text("x\n")
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.readline().startswith(b"data/begrippen.yaml:1: (bestand): dit bestand ontbreekt.")
    process.stdout.close()
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""
    process.stderr.close()
