"""Markdown outline: the tree as nested lists, user text escaped."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from argmap.exporters import exporter
from argmap.exporters.markdown import escape
from argmap.loader import load
from tests.conftest import FIXTURES

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"


@pytest.mark.parametrize(("text", "shown"), [
    ("*em* _em_ [link](x) <b>", r"\*em\* \_em\_ \[link\](x) \<b\>"),
    ("# not a heading | pipe & amp", r"\# not a heading \| pipe \& amp"),
    ("`code` ~strike~ back\\slash", r"\`code\` \~strike\~ back\\slash"),
    ("- not a list", r"\- not a list"),
    ("1. not a list either", r"1\. not a list either"),
    ("996.ICU (fine)", "996.ICU (fine)"),
    ("===", r"\==="),
])
def test_escape(text, shown):
    assert escape(text) == shown


def test_outline_of_every_kind():
    text = exporter("markdown")(load(EVERY_KIND)).text
    assert text.startswith(
        "# Every kind of node, and text that must survive every output\n\n"
        "Source: Ada Example and 李 明, A Paper Written for the Tests, 2024.\n\n"
        "The thesis stands because the objection's counterexample is unanswered.\n\n"
        "## Thesis\n\n"
        "- **T** thesis: Data power in China is contested, not monolithic \\[bold\\] "
        "\\<b\\>not markup\\</b\\>. (§ Introduction, ¶1)\n")
    assert ("    - **P1.1** supports: 数据劳动 (data labour) is cheap \\& unprotected \\| a "
            "pipe, a \"quote\" and a \\\\ backslash. (§ Labour, ¶3)\n") in text
    assert "    > the code word “996”\n" in text


def test_linked_premises_and_line_breaks():
    text = exporter("markdown")(load(EVERY_KIND)).text
    assert "  - **P2** supports only together with **P3**: Every data regime" in text
    assert ("  - **P3** supports only together with **P2**: Line one of a claim\\\n"
            "    line two of the same claim. (p. 12)\n") in text


def test_sections_and_declared_edges():
    text = exporter("markdown")(load(EVERY_KIND)).text
    assert ("## Objections\n\n- **O1** objection, held by Kai-Fu Lee: China is an AI "
            "superpower that will overtake the US.") in text
    assert "    - *also attacks* `O2`\n" in text
    assert "    - *also supports* `other:T`\n" in text
    assert "## Rebuttals standing alone\n\n- **R1** rebuts:" in text


URL_CLAIM = ("The Great Firewall is documented at https://en.wikipedia.org/wiki/Great_Firewall "
             "today; see (https://x.org/a_b*c[d]~e) and https://en.wikipedia.org/wiki/Foo_(bar).")
URLS = ["https://en.wikipedia.org/wiki/Great_Firewall", "https://x.org/a_b*c[d]~e",
        "https://en.wikipedia.org/wiki/Foo_(bar)"]


def test_urls_become_autolinks_that_keep_every_character():
    assert escape(URL_CLAIM) == (
        "The Great Firewall is documented at <https://en.wikipedia.org/wiki/Great_Firewall> "
        "today; see (<https://x.org/a_b*c[d]~e>) and "
        "<https://en.wikipedia.org/wiki/Foo_(bar)>.")


def test_urls_are_working_links_in_commonmark():
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    links: list[tuple[str, str]] = []

    class Links(HTMLParser):
        href = ""

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.href = dict(attrs)["href"]

        def handle_data(self, data):
            if self.href:
                links.append((self.href, data))
                self.href = ""

    Links().feed(MarkdownIt("commonmark").render(escape(URL_CLAIM)))
    from urllib.parse import unquote

    assert [(unquote(href), text) for href, text in links] == [(url, url) for url in URLS]


@pytest.mark.skipif(shutil.which("cmark-gfm") is None, reason="cmark-gfm is not installed")
def test_urls_are_working_links_with_github_autolinks():
    html = subprocess.run(["cmark-gfm", "-e", "autolink"], input=escape(URL_CLAIM),
                          capture_output=True, text=True, check=True).stdout
    assert "%5C" not in html and "\\" not in html
    for url in URLS:
        assert f">{url}</a>" in html


def test_undercuts_and_concessions_are_said_in_words():
    from argmap.exporters import exporter
    from argmap.loader import load
    from tests.conftest import FIXTURES

    text = exporter("markdown")(load(FIXTURES / "valid" / "undercuts.yaml")).text
    assert ("    - **P4.C1** counterexample (granted): The Hong Kong activists generally "
            "failed to stop the surveillance. (§ Counter-power, ¶5)\n"
            "      - **P4.C1.R1** undercuts: Their failure does not show that data power "
            "has prevailed. (§ Counter-power, ¶6)\n"
            "        - *undercuts the link* `P4.C1`\n") in text
    assert "  - *undercuts the link* `X1 -> other:T`\n" in text
