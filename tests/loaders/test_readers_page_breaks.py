"""A text dump of a printed document keeps each page's number ("- 2 -") and the next page's
running header where the page ended; reading drops both, so a sentence or a bracketed
（牵头单位：…） broken by the page boundary is one paragraph again. The text is invented."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Paragraph
from zonekg.loaders.readers import read_document
from zonekg.loaders.readers.pages import drop_page_breaks

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _paragraphs() -> list[str]:
    return [b.text for b in read_document(FIX / "paged_dump.txt").blocks if isinstance(b, Paragraph)]


def test_page_numbers_and_running_headers_are_dropped():
    paragraphs = _paragraphs()
    assert not any(p.strip() in ("- 1 -", "- 2 -", "- 3 -") for p in paragraphs)
    assert not any(p.startswith("苍经管〔2025〕7号 ") for p in paragraphs)


def test_a_task_broken_by_a_page_is_one_paragraph():
    task = next(p for p in _paragraphs() if p.startswith("3.推进苍溪创新创业中心建设"))
    assert task.endswith("新引进科技型企业20家。（牵头单位：科技创新局；配合单位：人才服务中心）")


def test_a_bracket_wrapped_inside_a_name_is_joined():
    task = next(p for p in _paragraphs() if p.startswith("2.完善园区路网"))
    assert "配合单位：苍溪县交通运输局、财政金融局）" in task


def test_one_page_number_alone_is_kept():
    lines = ["第一行", "- 1 -", "第二行"]
    assert drop_page_breaks(lines) == lines
