"""Check a map's quotes against a plain-text copy of its source.

Text extracted from a PDF rarely reads exactly as printed, so a quote and the text are
both reduced to the same *key* before they are compared:

- Only letters and digits count. Spacing, line breaks, punctuation, straight and curly
  quotes and apostrophes, and every kind of dash or hyphen are ignored, so a word
  hyphenated at a line break ("counter-\\npower") matches both "counterpower" and
  "counter-power". One exception keeps numbers apart: a point or comma between two
  digits stays ("1.4" is not "14").
- Unicode compatibility forms are folded (NFKC): the ligatures ﬁ ﬂ ﬀ ﬃ ﬄ become
  their letters, full-width letters become plain ones. Case is ignored.
- Characters that text recognition confuses count as one: `I`, `l`, `1` and `|` are one
  class, `O` and `0` another. So "996-1CU" matches "996.ICU", "Al" matches "AI" and
  "In this chapter | look" matches "In this chapter I look".
- Markup in the text is skipped: HTML tags, `<sup>…</sup>` and `<sub>…</sub>` with
  their content (footnote markers), superscript digits, HTML entities, link targets in
  `[text](url)` and `<url>`. Markdown emphasis and heading marks (`*`, `_`, `#`) are
  punctuation, so they are ignored anyway.
- An ellipsis in a quote (`...`, `…`, `[...]`) marks words left out: the parts around
  it must appear in order.

A quote is found when its key occurs in the text's key starting and ending on word
boundaries. For a quote that is not found, `SourceText.nearest` finds the passage most
like it: windows of the text are ranked by the quote's words (and word fragments) they
share, and the best few are refined with difflib.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
import unicodedata
from dataclasses import dataclass

from argmap.model import ArgMap, Node
from argmap.problem import ArgmapError, Problem
from argmap.rules.am501_quote_not_found import CODE, SEVERITY

_MARKUP = (
    r"<(?P<sup>su[bp])\b[^<>]*>[^<>]{0,40}</(?P=sup)\s*>"  # footnote markers, with their number
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # any other tag
    r"|<(?:https?|ftp|mailto):[^<>\s]*>"  # autolinks
    r"|\]\([^()\s]*\)"  # the target of a markdown link
    r"|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);"  # entities
    r"|[\u00b9\u00b2\u00b3\u2070-\u209f]+"  # superscript and subscript digits
)
_TOKENS = re.compile(
    rf"(?P<skip>{_MARKUP})|(?P<word>(?:[^\W_]|\||(?<=\d)[.,](?=\d))+)", re.IGNORECASE
)
_MARKUP_ONLY = re.compile(_MARKUP, re.IGNORECASE)
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3}|…")
_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n\s*")
_CONFUSABLE = str.maketrans({"i": "l", "1": "l", "|": "l", "\u01c0": "l", "0": "o"})
#: Below this similarity a passage is not offered as the quote's likely source.
_CLOSE = 0.5
#: How many of the best-ranked windows difflib looks at.
_CANDIDATES = 8
#: Quotes of more words than this are compared word by word, not character by character.
_BY_CHARACTER = 64


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the text: its key and where it stands in the original."""

    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """The part of the text most like a quote."""

    text: str
    line: int
    #: From 0 to 1: how alike the passage's key and the quote's key are.
    similarity: float


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """What checking one map's quotes found."""

    checked: int
    problems: tuple[Problem, ...]

    @property
    def found(self) -> int:
        return self.checked - len(self.problems)


def fold(word: str) -> str:
    """The key of one word: compatibility forms, case and confusable characters folded."""
    flat = unicodedata.normalize("NFKC", word).casefold()
    kept = "".join(c for c in flat if c.isalnum() or c in "|.,\u01c0")
    return kept.translate(_CONFUSABLE)


def words(text: str) -> list[Word]:
    """The words of `text`, markup skipped, each with its key and offsets."""
    found = []
    for match in _TOKENS.finditer(text):
        if match.lastgroup == "word":
            key = fold(match.group())
            if key:
                found.append(Word(key, match.start(), match.end()))
    return found


def key(text: str) -> str:
    """What a quote is compared by: the keys of its words, run together."""
    return "".join(word.key for word in words(text))


def quote_parts(quote: str) -> list[str]:
    """The keys of the parts of a quote between ellipses, empty parts left out."""
    flat = unicodedata.normalize("NFKC", quote)
    return [part for part in map(key, _ELLIPSIS.split(flat)) if part]


