"""Findings about a map: what is wrong, where, and how bad."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from argmap.model import Span


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    severity: Severity
    span: Span
    message: str
    #: How to fix it, when there is something more to say than the message.
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.path, self.span.line, self.span.column, self.code)


class ArgmapError(Exception):
    """An error a user can cause: every command turns it into a message and exit code.

    `exit_code` is 1 for problems in a map and 2 for usage or unreadable input.
    """

    def __init__(self, message: str, *, exit_code: int = 2, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.hint = hint


class MapInvalid(ArgmapError):
    """A map could not be loaded; `problems` says why and where."""

    def __init__(self, path: str, problems: tuple[Problem, ...]):
        first = problems[0]
        super().__init__(f"{first.span}: {first.message}", exit_code=1, hint=first.hint)
        self.path = path
        self.problems = problems
