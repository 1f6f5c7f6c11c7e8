"""A paragraph of a report opened by its topic ("产业发展方面。去年…；今年…") names no project
by the topic: its units lead the projects its sentences name, and a topic naming none is no
project at all, numbered or not. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "槿川区2025年政府工作报告（高新区部分）"


def projects(*blocks: str) -> set[str]:
    return {e.name for e in extract(doc(*blocks, title=TITLE)).of_kind(Kind.PROJECT)}


def test_a_topic_paragraph_leads_its_projects_and_is_none():
    ex = extract(doc("园区建设方面。去年完成东湖片区土地征收2300亩；今年建成泮北片区污水处理厂（总投资2.4亿元），"
                     "由高新区规划建设局负责。", title=TITLE))
    assert ("泮北片区污水处理厂", "高新区规划建设局") in pairs(ex, Relation.LEAD_AGENCY)
    assert not [p for p in (e.name for e in ex.of_kind(Kind.PROJECT)) if p.endswith("方面")]


def test_a_topic_naming_no_project_is_none_numbered_or_not():
    found = projects("开放合作方面。今年进出口总额增长10%，由区商务局牵头，高新区经济发展局配合。",
                     "（二）产业发展方面。今年集成电路产业产值达到420亿元左右。（牵头单位：区发展改革局）")
    assert not [p for p in found if p.endswith("方面")]
