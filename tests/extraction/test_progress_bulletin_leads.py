"""A progress bulletin (督查通报) closes each task with its units on a line of their own, after a
dash or in 【】 ("——A局（B公司配合）", "【A局、B街道办事处】"), writes the task's status in 【】
after its name ("X工程【滞后】"), and may lead the projects a task lists with "以上项目由X牵头"."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

from tests.extraction.conftest import doc, pairs

TITLE = "岑溪经济开发区2025年上半年重点工作推进情况通报"


def _bulletin():
    return extract(doc(
        "1．岑溪港区三期码头工程【已完成】。6个泊位已通过交工验收。——港航管理局（岑溪港务集团有限公司配合）",
        "2．岑溪数智大厦【滞后】。受审批影响尚未开工，计划8月底前开工。【规划建设局、西塘街道办事处】",
        "3．岑溪智能装备产业园建设【序时推进】。园区内在建的有云杉精工减速机项目、北岭数控机床基地，"
        "其余项目年底前竣工。以上项目由经济发展局牵头，应急管理局配合。",
        title=TITLE))


def test_units_closing_a_task_lead_it():
    ex = _bulletin()
    leads = pairs(ex, Relation.LEAD_AGENCY)
    assert ("岑溪港区三期码头工程", "港航管理局") in leads
    assert ("岑溪港区三期码头工程", "岑溪港务集团有限公司") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert {("岑溪数智大厦", "规划建设局"), ("岑溪数智大厦", "西塘街道办事处")} <= leads


def test_a_status_is_no_part_of_a_task():
    names = {p.name for p in _bulletin().of_kind(Kind.PROJECT)}
    assert not any("【" in n or "序时推进" in n for n in names)


def test_the_projects_a_task_lists_take_the_lead_stated_for_them():
    leads = pairs(_bulletin(), Relation.LEAD_AGENCY)
    assert {("云杉精工减速机项目", "经济发展局"), ("北岭数控机床基地", "经济发展局")} <= leads
