"""The benchmark map generator: its maps must be valid, complete and lint clean, or the
benchmarks would time error paths instead of real work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.lint import lint_paths
from argmap.loader import load
from argmap.model import ArgMap, Kind
from argmap.text import word_count
from benchmarks.generate import MIN_NODES, generate, write_corpus, write_pair

CJK = re.compile("[\u4e00-\u9fff]")


# The generator attacks nodes at random, the author's own too; AM403 has its own tests.
QUIET = Settings(disable=frozenset({"AM403"}))


def _problems(paths: list[Path]) -> list[str]:
    result = lint_paths(paths, QUIET)
    return [f"{p.span} {p.code} {p.message}" for f in result.files for p in f.problems]


@pytest.mark.parametrize("nodes", [MIN_NODES, 57, 1000])
def test_generated_pair_loads_with_the_exact_size_and_lints_clean(
        tmp_path: Path, nodes: int) -> None:
    main, partner = write_pair(tmp_path, nodes)
    assert sum(1 for _ in load(main).walk()) == nodes
    assert _problems([main, partner]) == []


def test_a_generated_map_uses_every_part_of_the_format(tmp_path: Path) -> None:
    main, partner = write_pair(tmp_path, 300)
    amap, other = load(main), load(partner)
    nodes = list(amap.walk())
    assert all(count > 0 for kind, count in amap.counts().items()), amap.counts()
    assert amap.rebuttals and amap.objections
    assert any(node.group is not None for node in nodes)
    assert _refs(amap, "supports", None) and _refs(amap, "attacks", None)
    assert _refs(amap, "supports", other.id) and _refs(amap, "attacks", other.id)
    assert any(ref.map == other.id for node in nodes for ref in node.same_as)
    assert any(CJK.search(node.claim) for node in nodes)
    assert any(word_count(node.claim) >= 28 for node in nodes)
    assert any("\n" in node.claim or '"' in node.claim for node in nodes)
    assert any(node.expect is not None for node in nodes if node.kind is not Kind.THESIS)


def _refs(amap: ArgMap, key: str, map_id: str | None) -> list[str]:
    return [str(ref) for node in amap.walk() for ref in getattr(node, key)
            if ref.map == map_id]


def test_corpus_maps_refer_to_each_other_and_lint_clean_together(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, 4)
    assert len(paths) == 4
    assert _problems(paths) == []
    assert _problems(paths[:1]) == []  # its link into the next map is found beside it


def test_argdown_version_has_every_node_once(tmp_path: Path) -> None:
    main, _ = write_pair(tmp_path, 200)
    text = main.with_suffix(".argdown").read_text(encoding="utf-8")
    titled = re.findall(r"^\s*(?:[+-] )?\[([^\]]+)\]: ", text, re.MULTILINE)
    assert sorted(titled) == sorted(node.id for node in load(main).walk())
    statements = re.findall(r"\]: (.*)$", text, re.MULTILINE)
    assert not any(re.search(r"[\[\]<>{}#*_@\\]", s) for s in statements)


def test_generation_is_deterministic_and_refuses_tiny_maps() -> None:
    assert generate("m", 120, seed=3).yaml() == generate("m", 120, seed=3).yaml()
    assert generate("m", 120, seed=3).yaml() != generate("m", 120, seed=4).yaml()
    with pytest.raises(ValueError, match="at least"):
        generate("m", MIN_NODES - 1)
