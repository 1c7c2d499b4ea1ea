"""DOT syntax: quoted names and attributes, and HTML-like labels with user text escaped.

Every piece of user text goes into an HTML-like label, escaped so that Graphviz reads it
as text only: `& < > "` become entities and a backslash is doubled, because Graphviz
expands `\\N`, `\\G` and friends even inside HTML labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def html(text: str) -> str:
    """`text` as the content of a Graphviz HTML-like label, to be read as text only."""
    text = _NOT_XML.sub("\ufffd", text).replace("\\", "\\\\")
    # A text of a lone `]` is a syntax error to Graphviz's label lexer; as an entity it
    # is read as the character.
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("]", "&#93;"))


def join_lines(lines: Sequence[str]) -> str:
    # Graphviz refuses an empty <B></B> or <FONT></FONT>: an empty text is a blank space.
    return '<BR ALIGN="LEFT"/>'.join(html(line) for line in lines) or "&#160;"


#: Graphviz refuses a quoted string longer than 16,384 characters. Names are made of
#: ids, and a map may hold an id of any length; one longer than this is shortened.
MAX_QUOTED = 1000


def quote(value: str) -> str:
    """A DOT name or attribute value in double quotes.

    A value over `MAX_QUOTED` characters keeps its start and gets a digest of the whole
    in place of the rest, so two long names still name two nodes. Only names can be that
    long: user text goes into HTML-like labels, wrapped into short lines.
    """
    if len(value) > MAX_QUOTED:
        import hashlib

        digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=12)
        value = f"{value[:MAX_QUOTED // 2]}~{digest.hexdigest()}"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def attr_list(attrs: Mapping[str, str]) -> str:
    """` [key="value", ...]`; a value in angle brackets is an HTML-like label, as built."""
    parts = []
    for key, value in attrs.items():
        shown = value if value.startswith("<") and value.endswith(">") else quote(value)
        parts.append(f"{key}={shown}")
    return " [" + ", ".join(parts) + "]" if parts else ""


def table(rows: Iterable[str]) -> str:
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>>'


def font(content: str, size: float | None = None, colour: str | None = None) -> str:
    size_attr = f' POINT-SIZE="{number(size)}"' if size is not None else ""
    colour_attr = f' COLOR="{colour}"' if colour else ""
    return f"<FONT{size_attr}{colour_attr}>{content}</FONT>"


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
