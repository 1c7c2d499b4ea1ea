"""Safe file output: write a temporary file beside the target, then rename it over.

A failure at any point leaves the previous file as it was, and two writers at once
leave one complete file, never a mix. A target that is not a regular file (`/dev/null`,
`/dev/stdout`, a named pipe) is written to directly: renaming over it would replace the
device with a file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from argmap.problem import ArgmapError


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ArgmapError(f"{target}: folder {folder} does not exist",
                          hint="Create it first, or choose another output path.")
    if target.is_dir():
        raise ArgmapError(f"{target}: is a folder; name a file to write")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _is_special(target):
        try:
            with target.open("wb") as stream:
                stream.write(payload)
        except OSError as exc:
            raise ArgmapError(f"{target}: cannot write: {exc.strerror}") from None
        return
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=folder)
    except OSError as exc:
        raise ArgmapError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise ArgmapError(f"{target}: cannot write: {exc.strerror}") from None
    except BaseException:
        _remove(temporary)
        raise


def _is_special(target: Path) -> bool:
    """Whether `target` exists and is a device, pipe or socket rather than a file."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
