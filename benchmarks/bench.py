#!/usr/bin/env python3
"""Measure the engine at scale: python benchmarks/bench.py [--sizes 100,1000,5000] [--repeat N]

For each size, a synthetic data folder made of copies of the records in data/ (synthetic.py)
is written to a temporary folder and measured in one run: validation (agenda.loader.load),
parsing the same record files with PyYAML's C loader only (the reference for validation),
`mkdocs build --strict` of the site on it (time, peak memory, output size, the largest page a
reader browses and each page over targets.MAX_PAGE_KB, the size of the printable editions per
record: they are one document by design and exempt from that target), and the same build of a plain Material site with as many pages kept out of the navigation (the
baseline). Then, on a copy of the real data, how long `mkdocs serve` takes to show an edit of
one data file. Prints a Markdown table (medians) and which targets (targets.py) are met. data/
is only read. Run as a script, this folder is on the import path: synthetic and targets are
imported from it, agenda is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel.numbers import format_decimal

import targets
from agenda.commands.dutch_parser import DutchParser
from agenda.dates import LOCALE
from agenda.layout import FOLDERS
from agenda.loader import load
from agenda.urls import PRINT_FOLDER
from agenda.yamltext import inline
from synthetic import generate

ROOT = Path(__file__).resolve().parents[1]
ONE_MEASUREMENT_FROM = 5000  # records; from there a build takes minutes, one measurement will do


@dataclass
class Result:
    size: int
    counts: str = ""  # opgaven / pilots / evaluaties
    validation: list[float] = field(default_factory=list)
    parse: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)  # wall clock
    build_cpu: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    baseline_cpu: list[float] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)  # MB
    baseline_memory: list[float] = field(default_factory=list)
    pages: int = 0
    baseline_pages: int = 0
    output: float = 0.0  # MB
    baseline_output: float = 0.0
    largest: tuple[str, float] = ("", 0.0)  # the largest page a reader browses: page, KB
    over: list[tuple[str, float]] = field(default_factory=list)  # the browsed pages over MAX_PAGE_KB
    edition: tuple[str, float] = ("", 0.0)  # the largest printable edition: page, KB
    baseline_largest: tuple[str, float] = ("", 0.0)

    def median(self, name: str) -> float:
        return statistics.median(getattr(self, name))


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user and system time
    memory_mb: float
    output: str


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to its end: wall time, peak memory (the child's maximum resident set) and output."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its resource usage
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} stopte met {process.returncode}:\n{output[-4000:]}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes on macOS, in KB on Linux
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale / 2**20, output)


def mkdocs_build(config: Path, site: Path, data: Path | None) -> Run:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if data is not None:
        env["AGENDA_DATA"] = str(data)
    shutil.rmtree(site, ignore_errors=True)
    command = ["mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site)]
    return run([sys.executable, "-m", *command], env)


def cpu_time(action: Callable[[], object]) -> float:
    """The processor time of ``action`` in this process (steadier than the clock on a busy machine)."""
    start = time.process_time()
    action()
    return time.process_time() - start


def record_files(data: Path) -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (data / folder).glob("*.yaml"))


def parse_only(files: list[Path]) -> None:
    """The reference: PyYAML's C loader, nothing else (no line marks, no checks, no model)."""
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def validate(data: Path) -> None:
    result = load(data)
    if result.errors:
        raise RuntimeError(f"de synthetische gegevens in {data} hebben fouten: {result.errors[0].format()}")


def baseline_site(folder: Path, pages: int) -> Path:
    """A plain Material site: a home page and ``pages`` trivial pages kept out of the navigation."""
    docs = folder / "docs"
    (docs / "paginas").mkdir(parents=True)
    (docs / "index.md").write_text("# Basislijn\n\nEen kale Material-site.\n", encoding="utf-8")
    for number in range(1, pages + 1):
        (docs / "paginas" / f"{number:05d}.md").write_text(
            f"# Pagina {number}\n\nEen korte tekst op pagina {number}.\n", encoding="utf-8"
        )
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Basislijn\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - search:\n      lang: nl\n"
        "nav:\n  - Home: index.md\n"
        "not_in_nav: |\n  /paginas/\n",
        encoding="utf-8",
    )
    return config


