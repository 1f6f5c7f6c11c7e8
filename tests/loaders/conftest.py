"""Fixture builders for reader tests: every document here is written for the tests."""
from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes, encoding='utf-8') -> Path"""

    def _write(name: str, content, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return _write


def make_pdf(path: Path, pages: list[list[str]], *, title: str | None = None,
             password: str | None = None) -> Path:
    """A PDF with one text line per entry, drawn in the built-in CID font STSong-Light."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    if title:
        c.setTitle(title)
    for lines in pages:
        c.setFont("STSong-Light", 11)
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 16
        c.showPage()
    c.save()
    if password:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(str(path)))
        writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
        with open(path, "wb") as fh:
            writer.write(fh)
    return path


@pytest.fixture
def pdf_maker():
    """The :func:`make_pdf` builder, as a fixture (test modules here are not a package)."""
    return make_pdf


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES
