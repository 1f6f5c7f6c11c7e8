"""A 工作要点 sometimes runs the next numbered items on in the first one's paragraph
("1.A…，总投资…；2.B…，年底前通车。责任单位：X、Y。"): every item is a project the closing
units lead, not only the first. Every text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "枫岭高新区2026年工作要点"


def test_items_run_on_in_one_paragraph_are_each_led_by_its_units():
    ex = extract(doc("第三，推进园区建设。",
                     "1.北区智能装备园标准厂房二期，总投资3.5亿元，新建厂房12万平方米；2.枫林大道改造提升工程，"
                     "总投资2.4亿元，年底前建成通车；3.南区污水处理厂扩建工程，总投资1.1亿元。"
                     "责任单位：规划建设局、枫岭城投集团有限公司。", title=TITLE))
    lead = pairs(ex, Relation.LEAD_AGENCY)
    for project in ("北区智能装备园标准厂房二期", "枫林大道改造提升工程", "南区污水处理厂扩建工程"):
        assert (project, "规划建设局") in lead
        assert (project, "枫岭城投集团有限公司") in lead
    road = next(p for p in ex.of_kind(Kind.PROJECT) if p.name == "枫林大道改造提升工程")
    assert road.investment_cny == 240_000_000


def test_items_numbered_otherwise_stay_sentences_of_their_task():
    ex = extract(doc("（一）建设枫岭实验室。1.完成主体封顶；2.引进研发团队8个。责任单位：科技创新局。", title=TITLE))
    assert pairs(ex, Relation.LEAD_AGENCY) == {("枫岭实验室", "科技创新局")}
