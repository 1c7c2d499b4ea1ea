"""`argmap eval` and `argmap explain` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES

EVERY = FIXTURES / "valid" / "every_kind.yaml"
OTHER = FIXTURES / "valid" / "other.yaml"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)],
                          capture_output=True, text=True, timeout=60, env=env)


def cycle_map(tmp_path: Path, size: int) -> Path:
    """A thesis attacked by the first of `size` objections that attack each other in a ring."""
    lines = ["argmap: 1", "id: ring", "title: A ring", "thesis: {id: T, claim: t}",
             "objections:"]
    lines += [f"  - {{id: O{i}, claim: o{i}, attacks: [O{(i + 1) % size}]}}"
              for i in range(size)]
    path = tmp_path / "ring.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_eval_text_lists_every_label_with_claims_as_written_and_counts():
    result = run("eval", EVERY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "every_kind: grounded semantics"
    assert "T         stands     Data power in China is contested, not monolithic [bold] " \
           "<b>not markup</b>." in lines
    assert "O1        defeated   China is an AI superpower that will overtake the US." in lines
    assert "P3        stands     Line one of a claim" in lines
    assert "                     line two of the same claim." in lines
    assert lines[-1] == "12 stand, 4 defeated, 0 undecided (16 nodes)"


def test_eval_text_marks_failed_expectations(tmp_path):
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(EVERY.read_text(encoding="utf-8").replace("expect: out", "expect: in"),
                     encoding="utf-8")
    result = run("eval", wrong)
    assert result.returncode == 0
    assert "O1        defeated   China is an AI superpower that will overtake the US.\n" \
           "          ! expected: stands (AM401)\n" in result.stdout


def test_eval_json_is_the_documented_document():
    result = run("eval", EVERY, "--format", "json")
    document = json.loads(result.stdout)
    assert set(document) == {"version", "semantics", "maps", "labellings", "counts", "nodes"}
    assert document["version"] == 1 and document["labellings"] == 1
    assert document["counts"] == {"in": 12, "out": 4, "undecided": 0}
    o1 = next(node for node in document["nodes"] if node["id"] == "O1")
    assert o1 == {"key": "O1", "map": "every_kind", "id": "O1", "kind": "objection",
                  "label": "out", "credulous": False, "expect": "out", "unsupported": False,
                  "attackers": ["O1.C1", "O1.R1"]}


def test_maps_evaluated_together_are_keyed_by_map():
    document = json.loads(run("eval", EVERY, OTHER, "-f", "json").stdout)
    keys = [node["key"] for node in document["nodes"]]
    assert keys[0] == "every_kind:T" and keys[-1] == "other:T"
    assert [m["id"] for m in document["maps"]] == ["every_kind", "other"]


def test_preferred_counts_labellings_and_marks_credulous_nodes(tmp_path):
    ring = cycle_map(tmp_path, 4)
    grounded = json.loads(run("eval", ring, "-f", "json").stdout)
    preferred = run("eval", ring, "--semantics", "preferred")
    assert grounded["counts"] == {"in": 0, "out": 0, "undecided": 5}
    assert preferred.stdout.splitlines()[0].startswith("ring: preferred semantics, 2 labelling(s)")
    assert "! stands in some preferred labellings, not all" in preferred.stdout
    # Every preferred labelling has two objections in, so the thesis is out in all of them.
    assert "\nT   defeated   t\n" in preferred.stdout
    assert preferred.stdout.endswith("0 stand, 1 defeated, 4 undecided (5 nodes)\n")


def test_no_stable_labelling_is_said_plainly(tmp_path):
    result = run("eval", cycle_map(tmp_path, 3), "--semantics", "stable")
    assert result.returncode == 0
    assert "no stable labelling exists" in result.stdout.splitlines()[0]


def test_search_too_large_is_refused_with_the_limit_and_grounded_suggested(tmp_path):
    result = run("eval", cycle_map(tmp_path, 30), "--semantics", "preferred")
    assert result.returncode == 2
    assert "searches at most 25" in result.stderr
    assert "--semantics grounded" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_semantics_and_format_are_usage_errors():
    assert run("eval", EVERY, "--semantics", "ideal").returncode == 2
    bad = run("eval", EVERY, "--format", "xml")
    assert bad.returncode == 2 and "unknown format `xml`" in bad.stderr


def test_explain_prints_the_dialectical_tree_and_cuts_cycles():
    result = run("explain", EVERY, "O1.R1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "O1.R1 stands: every attacker is out (`O2`).\n"
        "O1.R1 stands  A rebuttal that also attacks O2, which attacks it back (a cycle).\n"
        "└── O2 defeated  The protests changed nothing.\n"
        "    ├── O1.R1 stands  (see above)\n"
        "    └── O2.C1 stands  An answer to O2.\n")


def test_explain_shows_claims_verbatim_not_as_markup():
    result = run("explain", EVERY, "T")
    assert "T stands  Data power in China is contested, not monolithic [bold] <b>not markup</b>." \
        in result.stdout
    assert "O1 defeated" in result.stdout and "O1.C1 stands" in result.stdout


def test_explain_unknown_id_suggests_the_nearest():
    result = run("explain", EVERY, "O1.R2")
    assert result.returncode == 2
    assert "has no node `O1.R2`" in result.stderr
    assert "Did you mean `O1.R1`" in result.stderr


def test_a_map_named_twice_is_evaluated_once():
    document = json.loads(run("eval", EVERY, str(EVERY), "-f", "json").stdout)
    assert len(document["maps"]) == 1 and document["nodes"][0]["key"] == "T"


def test_explain_under_preferred_says_the_labellings_disagree(tmp_path):
    result = run("explain", cycle_map(tmp_path, 4), "O0", "--semantics", "preferred")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("O0 is undecided: its preferred labellings disagree on it")


def test_eval_wraps_claims_to_the_terminal_under_their_column():
    result = subprocess.run([sys.executable, "-m", "argmap", "eval", "qiu"], capture_output=True,
                            text=True, timeout=60, env={**os.environ, "COLUMNS": "80"})
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    t_lines = result.stdout.split("\nP1 ")[0].splitlines()[2:]
    assert t_lines[0].startswith("T            stands     China's data power")
    assert all(line.startswith(" " * 24) for line in t_lines[1:])


def test_eval_only_lists_the_chosen_nodes_but_counts_all():
    result = run("eval", EVERY, "--only", "defeated")
    listed = [line.split()[0] for line in result.stdout.splitlines()[2:-2] if line.strip()]
    assert listed == ["P4.C1", "O1", "O2", "R1"]
    assert result.stdout.endswith("12 stand, 4 defeated, 0 undecided (16 nodes)\n")
    assert run("eval", EVERY, "--only", "wrong").returncode == 2


def test_eval_summary_lists_only_unexpected_nodes(tmp_path):
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(EVERY.read_text(encoding="utf-8").replace("expect: out", "expect: in"),
                     encoding="utf-8")
    result = run("eval", wrong, "--summary")
    assert result.stdout.splitlines()[2:4] == [
        "O1        defeated   China is an AI superpower that will overtake the US.",
        "          ! expected: stands (AM401)"]
    assert result.stdout.endswith("12 stand, 4 defeated, 0 undecided (16 nodes)\n")
