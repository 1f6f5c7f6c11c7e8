"""Leads stated in reported or quoted speech: "X要牵头抓好Y工程，A、B要积极配合", "X负责人表示，
将牵头推进Y建设", "C将配合D推进Y建设". The project is the object of the work the lead takes on;
an object that is no project ("做好招商引资工作") makes none. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import extract_fixture, pairs
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.responsibility import statements


def test_a_unit_that_must_lead_a_work_leads_its_project():
    ex = extract_fixture("quoted_speech_leads.txt")
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("栖梧湖环湖绿道提升工程", "住建局") in lead
    assert {("栖梧湖环湖绿道提升工程", "财政局"), ("栖梧湖环湖绿道提升工程", "自然资源所")} <= part
    assert ("白鹭洲研学基地", "旅游区管委会") in lead
    assert ("白鹭洲研学基地", "栖梧湖文旅发展公司") in part


def test_the_unit_that_speaks_leads_what_it_will_lead():
    said = statements("旅游区交通运输局表示，将牵头推进栖梧湖游客集散中心建设，年内投入使用。")
    assert said.lead == ["旅游区交通运输局"]
    assert said.objects == [("栖梧湖游客集散中心", ["旅游区交通运输局"])]


def test_a_duty_that_is_no_project_makes_none():
    ex = extract_fixture("quoted_speech_leads.txt")
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if "招商" in p.name]
    assert not [a.name for a in ex.of_kind(Kind.AGENCY) if a.name.endswith(("要", "将"))]
