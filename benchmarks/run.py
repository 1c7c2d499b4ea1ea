"""`make bench`: run every benchmark case, check each target, record the results.

    .venv/bin/python -m benchmarks.run              # full run; rewrites docs/performance.md
    BENCH_QUICK=1 .venv/bin/python -m benchmarks.run   # fewer repetitions
    .venv/bin/python -m benchmarks.run --no-doc     # print only

Maps are generated into benchmarks/.cache (again only when the generator changes), and
the Argdown CLI is installed there with npm for the side-by-side runs; without npm those
runs report "argdown not available" and the rest goes on.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import generate
from benchmarks.cases import CASES, DRAW_SIZES, LINT_SIZES, START
from benchmarks.harness import (
    FULL,
    QUICK,
    Sample,
    Suite,
    Table,
    Timer,
    Workspace,
    median,
    megabytes,
    seconds,
    spread,
)

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
CORPUS_SIZE = 1_000
ARGDOWN_PACKAGE = "@argdown/cli@1.7.5"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run",
                                     description="Run argmap's benchmarks.")
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions (also BENCH_QUICK=1)")
    parser.add_argument("--no-doc", action="store_true",
                        help=f"do not rewrite the results in {DOC.relative_to(ROOT)}")
    parser.add_argument("--only", metavar="CASE", action="append",
                        choices=[case.__name__ for case in CASES],
                        help="run only this case (repeat for more); implies --no-doc")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("BENCH_QUICK", "") not in ("", "0")
    began = time.monotonic()
    python = sys.executable
    about = machine(python)
    print(_about_line(about, quick))
    work = prepare(python)
    timer = Timer(QUICK if quick else FULL, ROOT, _environment())
    suite = Suite(timer, work)
    for case in CASES:
        if args.only and case.__name__ not in args.only:
            continue
        print(f"\n{case.__name__}:", flush=True)
        try:
            case(suite)
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"  could not run: {exc}")
    took = time.monotonic() - began
    about["took"] = f"{took / 60:.1f} min"
    about["load"] += f" at the start, {_load()} at the end"
    print()
    print("\n".join(_text_report(suite)))
    print(f"\nTook {about['took']}; load average {about['load']}.")
    if not (args.no_doc or args.only):
        write_doc(suite, about, quick)
        print(f"Results written to {DOC.relative_to(ROOT)}.")
    return 0


# ---------------------------------------------------------------- preparing


def prepare(python: str) -> Workspace:
    # An installed argmap runs from bytecode (pip compiles a wheel's modules as it
    # installs them). This checkout is installed editable, and where PYTHONDONTWRITEBYTECODE
    # is set (as in many containers) no run writes the bytecode, so every command would be
    # timed compiling argmap's sources: 30-50 ms a command.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "argmap")], check=True)
    maps, corpus = CACHE / "maps", CACHE / "corpus"
    _generate(python, maps, corpus)
    argdown, reason = _argdown()
    return Workspace(root=ROOT, python=python, argmap=str(Path(python).parent / "argmap"),
                     maps=maps, corpus=corpus, max_bytes=_max_bytes(python),
                     argdown=argdown, argdown_reason=reason)


def _generate(python: str, maps: Path, corpus: Path) -> None:
    """Generate the maps unless those of the same generator and sizes are there."""
    sizes = sorted({*LINT_SIZES, *DRAW_SIZES})
    recipe = Path(generate.__file__).read_bytes() + repr((sizes, CORPUS_SIZE)).encode()
    stamp = CACHE / "maps.stamp"
    digest = hashlib.sha256(recipe).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest and maps.is_dir() and corpus.is_dir():
        return
    print("Generating maps (once per generator version)...", flush=True)
    for folder in (maps, corpus):
        shutil.rmtree(folder, ignore_errors=True)
    command = [python, "-m", "benchmarks.generate"]
    subprocess.run([*command, str(maps), *(f"--nodes={n}" for n in sizes)], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*command, str(corpus), f"--corpus={CORPUS_SIZE}"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    for extra in corpus.glob("*.argdown"):
        extra.unlink()
    stamp.write_text(digest)


def _argdown() -> tuple[str | None, str]:
    """The Argdown CLI in benchmarks/.cache, installed with npm if need be."""
    folder = CACHE / "argdown"
    binary = folder / "node_modules" / ".bin" / "argdown"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            return None, "argdown not available (no npm)"
        print(f"Installing {ARGDOWN_PACKAGE} into {folder.relative_to(ROOT)}...", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                            "--loglevel=error", ARGDOWN_PACKAGE], check=True, timeout=600,
                           stdout=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            return None, "argdown not available (npm install failed)"
    try:
        subprocess.run([str(binary), "--version"], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None, "argdown not available (it does not start)"
    return str(binary), ""


def _max_bytes(python: str) -> int:
    found = subprocess.run([python, "-c", "import argmap.loader as l; print(l.MAX_BYTES)"],
                           capture_output=True, text=True, cwd=ROOT)
    return int(found.stdout) if found.returncode == 0 and found.stdout.strip().isdigit() \
        else 5 * 1024 * 1024


def _environment() -> dict[str, str]:
    unwanted = ("FORCE_COLOR", "PYTHONPROFILEIMPORTTIME")
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env["COLUMNS"] = "100"
    return env


# ---------------------------------------------------------------- the machine


def machine(python: str) -> dict[str, str]:
    return {
        "nproc": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                     else os.cpu_count()),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "argmap": _output([str(Path(python).parent / "argmap"), "--version"]),
        "commit": _output(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]),
        "graphviz": _output(["dot", "-V"]),
        "node": _output(["node", "--version"]),
        "load": _load(),
    }


def _load() -> str:
    """The 1-minute load average: other work on the machine makes every figure noisier."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.processor() or "unknown"


