"""Read Argdown (https://argdown.org): statements, arguments, relations, reconstructions.

What becomes what:

- A statement (`[Title]: text`, or untitled text) is a claim; statements sharing a
  title are one claim, the first text wins and the others go into its note.
- An argument without a premise-conclusion structure (`<Title>: text`) is a claim.
  An argument with one is its main conclusion: each inference step supports its
  conclusion (two or more premises are a linked group), relations to and from the
  argument are relations of the conclusion, and its description becomes a note.
- `+`, `<+`, `+>` are supports; `-`, `<-`, `->` attacks; `><` two attacks. An undercut
  (`_`, `_>`, `<_`) of an argument with a structure undercuts its last inference (the
  support of its first premise there for its conclusion); of an argument named for a link
  as argmap writes them (`<X → Y>`, `<X ⇒ Y>`, `<U ⇒ (X ⇒ Y)>`), that link. Any other
  undercut attacks the claim whose inference it undercuts, with a comment.
- Tags (`#tag`, `#(two words)`) become `tags:`; emphasis markers, comments and `{data}`
  are left out; a link `[text](url)` keeps both as `text (url)`; escapes (`\\[`) are
  undone. Text is whitespace-normalised, as Argdown does.
- Top-level paragraphs with no title and no relation are prose, not claims (Argdown
  leaves them out of its maps too); they are kept as comments.
- YAML front matter gives the title and the author (`source.author`), and argmap's own
  exports name the thesis in it; its other keys (subTitle, date, color...) are reported.

Reading takes three steps, a module each: argdown_text removes comments and turns inline
markup into plain text, argdown_parser reads the lines into elements and relations, and
argdown_builder makes the claims and links of the graph from them.
"""

from __future__ import annotations

import re

from argmap.importers.argdown_builder import Builder
from argmap.importers.argdown_parser import Parser
from argmap.importers.argdown_text import small_yaml, without_comments
from argmap.importers.graph import Graph, one_line

_FRONT = re.compile(r"\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|\Z)", re.S)


def read(text: str, name: str) -> Graph:
    graph = Graph("Argdown")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _front_matter(text, graph)
    parser = Parser()
    parser.parse(without_comments(text).split("\n"))
    Builder(graph, parser).build()
    return graph


def _front_matter(text: str, graph: Graph) -> str:
    match = _FRONT.match(text)
    if not match:
        return text
    data = small_yaml(match.group(2))
    if not isinstance(data, dict):
        graph.dropped.append("the front matter (===): not a small YAML mapping, ignored")
    else:
        if isinstance(data.get("title"), str):
            graph.title = one_line(data["title"])
        author = data.get("author")
        names = [author] if isinstance(author, str) else author
        if isinstance(names, list) and names and all(isinstance(a, str) and a.strip()
                                                      for a in names):
            graph.author = tuple(one_line(name) for name in names)
        elif author is not None:
            graph.dropped.append("the front matter's author: not a name or a list of names")
        others = [str(key) for key in data if key not in ("title", "author", "argmap")]
        if others:
            graph.dropped.append(f"the front matter's {', '.join(others)}: argmap keeps only "
                                 "the title and the author")
        own = data.get("argmap")
        if isinstance(own, dict):
            if isinstance(own.get("id"), str):
                graph.map_id = own["id"]
            if isinstance(own.get("thesis"), str):
                graph.thesis = "s:" + own["thesis"]
    return "\n" * match.group(0).count("\n") + text[match.end():]
