"""The projects a task names inside its sentences take the task's units — lead and participants
— as the evaluators' gold reads "1.加快X产业集聚。推动A建成投产，开工建设B。（牵头单位：甲；配合单位：乙）":
A and B are led by 甲 with 乙, and the heading is no project of its own. Here the units stand on
lines of their own under the task, a work carries its figures in a bracket ("A（总投资32亿元）满产
达效") or an amount before its name, and a heading that is a project's own name ("（三）X基地二期。…
建设Y楼") keeps the units, its parts staying without them. Every text is invented for the test."""
from __future__ import annotations

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.tasks import projects_in_task

from .conftest import doc, extract_fixture, pairs


@pytest.fixture(scope="module")
def ex():
    return extract_fixture("task_works_take_units.txt")


@pytest.mark.parametrize("work, lead, participant", [
    ("锂源科技年产10GWh储能电芯项目", "高新区经济发展局", "高新区投资促进局"),
    ("沐川储能装备产业园二期", "高新区经济发展局", "高新区生态环境分局"),
    ("沐川北站物流枢纽", "高新区规划建设局", "沐川城投集团"),
    ("翠渠路综合管廊工程", "高新区规划建设局", "沐川城投集团"),
])
def test_a_work_named_in_a_task_takes_its_units(ex, work, lead, participant):
    assert (work, lead) in pairs(ex, Relation.LEAD_AGENCY)
    assert (work, participant) in pairs(ex, Relation.PARTICIPATING_AGENCY)


@pytest.mark.parametrize("heading", ["壮大新型储能产业", "提升园区承载能力"])
def test_a_heading_that_names_works_is_no_project(ex, heading):
    assert heading not in {p.name for p in ex.of_kind(Kind.PROJECT)}


def test_a_project_heading_keeps_the_units_and_its_parts_stay_without(ex):
    leads = pairs(ex, Relation.LEAD_AGENCY)
    heading = next(p for p in ex.of_kind(Kind.PROJECT) if "沐川光电显示模组基地二期" in {p.name, *p.aliases})
    assert (heading.name, "高新区招商服务中心") in leads
    assert not any(project == "沐川光电研发楼" for project, _ in leads)


@pytest.mark.parametrize("task, projects", [
    ("加快恒川动力电池二期（总投资38亿元）建设", ["恒川动力电池二期"]),
    ("建成澜湾人民医院（总投资9.8亿元，建筑面积12.6万平方米）并投入运营", ["澜湾人民医院"]),
    ("加快建设总投资4.5亿元的澜湾固废综合利用项目", ["澜湾固废综合利用项目"]),
    ("推动澜湾精密年产5万套轴承项目满产达效", ["澜湾精密年产5万套轴承项目"]),
    ("推进中德（澜湾）产业园建设", ["中德（澜湾）产业园"]),
])
def test_figures_around_a_name_are_no_part_of_it(task, projects):
    """A bracket of figures or an amount before the name describes the work; a bracket without
    a figure is part of the name."""
    assert projects_in_task(task) == projects


def test_a_built_node_of_common_words_is_a_work_of_the_task():
    """"启动工业互联网标识解析二级节点建设" under a short heading: the node is built as a platform
    is, so the task's units lead it, though its name has no proper word."""
    ex = extract(doc("2、数字经济产业。①建成桐岭数据中心二期，新增标准机架2000个；②启动工业互联网标识解析二级节点建设。"
                     "牵头单位：经济发展局；配合单位：科技创新局。", title="桐岭高新区2025年工作要点"))
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert {("桐岭数据中心二期", "经济发展局"), ("工业互联网标识解析二级节点", "经济发展局")} <= lead
