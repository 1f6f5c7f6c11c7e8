"""A numbered item of an action plan that opens with the time of its goal ("（1）到2025年，X覆盖率
达到70%。（牵头单位：…）") names no task by that time: the time is no project, and what the item
builds after it still is. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "澜湖新区数字经济三年行动方案（2025—2027年）"


def test_the_time_of_a_goal_is_no_project():
    ex = extract(doc("1. 实施企业上云行动。",
                     "（1）到2025年，规上工业企业上云率达到60%，到2027年实现全覆盖。（牵头单位：新区经济发展局）",
                     title=TITLE))
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if p.name.startswith(("到", "20"))]


def test_what_an_item_builds_after_the_time_is_still_led():
    ex = extract(doc("（2）到2026年，建成澜屿算力调度中心。（牵头单位：新区大数据管理局）", title=TITLE))
    assert ("澜屿算力调度中心", "新区大数据管理局") in pairs(ex, Relation.LEAD_AGENCY)
