"""`argmap diff` on fixture pairs: each kind of change, with the exact text a user reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PAIRS = FIXTURES / "diff"


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "FORCE_COLOR"}
    return subprocess.run([sys.executable, "-m", "argmap", "diff", *map(str, args)],
                          capture_output=True, text=True, timeout=60, env=env, cwd=cwd)


def diff_against_base(case: str, tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Compare base.yaml with one edit of it, named as a user in that folder would."""
    for name in ("base.yaml", f"{case}.yaml"):
        (tmp_path / name).write_bytes((PAIRS / name).read_bytes())
    return run("base.yaml", f"{case}.yaml", *options, cwd=tmp_path)


CASES = {
    "formatting": (0, [
        "formatting.yaml (lecture): no change in meaning"]),
    "added_removed": (1, [
        "added_removed.yaml (lecture): 1 added, 1 removed",
        "  + added P3 (premise under T): Homework teaches pupils to plan their time.",
        "  - removed P2.1 (premise under P2): A survey of 500 schools found the gap."]),
    "renamed": (1, [
        "renamed.yaml (lecture): 1 renamed, 1 reworded",
        "  ~ renamed P2.1 -> P2.survey (claim 94% the same)",
        "  ~ reworded P2.survey: A survey of 500 schools found the {+same+} gap."]),
    "reworded": (1, [
        "reworded.yaml (lecture): 1 reworded",
        "  ~ reworded P1: Practice at home [-fixes-] {+may fix+} what [-was-] "
        "{+pupils were+} taught in class."]),
    "moved": (1, [
        "moved.yaml (lecture): 1 moved",
        "  ~ moved P2.1: under P2 -> under P1"]),
    "kind": (1, [
        "kind.yaml (lecture): 1 kind changed",
        "  ~ kind O1.C1: counterexample -> rebuttal"]),
    "details": (1, [
        "details.yaml (lecture): 1 locator changed, 1 quote changed, 1 note changed",
        "  ~ locator P2: § Evidence, ¶1 -> § Evidence, ¶4",
        "  ~ quote P2: {+test+} scores rose with homework",
        "  ~ note P2: (none) -> The survey is from 2019."]),
    "relations": (1, [
        "relations.yaml (lecture): 2 relations changed",
        "  + relation: P1 attacks O1",
        "  + relation: P2.1 supports P1",
        "labels that flip:",
        "  lecture:T: defeated -> stands: every attacker is out (`O1`)",
        "  lecture:O1: stands -> defeated: attacked by `P1`, which is in"]),
    "flip": (1, [
        "flip.yaml (lecture): 1 removed",
        "  - removed O1.C1.R1 (rebuttal under O1.C1): The survey asked pupils only once, at "
        "the end of the year.",
        "labels that flip:",
        "  lecture:T: defeated -> stands: every attacker is out (`O1`)",
        "  lecture:O1: stands -> defeated: attacked by `O1.C1`, which is in",
        "  lecture:O1.C1: defeated -> stands: nothing attacks it"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_change_is_reported_in_the_arguments_terms(case, tmp_path):
    status, expected = CASES[case]
    result = diff_against_base(case, tmp_path)
    assert result.stdout.splitlines() == expected, result.stderr
    assert result.returncode == status


def test_the_reverse_edit_reports_the_opposite_change(tmp_path):
    for name in ("base.yaml", "added_removed.yaml"):
        (tmp_path / name).write_bytes((PAIRS / name).read_bytes())
    result = run("added_removed.yaml", "base.yaml", cwd=tmp_path)
    assert result.stdout.splitlines()[1:] == [
        "  + added P2.1 (premise under P2): A survey of 500 schools found the gap.",
        "  - removed P3 (premise under T): Homework teaches pupils to plan their time."]


def test_a_version_that_does_not_load_gets_its_findings_and_exit_2(tmp_path):
    result = diff_against_base("broken", tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "broken.yaml: does not load; not compared",
        "  new: broken.yaml:8:3: error AM003: duplicate key `claim` in a thesis (first at "
        "line 7); YAML would silently keep only the last one",
        "      hint: Merge the two values or remove one."]
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_a_usage_error(tmp_path):
    (tmp_path / "base.yaml").write_bytes((PAIRS / "base.yaml").read_bytes())
    result = run("base.yaml", "nothere.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("argmap: error: nothere.yaml: no such file")


def test_a_flip_in_a_linked_map_is_reported_with_its_reason(tmp_path):
    """Editing one map defeats a claim in another map that cites it."""
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "base.yaml").write_bytes((PAIRS / "base.yaml").read_bytes())
    (maps / "reader.yaml").write_text(
        "argmap: 1\nid: reader\ntitle: A reader's map\n"
        "thesis: {id: T, claim: The lecture's objection is wrong.}\n"
        "objections:\n"
        "  - {id: O1, claim: Homework adds stress., same_as: [lecture:O1],"
        " attacks: [T]}\n"
        "rebuttals:\n"
        "  - {id: R1, claim: The lecture's survey answers it., attacks: [lecture:O1]}\n",
        encoding="utf-8")
    (tmp_path / "new.yaml").write_bytes((PAIRS / "flip.yaml").read_bytes())
    result = run("maps/base.yaml", "new.yaml", cwd=tmp_path)
    assert "labels that flip:" in result.stdout
    assert ("  lecture:O1.C1: defeated -> stands: nothing attacks it"
            in result.stdout.splitlines())
    # The reader's map is evaluated with the lecture, so its own flips show too.
    assert result.returncode == 1


def test_colour_only_on_a_terminal(tmp_path):
    result = diff_against_base("reworded", tmp_path)
    assert "\x1b[" not in result.stdout
    env_result = subprocess.run(
        [sys.executable, "-m", "argmap", "diff", "base.yaml", "reworded.yaml"],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "FORCE_COLOR": "1"}, timeout=60)
    assert "\x1b[31mfixes\x1b[0m" in env_result.stdout
    assert "\x1b[32mmay fix\x1b[0m" in env_result.stdout
