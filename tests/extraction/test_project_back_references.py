"""A lead whose work is the projects named before it, not a project of its own: "A、B这两个项目
…，X要牵头倒排工期" and "“C项目已经完成签约…”，Y要牵头做好项目用地保障" lead the projects the
paragraph named before, as "上述任务分别由Y牵头落实" does; "签约项目…由Z牵头项目落地服务" after a list of items without units leads
each item of it. A lead of a work in a zone ("X园区将由Z牵头开展整治") leads no project. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import extract_fixture, pairs
from zonekg.loaders.extraction.model import Kind, Relation


def test_a_reference_back_in_the_sentence_leads_the_projects_it_names():
    ex = extract_fixture("project_back_references.md")
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert {("芩州传感器产业园", "住建局"), ("芩州算力调度中心", "住建局")} <= lead
    assert ("芩州算力调度中心", "财政金融局") in part


def test_bare_project_as_the_work_of_a_lead_is_the_project_named_before():
    lead = pairs(extract_fixture("project_back_references.md"), Relation.LEAD_AGENCY)
    assert ("芩州国际人才公寓", "土地储备中心") in {(p.removesuffix("项目"), a) for p, a in lead}
    assert not [p for p, a in lead if a == "土地储备中心" and p.startswith("芩州传感器")]


def test_signed_projects_after_a_list_lead_each_item():
    ex = extract_fixture("project_back_references.md")
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    items = ("芩州半导体封测基地", "芩州新能源电驱系统", "芩州生物试剂研发中心")
    assert {(p, "经济服务局") for p in items} <= {(p.removesuffix("项目"), a) for p, a in lead}
    assert {(p, "行政审批局") for p in items} <= {(p.removesuffix("项目"), a) for p, a in part}
    # the speaker's clause is no project
    assert not [p for p in ex.of_kind(Kind.PROJECT) if "介绍" in p.name]


def test_tasks_referred_back_are_the_projects_named_before():
    lead = pairs(extract_fixture("project_back_references.md"), Relation.LEAD_AGENCY)
    assert ("芩州高新区人民医院", "社会发展局") in lead


def test_a_lead_of_a_work_in_a_zone_makes_no_project():
    ex = extract_fixture("project_back_references.md")
    assert not [p for p in ex.of_kind(Kind.PROJECT) if "工作重点" in p.name]
    assert not [p for p, a in pairs(ex, Relation.LEAD_AGENCY) if a == "应急管理局"]
