"""`argmap quotes` on a PDF: the text layer is read and normalised like plain text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.problem import ArgmapError
from argmap.quotes import SourceText, decode


def pdf(pages: list[list[str]]) -> bytes:
    """A small PDF whose pages hold these lines of text in Helvetica, written by hand."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{n} 0 R" for n in page_ids).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        body = b"BT /F1 11 Tf 14 TL 72 720 Td " + b" ".join(
            b"(" + line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
            .replace(b")", b"\\)") + b") Tj T*" for line in lines) + b" ET"
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (page_ids[i] + 1))
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


PAGES = [["Data power meets its counter-", "power at every turn, from the",
          "electricians of Shanghai to the"],
         ["\u201cworkers of Foxconn\u201d, who organised", "against the iSlave regime."]]


def test_a_pdf_sources_text_is_read_and_normalised_like_plain_text():
    text = decode(pdf(PAGES), "paper.pdf")
    source = SourceText(text)
    # Hyphenated across a line, curly quotes, and across a page break: all found.
    assert source.contains("Data power meets its counter-power at every turn")
    assert source.contains('"workers of Foxconn", who organised against the iSlave regime')
    assert source.contains("electricians of Shanghai to the workers of Foxconn")
    assert not source.contains("workers of Apple")


def test_the_quotes_command_checks_a_map_against_a_pdf(tmp_path: Path):
    (tmp_path / "paper.pdf").write_bytes(pdf(PAGES))
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\nid: m\ntitle: t\nthesis:\n  id: T\n  claim: Power meets counter-power.\n"
        "  source: {section: A, para: 1}\n  quote: meets its counter-power at every turn\n"
        "  premises:\n    - id: P1\n      claim: Foxconn workers organised.\n"
        "      source: {section: A, para: 2}\n      quote: workers of Apple organised\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "argmap", "quotes", "m.yaml", "--source",
                             "paper.pdf"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "1 of 2 quotes found in paper.pdf" in result.stdout
    assert "P1" in result.stdout and "AM501" in result.stdout


def test_a_pdf_without_text_is_refused_with_the_fix():
    with pytest.raises(ArgmapError) as caught:
        decode(pdf([[]]), "scan.pdf")
    assert caught.value.message == "scan.pdf: the PDF has no text layer (a scanned paper?)"
    assert "OCR" in (caught.value.hint or "")
