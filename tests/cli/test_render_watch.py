"""`argmap render --watch`: a slide redrawn on every save, a broken save leaving it alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.graphviz
MAP = ("argmap: 1\nid: w\ntitle: Watched\nthesis:\n  id: T\n  claim: The first wording.\n"
       "  source: {section: A, para: 1}\n")


def save_until(path: Path, text: str, check, seconds: float = 30) -> bool:
    """Save `text` (again every second, as the watcher may still be starting) until
    `check` holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path.write_text(text, encoding="utf-8")
        for _ in range(10):
            if check():
                return True
            time.sleep(0.1)
    return False


def test_each_save_redraws_and_a_broken_save_keeps_the_last_drawing(tmp_path: Path):
    source, slide = tmp_path / "w.yaml", tmp_path / "w.svg"
    source.write_text(MAP, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", str(source), "--svg", "-o", str(slide),
         "--watch"], stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert "wrote" in process.stderr.readline()
        assert "watching for saves" in process.stderr.readline()
        assert "first wording" in slide.read_text()
        assert save_until(source, MAP.replace("first wording", "second wording"),
                          lambda: "second wording" in slide.read_text())
        source.write_text(MAP.replace("first wording", "second wording") + "  claim: twice\n",
                          encoding="utf-8")
        lines = [process.stderr.readline()]
        while lines[-1] and not lines[-1].startswith("argmap: the drawing was left"):
            lines.append(process.stderr.readline())  # each redraw says "wrote" first
        assert any("AM003" in line for line in lines)
        assert "second wording" in slide.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(15) == 0
    assert "Traceback" not in process.stderr.read()


def test_watch_needs_a_file_to_write(tmp_path: Path):
    source = tmp_path / "w.yaml"
    source.write_text(MAP, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "argmap", "render", str(source), "--svg",
                             "-o", "-", "--watch"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--watch writes files" in result.stderr
