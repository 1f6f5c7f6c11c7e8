"""A 处 is a division of a body ("园区管理处", "海关监管协调处", "招商服务处") when its stem ends in
what a division does; its functions are one name even where they are verbs. Elsewhere 处 ends a
word ("落到实处") or counts ("口袋公园6处"), and one the plan sets up ("设立招商联络处") is its works. A zone's kind word is never cut in front of a unit
("综保区管理局", not "保区管理局"). The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "槐川综合保税区2025年工作要点"


def test_divisions_named_by_their_functions_are_agencies_and_take_part():
    ex = extract(doc("1.推进冷链分拨中心建设。由规划建设处牵头，招商服务处、海关监管协调处配合。", title=TITLE))
    agencies = {e.name for e in ex.of_kind(Kind.AGENCY)}
    assert {"规划建设处", "招商服务处", "海关监管协调处"} <= agencies
    assert ("冷链分拨中心", "规划建设处") in pairs(ex, Relation.LEAD_AGENCY)


def test_other_words_ending_in_chu_are_no_units():
    ex = extract(doc("确保各项任务落到实处，新建口袋公园6处，做好垃圾处理处置。", "在京津两地各设立招商联络处1个。",
                     title=TITLE))
    assert not [a.name for a in ex.of_kind(Kind.AGENCY) if a.name.endswith("处")]


def test_a_zone_word_in_front_of_a_unit_stays_whole():
    ex = extract(doc("1.建设跨境电商监管中心。（牵头单位：综保区管理局；配合单位：商务局）", title=TITLE))
    agencies = {e.name for e in ex.of_kind(Kind.AGENCY)}
    assert "综保区管理局" in agencies
    assert "保区管理局" not in agencies
