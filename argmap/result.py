"""The outcome of linting: per file, the problems found or why it could not be read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.problem import Problem, Severity

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    problems: tuple[Problem, ...] = ()
    #: Set when the file could not be read at all (missing, a folder, unreadable).
    error: str | None = None
    #: The file's text, for formatters that quote the lines findings point at.
    text: str = ""


@dataclass(frozen=True, slots=True)
class LintResult:
    files: tuple[FileResult, ...]

    @property
    def problems(self) -> Iterator[Problem]:
        for file in self.files:
            yield from file.problems

    def counts(self) -> Counter[Severity]:
        return Counter(problem.severity for problem in self.problems)

    @property
    def unreadable(self) -> tuple[FileResult, ...]:
        return tuple(file for file in self.files if file.error is not None)

    def failed(self, strict: bool = False) -> bool:
        threshold = Severity.WARNING if strict else Severity.ERROR
        return any(problem.severity >= threshold for problem in self.problems)

    def exit_code(self, strict: bool = False) -> int:
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_PROBLEMS if self.failed(strict) else EXIT_CLEAN
