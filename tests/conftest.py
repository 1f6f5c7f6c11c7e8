"""Builders shared by every test folder: documents in the binary formats, written by the tests
themselves from text we wrote. The binary files kept as they are, the .docx of heldout8 and of
heldout9 and the .pdf and .docx of heldout10, heldout11 and heldout12, are scored documents: the
extraction scorer reads those sets' folders as they stand."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module", autouse=True)
def no_event_loop_left_running() -> Iterator[None]:
    """Fails the module that leaves this thread marked as running an asyncio loop (a
    session-long Playwright browser once did): otherwise every later test that runs a loop of
    its own fails, far from the cause and only in some orders."""
    yield
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    pytest.fail("this module left an asyncio event loop marked as running in the main thread")


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


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """A DOCX with the paragraphs in order and, after them, one table (first row: header)."""
    from docx import Document

    document = Document()
    document.add_heading(paragraphs[0], level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(str(path))
    return path


@pytest.fixture
def pdf_maker():
    """The :func:`make_pdf` builder, as a fixture (test folders are not packages)."""
    return make_pdf


@pytest.fixture
def docx_maker():
    """The :func:`make_docx` builder, as a fixture."""
    return make_docx


@pytest.fixture(scope="session")
def virtuoso():
    """An OpenLink Virtuoso 7 of the tests' own, started once and stopped at the end."""
    from sparql_servers import Virtuoso

    server = Virtuoso()
    yield server
    server.stop()


@pytest.fixture
def virtuoso_store_url(virtuoso, monkeypatch: pytest.MonkeyPatch) -> str:
    """The Virtuoso emptied of zonekg's graphs, and the environment set to use it as the store."""
    virtuoso.clear()
    for name, value in virtuoso.environment().items():
        monkeypatch.setenv(name, value)
    return virtuoso.url
