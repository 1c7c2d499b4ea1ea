"""Run an action again each time one of some files is saved, until Ctrl-C.

For `argmap render --watch`: a slide kept open in a slide tool is redrawn on every save
of its map. watchfiles waits on the operating system's change events (no polling) and
groups the several writes one save makes into one change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path


def on_save(paths: Iterable[Path], action: Callable[[], None],
            report: Callable[[str], None]) -> None:
    """Call `action` after each save of any of `paths`; `report` tells what happened.
    An error from `action` is reported and waiting goes on, so a save that breaks the
    map does not end the watch; the next good save draws again."""
    from watchfiles import watch

    from argmap.problem import ArgmapError

    files = {path.resolve() for path in paths}
    folders = sorted({path.parent for path in files})

    def saved(_change: object, name: str) -> bool:
        return Path(name).resolve() in files

    try:
        for _changes in watch(*folders, watch_filter=saved, recursive=False, debounce=200,
                              raise_interrupt=True):
            try:
                action()
            except ArgmapError as exc:
                report(f"argmap: {exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else ""))
    except KeyboardInterrupt:
        report("argmap: stopped watching")
