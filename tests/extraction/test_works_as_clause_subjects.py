"""A task's sentence may open with the work it names and say what becomes of it ("总投资3亿元的
X产业园污水处理厂年内建成通水"): that work is a project the task's units lead, as one named after
a verb ("推动X建成") is. A kind of facility as the subject ("标准厂房年内建成") is none. The text
is invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.tasks import projects_in_task

from .conftest import doc, pairs


def test_a_park_facility_as_the_subject_is_led_by_the_tasks_units() -> None:
    ex = extract(doc("8.完善园区配套设施。改造园区道路6公里，总投资2.1亿元的青樾化工产业园污水处理厂年内建成通水。"
                     "（责任单位：园区规划建设局牵头，园区安全环保局配合）"))
    assert ("青樾化工产业园污水处理厂", "园区规划建设局") in pairs(ex, Relation.LEAD_AGENCY)
    assert ("青樾化工产业园污水处理厂", "园区安全环保局") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert "青樾化工产业园污水处理厂" in {p.name for p in ex.of_kind(Kind.PROJECT)}


def test_a_proper_work_as_the_subject() -> None:
    assert projects_in_task("全年实施重点项目20个，澄河科技孵化大厦年底前竣工。") == ["澄河科技孵化大厦"]


def test_a_kind_or_a_verb_opening_the_clause_names_none() -> None:
    assert projects_in_task("标准厂房年内建成，园区道路年底通车。") == []
    assert projects_in_task("全力推进园区道路建设。") == []
    assert projects_in_task("园区经发局负责项目前期和要素保障。") == []


def test_works_a_count_sums_up_are_led_by_the_items_units() -> None:
    ex = extract(doc("会议议定：",
                     "（一）澄溪晶材电子特气项目、岚湖储能电站、澄溪港区铁路专用线等3个项目务必于5月底前开工。"
                     "由经济发展局牵头，规划建设局配合。"))
    led = pairs(ex, Relation.LEAD_AGENCY)
    assert {("澄溪晶材电子特气项目", "经济发展局"), ("岚湖储能电站", "经济发展局"),
            ("澄溪港区铁路专用线", "经济发展局")} <= led


def test_a_list_of_other_things_a_count_sums_up_names_no_work() -> None:
    assert projects_in_task("钢铁、化工、建材等3个行业完成超低排放改造。") == []


def test_a_commitment_opening_the_clause_and_a_list_of_works_as_its_subject() -> None:
    # "力争X…竣工": the commitment is no part of the name; "A项目、B项目年底前竣工": each is named on its own
    assert projects_in_task("全年实施重点项目20个，力争澄河储能系统集成项目年底前竣工。") == ["澄河储能系统集成项目"]
    assert not any("、" in p for p in projects_in_task("四季度，力争澄河储能系统集成项目、青樾氢能装备项目年底前竣工。"))
