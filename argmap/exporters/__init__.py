"""Exporters write a map in another tool's format: AIF, Argdown, Mermaid, Markdown, JSON.

Each module defines `export(amap) -> Export`: the text, and notes on what the format
could not carry. Exporters only read the model and do no I/O. The CLI's `--to` choices
come from this registry, so they cannot drift.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from argmap.model import ArgMap

FORMATS: tuple[str, ...] = ("aif", "argdown", "mermaid", "markdown", "json")
_MODULES = {"json": "json_export"}


@dataclass(frozen=True, slots=True)
class Export:
    text: str
    #: What the format could not carry, one sentence each, for the user.
    notes: tuple[str, ...] = ()


class Exporter(Protocol):
    def __call__(self, amap: ArgMap) -> Export: ...


def exporter(name: str) -> Exporter:
    if name not in FORMATS:
        raise KeyError(name)
    module = importlib.import_module(f"argmap.exporters.{_MODULES.get(name, name)}")
    export: Exporter = module.export
    return export
