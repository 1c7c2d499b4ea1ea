"""A deck: plan a map's slides, measure each with Graphviz, and draw them for a projector.

A slide fits when, padded to the page shape (16:9) and shown as large as it can be on a
`WIDTH` × `HEIGHT` screen (1920 × 1080), its smallest text is at least
`DeckOptions.min_text` pixels high. Each candidate slide is laid out as SVG to measure
it; the slides kept are then drawn with the
margin that gives them exactly the page shape (no stretching: the layout stays as
Graphviz made it, centred), as SVG, as PNG of the screen's pixels, and as PDF.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from argmap.model import ArgMap, Label
from argmap.renderers.dot_style import DotOptions
from argmap.slides.chrome import Key, Page, slide_dot
from argmap.slides.plan import DeckPlan, Slide

#: The projector's screen in pixels.
WIDTH, HEIGHT = 1920, 1080
#: The smallest text allowed, in pixels at `WIDTH`: see docs/slides.md.
MIN_TEXT = 14.0
#: How much wider than the slide the layout is planned for: so much that no part is
#: set on a shelf below the others, whose arrows would wind round the boxes above.
FOLD_WIDER = 50.0
RANKSEP = 0.3  # inches: the gap between ranks on a slide, as `chrome` sets it
_SVG_SIZE = re.compile(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')
_FONT_SIZE = re.compile(r'font-size="([0-9.]+)"')
_SCALE = re.compile(r'transform="scale\(([0-9.]+)')


@dataclass(frozen=True)
class DeckOptions:
    """What a deck looks like: the drawing's options, the page shape, the smallest text."""

    drawing: DotOptions = field(default_factory=lambda: DotOptions(wrap=40))
    ratio: float = 16 / 9
    min_text: float = MIN_TEXT
    status: bool = False


@dataclass(frozen=True)
class Measure:
    """A drawing's size in points and its smallest text, in points, at scale 1."""

    width: float
    height: float
    smallest: float

    @classmethod
    def of_svg(cls, svg: str) -> Measure:
        found = _SVG_SIZE.search(svg)
        if found is None:
            raise ValueError("not an SVG from Graphviz")
        scale = _SCALE.search(svg)
        factor = float(scale.group(1)) if scale else 1.0
        sizes = [float(size) * factor for size in _FONT_SIZE.findall(svg)]
        return cls(float(found.group(1)), float(found.group(2)), min(sizes, default=0.0))

    def page_width(self, ratio: float) -> float:
        """The width of the smallest page of shape `ratio` the drawing fits on."""
        return max(self.width, self.height * ratio)

    def projected(self, ratio: float) -> float:
        """The smallest text's height in pixels, the page shown as large as it can be
        on a `WIDTH` × `HEIGHT` screen."""
        return self.smallest * screen_width(ratio) / self.page_width(ratio)

    def pad(self, ratio: float, margin: float = 0.3) -> str:
        """The margin, in inches, that gives the drawing (made with `margin`) the shape."""
        across = max(0.0, (self.height * ratio - self.width) / 144)
        down = max(0.0, (self.width / ratio - self.height) / 144)
        return f"{margin + across:.4f},{margin + down:.4f}"


@dataclass(frozen=True)
class Drawn:
    """One slide, drawn: its plan, its DOT source with the padding, its measure."""

    slide: Slide
    source: str
    measure: Measure


