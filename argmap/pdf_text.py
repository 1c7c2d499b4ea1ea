"""The text of a PDF source, for `argmap quotes`: the papers people map come as PDFs.

pypdf reads the text layer of each page; pages are joined with a blank line. The quote
check then forgives what extraction does to a text (hyphens at line ends, line breaks,
curly quotes), as it does for text saved by hand, so no layout analysis is needed.
A PDF without a text layer (a scan) or one that is encrypted is refused with the fix.
"""

from __future__ import annotations

import io

from argmap.problem import ArgmapError


def pdf_text(data: bytes, name: str) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ArgmapError(f"{name}: the PDF is encrypted, so its text cannot be read",
                              hint="Save an unprotected copy, or extract its text as plain text.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ArgmapError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ArgmapError(f"{name}: cannot read the PDF ({exc})",
                          hint="Check that it opens in a PDF reader, or give a plain-text copy "
                          "with --source.") from None
    text = "\n\n".join(page.strip() for page in pages)
    if not text.strip():
        raise ArgmapError(f"{name}: the PDF has no text layer (a scanned paper?)",
                          hint="Run it through OCR first, or give a plain-text copy with "
                          "--source.")
    return text
