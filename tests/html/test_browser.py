"""The page in a real browser: opened from disk, clicked, searched, linked to, attacked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.html.browser import browser, watch

pytestmark = [pytest.mark.graphviz, pytest.mark.browser]
HOSTILE = FIXTURES / "valid" / "hostile_page.yaml"


def write_page(source: str | Path, out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "argmap", "html", str(source), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def chromium_browser():
    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def qiu_page(tmp_path_factory) -> Path:
    return write_page("qiu", tmp_path_factory.mktemp("qiu") / "qiu.html")


def open_page(chromium_browser, path: Path, fragment: str = "", width: int = 1400):
    page = chromium_browser.new_page(viewport={"width": width, "height": 900})
    watched = watch(page)
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("body[data-ready]")
    return watched


def test_clicking_a_node_in_the_drawing_shows_its_details(chromium_browser, qiu_page):
    watched = open_page(chromium_browser, qiu_page)
    page = watched.page
    page.click("#zoom-fit")
    page.locator('g.node[data-node="O1"]').click()
    details = page.locator("#details")
    assert details.locator("h2").inner_text() == "O1"
    assert details.locator(".kind").inner_text() == "Objection"
    text = details.inner_text()
    assert "Held by\nKai-Fu Lee" in text
    assert "Status\ndefeated: attacked by" in text
    assert "Where\n§ AI Superpower?, ¶1" in text
    assert page.evaluate("location.hash") == "#O1"
    assert page.locator('li[data-node="O1"]').get_attribute("class") == "selected"
    assert watched.console == [] and watched.requests == [qiu_page.as_uri()]


def test_a_link_to_a_node_opens_the_page_on_it(chromium_browser, qiu_page):
    watched = open_page(chromium_browser, qiu_page, "#O1.C2")
    page = watched.page
    assert page.locator("#details h2").inner_text() == "O1.C2"
    assert "selected" in page.locator('g.node[data-node="O1.C2"]').get_attribute("class")
    assert page.locator('li[data-node="O1.C2"]').is_visible()
    # Following a link in the details moves to that node.
    page.locator("#details a", has_text="O1").first.click()
    page.locator("#details h2", has_text="O1").wait_for()
    assert page.locator("#details h2").inner_text() == "O1"
    assert page.evaluate("location.hash") == "#O1"
    assert watched.console == []


def test_search_highlights_and_filters(chromium_browser, qiu_page):
    watched = open_page(chromium_browser, qiu_page)
    page = watched.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("hong kong")
    assert page.locator("#hits").inner_text().endswith("matches")
    marks = page.locator("#tree mark").all_inner_texts()
    assert marks and all(m.lower() == "hong kong" for m in marks)
    visible = [li for li in page.locator("#tree li[role=treeitem]").all() if li.is_visible()]
    assert len(visible) < 20  # filtered to the matches and the path to them
    assert page.locator("#drawing.searching g.node.hit").count() >= 1
    page.keyboard.press("Enter")
    assert "hong kong" in page.locator("#details").inner_text().lower()
    page.keyboard.press("Escape")
    assert page.locator("#tree mark").count() == 0


def test_the_outline_is_driven_by_the_keyboard(chromium_browser, qiu_page):
    page = open_page(chromium_browser, qiu_page).page
    page.locator('li[data-node="T"]').focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.node") == "P1"
    page.keyboard.press("Enter")
    assert page.locator("#details h2").inner_text() == "P1"
    page.keyboard.press("ArrowLeft")  # fold P1
    assert page.locator('li[data-node="P1"]').get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowLeft")  # then up to the thesis
    assert page.evaluate("document.activeElement.dataset.node") == "T"


def test_hostile_text_shows_as_typed_and_runs_nothing(chromium_browser, tmp_path):
    path = write_page(HOSTILE, tmp_path / "hostile.html")
    watched = open_page(chromium_browser, path, "#T")
    page = watched.page
    assert page.evaluate("window.pwned") is None
    assert page.locator("#details .claimtext").inner_text() == (
        "<script>window.pwned = 'claim'</script> stays text")
    assert "</script><script>window.pwned = 'quote'</script>" in page.locator(
        "#details blockquote").inner_text()
    page.locator('li[data-node="O1"] > .row').click()
    assert "<svg onload=" in page.locator("#details").inner_text()
    assert page.title() == "A </title><script>window.pwned = 'title'</script> map"
    assert page.evaluate("window.pwned") is None
    assert watched.console == []
    assert watched.requests == [path.as_uri()]


def test_phone_width_stacks_the_page(chromium_browser, qiu_page):
    page = open_page(chromium_browser, qiu_page, "#P1", width=390).page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the screen
    pane = page.locator("#pane").bounding_box()
    details = page.locator("#details").bounding_box()
    assert details["y"] >= pane["y"] + pane["height"] - 1  # details below the drawing
