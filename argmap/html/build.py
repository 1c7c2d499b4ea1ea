"""Pages from maps: one map's page, and a site of every map with an index and the atlas.

Each map is drawn by the same DOT renderer as `argmap render` and labelled by the same
grounded evaluation as `argmap eval`, taken with the other maps it can reach, so a
cross-map attack counts on the page as it does in lint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.html.data import Linker, atlas_data, byline, page_data
from argmap.html.page import PageParts, clean_svg, render_page
from argmap.model import ArgMap
from argmap.problem import ArgmapError
from argmap.semantics import Evaluation, evaluate

INDEX = "index.html"
ATLAS = "atlas.html"


def draw_svg(dot_source: str) -> str:
    from argmap.renderers.graphviz_run import run_dot

    return run_dot(dot_source, "svg").data.decode("utf-8")


def evaluation_of(maps: Sequence[ArgMap]) -> Evaluation | None:
    """The grounded labels of these maps together, or None if they cannot be evaluated."""
    try:
        return evaluate(tuple(maps))
    except ArgmapError:
        return None


def world(amap: ArgMap, others: Sequence[ArgMap]) -> list[ArgMap]:
    """`amap` and every other map whose id it does not take."""
    found = {amap.id: amap}
    for other in others:
        found.setdefault(other.id, other)
    return list(found.values())


def no_pages(map_id: str, node_id: str) -> str | None:
    return None


def map_page(amap: ArgMap, others: Sequence[ArgMap] = (), *, linker: Linker = no_pages,
             index_href: str | None = None, live: bool = False) -> str:
    """The HTML page of one map."""
    from argmap.renderers.dot import to_dot

    return render_page(map_parts(amap, others, linker=linker, index_href=index_href,
                                 live=live, svg=draw_svg(to_dot(amap))))


def map_parts(amap: ArgMap, others: Sequence[ArgMap], *, linker: Linker,
              index_href: str | None, live: bool, svg: str) -> PageParts:
    evaluation = evaluation_of(world(amap, others))
    ids = {node.id for node in amap.walk()}
    return PageParts(title=amap.title, byline=byline(amap), svg=clean_svg(svg, ids),
                     data=page_data(amap, evaluation, linker), index_href=index_href,
                     live=live)


@dataclass(frozen=True)
class Site:
    """File name -> page text, for `argmap html --all`."""

    pages: dict[str, str]


def build_site(maps: Sequence[ArgMap]) -> Site:
    """An index page, a page per map and the atlas, cross-map references linked."""
    from argmap.atlas import build
    from argmap.renderers.atlas_dot import atlas_dot

    files = {amap.id: f"{amap.id}.html" for amap in maps}

    def linker(map_id: str, node_id: str) -> str | None:
        page = files.get(map_id)
        return f"{page}#{node_id}" if page else None

    pages = {files[amap.id]: map_page(amap, maps, linker=linker, index_href=INDEX)
             for amap in maps}
    evaluation = evaluation_of(maps)
    if len(maps) > 1:
        title = "Atlas: where the maps meet"
        keys = {f"{amap.id}:{node.id}" for amap in maps for node in amap.walk()}
        svg = draw_svg(atlas_dot(build(maps), collapsed=True))
        pages[ATLAS] = render_page(PageParts(
            title=title, byline=", ".join(amap.title for amap in maps),
            svg=clean_svg(svg, keys), data=atlas_data(maps, evaluation, linker, title),
            index_href=INDEX))
    pages[INDEX] = index_page(maps, files, evaluation, has_atlas=len(maps) > 1)
    return Site(pages)


def index_page(maps: Sequence[ArgMap], files: dict[str, str], evaluation: Evaluation | None,
               has_atlas: bool) -> str:
    from argmap.html.page import render_index

    rows = []
    for amap in maps:
        counts = amap.counts()
        size = sum(counts.values())
        standing = ""
        if evaluation is not None:
            key = evaluation.key(amap.id, amap.thesis.id)
            label = evaluation.labels.get(key)
            if label is not None:
                standing = {"in": "the thesis stands", "out": "the thesis is defeated",
                            "undecided": "the thesis is undecided"}[label.value]
        rows.append((files[amap.id], amap.title, byline(amap),
                     f"{size} claims" + (f"; {standing}" if standing else "")))
    return render_index("Argument maps", rows, ATLAS if has_atlas else None)


def write_site(site: Site, folder: Path) -> list[Path]:
    from argmap.output import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in site.pages.items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written
