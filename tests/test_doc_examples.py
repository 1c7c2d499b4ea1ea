"""The maps shown in the documentation lint clean, expectations included."""

from __future__ import annotations

import re

import pytest

from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from tests.conftest import ROOT

EXAMPLES = [
    (path.name, block)
    for path in (ROOT / "README.md", ROOT / "docs" / "format.md")
    for block in re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    if block.startswith("argmap: 1")
]


def test_documentation_has_full_examples():
    assert {name for name, _ in EXAMPLES} == {"README.md", "format.md"}


@pytest.mark.parametrize("name, block", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_example_map_lints_clean(name, block):
    result = lint_loaded([load_text(block, name)], Settings())
    assert [(p.code, p.message) for p in result.problems] == []
