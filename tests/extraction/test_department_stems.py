"""A department whose name opens with a verb or another department's words (招商合作局,
建设交通局, 规划国土局) is one agency, not the shorter one its last words name (合作局, 交通局,
国土局), in a table cell, a label or running text. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def test_departments_with_verb_stems_keep_their_whole_name():
    ex = extract(doc(
        "1．建设枫湾冷链物流中心。（牵头单位：招商合作局；配合单位：建设交通局）",
        "2．推进枫湾大道改造工程。建设交通局负责，规划国土局、投资合作局配合。",
        title="枫湾经济开发区2025年重点项目安排"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"招商合作局", "建设交通局", "规划国土局", "投资合作局"} <= agencies
    assert not agencies & {"合作局", "交通局", "国土局"}
