"""`argmap render` as a user runs it: where files go, what happens without Graphviz."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
EVERY_KIND = str(FIXTURES / "valid" / "every_kind.yaml")


def run(*args: str, cwd: Path | None = None,
        path: str | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if path is not None:
        env["PATH"] = path
    return subprocess.run([sys.executable, "-m", "argmap", "render", *args], capture_output=True,
                          cwd=cwd, env=env, timeout=120)


def fake_dot(folder: Path, script: str) -> str:
    folder.mkdir()
    program = folder / "dot"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(0o755)
    return str(folder)


def test_dot_source_needs_no_graphviz(tmp_path):
    result = run(EVERY_KIND, "--dot", "-o", "-", path=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b'digraph "every_kind" {')


def test_the_file_name_can_choose_the_format(tmp_path):
    target = tmp_path / "map.dot"
    result = run(EVERY_KIND, "-o", str(target), path=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("digraph")


def test_missing_graphviz_says_how_to_install_it(tmp_path):
    target = tmp_path / "map.svg"
    result = run(EVERY_KIND, "--svg", "-o", str(target), path=str(tmp_path))
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert stderr.startswith("argmap: error: Graphviz (the `dot` program) is not installed\n")
    for way in ("make install", "apt-get install graphviz", "brew install graphviz", "--dot"):
        assert way in stderr
    assert "Traceback" not in stderr
    assert not target.exists()


def test_a_failing_graphviz_leaves_the_old_file(tmp_path):
    target = tmp_path / "out" / "map.svg"
    target.parent.mkdir()
    target.write_text("the old drawing")
    bogus = fake_dot(tmp_path / "bin", "echo 'Error: <stdin>: syntax error "
                                      "in line 3' >&2\nprintf '<svg'\nexit 1\n")
    result = run(EVERY_KIND, "--svg", "-o", str(target), path=bogus)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert "Graphviz `dot -Tsvg` failed (exit status 1): Error: <stdin>: syntax error" in stderr
    assert "Traceback" not in stderr
    assert target.read_text() == "the old drawing"
    assert os.listdir(target.parent) == ["map.svg"]


def test_without_names_every_project_map_goes_to_build(tmp_path):
    (tmp_path / "maps").mkdir()
    for name in ("every_kind.yaml", "other.yaml"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / "maps" / name)
    result = run("--dot", cwd=tmp_path, path=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == ["every_kind.dot",
                                                                       "other.dot"]
    assert "wrote build/every_kind.dot" in result.stderr.decode()


def test_without_a_maps_folder_the_bundled_maps_are_drawn(tmp_path):
    result = run("--dot", "-o", "drawings", cwd=tmp_path, path=str(tmp_path))
    assert result.returncode == 0, result.stderr
    drawn = sorted(p.name for p in (tmp_path / "drawings").iterdir())
    assert drawn == ["arsene.dot", "he_shen.dot", "qiu.dot"]


@pytest.mark.parametrize("args", [
    ["--svg", "--png"],
    ["--png", "-o", "map.svg"],
    ["--ratio", "wide"],
    ["--theme", "neon"],
    ["--direction", "up"],
])
def test_usage_errors_exit_2(tmp_path, args):
    result = run(EVERY_KIND, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(b"argmap: error: ") or b"Usage:" in result.stderr
    assert not list(tmp_path.iterdir())


def test_standard_output_takes_one_map(tmp_path):
    result = run(EVERY_KIND, str(FIXTURES / "valid" / "other.yaml"), "--dot", "-o", "-")
    assert result.returncode == 2
    assert b"-o - writes one drawing to standard output" in result.stderr


def test_a_broken_map_exits_1_with_its_position(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: bad\ntitle: t\nthesis:\n  id: T\n  cliam: x\n")
    result = run(str(bad), "--dot", "-o", str(tmp_path / "bad.dot"))
    assert result.returncode == 1
    assert f"{bad}:6:3:".encode() in result.stderr
    assert not (tmp_path / "bad.dot").exists()


@needs_dot
@pytest.mark.graphviz
def test_svg_to_a_named_file_is_the_same_every_time(tmp_path):
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    assert run(EVERY_KIND, "-o", str(first)).returncode == 0
    assert run(EVERY_KIND, "--svg", "-o", str(second)).returncode == 0
    assert ET.parse(first).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert first.read_bytes() == second.read_bytes()


@needs_dot
@pytest.mark.graphviz
def test_png_goes_to_standard_output_as_bytes():
    result = run(EVERY_KIND, "--png", "--ratio", "16:9", "--legend", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"\x89PNG\r\n\x1a\n")


def test_a_trailing_slash_makes_a_new_folder_for_one_map(tmp_path):
    result = run(EVERY_KIND, "--dot", "-o", "drawings/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "drawings" / "every_kind.dot").read_text().startswith("digraph")


def test_depth_and_focus_name_their_files_so_slides_do_not_overwrite(tmp_path):
    for args in (["--depth", "1"], ["--focus", "O1"], ["--focus", "O1", "--depth", "0"]):
        result = run(EVERY_KIND, "--dot", "-o", "slides/", *args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "slides").iterdir()) == [
        "every_kind-O1-depth0.dot", "every_kind-O1.dot", "every_kind-depth1.dot"]
    folded = (tmp_path / "slides" / "every_kind-depth1.dot").read_text(encoding="utf-8")
    assert "+3 more" in folded and '"P1.1"' not in folded


def test_an_unknown_focus_exits_2_and_suggests_an_id(tmp_path):
    result = run(EVERY_KIND, "--dot", "--focus", "o1.c1", "-o", str(tmp_path / "m.dot"))
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "argmap: error: no node `o1.c1` in map `every_kind`\n"
        "  hint: Did you mean O1.C1? Node ids are case-sensitive, e.g. `T`, `P1`, `O1.C1`.\n")
    assert not (tmp_path / "m.dot").exists()


def test_status_colours_nodes_by_the_grounded_labels():
    from argmap.loader import load
    from argmap.model import Label
    from argmap.renderers.dot_style import THEMES
    from argmap.semantics import labels_for
    from tests.renderers.test_dot import statements

    result = run(EVERY_KIND, "--dot", "--status", "-o", "-")
    assert result.returncode == 0, result.stderr
    nodes, _ = statements(result.stdout.decode())
    labels = labels_for(load(EVERY_KIND))
    status = THEMES["light"].status
    assert {node_id: nodes[node_id]["fillcolor"] for node_id in labels} == {
        node_id: status[label] for node_id, label in labels.items()}
    assert {labels["T"], labels["O1"]} == {Label.IN, Label.OUT}
    assert "~legend defeated" in nodes


def test_status_says_under_the_title_why_the_thesis_falls():
    falls = str(FIXTURES / "valid" / "thesis_falls.yaml")
    result = run(falls, "--dot", "--status", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "The thesis T is defeated: attacked by O1, which stands." in result.stdout.decode()
    stands = run(EVERY_KIND, "--dot", "--status", "-o", "-").stdout.decode()
    assert "The thesis" not in stands  # nothing to explain when it stands
    plain = run(falls, "--dot", "-o", "-").stdout.decode()
    assert "defeated" not in plain  # no verdict without --status


def svg_ratio(svg: bytes) -> float:
    root = ET.fromstring(svg)
    return float(root.get("width", "").removesuffix("pt")) / float(
        root.get("height", "").removesuffix("pt"))


@needs_dot
@pytest.mark.graphviz
@pytest.mark.parametrize("args", [
    ["qiu", "--depth", "1"], ["arsene", "--depth", "1"], ["he_shen", "--depth", "1"],
    ["he_shen", "--depth", "1", "--legend", "--status"], ["qiu", "--focus", "O1"],
    [EVERY_KIND],
])
@pytest.mark.parametrize("ratio", ["16:9", "4:3"])
def test_the_ratio_asked_for_is_the_ratio_drawn(args, ratio):
    result = run(*args, "--svg", "--ratio", ratio, "-o", "-")
    assert result.returncode == 0, result.stderr
    width, height = map(int, ratio.split(":"))
    assert svg_ratio(result.stdout) == pytest.approx(width / height, rel=0.01)


@needs_dot
@pytest.mark.graphviz
def test_the_collapsed_atlas_is_drawn_at_the_ratio_asked_for():
    result = subprocess.run([sys.executable, "-m", "argmap", "atlas", "--collapse", "--svg",
                             "--ratio", "16:9", "-o", "-"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert svg_ratio(result.stdout) == pytest.approx(16 / 9, rel=0.01)


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@needs_dot
@pytest.mark.graphviz
def test_a_png_is_drawn_at_twice_screen_resolution_unless_dpi_says_otherwise():
    svg = run(EVERY_KIND, "--svg", "-o", "-").stdout
    points = float(ET.fromstring(svg).get("width", "").removesuffix("pt"))
    sizes = {}
    for dpi in (None, "96", "300"):
        result = run(EVERY_KIND, "--png", "-o", "-", *(["--dpi", dpi] if dpi else []))
        assert result.returncode == 0, result.stderr
        sizes[dpi] = png_size(result.stdout)
    assert sizes[None][0] == pytest.approx(points / 72 * 192, abs=3)
    assert sizes["96"][0] == pytest.approx(points / 72 * 96, abs=3)
    assert sizes["300"][0] == pytest.approx(points / 72 * 300, abs=3)


def test_dpi_is_refused_for_anything_but_png(tmp_path):
    result = run(EVERY_KIND, "--svg", "--dpi", "200", "-o", str(tmp_path / "m.svg"))
    assert result.returncode == 2
    assert b"--dpi sets the pixels of a PNG" in result.stderr
    assert not list(tmp_path.iterdir())


def test_several_drawings_refuse_a_single_file_name(tmp_path):
    for args in ([EVERY_KIND, str(FIXTURES / "valid" / "other.yaml"), "--dot"],
                 [EVERY_KIND, "--focus", "O1", "--focus", "P1", "--dot"]):
        result = run(*args, "-o", "one.dot", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.decode().startswith(
            "argmap: error: -o one.dot: 2 drawings need a folder, not one file name\n")
        assert not list(tmp_path.iterdir())


def test_focus_given_twice_draws_one_file_per_focus(tmp_path):
    result = run(EVERY_KIND, "--dot", "--focus", "O1", "--focus", "P1", "--focus", "O1",
                 "-o", "slides/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    drawn = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "slides").iterdir()}
    assert sorted(drawn) == ["every_kind-O1.dot", "every_kind-P1.dot"]
    assert drawn["every_kind-O1.dot"] != drawn["every_kind-P1.dot"]
    alone = run(EVERY_KIND, "--dot", "--focus", "P1", "-o", "-").stdout.decode()
    assert drawn["every_kind-P1.dot"] == alone
