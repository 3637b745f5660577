"""Random damage to real data files never crashes the pipeline (property-based, hypothesis).

Each example takes a real data file (data/, the Alkmaar region, the valid
fixtures), damages it a few times (lines deleted, duplicated, swapped or
re-indented; YAML syntax, control characters, tabs and random text inserted;
a value replaced by another type; the file cut short; bits flipped) and feeds
it to the YAML reader, the schema check and the loader. None may raise, and
every problem must be one the validator can print: a path, a line inside the
file, and a message in Dutch on one line. A few runs of the command line
check that it never prints a traceback.

The examples are derived from a fixed seed (derandomize), so CI sees the
same inputs every run.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GELDIG, REGIONS, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from agenda import schemas
from agenda.checks.schema import schema_problems
from agenda.layout import FOLDERS, SINGLE_FILES
from agenda.loader import load
from agenda.problems import Problem
from agenda.yamlfile import read_yaml

CORPUS = sorted(path.relative_to(REPO).as_posix() for root in REGIONS for path in root.rglob("*.yaml"))
EXAMPLES = 200

# English phrases of jsonschema and Python that must never reach a user
ENGLISH = re.compile(
    r"is not of type|is a required property|does not match|is not valid under|"
    r"Additional properties|is too (short|long)|is not one of|Traceback|Error\b"
)

SNIPPETS = [
    "\t", ":", ": ", "'", '"', "&anker ", "*anker", "!!", "!!python/object/apply:os.system ['ls']",
    "!!binary aGk=", "!!str ", "!!int ", "!!set ", "- ", "? ", "{", "}", "[", "]", ",", "#", "|",
    ">-", "%YAML 1.1\n", "---\n", "...\n", "<<: *anker\n", "&a [*a, *a]", "~", "null", "@", "`",
    "2023-02-30", "20233", "-.inf", ".nan", "0x1F", "1e400", "9" * 40, "\x00", "\x07", "\x1b",
    "\x7f", "\ufeff", "\u2028", "\x85", "\r", "\r\n", "\ud7ff", "\U0001f600", "é", "\u202e",
    "{{ pagina }}", "<script>", "123456782", "06-12345678",
]
VALUES = [
    "[]", "{}", "~", "123", "-1.5e9", "true", "no", "''", "'x'", '"\\u00e9"', "2023-02-30",
    "20233", ".inf", "[1, [2, [3]]]", "{a: 1}", "- a", "!!int x", "0o17", "1_000", "0.0",
    "2023.0", "|\n  tekst", '"' + "a" * 3000 + '"', "[" * 60 + "]" * 60,
]
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[^:#\s][^:#]*:\s)(\S.*)$")


def _index(position: int, length: int) -> int:
    return position % length if length else 0


def mutate(raw: bytes, operations: list[tuple]) -> bytes:
    """Apply each (name, arguments...) operation to ``raw``; positions wrap around."""
    for name, *args in operations:
        if name == "flip":
            if raw:
                at = _index(args[0], len(raw))
                raw = raw[:at] + bytes([raw[at] ^ (1 << args[1])]) + raw[at + 1 :]
            continue
        if name == "cut":
            raw = raw[: _index(args[0], len(raw) + 1)]
            continue
        lines = raw.decode("utf-8", "surrogateescape").split("\n")
        at = _index(args[0], len(lines))
        if name == "delete":
            del lines[at]
        elif name == "duplicate":
            lines.insert(at, lines[at])
        elif name == "swap":
            other = _index(args[1], len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif name == "indent":
            content = lines[at].lstrip(" ")
            lines[at] = " " * max(len(lines[at]) - len(content) + args[1], 0) + content
        elif name == "insert":
            line = lines[at]
            column = _index(args[1], len(line) + 1)
            lines[at] = line[:column] + args[2] + line[column:]
        elif name == "value":
            match = _KEY_VALUE.match(lines[at])
            if match:
                lines[at] = match.group(1) + args[1]
        raw = "\n".join(lines).encode("utf-8", "surrogateescape")
    return raw


position = st.integers(min_value=0, max_value=10**6)
operation = st.one_of(
    st.tuples(st.just("delete"), position),
    st.tuples(st.just("duplicate"), position),
    st.tuples(st.just("swap"), position, position),
    st.tuples(st.just("indent"), position, st.integers(min_value=-6, max_value=6)),
    st.tuples(st.just("insert"), position, position, st.sampled_from(SNIPPETS) | st.text(max_size=8)),
    st.tuples(st.just("value"), position, st.sampled_from(VALUES) | st.text(max_size=12)),
    st.tuples(st.just("cut"), position),
    st.tuples(st.just("flip"), position, st.integers(min_value=0, max_value=7)),
)


def kind_of(relative: str) -> tuple[str, str]:
    """The schema kind of a corpus file and where it goes in a data folder."""
    parts = Path(relative).parts
    if parts[-1] in SINGLE_FILES and parts[-2] not in FOLDERS:
        return SINGLE_FILES[parts[-1]], parts[-1]
    return FOLDERS[parts[-2]], f"{parts[-2]}/{parts[-1]}"


def assert_printable(problems: list[Problem] | tuple[Problem, ...], lines: dict[str, int]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path and isinstance(problem.path, str)
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        if problem.path in lines:
            assert problem.line <= lines[problem.path], problem
        assert isinstance(problem.field, str)
        assert problem.message and not ENGLISH.search(problem.message), problem
        assert problem.severity in ("fout", "waarschuwing")
        assert "\n" not in problem.format() and "\r" not in problem.format(), problem


def line_count(raw: bytes) -> int:
    """An upper bound for a line number in ``raw``: every kind of line break counts."""
    return len(raw.decode("utf-8", "replace").splitlines()) + 1


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the valid fixtures, into which each damaged file is put for the loader."""
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(GELDIG, root)
    return root


