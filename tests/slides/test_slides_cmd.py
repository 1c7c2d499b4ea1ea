"""`argmap slides` as a user runs it: errors, where the deck goes, a PNG for a projector."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

EVERY_KIND = str(FIXTURES / "valid" / "every_kind.yaml")


def slides(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "slides", *args],
                          capture_output=True, text=True, timeout=300)


def test_an_unknown_map_is_a_usage_error_that_names_the_maps():
    result = slides("qiuu", "-o", "never")
    assert result.returncode == 2
    assert "no map named `qiuu`" in result.stderr and "qiu" in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("never").exists()


def test_output_onto_a_file_is_refused_and_the_file_kept(tmp_path):
    target = tmp_path / "talk.pdf"
    target.write_bytes(b"mine")
    result = slides(EVERY_KIND, "-o", str(target))
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr
    assert target.read_bytes() == b"mine"


def test_a_folder_of_other_files_is_not_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    result = slides(EVERY_KIND, "-o", str(tmp_path))
    assert result.returncode == 2
    assert "notes.txt" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "keep me"


@pytest.mark.graphviz
def test_a_png_is_a_1080p_slide_and_a_second_run_replaces_the_deck(tmp_path):
    folder = tmp_path / "deck"
    assert slides(EVERY_KIND, "-o", str(folder)).returncode == 0
    png = (folder / "every_kind-01.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert abs(width - 1920) <= 2 and abs(height - 1080) <= 2
    (folder / "every_kind-99.svg").write_text("from an older deck")
    result = slides(EVERY_KIND, "-o", str(folder), "--no-pdf", "--no-png")
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in folder.iterdir())
    assert names and all(name.endswith(".svg") for name in names)
    assert "every_kind-99.svg" not in names
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


@pytest.mark.graphviz
def test_status_colours_the_slides_and_their_key(tmp_path):
    folder = tmp_path / "deck"
    result = slides(EVERY_KIND, "-o", str(folder), "--status", "--no-png", "--no-pdf")
    assert result.returncode == 0, result.stderr
    first = (folder / "every_kind-01.svg").read_text(encoding="utf-8")
    assert "stands" in first or "defeated" in first


def test_without_graphviz_the_earlier_deck_is_left_as_it_was(tmp_path):
    import os

    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "every_kind-01.svg").write_text("the earlier deck")
    env = {**os.environ, "PATH": str(tmp_path / "no-such-bin")}
    result = subprocess.run([sys.executable, "-m", "argmap", "slides", EVERY_KIND,
                             "-o", str(folder)], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 2
    assert "Graphviz" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in folder.iterdir()] == ["every_kind-01.svg"]
    assert (folder / "every_kind-01.svg").read_text() == "the earlier deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck"]


def test_a_branch_too_deep_for_slides_is_refused_with_what_to_do_instead(tmp_path):
    from argmap.slides.plan import MAX_DEPTH

    lines = ["argmap: 1", "id: chain", "title: A long chain", "thesis:", "  id: T",
             "  claim: The thesis.", "objections:", "  - id: O1", "    claim: An objection.",
             "rebuttals:"]
    for i in range(1, MAX_DEPTH + 2):  # each answers the one before: one level deeper
        lines += [f"  - id: R{i}", f"    claim: Answer {i}.",
                  f"    attacks: [{f'R{i - 1}' if i > 1 else 'O1'}]"]
    source = tmp_path / "chain.yaml"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = slides(str(source), "-o", str(tmp_path / "deck"))
    assert result.returncode == 1, result.stderr
    assert f"`R{MAX_DEPTH + 1}` hangs {MAX_DEPTH + 2} levels below the thesis" in result.stderr
    assert "argmap render chain --focus" in result.stderr
    assert not (tmp_path / "deck").exists()


def test_status_says_on_the_overview_why_the_thesis_falls(tmp_path):
    deck = tmp_path / "deck"
    result = slides(str(FIXTURES / "valid" / "thesis_falls.yaml"), "-o", str(deck),
                    "--status", "--no-png", "--no-pdf")
    assert result.returncode == 0, result.stderr
    overview, *rest = sorted(deck.glob("*.svg"))
    assert rest  # the objection's branch has a slide of its own
    said = "The thesis T is defeated: attacked by O1, which stands."
    assert said in overview.read_text(encoding="utf-8")
    assert all(said not in svg.read_text(encoding="utf-8") for svg in rest)
