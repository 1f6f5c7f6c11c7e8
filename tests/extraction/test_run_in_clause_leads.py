"""A 工作要点 writes a task as run-in clauses ("一是…二是…三是…"), each closed by its own
bracket of roles "（X牵头，Y、Z配合）": each clause's units lead the works that clause names,
not every work of the task. A section whose clauses state none is closed by a paragraph
"责任单位：X（牵头）、Y、Z" that leads every work its clauses name. Every text is invented for
the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "榆溪新区2026年工作要点"


def test_a_bracket_names_its_lead_before_the_units_that_assist():
    ex = extract(doc("（一）提升枢纽能级。加快榆溪国际陆港物流园建设，年内开通中欧班列（商务局牵头，交通运输局、榆溪海关配合）。",
                     title=TITLE))
    assert ("榆溪国际陆港物流园", "商务局") in pairs(ex, Relation.LEAD_AGENCY)
    assert {("榆溪国际陆港物流园", "交通运输局"), ("榆溪国际陆港物流园", "榆溪海关")} \
        <= pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("榆溪国际陆港物流园", "交通运输局") not in pairs(ex, Relation.LEAD_AGENCY)


def test_each_run_in_clause_leads_the_works_it_names():
    ex = extract(doc("（一）壮大新能源产业。一是推动锂晟动力电池项目二期年内点亮，全年完成投资18亿元（工业和信息化局牵头，"
                     "投资服务局配合）。二是加快榆溪氢能装备产业园建设，9月底前首批厂房交付（投资服务局牵头，规划国土局配合）。"
                     "三是引进配套企业15家以上（投资服务局牵头）。", title=TITLE))
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert ("锂晟动力电池项目二期", "工业和信息化局") in lead
    assert ("榆溪氢能装备产业园", "投资服务局") in lead
    # a clause's units lead only what that clause names
    assert ("锂晟动力电池项目二期", "投资服务局") not in lead
    assert ("榆溪氢能装备产业园", "工业和信息化局") not in lead
    assert ("榆溪氢能装备产业园", "规划国土局") in pairs(ex, Relation.PARTICIPATING_AGENCY)


def test_a_closing_responsibility_paragraph_leads_the_works_of_its_section():
    ex = extract(doc("二、完善城市配套",
                     "坚持以城促产。一是建成北湾片区滨河步道，全长9公里；二是开工建设新区妇幼保健院，设置床位300张；"
                     "三是实施南坪片区“五横五纵”道路工程，新建道路14公里。",
                     "责任单位：城乡建设局（牵头）、自然资源分局、榆溪城投集团",
                     "三、强化保障",
                     "各责任单位要按季度报送进展。", title=TITLE))
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    for work in ("北湾片区滨河步道", "新区妇幼保健院", "南坪片区“五横五纵”道路工程"):
        assert (work, "城乡建设局") in lead
        assert {(work, "自然资源分局"), (work, "榆溪城投集团")} <= part
    assert "北湾片区" in {z.name for z in ex.of_kind(Kind.ZONE)}
    # the section heading its works make up is led by no one
    assert not [p for p, _ in lead if p.startswith("完善城市配套")]


def test_a_framing_verb_is_no_part_of_the_first_sector():
    ex = extract(doc("全年工作要紧扣新能源、智能网联汽车两大主导产业，奋力实现“开门红”。", title=TITLE))
    assert {"新能源", "智能网联汽车"} <= {i.name for i in ex.of_kind(Kind.INDUSTRY)}
    assert not [i.name for i in ex.of_kind(Kind.INDUSTRY) if "紧扣" in i.name]
