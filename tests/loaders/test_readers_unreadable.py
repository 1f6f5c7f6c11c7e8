"""Everything a reader cannot read ends in UnreadableDocument with a human reason."""
from __future__ import annotations

import io
import random
import zipfile

import docx
import pytest

from zonekg.loaders.document import UnreadableDocument
from zonekg.loaders.readers import read_document


def junk(n: int = 4000) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(n))


def reason(path) -> str:
    with pytest.raises(UnreadableDocument) as info:
        read_document(path)
    assert info.value.path == path
    return info.value.reason


def test_unsupported_suffix(write):
    path = write("plan.xlsx", b"PK\x03\x04")
    assert "unsupported file type .xlsx" in reason(path)


def test_no_suffix(write):
    assert "unsupported file type (no suffix)" in reason(write("README", "园区计划"))


def test_missing_file(tmp_path):
    assert reason(tmp_path / "gone.txt") == "no such file"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf"])
def test_empty_file(write, suffix):
    assert reason(write(f"empty{suffix}", b"")) == "file is empty"


def test_whitespace_only_text(write):
    assert "empty" in reason(write("blank.txt", "\n　　\n  \n"))


def test_random_bytes_named_pdf(write):
    assert "not a PDF file" in reason(write("scan.pdf", junk()))


def test_truncated_pdf(write, tmp_path, pdf_maker):
    good = pdf_maker(tmp_path / "good.pdf", [["园区计划"]]).read_bytes()
    text = reason(write("cut.pdf", good[: len(good) // 3]))
    assert "PDF" in text


def test_encrypted_pdf(tmp_path, pdf_maker):
    path = pdf_maker(tmp_path / "secret.pdf", [["园区保密计划"]], password="mima2024")
    assert reason(path) == "encrypted PDF: a password is required"


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 200, fill=1)
    c.showPage()
    c.save()
    assert "no text layer" in reason(path)


def test_random_bytes_named_docx(write):
    assert "not a valid Word .docx file" in reason(write("plan.docx", junk()))


def test_truncated_docx(tmp_path, write):
    document = docx.Document()
    document.add_paragraph("园区计划：全年新开工项目十个。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert "not a valid Word .docx file" in reason(write("cut.docx", buffer.getvalue()[:2000]))


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    assert "not a valid Word .docx file" in reason(path)


def test_docx_with_broken_xml(tmp_path):
    document = docx.Document()
    document.add_paragraph("园区计划")
    good = tmp_path / "good.docx"
    document.save(good)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert "corrupt Word .docx file" in reason(broken)


def test_old_word_doc_renamed_docx(write):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert "old binary Word (.doc)" in reason(write("old.docx", ole))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_binary_junk_as_text(write, suffix):
    text = reason(write(f"junk{suffix}", junk()))
    assert "binary" in text or "unknown encoding" in text


def test_image_named_txt(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + junk(500)
    assert "binary data" in reason(write("photo.txt", png))


def test_only_chrome(write):
    text = reason(write("chrome.txt", "返回主站>> | 设为首页 | 加入收藏\n版权所有：某园区管委会\n"))
    assert text == "no body text left after removing page chrome"


def test_html_without_markup(write):
    assert "no markup" in reason(write("plain.html", "只是一段文字，没有标签。"))


def test_reader_bug_is_still_unreadable(write, monkeypatch):
    import zonekg.loaders.readers.text as text_module

    def boom(path, limits):
        raise RuntimeError("surprise")

    monkeypatch.setattr(text_module, "read_text", boom)
    assert reason(write("plan.txt", "园区计划")) == "could not read .txt file (RuntimeError: surprise)"
