"""Running Graphviz: drawings back as bytes, its errors and warnings as argmap's own."""

from __future__ import annotations

import shutil

import pytest

from argmap.renderers.graphviz_run import GraphvizFailed, GraphvizMissing, run_dot

pytestmark = [pytest.mark.graphviz,
              pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")]


def test_a_drawing_comes_back_as_bytes():
    drawing = run_dot('digraph g { a -> b }', "svg")
    assert drawing.data.startswith(b"<?xml") and drawing.warnings == ()


def test_graphviz_refusing_the_dot_says_what_it_said():
    with pytest.raises(GraphvizFailed) as caught:
        run_dot("digraph g { a [label=<x>> }", "svg")
    assert "exit status 1" in caught.value.message
    assert "syntax error in line 1" in caught.value.message


def test_graphviz_warnings_are_returned_not_printed(capfd: pytest.CaptureFixture[str]):
    drawing = run_dot('digraph g { a [shape=nosuchshape] }', "svg")
    assert any("nosuchshape" in line for line in drawing.warnings)
    assert capfd.readouterr().err == ""


def test_no_graphviz_on_the_path_is_graphviz_missing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(GraphvizMissing):
        run_dot("digraph g { a }", "svg")
