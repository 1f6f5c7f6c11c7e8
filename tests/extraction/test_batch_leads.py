"""A news page on a batch of projects (集中开工, 集中签约) names its projects paragraph by
paragraph and then one unit for all of them ("本批开工项目由X牵头跟踪服务，Y配合"): that unit
leads every project the page named before the statement, whatever paragraph named it, and
none named after it. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Relation

TITLE = "棠溪高新区二季度重大项目集中开工"


def leads_of(*blocks: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    ex = extract(doc(*blocks, title=TITLE))
    return pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)


PAGE = ("6月18日，棠溪高新区二季度重大项目集中开工活动举行，此次开工项目15个。",
        "棠溪光电显示模组基地总投资20亿元，建筑面积12万平方米。",
        "同期开工的还有棠溪创新药中试基地（总投资3亿元）、北岗科创大厦等项目。",
        "据介绍，本批开工项目由高新区项目推进中心牵头跟踪服务，规划建设局配合做好要素保障。")


def test_the_batch_statement_leads_every_project_named_before_it_on_the_page():
    lead, part = leads_of(*PAGE)
    for project in ("棠溪光电显示模组基地", "棠溪创新药中试基地", "北岗科创大厦"):
        assert (project, "高新区项目推进中心") in lead
        assert (project, "规划建设局") in part


def test_a_project_named_after_the_batch_statement_is_not_led_by_it():
    lead, _ = leads_of(*PAGE, "下一步，南湖冷链物流中心将于9月开工建设。")
    assert ("南湖冷链物流中心", "高新区项目推进中心") not in lead


def test_a_reference_to_the_projects_above_stays_in_its_paragraph():
    lead, _ = leads_of("棠溪光电显示模组基地总投资20亿元。",
                       "北岗科创大厦、棠溪创新药中试基地这两个项目年内开工，建设局要牵头倒排工期。")
    assert ("北岗科创大厦", "建设局") in lead
    assert ("棠溪光电显示模组基地", "建设局") not in lead
