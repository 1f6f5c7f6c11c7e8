"""An outline numbered "第一，", "第二，" on lines of their own is a level of headings like
"（一）": the units on a line after the last of them ("开展危化品企业安全整治…" / "责任单位:X")
lead its heading's work, not the section heading above the outline ("二、重点工作"). The text is
invented for the test."""
from __future__ import annotations

from pathlib import Path

from tests.extraction.conftest import pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.readers import read_document

PLAN = """桐岭高新区2025年工作要点

二、重点工作
第一,推进园区建设。
  1.建成桐岭数据中心三期,年底前投入使用。责任单位:规划建设局。
第二,守牢安全底线。
  开展危化品企业安全整治,年内完成企业安全评估60家。
责任单位:应急管理局、生态环境分局。
"""


def test_the_units_under_the_last_ordinal_heading_are_not_the_sections(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    ex = extract(read_document(path))
    assert "重点工作" not in {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert not [x for x in pairs(ex, Relation.LEAD_AGENCY) if x[0] == "重点工作"]
    assert ("桐岭数据中心三期", "规划建设局") in pairs(ex, Relation.LEAD_AGENCY)
    assert ("守牢安全底线", "应急管理局") in pairs(ex, Relation.LEAD_AGENCY)
