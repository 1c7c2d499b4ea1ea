"""Options shared by the commands that draw diagrams (`render`, `atlas`)."""

from __future__ import annotations

from typing import Annotated

import typer

Theme = Annotated[str, typer.Option(
    "--theme", metavar="NAME", help="light, dark or print (greyscale).")]
Wrap = Annotated[int, typer.Option(
    "--wrap", min=8, max=200, metavar="N",
    help="Wrap claims at N columns (a Chinese character takes two).")]
FontSize = Annotated[float, typer.Option(
    "--font-size", min=4, max=72, metavar="N", help="Claim text size in points.")]
Ratio = Annotated[str | None, typer.Option(
    "--ratio", metavar="W:H", show_default=False,
    help="Fill a page of this shape, e.g. 16:9 for slides or 4:3.")]
Dpi = Annotated[float | None, typer.Option(
    "--dpi", min=36, max=1200, metavar="N", show_default=False,
    help="Pixels an inch for --png (default 192, twice a screen's; a side stays "
    "at most 16384 pixels).")]
