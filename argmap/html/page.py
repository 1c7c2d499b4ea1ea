"""One self-contained HTML page of a map: the drawing as inline SVG, an outline, details.

The page loads nothing: its style, its script and svg-pan-zoom (vendored, BSD licence,
in assets/vendor/) are inline, and a Content-Security-Policy allows exactly those by
hash, so nothing else can run or be fetched, whatever the map's text says. User text
reaches the page only as JSON data (read with `textContent`) and as Graphviz's escaped
SVG text, never as markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from argmap.html.data import script_json

#: The one inline style attribute svg-pan-zoom sets, allowed by its hash.
_PANZOOM_STYLE = "overflow: hidden; "
_XML_PROLOGUE = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*",
                           re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NODE = re.compile(r'<g id="(node\d+)" class="node">\s*<title>([^<]*)</title>')
_SIZE = re.compile(r'\A<svg width="[^"]*" height="[^"]*"')


@dataclass(frozen=True)
class PageParts:
    title: str
    byline: str
    svg: str
    data: dict[str, Any]
    #: Where the index page is, for pages of a site; None for a single page.
    index_href: str | None = None
    #: For `argmap preview`: the page asks its server for updates.
    live: bool = False


@cache
def _asset(name: str) -> str:
    return resources.files("argmap.html").joinpath("assets", name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def clean_svg(svg: str, ids: set[str]) -> str:
    """Graphviz's SVG, ready to sit inside HTML: no prologue or comments, no fixed size,
    and each node's group marked with the id of the map node it draws."""
    svg = _COMMENT.sub("", _XML_PROLOGUE.sub("", svg))

    def mark(match: re.Match[str]) -> str:
        name = html.unescape(match.group(2))
        if name not in ids:
            return match.group(0)
        return (f'<g id="{match.group(1)}" class="node" data-node="{html.escape(name)}" '
                f'tabindex="-1"><title>{match.group(2)}</title>')

    svg = _NODE.sub(mark, svg)
    return _SIZE.sub('<svg id="drawing" role="img"', svg, count=1)


def _head(title: str, policy: str, style: str) -> str:
    """The start of every page, up to <body>: its policy, title and inline style."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">
<meta name="generator" content="argmap">
<title>{html.escape(title)}</title>
<style>{style}</style>
</head>
"""


def render_page(parts: PageParts) -> str:
    style = _asset("page.css")
    scripts = [_asset("vendor/svg-pan-zoom.min.js"), _asset("page.js")]
    policy = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_digest(script) for script in scripts),
        f"style-src {_digest(style)} 'unsafe-hashes' {_digest(_PANZOOM_STYLE)}",
        "img-src data:",
        *(["connect-src 'self'"] if parts.live else []),
        "base-uri 'none'",
        "form-action 'none'",
    ])
    index = (f'<a class="index" href="{html.escape(parts.index_href)}">All maps</a>'
             if parts.index_href else "")
    data = dict(parts.data, live=parts.live)
    script_tags = "".join(f"<script>{script}</script>\n" for script in scripts)
    return _head(parts.title, policy, style) + f"""<body>
<header>
<div class="titles"><h1>{html.escape(parts.title)}</h1>
<p class="byline">{html.escape(parts.byline)}</p></div>
{index}
<div class="find"><input type="search" id="search" placeholder="Search claims ( / )"
 aria-label="Search claims" autocomplete="off"><span id="hits" aria-live="polite"></span></div>
</header>
<div id="findings" role="alert" hidden></div>
<main>
<nav id="outline" aria-label="Outline of the map"><ul id="tree" role="tree"></ul></nav>
<section id="pane" aria-label="Drawing of the map">
<div class="zoom"><button type="button" id="zoom-in" title="Zoom in (+)">+</button><button
 type="button" id="zoom-out" title="Zoom out (-)">&#8722;</button><button type="button"
 id="zoom-fit" title="Fit the whole map (0)">Fit</button></div>
{parts.svg}
</section>
<aside id="details" aria-live="polite" aria-label="Details of the selected claim">
<p class="hint">Select a claim in the outline or the drawing to read its details.
Keys: / search, arrows move in the outline, Enter selects, + and - zoom.</p>
</aside>
</main>
<script type="application/json" id="argmap-data">{script_json(data)}</script>
{script_tags}</body>
</html>
"""


def render_index(title: str, rows: list[tuple[str, str, str, str]],
                 atlas_href: str | None) -> str:
    """The index of a site: one entry per map (href, title, byline, size), and the atlas."""
    style = _asset("page.css")
    policy = f"default-src 'none'; style-src {_digest(style)}; base-uri 'none'"
    entries = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(name)}</a>'
        f'<span class="byline">{html.escape(by)}</span> <span class="hint">'
        f'{html.escape(size)}</span></li>\n' for href, name, by, size in rows)
    atlas = (f'<p><a href="{html.escape(atlas_href)}">The atlas</a>: where the maps '
             "share claims, link to each other and answer each other's objections.</p>"
             if atlas_href else "")
    return _head(title, policy, style) + f"""<body class="index">
<header><div class="titles"><h1>{html.escape(title)}</h1></div></header>
<main class="index">
<ul class="maps">
{entries}</ul>
{atlas}
<p class="hint">Each page shows a map's drawing beside its outline: select a claim to read
where the text makes it, its quote and whether it stands. Search with /.</p>
</main>
</body>
</html>
"""
