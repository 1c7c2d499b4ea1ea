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


def run_dot(source: str, fmt: str, ratio: float | None = None,
            dpi: float | None = None) -> Drawing:
    """Lay out and draw `source` as `fmt` (svg, png or pdf).

    With `ratio` (width / height), the drawing is padded to exactly that shape: Graphviz's
    own `ratio` leaves the title, the legend and the margin out of its sums, so the
    drawing is laid out once to measure it, then drawn with the padding that makes up
    the difference. A PNG is drawn at `dpi` pixels an inch (default `DEFAULT_DPI`), but
    never more than `MAX_PIXELS` on its longer side.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    extra: dict[str, str] = {}
    if fmt == "png":
        dpi = dpi or DEFAULT_DPI
        extra["dpi"] = _number(dpi)
        if not _has_size(source):
            extra["size"] = f"{_number(MAX_PIXELS / dpi)},{_number(MAX_PIXELS / dpi)}"
    if ratio:
        # Measured at full size: scaling down to `size` later scales the padding too.
        probe = _pipe(_with(source, extra | {"dpi": "72", "size": "10000,10000"}), "svg")
        extra["pad"] = _pad_to(probe.data, ratio, str(_PAD)) or str(_PAD)
    drawing = _pipe(_with(source, extra), fmt)
    data = _fixed_dates(drawing.data) if fmt == "pdf" else drawing.data
    return Drawing(data, drawing.warnings)


#: Pixels an inch in a PNG: twice a screen's 96, so a small map is sharp on a slide.
DEFAULT_DPI = 192.0
#: The longest side of a PNG, in pixels; a larger drawing is scaled down to it.
MAX_PIXELS = 16384
_PAD = 0.3  # inches round the drawing, as in the DOT
_SVG_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _has_size(source: str) -> bool:
    return re.search(r'[\[ ]size="', source) is not None


def _with(source: str, attrs: dict[str, str]) -> str:
    """`source` with graph attributes set at its end, where they win over earlier ones."""
    if not attrs:
        return source
    body = source.rstrip()
    if not body.endswith("}"):
        return source
    listed = ", ".join(f'{key}="{value}"' for key, value in attrs.items())
    return f"{body[:-1]}  graph [{listed}]\n}}\n"


def _pad_to(svg: bytes, ratio: float, pad: str) -> str | None:
    """The padding, in inches, that gives a drawing measured in `svg`, drawn with `pad`,
    the shape `ratio`; None if it has that shape already (to a point)."""
    found = _SVG_SIZE.search(svg)
    if found is None:
        return None
    width, height = float(found.group(1)), float(found.group(2))
    if abs(width - ratio * height) <= max(1.0, ratio):
        return None
    x, _, y = pad.partition(",")
    across = max(0.0, (ratio * height - width) / 144)
    down = max(0.0, (width / ratio - height) / 144)
    return f"{_number(float(x) + across)},{_number(float(y or x) + down)}"


def _pipe(source: str, fmt: str) -> Drawing:
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
