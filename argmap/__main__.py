"""The `argmap` command's entry point.

`argmap --version` answers without importing the command-line framework, so scripts
and editors that probe the version pay only for the interpreter's start-up.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from argmap import __version__

        sys.stdout.write(f"argmap {__version__}\n")
        return
    import gc

    from argmap.cli import main as cli_main

    try:
        cli_main()
    finally:
        # On the way out the interpreter collects garbage once more, walking every
        # object still alive: after a lint of many files, seconds spent on maps that hold
        # no cycles. Nothing argmap leaves behind needs collecting: its outputs are
        # written and closed by now.
        gc.freeze()


if __name__ == "__main__":
    main()
