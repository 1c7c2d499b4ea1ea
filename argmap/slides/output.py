"""Write a deck's files into its folder in one step: never a half-written deck.

The files are written into a new hidden folder beside the target, which is then renamed
into place; a folder from an earlier run is set aside first and removed once the new
one is in place. A folder holding anything but slides is never replaced.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from argmap.problem import ArgmapError

#: What a folder may hold to be replaced by a new deck: the files a deck is made of.
DECK_SUFFIXES = (".svg", ".png", ".pdf")


def check_target(folder: Path) -> None:
    """An `ArgmapError` if `folder` cannot take a deck: a file, or a folder of other files."""
    if folder.exists() and not folder.is_dir():
        raise ArgmapError(f"-o {folder}: is a file, not a folder",
                          hint="Slides are written as a folder of files: name a new or "
                          "empty folder, e.g. `-o build/slides`.")
    if folder.is_dir():
        others = sorted(entry.name for entry in folder.iterdir()
                        if not (entry.is_file() and entry.suffix in DECK_SUFFIXES))
        if others:
            raise ArgmapError(f"-o {folder}: the folder holds other things than slides "
                              f"({', '.join(others[:3])}{', ...' if len(others) > 3 else ''})",
                              hint="Name a new or empty folder, or one an earlier "
                              "`argmap slides` wrote.")


def write_deck(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write `files` (name: bytes) as the whole content of `folder`, replacing it."""
    check_target(folder)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise ArgmapError(f"-o {folder}: cannot create it: {exc.strerror}") from None
    old: Path | None = None
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        os.chmod(staging, 0o777 & ~_umask())
        if folder.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=parent))
            os.replace(folder, old / folder.name)
        os.replace(staging, folder)
    except OSError as exc:
        if old is not None and not folder.exists():
            with contextlib.suppress(OSError):
                os.replace(old / folder.name, folder)
        raise ArgmapError(f"-o {folder}: cannot write: {exc.strerror}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
