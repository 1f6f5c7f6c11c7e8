"""A name after a closed bracket ("A（总投资3.8亿元）和B工程") starts where the text after the
bracket stops being a conjunction or a verb, as any name does; a facility named by the plan's own
zone word and what it does ("开发区污水处理厂提标改造工程") is a project. The text is invented for
the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "槐川经济开发区2025年工作要点"


def projects(*blocks: str) -> set[str]:
    return {e.name for e in extract(doc(*blocks, title=TITLE)).of_kind(Kind.PROJECT)}


def test_the_second_project_after_a_bracketed_amount_is_found_without_the_conjunction():
    found = projects("加快推进槐川智造园标准厂房三期（总投资3.8亿元）和滨江污水处理厂提标改造工程建设。")
    assert {"槐川智造园标准厂房三期", "滨江污水处理厂提标改造工程"} <= found
    assert not [p for p in found if p.startswith("和")]


def test_a_facility_named_by_the_own_zone_word_is_a_project():
    found = projects("重点推进槐川智造园标准厂房三期（总投资3.8亿元）和开发区污水处理厂提标改造工程。",
                     "建设园区危险废物集中处置中心。")
    assert {"开发区污水处理厂提标改造工程", "园区危险废物集中处置中心"} <= found


def test_the_own_zone_word_and_a_bare_category_stay_no_project():
    assert not projects("推进园区道路工程，完善开发区配套设施。") & {"园区道路工程", "道路工程"}


def test_a_task_s_units_lead_both_projects_of_the_sentence():
    ex = extract(doc("3.实施重大项目攻坚。重点推进槐川智造园标准厂房三期（总投资3.8亿元）和开发区污水处理厂提标改造工程。"
                     "由规划建设局牵头，财政局配合。", title=TITLE))
    assert {("槐川智造园标准厂房三期", "规划建设局"), ("开发区污水处理厂提标改造工程", "规划建设局")} \
        <= pairs(ex, Relation.LEAD_AGENCY)
