"""Circled item numbers (①②…) mark the items of a list; they are no digits of the item's
words. Folded to "1", "2" as NFKC would, "②建设X二期，10月底前投入使用" read as a task named
"2建设X二期,10月底前投入使用" that took the units meant for the project X二期. The text is
invented for the test."""
from __future__ import annotations

from pathlib import Path

from tests.extraction.conftest import pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.text import norm
from zonekg.loaders.readers import read_document

PLAN = """桐岭高新区2025年工作要点

一、优化营商环境
1、深化审批制度改革。
①推行"标准地"出让，工业项目审批时间压缩20%以上；
②建设桐岭高新区企业服务大厅二期，10月底前投入使用。牵头单位：行政审批局。
2、提升园区承载能力。
①建成桐岭数据中心三期；
②启动北区综合管廊工程建设。责任单位：规划建设局、城投公司。
"""


def test_circled_numbers_survive_the_folding_of_the_text():
    assert norm("①建成Ａ区（一期）②启动") == "①建成A区(一期)②启动"


def test_an_item_after_a_circled_number_names_its_project(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    ex = extract(read_document(path))
    assert not [e.name for e in ex.entities if e.name[:1].isdigit()]
    assert {"桐岭高新区企业服务大厅二期", "北区综合管廊工程"} <= {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert ("桐岭高新区企业服务大厅二期", "行政审批局") in pairs(ex, Relation.LEAD_AGENCY)