class SourceText:
    """A source text prepared for looking quotes up."""

    __slots__ = ("_ends", "_offsets", "_starts", "key", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = words(text)
        self.key = "".join(word.key for word in self.words)
        self._offsets: list[int] = []  # key offset where each word starts
        at = 0
        for word in self.words:
            self._offsets.append(at)
            at += len(word.key)
        self._starts = frozenset(self._offsets)
        self._ends = frozenset([*self._offsets[1:], len(self.key)])

    def contains(self, quote: str) -> bool:
        """Whether every part of `quote` is in the text, in order, on word boundaries."""
        parts = quote_parts(quote)
        position = 0
        for part in parts:
            at = self._find(part, position)
            if at < 0:
                return False
            position = at + len(part)
        return bool(parts)

    def _find(self, part: str, position: int) -> int:
        at = self.key.find(part, position)
        while at >= 0 and not (at in self._starts and at + len(part) in self._ends):
            at = self.key.find(part, at + 1)
        return at

    def nearest(self, quote: str) -> Passage | None:
        """The passage most like `quote`, or None if the quote or the text has no words."""
        wanted = [word.key for word in words(unicodedata.normalize("NFKC", quote))]
        if not wanted or not self.words:
            return None
        target = " ".join(wanted)
        best: tuple[float, int, int] = (-1.0, 0, 0)
        for start in self._ranked_windows(wanted):
            best = max(best, self._refine(target, start, len(wanted)))
        similarity, first, last = best
        return Passage(self.display(first, last), self.line_of(first), similarity)

    def _ranked_windows(self, wanted: list[str]) -> list[int]:
        """Starts of the windows of len(wanted) words that share most with the quote."""
        vocabulary = set(wanted)
        grams = set().union(*(_trigrams(word) for word in wanted))
        scores = [_word_score(word.key, vocabulary, grams) for word in self.words]
        size = min(len(wanted), len(scores))
        sums = [sum(scores[:size])]
        for start in range(1, len(scores) - size + 1):
            sums.append(sums[-1] - scores[start - 1] + scores[start + size - 1])
        chosen: list[int] = []
        for start in sorted(range(len(sums)), key=sums.__getitem__, reverse=True):
            if all(abs(start - other) > size // 2 for other in chosen):
                chosen.append(start)
                if len(chosen) == _CANDIDATES:
                    break
        return chosen

    def _refine(self, target: str, start: int, size: int) -> tuple[float, int, int]:
        """The best (similarity, first word, end word) near the window at `start`."""
        slack = max(2, size // 2)
        low, high = max(0, start - slack), min(len(self.words), start + size + slack)
        spans = [(start, min(start + size, len(self.words)))]
        wanted = self._units(target, size)
        matcher = difflib.SequenceMatcher(None, self._slice(low, high, size), wanted,
                                          autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size >= min(3, len(wanted))]
        if blocks:
            if size > _BY_CHARACTER:
                first, last = low + blocks[0].a, low + blocks[-1].a + blocks[-1].size
            else:
                offset = self._offsets[low]
                first = self._word_at(offset + blocks[0].a)
                last = self._word_at(offset + blocks[-1].a + blocks[-1].size - 1) + 1
            spans.append((first, last))
        return max((self._similarity(wanted, first, last, size), first, last)
                   for first, last in spans)

    def _units(self, target: str, size: int) -> str | list[str]:
        # Matching by character costs time in the product of the two lengths: a long
        # quote is matched word by word, so a page-long quote takes as long as a line.
        return list(target.split(" ")) if size > _BY_CHARACTER else target.replace(" ", "")

    def _slice(self, first: int, last: int, size: int) -> str | list[str]:
        keys = [word.key for word in self.words[first:last]]
        return keys if size > _BY_CHARACTER else "".join(keys)

    def _similarity(self, wanted: str | list[str], first: int, last: int, size: int) -> float:
        passage = self._slice(first, last, size)
        return difflib.SequenceMatcher(None, passage, wanted, autojunk=False).ratio()

    def _word_at(self, key_offset: int) -> int:
        return bisect.bisect_right(self._offsets, key_offset) - 1

    def display(self, first: int, last: int) -> str:
        """Words `first` to `last` (exclusive) as readable text: on one line, no markup."""
        start, end = self.words[first].start, self.words[last - 1].end
        for opening, closing in ("()", "[]"):
            unclosed = self.text.count(opening, start, end) - self.text.count(closing, start, end)
            if unclosed > 0 and self.text.startswith(closing, end):
                end += 1
        raw = _LINE_BREAK_HYPHEN.sub("", _MARKUP_ONLY.sub("", self.text[start:end]))
        return " ".join(unicodedata.normalize("NFKC", raw).split())

    def line_of(self, word: int) -> int:
        return self.text.count("\n", 0, self.words[word].start) + 1


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _word_score(word: str, vocabulary: set[str], grams: set[str]) -> float:
    """1 for a word of the quote; at most 1/2 for a word sharing fragments with it."""
    if word in vocabulary:
        return 1.0
    own = _trigrams(word)
    return len(own & grams) / len(own) / 2


def decode(data: bytes, name: str) -> str:
    """The text of a source file, or an `ArgmapError` saying why it is not plain text."""
    if data.startswith(b"%PDF"):
        raise ArgmapError(f"{name}: is a PDF, not plain text",
                          hint="Extract its text first, e.g. `pdftotext -layout paper.pdf`.")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArgmapError(
            f"{name}: is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})",
            hint="Convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8 in.txt > out.txt`.",
        ) from None
    if "\x00" in text:
        raise ArgmapError(f"{name}: is a binary file, not plain text",
                          hint="Give a plain-text copy of the source.")
    return text


def check_quotes(amap: ArgMap, source: SourceText, source_name: str) -> QuoteReport:
    """Every quote of `amap` that is not in `source`, as AM501 problems."""
    quoted = [node for node in amap.walk() if node.quote is not None]
    problems = tuple(_not_found(node, source, source_name) for node in quoted
                     if not source.contains(node.quote or ""))
    return QuoteReport(len(quoted), problems)


def _not_found(node: Node, source: SourceText, source_name: str) -> Problem:
    quote = node.quote or ""
    message = f"quote of `{node.id}` is not in {source_name}"
    passage = source.nearest(quote)
    if passage is None:
        return Problem(CODE, SEVERITY, node.at("quote"), f"{message}: it has no words")
    percent = math.floor(passage.similarity * 100)
    if passage.similarity < _CLOSE:
        message += (f", nor anything like it: the nearest passage (line {passage.line}) is "
                    f"only {percent}% alike: “{passage.text}”")
    else:
        message += f"; nearest passage (line {passage.line}, {percent}% alike): “{passage.text}”"
    return Problem(CODE, SEVERITY, node.at("quote"), message,
                   "Copy the author's words exactly; mark words left out with `...`.")
