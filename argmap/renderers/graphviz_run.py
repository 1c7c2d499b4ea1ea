"""Run Graphviz's `dot` on DOT source to get SVG, PNG or PDF bytes.

The one place argmap starts Graphviz. It calls the `dot` program directly (not through
the `graphviz` package): the DOT is already a string, and calling it ourselves gives
the exact exit status and error text to report, and nothing to import at start-up.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

from argmap.problem import ArgmapError

FORMATS = ("svg", "png", "pdf")
#: Seconds one drawing may take; a map of a few hundred nodes takes a second or two.
TIMEOUT = 300
INSTALL_HINT = (
    "Install Graphviz: `make install` in an argmap checkout, `sudo apt-get install "
    "graphviz fonts-noto-cjk` on Debian or Ubuntu, `brew install graphviz` on macOS, or "
    "see https://graphviz.org/download/. `--dot` writes the DOT source without Graphviz."
)
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}([^)]*)\)")


class GraphvizMissing(ArgmapError):
    """The `dot` program cannot be found or started."""

    def __init__(self, detail: str = "Graphviz (the `dot` program) is not installed") -> None:
        super().__init__(detail, hint=INSTALL_HINT)


class GraphvizFailed(ArgmapError):
    """`dot` ran and failed."""


@dataclass(frozen=True)
class Drawing:
    data: bytes
    #: What Graphviz warned about, one line each (e.g. a bitmap scaled down to fit).
    warnings: tuple[str, ...]


def find_dot() -> str:
    """The path of the `dot` program, or `GraphvizMissing`."""
    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissing()
    return found


def run_dot(source: str, fmt: str, program: str | None = None) -> Drawing:
    """Lay out and draw `source` as `fmt` (svg, png or pdf)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    program = program or find_dot()
    try:
        done = subprocess.run([program, f"-T{fmt}"], input=source.encode("utf-8"),
                              capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise GraphvizFailed(f"Graphviz took longer than {TIMEOUT} s and was stopped",
                             hint="Try a smaller map, or `--dot` to get the DOT source.") from None
    except OSError as exc:
        raise GraphvizMissing(f"cannot run Graphviz `{program}`: {exc.strerror}") from None
    messages = done.stderr.decode("utf-8", "replace").splitlines()
    messages = [line.strip() for line in messages if line.strip()]
    if done.returncode != 0 or not done.stdout:
        why = "; ".join(messages[:5]) or "no message"
        status = f"exit status {done.returncode}" if done.returncode >= 0 else (
            f"signal {-done.returncode}")
        raise GraphvizFailed(f"Graphviz `dot -T{fmt}` failed ({status}): {why}",
                             hint="`argmap render --dot` writes the DOT source, to check "
                             "with `dot` by hand. Please report this with the map.")
    data = _fixed_dates(done.stdout) if fmt == "pdf" else done.stdout
    return Drawing(data, tuple(messages))


def _fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation date set to 1970, so one map always gives the same bytes.

    The date keeps its length, so the cross-reference offsets stay right.
    """

    def epoch(match: re.Match[bytes]) -> bytes:
        zone = re.sub(rb"[0-9]", b"0", match.group(2))
        return b"/" + match.group(1) + b" (D:19700101000000" + zone + b")"

    return _PDF_DATE.sub(epoch, pdf)