def html_pages(site: Path) -> list[Path]:
    return list(site.rglob("*.html"))


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def page_sizes(site: Path) -> list[tuple[str, float]]:
    """Each HTML page of a built site (path in it, KB), the largest first."""
    sizes = [(page.relative_to(site).as_posix(), page.stat().st_size / 1024) for page in html_pages(site)]
    return sorted(sizes, key=lambda found: (-found[1], found[0]))


def printable(page: str) -> bool:
    """A printable edition: one document by design, not a page a reader browses."""
    return page.startswith(f"{PRINT_FOLDER}/")


def largest(site: Path) -> tuple[str, float]:
    return page_sizes(site)[0]


def browsed(site: Path) -> list[tuple[str, float]]:
    """The pages a reader browses (all but the printable editions), the largest first."""
    return [found for found in page_sizes(site) if not printable(found[0])]


def largest_edition(site: Path) -> tuple[str, float]:
    return next((found for found in page_sizes(site) if printable(found[0])), ("", 0.0))


def measure(size: int, repeat: int, data_dir: Path, keep: Path | None) -> Result:
    result = Result(size)
    with tempfile.TemporaryDirectory(prefix="agenda-bench-") as tmp:
        work = Path(tmp)
        data = work / "data"
        say(f"{size} records: gegevens maken ...")
        plan = generate(data_dir, data, size)
        result.counts = f"{plan.opgaven} / {plan.pilots} / {len(plan.jaren)}"
        files = record_files(data)
        config = baseline_site(work / "basislijn", len(files))
        site, baseline = work / "site", work / "basislijn-site"
        for turn in range(1, repeat + 1):
            say(f"{size} records: meting {turn} van {repeat} ...")
            result.parse.append(cpu_time(lambda: parse_only(files)))
            result.validation.append(cpu_time(lambda: validate(data)))
            built = mkdocs_build(ROOT / "mkdocs.yml", site, data)
            result.build.append(built.seconds)
            result.build_cpu.append(built.cpu)
            result.memory.append(built.memory_mb)
            plain = mkdocs_build(config, baseline, None)
            result.baseline.append(plain.seconds)
            result.baseline_cpu.append(plain.cpu)
            result.baseline_memory.append(plain.memory_mb)
        result.pages, result.baseline_pages = len(html_pages(site)), len(html_pages(baseline))
        result.output, result.baseline_output = folder_mb(site), folder_mb(baseline)
        pages = browsed(site)
        result.largest, result.baseline_largest = pages[0], largest(baseline)
        result.over = [found for found in pages if found[1] > targets.MAX_PAGE_KB]
        result.edition = largest_edition(site)
        if keep is not None:
            shutil.copytree(work, keep / str(size), dirs_exist_ok=True)
    return result


# ---------------------------------------------------------------- make serve


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise RuntimeError(f"{what} duurde langer dan {timeout:.0f} s")
        time.sleep(0.05)


def editable_title(data: Path) -> tuple[Path, str, int]:
    """An opgave whose title is on one line: its file, title and the index of that line."""
    for opgave in load(data).model.opgaven:
        path = data / "agenda" / f"{opgave.id}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith("titel:"))
        if not re.match(r"titel:\s*[>|]", lines[index]):
            return path, opgave.titel, index
    raise RuntimeError(f"geen opgave in {data} met de titel op één regel")


