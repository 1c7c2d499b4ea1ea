"""Where argmap's time goes: the stages of `argmap lint` on a map, and start-up imports.

    .venv/bin/python -m benchmarks.profile_load MAP.yaml [OTHER.yaml ...]
    .venv/bin/python -m benchmarks.profile_load --imports

For maps, each stage of loading (as argmap/loader.py does it) and the rules run in a
fresh process, once with Python's garbage collector on, as argmap runs today, and once
with it off, so the collector's share shows. Stages the loader no longer has are
skipped. `--imports` sums `python -X importtime -c "import argmap.cli"` by package.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _stages(paths: list[str]) -> dict[str, float]:
    """Seconds spent in each of the loader's functions while linting `paths` together.

    Every function of argmap/loader.py is wrapped with a timer (only the outermost call
    counts), and so are `yaml.compose` and the model builder, so the stages follow the
    loader as it is, whatever it calls them.
    """
    import yaml

    from argmap import lint, loader
    from argmap.config import Settings

    spent: dict[str, float] = {}
    inside = [0]

    def timed(name: str, function: Callable[..., Any], nested: bool = False,
              ) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if inside[0] and not nested:
                return function(*args, **kwargs)
            inside[0] += 0 if nested else 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
                inside[0] -= 0 if nested else 1
        return wrapper

    entry = ("load", "load_file", "load_bytes", "load_text")
    for name, function in list(vars(loader).items()):
        if inspect.isfunction(function) and function.__module__ == loader.__name__ \
                and name not in entry:
            setattr(loader, name, timed(name, function))
    setattr(yaml, "compose", timed("yaml.compose", yaml.compose))  # noqa: B010
    builder = getattr(loader, "_Builder", None)
    if builder is not None:
        builder.build = timed("_Builder.build", builder.build)
    setattr(lint, "load_file", timed(LOADING, getattr(lint, "load_file"), nested=True))  # noqa: B009, B010
    start = time.perf_counter()
    lint.lint_paths(paths, Settings())
    spent[TOTAL] = time.perf_counter() - start
    return spent


LOADING, TOTAL = "loading, all of it", "total"


def _child(collector: str, paths: list[str]) -> None:
    import gc

    from argmap import loader

    # Generated maps may be larger than argmap accepts.
    loader.MAX_BYTES = max([loader.MAX_BYTES, *(Path(p).stat().st_size for p in paths)])
    if collector == "off":
        gc.disable()
    print(json.dumps(_stages(paths)))


def _measure(paths: list[str]) -> None:
    columns = {}
    for collector in ("on", "off"):
        done = subprocess.run([sys.executable, "-m", "benchmarks.profile_load", "--child",
                               collector, *paths], capture_output=True, text=True, check=True)
        columns[collector] = json.loads(done.stdout)
    on, off = columns["on"], columns["off"]
    loading = {name for name in on if name not in (LOADING, TOTAL)}
    print(f"{'stage':<28} {'GC on':>9} {'GC off':>9}")
    for name in sorted(loading, key=lambda n: -on[n]):
        print(f"{name:<28} {on[name]:8.2f}s {off.get(name, 0.0):8.2f}s")
    for label in ("rest of loading", "rules and reporting", TOTAL):
        print(f"{label:<28} {_summary(on, label, loading):8.2f}s "
              f"{_summary(off, label, loading):8.2f}s")


def _summary(column: dict[str, float], label: str, loading: set[str]) -> float:
    if label == TOTAL:
        return column[TOTAL]
    if label == "rules and reporting":
        return column[TOTAL] - column[LOADING]
    return column[LOADING] - sum(column.get(name, 0.0) for name in loading)


_IMPORT = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _imports() -> None:
    runs = []
    for _ in range(5):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import argmap.cli"],
                              capture_output=True, text=True, check=True)
        rows = [(int(m[1]), int(m[2]), len(m[3]), m[4])
                for m in map(_IMPORT.match, done.stderr.splitlines()) if m]
        runs.append(rows)
    best = min(runs, key=lambda rows: sum(own for own, *_ in rows))
    by_package: Counter[str] = Counter()
    for own, _, _, name in best:
        by_package[name.split(".")[0]] += own
    total = sum(by_package.values())
    print(f"import argmap.cli: {total / 1000:.0f} ms of imports (fastest of 5), by package:")
    for package, own in by_package.most_common(12):
        print(f"  {package:<20} {own / 1000:6.1f} ms  {own / total:4.0%}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_load",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("maps", nargs="*", help="map files, linted together")
    parser.add_argument("--imports", action="store_true", help="profile start-up imports")
    parser.add_argument("--child", choices=("on", "off"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.maps)
    elif args.imports:
        _imports()
    elif args.maps:
        _measure(args.maps)
    else:
        parser.error("name map files, or give --imports")


if __name__ == "__main__":
    main()
