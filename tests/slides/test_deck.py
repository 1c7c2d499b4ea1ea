"""Decks of the bundled maps, measured from their files as a projector would show them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.slides.deck import MIN_TEXT, WIDTH

pytestmark = pytest.mark.graphviz

MAPS = ("qiu", "arsene", "he_shen")
_SIZE = re.compile(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([0-9. ]+)"')
_FONT = re.compile(r'font-size="([0-9.]+)"')
_SCALE = re.compile(r'transform="scale\(([0-9.]+) ([0-9.]+)\)')


def slides(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "slides", *args],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module", params=MAPS)
def deck(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         ) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("decks") / request.param
    # PNGs are left out to keep the suite quick; `test_a_png_is_a_1080p_slide` draws one.
    result = slides(request.param, "-o", str(folder), "--no-png")
    assert result.returncode == 0, result.stderr
    return request.param, folder


def measure(svg: str) -> tuple[float, float]:
    """The slide's shape (width / height) and its smallest text in pixels at 1920 wide."""
    found = _SIZE.search(svg)
    assert found is not None
    width, height = float(found.group(1)), float(found.group(2))
    view_width = float(found.group(3).split()[2])
    scale = _SCALE.search(svg)
    factor = float(scale.group(1)) if scale else 1.0
    smallest = min(float(size) for size in _FONT.findall(svg))
    return width / height, smallest * factor * WIDTH / view_width


def test_every_slide_is_16_9_with_no_text_below_the_floor(deck):
    name, folder = deck
    svgs = sorted(folder.glob(f"{name}-*.svg"))
    assert len(svgs) >= 2  # an overview and at least one branch
    for svg in svgs:
        ratio, smallest = measure(svg.read_text(encoding="utf-8"))
        assert ratio == pytest.approx(16 / 9, rel=0.01), svg.name
        assert smallest >= MIN_TEXT - 0.05, f"{svg.name}: text of {smallest:.1f} px"


def test_the_pdf_has_a_page_per_slide(deck):
    from pypdf import PdfReader

    name, folder = deck
    pages = PdfReader(folder / f"{name}.pdf").pages
    assert len(pages) == len(list(folder.glob(f"{name}-*.svg")))
    box = pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)


def test_each_slide_has_its_number_title_and_source(deck):
    name, folder = deck
    svgs = sorted(folder.glob(f"{name}-*.svg"))
    for number, svg in enumerate(svgs, 1):
        text = svg.read_text(encoding="utf-8")
        assert f"Slide {number} of {len(svgs)}" in text
    assert "Overview" in svgs[0].read_text(encoding="utf-8")


def test_every_node_of_the_map_is_drawn_in_full_on_some_slide(deck):
    from argmap.loader import load
    from argmap.names import resolve

    name, folder = deck
    drawn = "".join(svg.read_text(encoding="utf-8") for svg in folder.glob("*.svg"))
    titles = set(re.findall(r"<title>([^<]+)</title>", drawn))
    missing = [node_id for node_id in load(resolve(name)).index() if node_id not in titles]
    assert not missing


def test_a_continued_node_names_a_later_slide_that_draws_more_of_it(deck):
    name, folder = deck
    svgs = sorted(folder.glob(f"{name}-*.svg"))
    marks = 0
    for number, svg in enumerate(svgs, 1):
        for later in re.findall(r"more on slide (\d+)", svg.read_text(encoding="utf-8")):
            marks += 1
            assert number < int(later) <= len(svgs)
    assert marks >= len(svgs) // 3