class Deck:
    """The slides of one map, planned so each fits; `draw` makes their files."""

    def __init__(self, amap: ArgMap, options: DeckOptions,
                 labels: Mapping[str, Label] | None = None) -> None:
        self.amap = amap
        self.options = options
        self.labels = labels
        #: Each level in one row, leaves side by side: what does not fit goes on the
        #: next slide rather than on a shelf or in a column.
        self.drawing = replace(options.drawing, ratio=options.ratio * FOLD_WIDER,
                               columns=False)
        self.key = Key.of(amap, self.drawing, labels)
        self.probes = 0

    def plan(self) -> list[Slide]:
        return DeckPlan(self.amap, self._fits).slides()

    def _fits(self, slide: Slide) -> bool:
        return self.measure(slide, 99, 99).projected(self.options.ratio) >= \
            self.options.min_text

    def measure(self, slide: Slide, number: int, total: int) -> Measure:
        return Measure.of_svg(self._svg(self.source(slide, number, total)))

    def source(self, slide: Slide, number: int, total: int, page: Page | None = None) -> str:
        return slide_dot(self.amap, slide, number, total, self.drawing, self.key,
                         self.labels, page)

    def drawn(self, warn: Callable[[str], None] = lambda line: None) -> list[Drawn]:
        """Every slide with the DOT that draws it at the page shape, and its measure.

        Each slide is measured, given the room that puts its heading at the page's top
        left corner, measured again, and padded to the exact shape. A slide whose text
        is still below the floor (a single claim too long, or too far down, to fit with
        the way to it) is drawn anyway, and `warn` says so.
        """
        slides = self.plan()
        ratio, result = self.options.ratio, []
        for number, slide in enumerate(slides, 1):
            measure = self.measure(slide, number, len(slides))
            if measure.projected(ratio) < self.options.min_text - 0.05:
                warn(f"slide {number}: its smallest text is {measure.projected(ratio):.1f} "
                     f"px, below --min-text {self.options.min_text:g}: it does not fit "
                     "any smaller")
            width = measure.page_width(ratio)
            # The room below takes a rank of its own: less the gap between ranks.
            spare = width / ratio - measure.height - RANKSEP * 72 - 2
            # Graphviz sets the heading 8 points in from each side of the drawing.
            page = Page(width - 2 * 0.3 * 72 - 20, spare if spare > 0 else 0.0)
            filled = Measure.of_svg(self._svg(self.source(slide, number, len(slides), page)))
            over = max(filled.width - width, filled.height - width / ratio)
            if over > 0.5:  # Graphviz took more room than asked: ask for less
                page = Page(page.width - max(0.0, filled.width - width),
                            max(0.0, page.below - max(0.0, filled.height - width / ratio)))
                filled = Measure.of_svg(
                    self._svg(self.source(slide, number, len(slides), page)))
            page = replace(page, pad=filled.pad(ratio))
            result.append(Drawn(slide, self.source(slide, number, len(slides), page),
                                replace(filled, smallest=measure.smallest)))
        return result

    def _svg(self, source: str) -> str:
        from argmap.renderers.graphviz_run import run_dot

        self.probes += 1
        return run_dot(source, "svg").data.decode("utf-8")


def screen_width(ratio: float) -> float:
    """How many pixels wide a slide of shape `ratio` is shown on the screen: 1920 at 16:9
    or wider, 1440 at 4:3."""
    return min(WIDTH, HEIGHT * ratio)


def render(drawn: Drawn, fmt: str, ratio: float,
           warn: Callable[[str], None] = lambda line: None) -> bytes:
    """One slide as `fmt` (svg, png or pdf); a PNG has the screen's pixels."""
    from argmap.renderers.graphviz_run import run_dot

    dpi = screen_width(ratio) * 72 / drawn.measure.page_width(ratio) if fmt == "png" else None
    made = run_dot(drawn.source, fmt, dpi=dpi)
    for line in made.warnings:
        warn(line)
    return made.data


def merge_pdfs(pages: list[bytes]) -> bytes:
    """One PDF of the slides' PDFs, in order, one page each (merged with pypdf)."""
    import io
    import logging

    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter()
    for page in pages:
        writer.append(PdfReader(io.BytesIO(page)))
    writer.add_metadata({"/Producer": "argmap slides"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def deck_files(name: str, drawn: list[Drawn], ratio: float, png: bool = True,
               pdf: bool = True, warn: Callable[[str], None] = lambda line: None,
               ) -> dict[str, bytes]:
    """The deck's files by name: NAME-01.svg (and .png) per slide, NAME.pdf for all."""
    files: dict[str, bytes] = {}
    pages = []
    width = max(2, len(str(len(drawn))))
    for number, slide in enumerate(drawn, 1):
        stem = f"{name}-{number:0{width}d}"
        files[f"{stem}.svg"] = render(slide, "svg", ratio, warn)
        if png:
            files[f"{stem}.png"] = render(slide, "png", ratio, warn)
        if pdf:
            pages.append(render(slide, "pdf", ratio, warn))
    if pdf:
        files[f"{name}.pdf"] = merge_pdfs(pages)
    return files
