"""Timing whole processes, and the results the cases hand to the report.

Every measurement is a child process timed from spawn to exit, with its peak memory read
from the kernel's accounting for that one child (`os.wait4`), so a command and its
baseline pay the same process costs. A case runs once to warm caches, then several times;
figures are medians with their min and max.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """Wall times (seconds) and peak memory (KiB) of the measured runs of one command."""

    label: str
    times: tuple[float, ...]
    rss: tuple[int, ...]
    #: CPU seconds (user + system, with any processes it waited for): less moved by other
    #: work on the machine than wall time.
    cpu: tuple[float, ...] = ()
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def low(self) -> float:
        return min(self.times)

    @property
    def high(self) -> float:
        return max(self.times)

    @property
    def rss_median(self) -> int:
        return int(statistics.median(self.rss))

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else math.nan


@dataclass(frozen=True)
class Missing:
    """A command that could not be measured, and why."""

    label: str
    reason: str
    #: Set when a run was stopped for taking too long: it took at least this many seconds.
    at_least: float | None = None


Result = Sample | Missing


@dataclass(frozen=True)
class Verdict:
    """One target: a measured ratio against its limit."""

    target: str
    limit: float
    ratio: float | None
    #: True when `ratio` is only a lower bound (the command was stopped).
    bound: bool = False
    detail: str = ""

    @property
    def holds(self) -> bool | None:
        if self.ratio is None:
            return None
        return False if self.bound else self.ratio <= self.limit

    @property
    def status(self) -> str:
        return {True: "holds", False: "FAILS", None: "n/a"}[self.holds]

    @property
    def measured(self) -> str:
        if self.ratio is None:
            return "not available"
        return f"{'> ' if self.bound else ''}{self.ratio:.2f}×"


@dataclass
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Runs:
    """How many times to run: enough to fill `budget` seconds, within the bounds."""

    budget: float
    least: int
    most: int
    #: The least for a command whose warm-up alone took longer than the budget.
    slow: int
    #: Measured runs of a heavy case (a 100k-node map), which gets no warm-up run.
    heavy: int

    def count(self, warm_seconds: float) -> int:
        wanted = math.ceil(self.budget / max(warm_seconds, 1e-3))
        least = self.least if warm_seconds <= self.budget else self.slow
        return max(least, min(self.most, wanted))


FULL = Runs(budget=5.0, least=3, most=15, slow=2, heavy=2)
QUICK = Runs(budget=1.0, least=3, most=5, slow=1, heavy=1)


#: Runs a command and reports its wall time, peak memory and exit code to a file. The
#: command is forked from this small process rather than from the runner, because Linux
#: counts the memory of the process a child was forked from in the child's peak.
LAUNCHER = """
import os, signal, sys, time
result, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
stopped = []
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    except OSError as exc:
        os.write(2, f"cannot run {argv[0]}: {exc.strerror}\\n".encode())
    os._exit(127)
def stop(*_):
    stopped.append(1)
    os.kill(pid, signal.SIGKILL)
if timeout > 0:
    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, timeout)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(result, "w") as handle:
    cpu = usage.ru_utime + usage.ru_stime
    handle.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} "
                 f"{len(stopped)} {cpu}")
