"""Run Graphviz's `dot` on DOT source to get SVG, PNG or PDF bytes.

The one place argmap starts Graphviz, through the `graphviz` package: `graphviz.pipe`
runs `dot`, and its `ExecutableNotFound` and `CalledProcessError` (which carries `dot`'s
error text) become argmap's own errors; `graphviz.version()` says which Graphviz failed
when it is older than the one argmap is tested with. The package is imported here only,
when a drawing is made, so start-up does not pay for it.

What the package does not do stays in argmap: the DOT itself, with its HTML-like labels
and their escaping (`dot_syntax`), since the package quotes plain strings only; and
Graphviz's warnings on success, which `pipe` writes to standard error, are captured so
the command can report them as its own.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from dataclasses import dataclass

from argmap.problem import ArgmapError

FORMATS = ("svg", "png", "pdf")
#: The oldest Graphviz argmap is tested with (Debian and Ubuntu ship 2.42 and 2.43).
TESTED = (2, 42)
INSTALL_HINT = (
    "Install Graphviz: `make install` in an argmap checkout, `sudo apt-get install "
    "graphviz fonts-noto-core fonts-noto-cjk` on Debian or Ubuntu, `brew install "
    "graphviz` on macOS, or "
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


def run_dot(source: str, fmt: str) -> Drawing:
    """Lay out and draw `source` as `fmt` (svg, png or pdf)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    import graphviz

    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said):
            data = graphviz.pipe("dot", fmt, source.encode("utf-8"))
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing() from None
    except graphviz.CalledProcessError as exc:
        raise _failed(fmt, exc.returncode, _lines(exc.stderr)) from None
    except OSError as exc:
        raise GraphvizMissing(f"cannot run Graphviz `dot`: {exc.strerror}") from None
    if not data:
        raise _failed(fmt, 0, _lines(said.getvalue()))
    data = _fixed_dates(data) if fmt == "pdf" else data
    return Drawing(data, tuple(_lines(said.getvalue())))


def _lines(stderr: bytes | str | None) -> list[str]:
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", "replace")
    return [line.strip() for line in (stderr or "").splitlines() if line.strip()]


def _failed(fmt: str, returncode: int, messages: list[str]) -> GraphvizFailed:
    why = "; ".join(messages[:5]) or "no message"
    status = f"exit status {returncode}" if returncode >= 0 else f"signal {-returncode}"
    hint = ("`argmap render --dot` writes the DOT source, to check with `dot` by hand. "
            "Please report this with the map.")
    old = _version()
    if old is not None and old < TESTED:
        hint = (f"This is Graphviz {'.'.join(map(str, old))}; argmap is tested with "
                f"{'.'.join(map(str, TESTED))} and later. Upgrading it may help. " + hint)
    return GraphvizFailed(f"Graphviz `dot -T{fmt}` failed ({status}): {why}", hint=hint)


def _version() -> tuple[int, ...] | None:
    """The installed Graphviz's version, or None if it cannot be told."""
    import graphviz

    try:
        return tuple(graphviz.version())
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError, RuntimeError, OSError):
        return None


def _fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation date set to 1970, so one map always gives the same bytes.

    The date keeps its length, so the cross-reference offsets stay right.
    """

    def epoch(match: re.Match[bytes]) -> bytes:
        zone = re.sub(rb"[0-9]", b"0", match.group(2))
        return b"/" + match.group(1) + b" (D:19700101000000" + zone + b")"

    return _PDF_DATE.sub(epoch, pdf)
