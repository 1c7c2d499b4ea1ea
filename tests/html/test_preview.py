"""`argmap preview` in a real browser: a save redraws the open page, a broken save shows
its findings over the last good drawing, and Ctrl-C stops the server cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import FIXTURES
from tests.html.browser import browser, settled, watch

pytestmark = [pytest.mark.graphviz, pytest.mark.browser]
MAP = FIXTURES / "diff" / "base.yaml"


@pytest.fixture
def server(tmp_path):
    path = tmp_path / "lecture.yaml"
    path.write_bytes(MAP.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "preview", str(path)], cwd=tmp_path,
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = process.stderr.readline()
    assert "previewing" in line, line
    url = line.split(" at ", 1)[1].split(" ", 1)[0]
    assert url.startswith("http://127.0.0.1:")
    yield path, url, process
    if process.poll() is None:
        process.kill()
        process.wait(10)


def save_until(page, path, text: str, selector: str, seconds: float = 40) -> None:
    """Save `text`, again every few seconds (the watcher may still be starting on a busy
    machine), until `selector` is on the page."""
    deadline = time.monotonic() + seconds
    while True:
        path.write_text(text)
        try:
            page.wait_for_selector(selector, timeout=4_000)
            return
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise


def test_a_save_redraws_the_page_and_keeps_zoom_and_selection(server):
    path, url, process = server
    with browser() as launched:
        page = launched.new_page(viewport={"width": 1400, "height": 900})
        watched = watch(page)
        page.goto(url + "#P1")
        page.wait_for_selector("body[data-ready]")
        scale = "document.querySelector('#drawing .svg-pan-zoom_viewport').getCTM().a"
        before = settled(page, scale)
        page.click("#zoom-in")
        zoom = settled(page, scale)
        assert zoom == pytest.approx(before * 1.25, rel=1e-3)  # one step of the button
        # The page's policy forbids evaluating strings, so wait on elements, not on scripts.
        save_until(page, path, path.read_text().replace(
            "Practice at home fixes what was taught in class.",
            "Practice at home fixes what pupils learnt in class."),
            'li[data-node="P1"] .claim >> text=pupils learnt')
        assert "pupils learnt" in page.locator("#drawing").inner_html()
        assert page.locator("#details h2").inner_text() == "P1"  # still selected
        assert settled(page, scale) == pytest.approx(zoom, rel=1e-6)  # zoom kept

        path.write_text(path.read_text().replace("  claim: Homework helps pupils learn.\n",
                                                 "  claim: Homework helps pupils learn.\n"
                                                 "  claim: twice\n"))
        page.wait_for_selector("#findings:not([hidden])", timeout=20_000)
        assert "AM003" in page.locator("#findings").inner_text()
        assert "pupils learnt" in page.locator("#drawing").inner_html()  # the last good one

        path.write_text(path.read_text().replace("  claim: twice\n", ""))
        page.wait_for_selector("#findings[hidden]", state="attached", timeout=20_000)
        assert watched.console == []
        assert all(request.startswith(url) for request in watched.requests)
    process.send_signal(signal.SIGINT)
    assert process.wait(15) == 0
    assert "Traceback" not in process.stderr.read()
