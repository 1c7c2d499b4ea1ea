"""Lint map files: load each, run every rule, apply suppressions, collect the results."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from pathlib import Path

from argmap.config import Settings
from argmap.linked import gather
from argmap.loader import LoadResult, load_file
from argmap.model import ArgMap
from argmap.names import map_files
from argmap.problem import ArgmapError, Problem
from argmap.result import FileResult, LintResult
from argmap.rules import RULES, RULES_BY_CODE
from argmap.rules.context import Context
from argmap.suppress import Suppressions
from argmap.suppress import parse as parse_suppressions


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and every *.yaml / *.yml under folders, sorted per folder."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(map_files(path) if path.is_dir() else (path,))
    return found


def lint_paths(paths: Sequence[str | Path], settings: Settings | None = None) -> LintResult:
    """Lint every map under `paths`; the maps they refer to are found as argmap/linked.py
    says, so each file's findings do not depend on the others named with it."""
    settings = settings or Settings()
    loaded: list[LoadResult | FileResult] = []
    # Neither the loaded maps nor what the rules build from them hold reference cycles,
    # so the collector has nothing to find; left on, each of its passes over the oldest
    # generation walks every map read so far again. Memory is the same without it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in expand(paths):
            try:
                loaded.append(load_file(path))
            except ArgmapError as exc:
                loaded.append(FileResult(str(path), error=exc.message))
        return lint_loaded(loaded, settings, search=True)
    finally:
        # Everything allocated meanwhile is still in the youngest generation, where the
        # next collection would walk all of it: it is moved to the oldest unvisited.
        gc.freeze()
        gc.unfreeze()
        if collecting:
            gc.enable()


def lint_loaded(loaded: Sequence[LoadResult | FileResult], settings: Settings, *,
                search: bool = False) -> LintResult:
    """Lint maps already loaded. Without `search`, only these maps are known to each
    other: nothing else is read from disk."""
    library = gather([item for item in loaded if isinstance(item, LoadResult)], settings,
                     search=search)
    context = Context(maps=library.maps, settings=settings, files=library.files,
                      missing=library.missing, run=library.run, project=library.project)
    files = []
    for item in loaded:
        if isinstance(item, FileResult):
            files.append(item)
            continue
        if item.map is None:
            # A map that does not load cannot be linted: no comment or setting hides that.
            files.append(FileResult(item.path, tuple(sorted(item.problems, key=Problem.sort_key)),
                                    text=item.text))
            continue
        problems = [*item.problems, *item.notices, *run_rules(item.map, context)]
        files.append(FileResult(item.path, tuple(_keep(problems, item.text, settings, item.map)),
                                text=item.text))
    return LintResult(tuple(files))


def lint_one(item: LoadResult, neighbours: Sequence[LoadResult | FileResult],
             settings: Settings) -> FileResult:
    """Lint one loaded file with the maps linted together with it, as `lint_loaded` would.

    Only `item` is checked: its neighbours only resolve cross-map references. An editor
    relints the file being typed this way without checking every other map again.
    """
    others = [other for other in neighbours if isinstance(other, LoadResult)]
    library = gather([item, *others], settings, search=True)
    context = Context(maps=library.maps, settings=settings, files=library.files,
                      missing=library.missing, run=library.run, project=library.project)
    if item.map is None:
        return FileResult(item.path, tuple(sorted(item.problems, key=Problem.sort_key)),
                          text=item.text)
    problems = [*item.problems, *item.notices, *run_rules(item.map, context)]
    return FileResult(item.path, tuple(_keep(problems, item.text, settings, item.map)),
                      text=item.text)


def _unknown_names(suppressions: Suppressions, amap: ArgMap | None) -> list[Problem]:
    """AM007 for each code or name in a suppression comment that is no rule."""
    import difflib

    from argmap.model import Span
    from argmap.rules import RULES_BY_NAME
    from argmap.rules.am007_unknown_suppression import CODE, SEVERITY

    path = amap.path if amap is not None else ""
    found = []
    for line, column, word in suppressions.named:
        if word in RULES_BY_CODE or word in RULES_BY_NAME:
            continue
        close = difflib.get_close_matches(word, [*RULES_BY_CODE, *RULES_BY_NAME], n=1)
        found.append(Problem(CODE, SEVERITY, Span(path, line, column),
                             f"`{word}` in a suppression comment is no rule, so it silences "
                             "nothing", (f"Did you mean `{close[0]}`? " if close else "")
                             + "`argmap rules` lists the codes and names."))
    return found


def run_rules(amap: ArgMap, context: Context) -> list[Problem]:
    off = context.settings.disable
    problems: list[Problem] = []
    for rule in RULES:
        if rule.check is not None and rule.code not in off and rule.name not in off:
            problems.extend(rule.check(amap, context))
    return problems


def _keep(problems: list[Problem], text: str, settings: Settings,
          amap: ArgMap | None = None) -> list[Problem]:
    suppressions = parse_suppressions(text, amap)
    problems = [*problems, *_unknown_names(suppressions, amap)]
    kept = []
    for problem in sorted(problems, key=Problem.sort_key):
        rule = RULES_BY_CODE[problem.code]
        if problem.code in settings.disable or rule.name in settings.disable:
            continue
        if suppressions.hides(problem.span.line, problem.code, rule.name):
            continue
        kept.append(problem)
    return kept