def process_cpu(pid: int) -> float | None:
    """User and system time of a running process and its waited-for children (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Serve:
    shown: list[float]  # seconds from saving the file until the rebuild is done and the page shows it
    built: list[float]  # the build times mkdocs logs for those rebuilds (as far as it logs them)
    cpu: list[float]  # processor time of the server during each rebuild (empty when unknown)


def serve_rebuilds(data_dir: Path, edits: int) -> Serve:
    """Edit the title of one opgave in a copy of the real data under `mkdocs serve`: how long
    until the served page shows it, and how long the rebuild took."""
    with tempfile.TemporaryDirectory(prefix="agenda-serve-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(data_dir, data)
        target, title, line = editable_title(data)
        port = free_port()
        url = f"http://127.0.0.1:{port}/agenda/{target.stem}/"
        log_path = Path(tmp) / "serve.log"
        env = {**os.environ, "AGENDA_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
        with log_path.open("w", encoding="utf-8") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

        def rebuilds() -> list[str]:
            """The log of each rebuild. MkDocs logs a message only once, so a rebuild that took as
            long as an earlier one (to the hundredth) has no 'built in' line: each ends with the
            'Reloading browsers' line, which carries the time of day."""
            log = log_path.read_text(encoding="utf-8")
            return re.split(r"Reloading browsers\n", log.split("Serving on", 1)[-1])[:-1]

        try:
            wait_for(lambda: fetch(url) is not None, 180, "het starten van mkdocs serve")
            shown, built, cpu = [], [], []
            for edit in range(1, edits + 1):
                marker = f"Benchwijziging {edit}"
                lines = target.read_text(encoding="utf-8").splitlines()
                lines[line] = f"titel: {inline(f'{title} {marker}')}"
                done = len(rebuilds())
                cpu_before = process_cpu(server.pid)
                start = time.perf_counter()
                # saved in place, as an editor does (MkDocs' watcher does not see a file moved in)
                target.write_text("\n".join(lines) + "\n", encoding="utf-8")
                # the browser reloads when the rebuild is done; the page must show the edit by then
                wait_for(lambda: len(rebuilds()) > done, 300, "de herbouw")
                wait_for(lambda: marker in (fetch(url) or ""), 10, "het tonen van de wijziging")
                shown.append(time.perf_counter() - start)
                built.extend(float(t) for t in re.findall(r"built in ([0-9.]+) seconds", rebuilds()[-1]))
                cpu_after = process_cpu(server.pid)
                if cpu_before is not None and cpu_after is not None:
                    cpu.append(cpu_after - cpu_before)
                time.sleep(1)  # let the watcher settle before the next edit
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return Serve(shown, built, cpu)


# ---------------------------------------------------------------- the table


def number(value: float, digits: int = 2) -> str:
    return format_decimal(value, format="#,##0." + "0" * digits if digits else "#,##0", locale=LOCALE)


def ratio(value: float) -> str:
    return number(value) + "×"


def seconds(result: Result, cpu: str, clock: str) -> str:
    return f"{number(result.median(cpu), 1)} / {number(result.median(clock), 1)}"


def table(results: list[Result]) -> list[str]:
    head = "| Meting | " + " | ".join(f"{number(r.size, 0)} records" for r in results) + " |"
    rows = [head, "| --- |" + " ---: |" * len(results)]

    def row(label: str, cell: Callable[[Result], str]) -> None:
        rows.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row("Opgaven / pilots / evaluaties", lambda r: r.counts)
    row("Validatie, `agenda.loader.load` (s CPU)", lambda r: number(r.median("validation")))
    row("Alleen parsen met CSafeLoader (s CPU)", lambda r: number(r.median("parse")))
    row("Validatie / parsen", lambda r: ratio(r.median("validation") / r.median("parse")))
    row("`mkdocs build --strict` (s CPU / s klok)", lambda r: seconds(r, "build_cpu", "build"))
    row("Basislijn: kale Material-site (s CPU / s klok)", lambda r: seconds(r, "baseline_cpu", "baseline"))
    row("Bouwen / basislijn (CPU)", lambda r: ratio(build_ratio(r)))
    row("Bouwen per 1.000 records (s CPU)", lambda r: number(r.median("build_cpu") * 1000 / r.size, 1))
    row("Piekgeheugen bouwen (MB)", lambda r: number(r.median("memory"), 0))
    row("Piekgeheugen basislijn (MB)", lambda r: number(r.median("baseline_memory"), 0))
    row("HTML-pagina's (site / basislijn)", lambda r: f"{number(r.pages, 0)} / {number(r.baseline_pages, 0)}")
    row("Uitvoer (MB, site / basislijn)", lambda r: f"{number(r.output, 1)} / {number(r.baseline_output, 1)}")
    row("Grootste pagina die een lezer bekijkt (KB)", lambda r: f"{number(r.largest[1], 0)} (`{r.largest[0]}`)")
    row(f"Pagina's boven {targets.MAX_PAGE_KB} KB", lambda r: number(len(r.over), 0))
    row("Grootste drukversie (KB; KB per record)", edition_cell)
    row("Grootste pagina basislijn (KB)", lambda r: f"{number(r.baseline_largest[1], 0)}")
    return rows


def edition_cell(result: Result) -> str:
    """The largest printable edition, and its size per record (exempt from the page-size target)."""
    page, kb = result.edition
    if not page:
        return "geen"
    return f"{number(kb, 0)} (`{page}`); {number(kb / result.size)}"


def over_target(results: list[Result]) -> list[str]:
    """Per size, each browsed page over the page-size target, the largest first."""
    lines = []
    for r in results:
        if r.over:
            lines.append(f"\nPagina's boven {targets.MAX_PAGE_KB} KB bij {number(r.size, 0)} records:\n")
            lines += [f"- `{page}`: {number(kb, 0)} KB" for page, kb in r.over]
    return lines


def build_ratio(result: Result) -> float:
    """Build time over baseline time, in processor time: the clock also counts other work on the machine."""
    return result.median("build_cpu") / result.median("baseline_cpu")


def slope_growth(results: list[Result]) -> float | None:
    """How much the build time per extra record grows from the first to the last step in size."""
    if len(results) < 3:
        return None
    (first, second), (before, last) = results[:2], results[-2:]
    early = (second.median("build_cpu") - first.median("build_cpu")) / (second.size - first.size)
    late = (last.median("build_cpu") - before.median("build_cpu")) / (last.size - before.size)
    return late / early if early > 0 else None


def verdicts(results: list[Result], serve: Serve | str | None) -> list[str]:
    """Each target of targets.py with what was measured; ``serve`` is a failure message when it failed."""
    by_size = {r.size: r for r in results}
    rows = ["| Doel | Gemeten | Gehaald |", "| --- | --- | --- |"]

    def check(label: str, measured: str | None, met: bool | None) -> None:
        verdict = "–" if met is None else "ja" if met else "nee"
        rows.append(f"| {label} | {measured or 'niet gemeten'} | {verdict} |")

    for size in targets.BUILD_SIZES:
        r = by_size.get(size)
        value = build_ratio(r) if r else None
        check(
            f"Bouwen binnen {number(targets.MAX_BUILD_VS_PLAIN_SITE, 1)}× de basislijn "
            f"bij {number(size, 0)} records",
            f"{ratio(value)} CPU ({ratio(r.median('build') / r.median('baseline'))} klok)" if r else None,
            value <= targets.MAX_BUILD_VS_PLAIN_SITE if r else None,
        )
    growth = slope_growth(results)
    check(
        "Bouwtijd groeit lineair (CPU per extra record, laatste stap / eerste stap, "
        f"hoogstens {number(targets.MAX_GROWTH_PER_RECORD, 1)}×)",
        ratio(growth) if growth is not None else None,
        growth <= targets.MAX_GROWTH_PER_RECORD if growth is not None else None,
    )
    r = by_size.get(targets.LARGE_SIZE)
    value = r.median("validation") / r.median("parse") if r else None
    check(
        f"Validatie binnen {number(targets.MAX_VALIDATION_VS_PARSING, 0)}× alleen parsen "
        f"bij {number(targets.LARGE_SIZE, 0)} records",
        ratio(value) if r else None,
        value <= targets.MAX_VALIDATION_VS_PARSING if r else None,
    )
    check(
        f"Geen pagina die een lezer bekijkt boven {targets.MAX_PAGE_KB} KB bij {number(targets.LARGE_SIZE, 0)} "
        "records (drukversies uitgezonderd)",
        f"{number(r.largest[1], 0)} KB (`{r.largest[0]}`)" if r else None,
        r.largest[1] <= targets.MAX_PAGE_KB if r else None,
    )
    if results:
        peak = max(results, key=lambda r: r.median("memory"))
        check(
            f"Piekgeheugen onder {number(targets.MAX_PEAK_MEMORY_MB / 1024, 0)} GB",
            f"{number(peak.median('memory'), 0)} MB bij {number(peak.size, 0)} records",
            peak.median("memory") < targets.MAX_PEAK_MEMORY_MB,
        )
    label = (
        f"Herbouw onder `make serve` na een wijziging binnen {number(targets.MAX_SERVE_SECONDS, 0)} s "
        "(echte gegevens)"
    )
    if isinstance(serve, Serve):
        value = statistics.median(serve.shown)
        built = [f"bouwen {number(statistics.median(serve.built), 1)} s"] if serve.built else []
        cpu = [f"{number(statistics.median(serve.cpu), 1)} s CPU"] if serve.cpu else []
        check(
            label,
            f"{number(value, 1)} s tot de herbouw klaar is en de pagina de wijziging toont "
            f"({', '.join(built + cpu)})",
            value <= targets.MAX_SERVE_SECONDS,
        )
    elif serve is not None:
        check(label, serve, None)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = DutchParser(
        prog="python benchmarks/bench.py",
        description="Meet de validatie en de bouw van de site met synthetische gegevens van verschillende "
        "grootte, en vergelijk met een kale Material-site. De tabel komt in Markdown op de uitvoer.",
    )
    parser.add_argument(
        "--sizes", default="100,1000,5000", metavar="N,N", help="aantallen records (standaard: 100,1000,5000)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        metavar="N",
        help="metingen per grootte; de mediaan telt (standaard: 3, en 1 vanaf 5.000)",
    )
    parser.add_argument(
        "--data",
        default="data",
        metavar="MAP",
        help="de echte gegevens, het voorbeeld voor de vorm (standaard: data)",
    )
    parser.add_argument(
        "--serve-edits", type=int, default=3, metavar="N", help="wijzigingen onder mkdocs serve (0: niet meten)"
    )
    parser.add_argument("--keep", metavar="MAP", help="bewaar de gemaakte gegevens en sites in deze map")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(size) for size in args.sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes verwacht getallen met komma's, zoals 100,1000 (niet '{args.sizes}')")
    data_dir = (Path.cwd() / args.data).resolve()
    keep = Path(args.keep).resolve() if args.keep else None
    failures: list[str] = []
    serve: Serve | str | None = None
    if args.serve_edits > 0:
        say("mkdocs serve: wijzigingen meten op een kopie van de echte gegevens ...")
        try:
            serve = serve_rebuilds(data_dir, args.serve_edits)
        except RuntimeError as error:
            serve = f"mislukt: {error}"
            failures.append(f"mkdocs serve: {error}")
    results = []
    for size in sizes:
        try:
            result = measure(size, args.repeat or (1 if size >= ONE_MEASUREMENT_FROM else 3), data_dir, keep)
        except RuntimeError as error:
            failures.append(f"{number(size, 0)} records: {error}")
            continue
        results.append(result)
        say(
            f"{size} records: bouwen {number(result.median('build_cpu'), 1)} s CPU, basislijn "
            f"{number(result.median('baseline_cpu'), 1)} s CPU, validatie {number(result.median('validation'))} s, "
            f"grootste pagina {number(result.largest[1], 0)} KB"
        )
    if results:
        print("\n".join(table(results)))
        print()
    print("\n".join(verdicts(results, serve)))
    if any(r.over for r in results):
        print("\n".join(over_target(results)))
    for failure in failures:
        print(f"\nNiet gemeten, {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
