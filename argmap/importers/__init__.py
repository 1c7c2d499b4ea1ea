"""Importers read another tool's file and write an argmap map (YAML) from it.

Each reader module defines `read(text, name) -> Graph`: the claims and relations it
found, and what it left out. `layout` builds argmap's tree from the graph and
`yaml_writer` writes it. The CLI's `--from` choices and the suffixes come from here.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.problem import ArgmapError

FORMATS: tuple[str, ...] = ("argdown", "aif")
SUFFIXES = {".argdown": "argdown", ".ad": "argdown", ".json": "aif", ".aif": "aif"}
NAMES = {"argdown": "Argdown", "aif": "AIF"}
_MAP_ID_CHARS = re.compile(r"[^a-z0-9_\-]+")


@dataclass(frozen=True, slots=True)
class Imported:
    yaml: str
    #: For stderr: how the thesis was chosen, what was left out.
    messages: tuple[str, ...]


def format_for(path: Path, name: str | None = None) -> str:
    """The format to read `path` as: `name` if given, else from its suffix."""
    if name is not None:
        if name not in FORMATS:
            raise ArgmapError(f"unknown import format `{name}`",
                              hint=f"Choose one of: {', '.join(FORMATS)}.")
        return name
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ArgmapError(f"{path}: cannot tell the format from the suffix `{path.suffix}`",
                          hint="Name Argdown files *.argdown and AIF files *.json or *.aif, "
                          "or give `--from argdown` or `--from aif`.")
    return found


def import_file(path: Path, format_name: str | None = None) -> Imported:
    """Read `path` and return the map as YAML; raise `ArgmapError` for unusable input."""
    fmt = format_for(path, format_name)
    return import_text(_read_text(path), str(path), fmt)


def import_text(text: str, name: str, fmt: str) -> Imported:
    from argmap.importers.graph import one_line
    from argmap.importers.layout import lay_out
    from argmap.importers.yaml_writer import write

    reader = importlib.import_module(f"argmap.importers.{fmt}")
    graph = reader.read(text, name)
    if not graph.claims:
        raise ArgmapError(f"{name}: no claims found in this {NAMES[fmt]} file", exit_code=1,
                          hint="An Argdown file needs statements or arguments; an AIF file "
                          "needs I-nodes.")
    outline = lay_out(graph)
    stem = Path(name).stem
    map_id = graph.map_id if graph.map_id and _is_map_id(graph.map_id) else _map_id(stem)
    header = [f"Imported by `argmap import` from {one_line(Path(name).name)} "
              f"({NAMES[fmt]}). Ids come from the source's names or from where each claim "
              "sits; comments mark what the map says differently from the source.",
              *outline.messages]
    if graph.dropped:
        header += ["", "Not carried over:", *(f"- {item}" for item in graph.dropped)]
    if graph.prose:
        header += ["", "Text in the source that is not a claim (no title, no relation):",
                   *(f"- {one_line(text)}" for text in graph.prose)]
    yaml_text = write(outline, map_id=map_id, title=graph.title or stem, header=header,
                      author=graph.author)
    _check(yaml_text, name)
    messages = [*outline.messages, *(f"not carried over: {item}" for item in graph.dropped)]
    if graph.prose:
        messages.append(f"{len(graph.prose)} paragraph{'s' if len(graph.prose) > 1 else ''} "
                        "with no title and no relation kept as comments, not claims")
    return Imported(yaml_text, tuple(map(one_line, messages)))


def _read_text(path: Path) -> str:
    from argmap.loader import MAX_BYTES, read_bytes

    data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise ArgmapError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; too big to "
                          "import", exit_code=1)
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArgmapError(f"{path}: not UTF-8 text (byte {exc.start + 1} cannot be decoded)",
                          exit_code=1, hint="Save the file as UTF-8.") from None


def _is_map_id(text: str) -> bool:
    from argmap.loader import MAP_ID

    return bool(MAP_ID.match(text))


def _map_id(stem: str) -> str:
    slug = _MAP_ID_CHARS.sub("-", stem.lower()).strip("-_")
    slug = slug.lstrip("0123456789-_")
    return slug or "imported"


def _check(yaml_text: str, name: str) -> None:
    """The map written must load: if not, that is a bug here, reported rather than written."""
    from argmap.loader import MAX_BYTES, load_text

    if len(yaml_text.encode("utf-8")) > MAX_BYTES:
        raise ArgmapError(f"{name}: the map would be larger than {MAX_BYTES // (1024 * 1024)} "
                          "MB, more than argmap reads", exit_code=1,
                          hint="Split the source into smaller files and import each.")

    loaded = load_text(yaml_text, name)
    if loaded.map is None:
        first = loaded.problems[0]
        raise ArgmapError(f"{name}: the imported map does not load (line {first.span.line}: "
                          f"{first.message})", exit_code=1,
                          hint="This is a bug in argmap's importer; please report it with "
                          "the file.")
