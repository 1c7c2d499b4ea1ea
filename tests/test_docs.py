"""Generated documentation is up to date with the code it is generated from."""

from argmap.rules.docs import markdown_reference
from tests.conftest import ROOT


def test_rules_reference_matches_the_registry():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown_reference(), \
        "run `make docs` to regenerate docs/rules.md"
