"""The last line of defence: an exception argmap did not expect becomes a short report.

Whatever a user feeds in, argmap answers with its own message. If an exception escapes
anyway, that is a bug in argmap: instead of a traceback the user gets one paragraph
saying so, with what a maintainer needs (version, command, map, exception and the line
that raised it) and where the full traceback was written. The exit status is
`CRASH_EXIT`, which no ordinary outcome uses.
"""

from __future__ import annotations

import os
import platform
import shlex
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from argmap import __version__

#: The exit status of a crash: 0, 1 and 2 keep their meanings (clean, problems, usage).
CRASH_EXIT = 3
ISSUES = "https://github.com/argmap/argmap/issues"
_MAP_SUFFIXES = (".yaml", ".yml")


def report(exc: BaseException, argv: Sequence[str] | None = None) -> str:
    """Write the full traceback to a file and return the paragraph to show the user."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = shlex.join(["argmap", *args])
    maps = [arg for arg in args if arg.endswith(_MAP_SUFFIXES)]
    written = _write_trace(exc, command)
    lines = [
        f"argmap crashed: this is a bug in argmap {__version__}, not a problem in your map.",
        f"Command: {command}" + (f" (map: {', '.join(maps)})" if maps else ""),
        f"Error: {_one_line(exc)} at {_innermost(exc)}",
        (f"The full traceback is in {written}." if written is not None
         else "The full traceback could not be written to a file."),
        f"Please report it at {ISSUES}, with that file and, if you can share it, the map.",
    ]
    return "\n".join(lines) + "\n"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _innermost(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "an unknown place"
    frame = frames[-1]
    return f"{_short_path(frame.filename)}:{frame.lineno} in {frame.name}"


def _short_path(filename: str) -> str:
    """A file inside the argmap package as `argmap/...`, wherever it is installed."""
    package = Path(__file__).resolve().parents[1]
    try:
        return str(Path("argmap") / Path(filename).resolve().relative_to(package))
    except ValueError:
        return filename


def _write_trace(exc: BaseException, command: str) -> Path | None:
    header = [
        f"argmap {__version__} crashed",
        f"command: {command}",
        f"directory: {os.getcwd()}",
        f"python: {sys.version.split()[0]} ({sys.executable})",
        f"platform: {platform.platform()}",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        "",
    ]
    body = "".join(traceback.format_exception(exc))
    try:
        folder = Path(tempfile.gettempdir()) / "argmap-crashes"
        folder.mkdir(mode=0o700, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=time.strftime("crash-%Y%m%d-%H%M%S-"),
                                        suffix=".txt", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as out:
            out.write("\n".join(header) + body)
    except OSError:
        return None
    return Path(name)
