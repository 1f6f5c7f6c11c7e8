"""A PDF page break that cuts a sentence mid-clause ("其中工业投资" / running header, page number
/ "40亿元，同比增长10%。") leaves a short last line the wrap joining would end a paragraph on:
it goes on with the next page's first line. A page that ends on a heading, or whose next page
opens an indented paragraph or a numbered item, is no cut. The text is invented."""
from __future__ import annotations

from zonekg.loaders.document import Paragraph
from zonekg.loaders.readers import read_document

HEADER = "青梧经济开发区管委会文件"
BODY = ["　　全年安排重点项目9个，新开工项目15个，竣工项目10个，",
        "续建项目按计划推进，储备项目滚动补充。"]


def _pages() -> list[list[str]]:
    return [
        [HEADER, "青梧经济开发区2025年攻坚行动方案", "一、攻坚目标", *BODY,
         "全年完成固定资产投资70亿元，其中工业投资", "— 1 —"],
        [HEADER, "40亿元，同比增长10%。", "二、攻坚项目",
         "　　1.青梧港区散货码头工程。总投资8亿元，年内完成", "— 2 —"],
        [HEADER, "主体工程。牵头单位：港航发展中心；配合单位：规划建设局。", "三、工作要求",
         "　　各牵头单位按月报送进展，", "— 3 —"],
        [HEADER, "　　经济发展局汇总后通报。", "— 4 —"],
    ]


def _paragraphs(tmp_path, pdf_maker) -> list[str]:
    doc = read_document(pdf_maker(tmp_path / "plan.pdf", _pages()))
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_sentence_cut_by_a_page_break_is_one_paragraph(tmp_path, pdf_maker):
    paragraphs = _paragraphs(tmp_path, pdf_maker)
    assert "全年完成固定资产投资70亿元，其中工业投资40亿元，同比增长10%。" in paragraphs
    task = next(p for p in paragraphs if p.startswith("1.青梧港区散货码头工程"))
    assert task.endswith("年内完成主体工程。牵头单位：港航发展中心；配合单位：规划建设局。")


def test_an_indented_paragraph_or_a_heading_after_a_page_break_stays_apart(tmp_path, pdf_maker):
    paragraphs = _paragraphs(tmp_path, pdf_maker)
    assert "二、攻坚项目" in paragraphs and "三、工作要求" in paragraphs
    assert any(p.startswith("经济发展局汇总后通报") for p in paragraphs)
