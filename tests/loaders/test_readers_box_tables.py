"""Tables drawn with box characters (┌─┬─┐ │ ├─┼─┤): no bar or rule reaches the text, the
lines between two rules are one row, and a header cell over several columns heads each of
them. The text is invented."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.readers import read_document
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

_RULED = """\
澧川生态新城2024—2026年建设推进计划

一、推进计划表

┌────┬──────────────┬──────────┬──────────┬────────────┐
│序号│项目名称      │进度安排  │          │责任单位    │
│    │              │2024年    │2025年    │            │
├────┼──────────────┼──────────┼──────────┼────────────┤
│1   │澧川东湖水质净│完成设计  │建成运行  │水务局      │
│    │化工程        │          │          │            │
├────┼──────────────┼──────────┼──────────┼────────────┤
│2   │澧川新城第二实│主体封顶  │招生500人 │教育体育局、│
│    │验学校        │          │          │新城建设公司│
└────┴──────────────┴──────────┴──────────┴────────────┘

二、保障措施

各单位按月报送进度。
"""

_UNRULED = """\
┌──┬────────────┬────────┐
│序号│重点工作    │牵头单位│
│1 │建成澧川数据│大数据局│
│  │中心一期    │        │
│2 │开通澧川公交│交通局  │
│  │快线        │        │
└──┴────────────┴────────┘
"""


def _tables(doc):
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_rows_between_rules_join_their_wrapped_cells(write):
    doc = read_document(write("plan.txt", _RULED))
    [table] = _tables(doc)
    assert table.rows[1] == ("1", "澧川东湖水质净化工程", "完成设计", "建成运行", "水务局")
    assert table.rows[2][1] == "澧川新城第二实验学校"
    assert table.rows[2][4] == "教育体育局、新城建设公司"  # a unit list wrapped after its 、
    assert not any(ch in doc.text() for ch in "│─┼├┌└")
    assert doc.blocks[-1].text == "各单位按月报送进度。"


def test_a_header_cell_over_several_columns_heads_each_of_them(write):
    [table] = _tables(read_document(write("plan.txt", _RULED)))
    assert table.rows[0] == ("序号", "项目名称", "进度安排2024年", "进度安排2025年", "责任单位")


def test_without_rules_between_rows_an_empty_first_cell_continues_the_row(write):
    [table] = _tables(read_document(write("plan.txt", _UNRULED)))
    assert table.rows == (("序号", "重点工作", "牵头单位"), ("1", "建成澧川数据中心一期", "大数据局"),
                          ("2", "开通澧川公交快线", "交通局"))


def test_the_projects_of_a_box_table_and_their_leads(write):
    ex = extract(read_document(write("plan.txt", _RULED)))
    names = {e.name for e in ex.of_kind(Kind.AGENCY)} | {e.name for e in ex.of_kind(Kind.PROJECT)}
    assert "澧川东湖水质净化工程" in names and "水务局" in names
    assert not any(ch in n for n in names for ch in "│─")
