"""The server's view of the workspace: the same findings `argmap lint` gives."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from argmap.config import load_settings
from argmap.lint import lint_paths
from argmap.lsp.project import Project
from tests.conftest import BUNDLED


def workspace(tmp_path: Path, settings: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.argmap]\nmaps = \"maps\"\n{settings}")
    (tmp_path / "maps").mkdir()
    for path in BUNDLED.glob("*.yaml"):
        shutil.copy(path, tmp_path / "maps" / path.name)
    return tmp_path


def test_findings_match_lint_with_settings_and_suppressions(tmp_path: Path) -> None:
    root = workspace(tmp_path, 'disable = ["AM301"]\n')
    path = root / "maps" / "qiu.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("attacks: [O1, O2]", "attacks: [O1, O9]", 1)
    text = text.replace("      source: {section: Introduction, para: 2}\n", "", 1)
    text = text.replace("thesis:\n  id: T", "thesis:\n  id: T\n  same_as: [P77]  "
                        "# argmap: disable=AM102", 1)
    path.write_text(text, encoding="utf-8")
    settings = load_settings(root)
    project = Project(root, settings)
    document = project.update(str(path), text)
    served = [(p.code, p.span.line, p.span.column, p.message) for p in project.lint(document)]
    linted = [(p.code, p.span.line, p.span.column, p.message)
              for p in lint_paths([root / "maps"], settings).problems
              if p.span.path == str(path)]
    assert served == linted
    assert [code for code, *_ in served] == ["AM102"]
    unset = Project(root, replace(settings, disable=frozenset()))
    assert sorted(p.code for p in unset.lint(unset.update(str(path), text))) == ["AM102", "AM301"]


def test_a_workspace_map_hides_the_bundled_map_of_its_id(tmp_path: Path) -> None:
    root = workspace(tmp_path, "")
    project = Project(root, load_settings(root))
    ids = [d.map.id for d in project.documents() if d.map is not None]
    assert sorted(ids) == ["arsene", "he_shen", "qiu"]
