"""A task heading that builds a facility no sentence names as a project ("2.推进X信息平台上线运
行。", "3.建设X冷链物流产业园。") makes that facility the project, led by the task's units, with
the heading as an alias (a zone the plan only develops, "打造X新城", keeps the heading); a project's works and their accessories written as one name ("X大道东延
及配套道路工程") are one project; firms counted one by one after their list ("引进A、B两家企业")
are named firms. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "泷湾物流园2025年工作任务分工"


def test_a_heading_s_facility_is_the_project():
    ex = extract(doc("2.推进智慧物流信息平台上线运行。整合车源、货源、仓储信息。", "牵头单位：园区运营管理部",
                     "3.建设泷湾冷链物流产业园。", "牵头单位：招商部", "4.打造泷湾国际物流新城。", "牵头单位：规划部",
                     title=TITLE))
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert {("智慧物流信息平台", "园区运营管理部"), ("泷湾冷链物流产业园", "招商部")} <= lead
    assert ("打造泷湾国际物流新城", "规划部") in lead  # a zone developed, not built: the task


def test_works_and_their_accessories_are_one_project():
    table = (["序号", "项目名称", "建设内容", "牵头单位"], ["1", "栖棠大道东延及配套道路工程", "新建道路3.4公里", "规划建设局"])
    ex = extract(doc("加快栖棠大道东延建设，年内通车。", title=TITLE, tables=(table,)))
    projects = {e.name for e in ex.of_kind(Kind.PROJECT)}
    assert "栖棠大道东延及配套道路工程" in projects
    assert "栖棠大道东延" not in projects


def test_firms_counted_one_by_one_are_named():
    ex = extract(doc("引进中冷智运、鲜达冷链两家企业，总投资5.6亿元。", "培育智能制造、生物医药两大产业。", title=TITLE))
    assert {"中冷智运", "鲜达冷链"} <= {e.name for e in ex.of_kind(Kind.COMPANY)}


def test_the_works_of_the_heading_facility_named_by_its_kind_word_are_not_led_apart():
    # "（三）建设X实验室。…完成实验室一期主体工程": the lab's own works, no project the units lead apart
    ex = extract(doc("（三）建设岑溪实验室。完成实验室一期主体工程，新组建研发团队10个。"
                     "（牵头单位：科技创新局；配合单位：规划建设局）", title="岑溪高新区2025年工作要点"))
    leads = pairs(ex, Relation.LEAD_AGENCY)
    assert ("岑溪实验室", "科技创新局") in leads
    assert not any(p.startswith("实验室") for p, _ in leads)
