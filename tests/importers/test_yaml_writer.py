"""The YAML writer: every text reads back as written, wherever it sits."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.importers.graph import clean_text
from argmap.importers.yaml_writer import comment, scalar, text_field

# What an importer hands the writer: cleaned text (no control characters, no padding).
TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200) \
    .map(clean_text).filter(bool)
TRICKY = ["yes", "no", "null", "~", "123", "1e3", "- a", "a: b", "#x", "x #y", "[a]", "{a}",
          "'q'", '"q"', "@x", "`x`", "%x", "!x", "&x", "*x", "|", ">", "...", "---", "? x",
          "a\nb", "a\n\nb", "\ttab", "é 中 \u00a0", "line\\n", "Also stated as: x"]


def reload(lines: list[str]) -> object:
    document = "root:\n  - id: x\n" + "\n".join(lines) + "\n"
    return yaml.safe_load(document)["root"][0]["claim"]


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_any_text_reads_back_unchanged(text):
    assert reload(text_field("claim", text, 4)) == text


def test_tricky_texts_read_back_unchanged():
    for text in TRICKY:
        assert reload(text_field("claim", text, 4)) == text, text
        assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text, text


def test_long_claims_fold_and_line_breaks_stay():
    long = "word " * 30 + "end"
    lines = text_field("claim", long, 4)
    assert lines[0] == "    claim: >-" and all(len(line) <= 88 for line in lines)
    assert text_field("claim", "one\ntwo", 4) == ["    claim: >-", "      one", "", "      two"]
    assert text_field("claim", "P1", 4) == ["    claim: P1"]
    assert text_field("claim", "yes", 4) == ["    claim: 'yes'"]


def test_comments_stay_comments():
    lines = comment("a\nb\u2028c\x85d " + "long " * 30, 2)
    assert all(line.startswith("  # ") for line in lines)
    assert yaml.safe_load("\n".join(lines) + "\nk: 1\n") == {"k": 1}