"""


@dataclass(frozen=True)
class Run:
    code: int
    seconds: float
    rss: int
    cpu: float
    stdout: str
    stderr: str
    stopped: bool


class Timer:
    """Runs commands as child processes and measures them."""

    def __init__(self, runs: Runs, cwd: Path, env: dict[str, str]) -> None:
        self.runs = runs
        self.cwd = cwd
        self.env = env

    def once(self, argv: Sequence[str], timeout: float | None = None) -> Run:
        """Run `argv` once through the launcher; its output goes to scratch files."""
        with tempfile.TemporaryDirectory() as scratch:
            files = [Path(scratch, name) for name in ("out", "err", "result")]
            with files[0].open("wb") as out, files[1].open("wb") as err:
                subprocess.run([sys.executable, "-c", LAUNCHER, str(files[2]),
                                str(timeout or 0), *argv], stdin=subprocess.DEVNULL,
                               stdout=out, stderr=err, cwd=self.cwd, env=self.env, check=False)
            stdout, stderr = (_tail(path) for path in files[:2])
            try:
                seconds, rss, code, stopped, cpu = files[2].read_text().split()
            except (OSError, ValueError):
                return Run(-1, 0.0, 0, 0.0, stdout, stderr or "the launcher failed", False)
        return Run(int(code), float(seconds), int(rss), float(cpu), stdout, stderr,
                   stopped == "1")

    def measure(self, jobs: Sequence[Job], heavy: bool = False) -> list[Result]:
        """Time each job: a warm-up run, then as many runs as the budget allows.

        The jobs run in turns (A B A B ...), so a change in the machine's load touches
        them alike and their ratios stay fair. A heavy case skips the warm-up run (its
        caller has warmed the files and the code) and runs `runs.heavy` times. A run
        longer than its job's `cap` seconds is stopped, and the job reports only that it
        took at least that long.
        """
        results: dict[int, Result] = {}
        runs: dict[int, list[Run]] = {}
        wanted: dict[int, int] = {}
        for index, job in enumerate(jobs):
            first = self.once(job.argv, job.cap)
            if first.stopped or first.code not in job.ok:
                results[index] = _missing(job, first)
                continue
            runs[index] = [first] if heavy else []
            wanted[index] = self.runs.heavy if heavy else self.runs.count(first.seconds)
        while any(len(runs[i]) < wanted[i] for i in runs if i not in results):
            for index in [i for i in runs if i not in results and len(runs[i]) < wanted[i]]:
                run = self.once(jobs[index].argv, jobs[index].cap)
                if run.stopped:
                    results[index] = _missing(jobs[index], run)
                runs[index].append(run)
        for index, done in runs.items():
            if index not in results:
                note = f"exit {done[0].code}: {_last_line(done[0].stdout)}" \
                    if done[0].code else ""
                results[index] = Sample(jobs[index].label, tuple(r.seconds for r in done),
                                        tuple(r.rss for r in done), tuple(r.cpu for r in done),
                                        note)
        return [results[index] for index in range(len(jobs))]


@dataclass(frozen=True)
class Job:
    """A command to time, the exit codes that count as success, and when to stop it."""

    label: str
    argv: Sequence[str]
    ok: tuple[int, ...] = (0,)
    cap: float | None = None


def _missing(job: Job, run: Run) -> Missing:
    if run.stopped:
        return Missing(job.label, f"stopped after {job.cap or 0:.0f} s", at_least=run.seconds)
    return Missing(job.label, _failure(run))


def _tail(path: Path) -> str:
    with path.open("rb") as stream:
        stream.seek(max(0, path.stat().st_size - 2000))
        return stream.read().decode("utf-8", "replace").strip()


def _last_line(text: str) -> str:
    return text.splitlines()[-1][:160] if text else ""


def _failure(run: Run) -> str:
    if "No such command" in run.stderr:
        return "not available (no such command)"
    return f"failed (exit {run.code}): {_last_line(run.stderr or run.stdout)}"


def warm_files(paths: Sequence[Path]) -> None:
    """Read files once so the first timed run does not pay for the disk."""
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(1 << 20):
                pass


def seconds(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def spread(result: Result) -> str:
    if isinstance(result, Missing):
        return ""
    return f"{seconds(result.low)}–{seconds(result.high)}"


def median(result: Result) -> str:
    if isinstance(result, Sample):
        return seconds(result.median)
    if result.at_least is not None:
        return f"> {seconds(result.at_least)}"
    return result.reason


def ratio(subject: Result, baseline: Result) -> tuple[float | None, bool]:
    """Median over median; for a stopped subject, a lower bound."""
    if not isinstance(baseline, Sample):
        return None, False
    if isinstance(subject, Sample):
        return subject.median / baseline.median, False
    if subject.at_least is not None:
        return subject.at_least / baseline.median, True
    return None, False


def megabytes(kib: int) -> str:
    return f"{kib / 1024:.0f} MB" if kib >= 10 * 1024 else f"{kib / 1024:.1f} MB"


@dataclass(frozen=True)
class Workspace:
    """Where the commands, the generated maps and the Argdown CLI are."""

    root: Path
    python: str
    argmap: str
    maps: Path
    corpus: Path
    #: argmap refuses larger files; bigger generated maps are linted with the limit lifted.
    max_bytes: int
    argdown: str | None
    argdown_reason: str = ""

    def pair(self, nodes: int) -> list[Path]:
        """A generated map of `nodes` nodes and the smaller map it refers to."""
        return [self.maps / f"bench_{nodes}.yaml", self.maps / f"bench_{nodes}_ref.yaml"]


@dataclass
class Suite:
    """What the cases share: the timer, the workspace, and what they found."""

    timer: Timer
    work: Workspace
    results: dict[str, Result] = field(default_factory=dict)
    verdicts: list[Verdict] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def measure(self, *jobs: Job, heavy: bool = False) -> list[Result]:
        """Time `jobs` in turns (see `Timer.measure`), record and print the results."""
        results = self.timer.measure(jobs, heavy)
        for result in results:
            self.results[result.label] = result
            print(f"  {result.label:<52} {median(result):>10}  {spread(result)}", flush=True)
        return results

    def verdict(self, target: str, limit: float, subject: Result, baseline: Result,
                detail: str = "") -> Verdict:
        value, bound = ratio(subject, baseline)
        if isinstance(subject, Sample) and isinstance(baseline, Sample) and not detail:
            detail = f"CPU time {subject.cpu_median / baseline.cpu_median:.2f}×"
        if value is None and not detail:
            missing = subject if isinstance(subject, Missing) else baseline
            detail = missing.reason if isinstance(missing, Missing) else ""
        found = Verdict(target, limit, value, bound, detail)
        self.verdicts.append(found)
        return found