def _output(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "not found"
    return (done.stdout.strip() or done.stderr.strip() or "?").splitlines()[0]


def _about_line(about: dict[str, str], quick: bool) -> str:
    runs = QUICK if quick else FULL
    mode = "quick run" if quick else "full run"
    return (f"argmap benchmarks ({mode}: {runs.least}–{runs.most} runs after a warm-up, "
            f"{runs.slow} for commands over {runs.budget:g} s, {runs.heavy} for 100k-node "
            "cases)\n"
            f"{about['nproc']} × {about['cpu']}, Python {about['python']}, {about['system']}, "
            f"{about['date']}; {about['argmap']} ({about['commit']})")


# ---------------------------------------------------------------- reports


def _all_measurements(suite: Suite) -> Table:
    base = suite.results.get(START)
    table = Table(f"Every measurement (× = median over the median of `{START}` in this run)",
                  ("command", "median", "min–max", "runs", "max RSS", "CPU", "×"))
    for label, result in suite.results.items():
        if isinstance(result, Sample):
            times = (f"{result.median / base.median:.1f}" if isinstance(base, Sample) else "")
            table.rows.append((label, median(result), spread(result), str(len(result.times)),
                               megabytes(result.rss_median), seconds(result.cpu_median),
                               times))
        else:
            table.rows.append((label, median(result), "", "", "", "", ""))
    return table


def _targets(suite: Suite) -> Table:
    table = Table("Targets", ("target", "measured", "limit", "verdict", "detail"))
    for verdict in suite.verdicts:
        table.rows.append((verdict.target, verdict.measured, f"{verdict.limit:g}×",
                           verdict.status, verdict.detail))
    return table


def _tables(suite: Suite) -> list[Table]:
    return [_targets(suite), *suite.tables, _all_measurements(suite)]


def _text_report(suite: Suite) -> Iterator[str]:
    for table in _tables(suite):
        widths = [max(len(row[i]) for row in (table.header, *table.rows))
                  for i in range(len(table.header))]
        yield table.title
        for row in (table.header, *table.rows):
            yield "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths,
                                                                               strict=True))
        yield from (f"  {note}" for note in table.notes)
        yield ""


def _markdown(table: Table) -> Iterator[str]:
    yield f"#### {table.title}"
    yield ""
    yield "| " + " | ".join(table.header) + " |"
    yield "|" + "---|" * len(table.header)
    for row in table.rows:
        yield "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
    for note in table.notes:
        yield ""
        yield note
    yield ""


def write_doc(suite: Suite, about: dict[str, str], quick: bool) -> None:
    """Replace the results between the markers in docs/performance.md."""
    lines = [
        BEGIN,
        "",
        f"Measured {about['date']} by `make bench`{' (BENCH_QUICK=1)' if quick else ''}, "
        f"which took {about['took']}, on:",
        "",
        f"- CPU: {about['cpu']}, nproc {about['nproc']}",
        f"- Python {about['python']}, {about['system']}",
        f"- {about['argmap']} ({about['commit']}); {about['graphviz']}; node {about['node']}",
        f"- load average {about['load']} (other work on the machine makes figures noisier)",
        "",
    ]
    for table in _tables(suite):
        lines.extend(_markdown(table))
    lines.append(END)
    text = DOC.read_text(encoding="utf-8") if DOC.is_file() else f"{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    DOC.write_text(head + "\n".join(lines) + tail, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