def test_the_corpus_has_real_data() -> None:
    assert any(name.startswith("tests/regio_alkmaar/") for name in CORPUS)
    assert any(name.startswith("tests/fixtures/geldig/") for name in CORPUS)


@settings(max_examples=EXAMPLES)
@given(
    source=st.sampled_from(CORPUS),
    operations=st.lists(operation, min_size=1, max_size=4),
)
def test_damaged_files_never_crash_reader_schema_check_or_loader(
    folder: Path, source: str, operations: list[tuple]
) -> None:
    raw = mutate((REPO / source).read_bytes(), operations)
    kind, destination = kind_of(source)

    doc, found = read_yaml(source, raw)
    assert_printable(found, {source: line_count(raw)})
    if doc is not None:
        assert_printable(schema_problems(kind, doc), {source: line_count(raw)})
        # the fast validator passes a file only when the reference finds nothing wrong
        assert schemas.fast_valid(kind, doc.data) == (schemas.reference_errors(kind, doc.data) == [])

    target = folder / destination
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(raw)
    try:
        result = load(folder)
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
    shown = {p.path for p in result.problems if p.path.endswith(destination)}
    assert_printable(result.problems, {path: line_count(raw) for path in shown})
    assert (result.model is None) == bool(result.errors)


PROBLEM_LINE = re.compile(r"^[^\n]+:\d+: [^\n]+: [^\n]+$")


@pytest.mark.parametrize("seed", range(6))
def test_the_validator_command_never_prints_a_traceback(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    data = tmp_path / "data"
    shutil.copytree(GELDIG, data)
    for _ in range(3):
        source = rng.choice(CORPUS)
        _, destination = kind_of(source)
        at = [rng.randrange(10**6) for _ in range(5)]
        operations = [
            ("insert", at[0], at[1], rng.choice(SNIPPETS)),
            ("value", at[2], rng.choice(VALUES)),
            rng.choice([("swap", at[3], at[4]), ("flip", at[3], rng.randrange(8))]),
        ]
        (data / destination).parent.mkdir(parents=True, exist_ok=True)
        (data / destination).write_bytes(mutate((REPO / source).read_bytes(), operations))
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "validate.py"), str(data)],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    output = done.stdout.decode("utf-8")
    assert done.returncode in (0, 1), output + done.stderr.decode("utf-8", "replace")
    assert done.stderr == b""
    *problems, summary = output.splitlines()
    assert all(PROBLEM_LINE.match(line) for line in problems), output
    assert re.match(r"^(Alle gegevens zijn in orde|\d+ fout\(en\), \d+ waarschuwing)", summary), summary
