"""The newer commands, each timed twice: on the smallest input, and on a realistic one.

- `fmt`: `argmap fmt --check` on one small map, then on the project's `maps` folder;
- `html`: `argmap html` of one small map, then of `qiu` (which refers to two other maps);
- `diff`: two small versions of a map (tests/fixtures/diff), then a generated 500-node
  map against a copy with every tenth plain claim reworded;
- `lsp`: the server started, initialized, shut down and left (messages read from a
  file); editing a map is the `lsp_editing` case.

The issue sets no target for them: each is given as a multiple of `python -c pass` and
of argmap's start-up (`python -c "import argmap.cli"`), measured here too so that this
case runs alone (`--only newer_commands`).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.harness import Job, Result, Sample, Suite, Table, median

# The labels the start-up case gives its baselines (benchmarks/cases.py).
START = "python -c pass"
CLI_START = "argmap start-up (import argmap.cli)"

SMALL_MAP = Path("tests/fixtures/valid/other.yaml")
DIFF_FIXTURES = Path("tests/fixtures/diff")
#: What an editor sends to open and close a session, with no document.
LSP_SESSION: tuple[dict[str, Any], ...] = (
    {"jsonrpc": "2.0", "id": 1, "method": "initialize",
     "params": {"processId": None, "rootUri": None, "capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None},
    {"jsonrpc": "2.0", "method": "exit", "params": None},
)


def newer_commands(suite: Suite) -> None:
    work = suite.work
    table = Table("Newer commands: on the smallest input, and on a realistic one",
                  ("command", "what", "median", "CPU", "× python -c pass",
                   "× argmap start-up"))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        base_old, base_new = DIFF_FIXTURES / "base.yaml", DIFF_FIXTURES / "reworded.yaml"
        big_old = work.pair(500)[0]
        big_new = out / big_old.name
        big_new.write_text(_reworded(big_old.read_text(encoding="utf-8")), encoding="utf-8")
        session = out / "session.lsp"
        session.write_bytes(b"".join(_framed(message) for message in LSP_SESSION))
        argmap = work.argmap
        rows = (
            ("fmt", "one small map", Job("argmap fmt --check (one small map)",
                                         [argmap, "fmt", "--check", str(SMALL_MAP)], ok=(0, 1))),
            ("fmt", "the maps folder", Job("argmap fmt --check maps",
                                           [argmap, "fmt", "--check", "maps"], ok=(0, 1))),
            ("html", "one small map", Job("argmap html (one small map)",
                                          [argmap, "html", str(SMALL_MAP), "-o",
                                           str(out / "small.html")])),
            ("html", "qiu and the maps it refers to", Job(
                "argmap html qiu", [argmap, "html", "qiu", "-o", str(out / "qiu.html")])),
            ("diff", "two small versions", Job("argmap diff (two small versions)",
                                               [argmap, "diff", str(base_old), str(base_new)],
                                               ok=(0, 1))),
            ("diff", "500 nodes, a few claims reworded", Job(
                "argmap diff 500 nodes", [argmap, "diff", str(big_old), str(big_new)],
                ok=(0, 1))),
            ("lsp", "initialize, shutdown, exit", Job(
                "argmap lsp (start, initialize, shut down)",
                ["sh", "-c", 'exec "$0" lsp < "$1" > "$2"', argmap, str(session),
                 str(out / "lsp.out")])),
        )
        baselines = [Job(START, [work.python, "-c", "pass"]),
                     Job(CLI_START, [work.python, "-c", "import argmap.cli"])]
        # The start-up case's baselines when it ran; else they are measured in turns here.
        wanted = [job for job in baselines if not isinstance(suite.results.get(job.label),
                                                             Sample)]
        measured = suite.measure(*wanted, *(job for _, _, job in rows))[len(wanted):]
        start, cli = (suite.results[job.label] for job in baselines)
    for (command, what, _), result in zip(rows, measured, strict=True):
        table.rows.append((f"`{command}`", what, median(result), _cpu(result),
                           _times(result, start), _times(result, cli)))
    table.notes.append("No targets yet. `lsp` runs through `sh -c` to read its messages "
                       "from a file; `diff` exits 1 when it finds changes and `fmt --check` "
                       "when a file would be reformatted, as the small map would.")
    suite.tables.append(table)


def _reworded(text: str) -> str:
    """The map with every tenth plain claim added to, as an edit between versions."""
    count = 0

    def reword(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count % 10:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)} (revised)"

    return re.sub(r"^(\s*claim: )([^\"'\n|>].*)$", reword, text, flags=re.MULTILINE)


def _framed(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _cpu(result: Result) -> str:
    return f"{result.cpu_median * 1000:.0f} ms" if isinstance(result, Sample) else ""


def _times(subject: Result, baseline: Result) -> str:
    if isinstance(subject, Sample) and isinstance(baseline, Sample):
        return f"{subject.median / baseline.median:.1f}×"
    return ""
