"""`argmap html`: the page's text, its policy, and the site, read without a browser."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.html.data import script_json
from argmap.html.page import clean_svg
from tests.conftest import BUNDLED, FIXTURES

HOSTILE = FIXTURES / "valid" / "hostile_page.yaml"
pytestmark = pytest.mark.graphviz


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120, env=dict(os.environ))


class Scripts(HTMLParser):
    """Every <script> element's type and text, and every element's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[str | None, str]] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.attrs.extend((tag, name, value) for name, value in attrs)
        if tag == "script":
            self._in = dict(attrs).get("type") or "text/javascript"
            self.scripts.append((self._in, ""))

    def handle_data(self, data):
        if self._in is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("page") / "hostile.html"
    result = run("html", HOSTILE, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_user_text_reaches_the_page_only_as_data(hostile_page):
    parser = Scripts()
    parser.feed(hostile_page)
    kinds = [kind for kind, _ in parser.scripts]
    # Exactly our three scripts: the data block and two inline scripts, none from the map.
    assert kinds == ["application/json", "text/javascript", "text/javascript"]
    data = json.loads(parser.scripts[0][1])
    thesis = data["nodes"][0]
    assert thesis["claim"] == "<script>window.pwned = 'claim'</script> stays text"
    assert thesis["quote"] == "</script><script>window.pwned = 'quote'</script>"
    assert data["nodes"][1]["claim"] == (
        "Line one\nline two, 数据劳动, [brackets] and \u2028 a separator")
    assert not any(name.startswith("on") for _, name, _ in parser.attrs)
    assert "<title>A &lt;/title&gt;&lt;script&gt;window.pwned = &#x27;title&#x27;&lt;/script&gt;" \
        " map</title>" in hostile_page


def test_the_page_loads_nothing_and_allows_only_its_own_scripts(hostile_page):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                       hostile_page).group(1)
    assert policy.startswith("default-src &#x27;none&#x27;; script-src &#x27;sha256-")
    assert "unsafe-inline" not in policy and "connect-src" not in policy
    # No address the browser could fetch: no src= or href= to another place.
    for tag, name, value in _attrs(hostile_page):
        if name in ("src", "href", "xlink:href"):
            assert value.startswith("#") or value.endswith(".html"), (tag, name, value)


def _attrs(page: str) -> list[tuple[str, str, str | None]]:
    parser = Scripts()
    parser.feed(page)
    return parser.attrs


def test_script_json_cannot_close_its_element():
    text = script_json({"claim": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"claim": "</script><!-- & \u2028"}


def test_clean_svg_marks_nodes_and_drops_what_html_does_not_need():
    svg = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x" "y">\n<!-- P1 -->\n'
           '<svg width="10pt" height="20pt" viewBox="0 0 10 20">\n<!-- T -->\n'
           '<g id="node1" class="node">\n<title>P1</title>\n</g>\n'
           '<g id="node2" class="node">\n<title>~ref other:T</title>\n</g></svg>')
    cleaned = clean_svg(svg, {"P1"})
    assert cleaned.startswith('<svg id="drawing" role="img" viewBox="0 0 10 20">')
    assert '<g id="node1" class="node" data-node="P1" tabindex="-1"><title>P1</title>' in cleaned
    assert '<g id="node2" class="node">' in cleaned  # not a node of this map
    assert "<!--" not in cleaned


def test_site_has_an_index_the_atlas_and_links_between_maps(tmp_path):
    result = run("html", "--all", "-o", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert names == ["arsene.html", "atlas.html", "he_shen.html", "index.html", "qiu.html"]
    index = (tmp_path / "site" / "index.html").read_text()
    for name in ("qiu", "arsene", "he_shen", "atlas"):
        assert f'href="{name}.html"' in index
    qiu = (tmp_path / "site" / "qiu.html").read_text()
    data = json.loads(first_json(qiu))
    hrefs = {link["href"] for node in data["nodes"] for link in node["links"]}
    assert any(href and href.startswith("he_shen.html#") for href in hrefs)


def first_json(page: str) -> str:
    parser = Scripts()
    parser.feed(page)
    return parser.scripts[0][1]


def test_usage_errors(tmp_path):
    both = run("html", "qiu", "--all", cwd=tmp_path)
    assert both.returncode == 2 and "name one map, or give --all" in both.stderr
    (tmp_path / "out").mkdir()
    folder = run("html", "qiu", "-o", tmp_path / "out", cwd=tmp_path)
    assert folder.returncode == 2 and "is a folder" in folder.stderr


def test_a_map_that_does_not_load_writes_nothing(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text((BUNDLED / "qiu.yaml").read_text() + "\nthesis: again\n")
    target = tmp_path / "page.html"
    target.write_text("the old page")
    result = run("html", broken, "-o", target)
    assert result.returncode == 1
    assert "AM003" in result.stderr
    assert target.read_text() == "the old page"
