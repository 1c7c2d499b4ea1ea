"""The package stays easy to read: modules import one another without cycles (deferred
imports included), and none grows long without saying why."""

from __future__ import annotations

import ast
from pathlib import Path

import argmap

PACKAGE = Path(argmap.__file__).parent
#: About 400 lines is a module read in one sitting; past this, the docstring says why.
LONG = 450
REASON = "Long because"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every argmap module `name` imports, at the top, in a function or for type checking."""
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = here
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            for alias in node.names:
                whole = f"{base}.{alias.name}"
                targets.add(whole if whole in known else base)
    return {target for target in targets if target in known and target != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as the modules along it, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in sorted(graph):
        if start in state:
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(step) == 1:
                return [*path[path.index(step):], step]
            elif step not in state:
                state[step] = 1
                path.append(step)
                stack.append(iter(sorted(graph[step])))
    return None


def test_no_module_imports_itself_round_a_cycle() -> None:
    known = _modules()
    graph = {name: _imports(name, path, known) for name, path in known.items()}
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _states_why_long(source: str) -> bool:
    """Whether the module docstring has a paragraph starting with `REASON`."""
    docstring = ast.get_docstring(ast.parse(source)) or ""
    return any(paragraph.strip().startswith(REASON) for paragraph in docstring.split("\n\n"))


def test_every_long_module_says_why_it_is_long() -> None:
    unexplained = []
    for name, path in sorted(_modules().items()):
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if lines > LONG and not _states_why_long(source):
            unexplained.append(f"{name} ({lines} lines)")
    assert unexplained == [], (
        f"split these by concern, or start a docstring paragraph with {REASON!r}")


def test_a_reason_is_a_docstring_paragraph_of_its_own() -> None:
    assert _states_why_long('"""Build the model.\n\nLong because it is one class."""')
    assert not _states_why_long('"""Build the model; long because it is one class."""')
    assert not _states_why_long('# Long because it is one class.\nx = 1\n')
