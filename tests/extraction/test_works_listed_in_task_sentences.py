"""A park's work plan names its projects inside a task's sentences and states who leads them
at the end ("以上项目由X牵头"): each item of such a list is a project by its name alone, whatever
is said of it after ("A项目6月底前投产、B项目年内建成"); two works joined by 和 are two
("建成A停车场和B管廊一期"); and a facility the plan names by its own kind word ("产业园污水处理厂
扩建工程" in an 产业园's plan) is a project of its own. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "澜湖临港精细化工产业园2025年重点工作安排"


def read(*blocks: str) -> tuple[set[str], set[tuple[str, str]]]:
    ex = extract(doc(*blocks, title=TITLE))
    return {p.name for p in ex.of_kind(Kind.PROJECT)}, pairs(ex, Relation.LEAD_AGENCY)


def test_each_item_of_a_list_is_named_without_what_is_said_of_it():
    projects, lead = read("（一）加快项目建设。加快推进澄屿新材料项目和滨港五号码头三期建设，确保澜湖锂电隔膜项目"
                          "9月底前投产、屿光特种纤维项目年内建成。以上项目由经济发展部牵头，安全环保部配合。")
    assert ("澜湖锂电隔膜项目", "经济发展部") in lead
    assert ("屿光特种纤维项目", "经济发展部") in lead
    assert not any("投产" in p or "建成" in p for p in projects)


def test_two_works_joined_by_and_are_two_projects():
    projects, lead = read("（二）完善配套设施。建成危险品运输车辆停车场和综合管廊二期，新增停车位300个。"
                          "以上工程由规划建设部负责。")
    assert {"危险品运输车辆停车场", "综合管廊二期"} <= projects
    assert ("综合管廊二期", "规划建设部") in lead
    assert not any("和" in p for p in projects)


def test_a_facility_named_by_the_parks_own_kind_word_is_a_project():
    _, lead = read("（三）补齐环保设施短板。启动产业园固废处置中心扩建工程，年内完成主体建设。由安全环保部负责。")
    assert ("产业园固废处置中心扩建工程", "安全环保部") in lead


def test_a_kind_of_work_after_the_parks_kind_word_stays_no_project():
    projects, _ = read("（四）提升园区品质。推进产业园道路改造，年内完成。由规划建设部负责。")
    assert "产业园道路改造" not in projects


def test_a_firms_name_opening_with_a_measure_words_character_is_a_name():
    # 盏, 泓 are also measure words, which never open a noun phrase without a numeral before them
    _, lead = read("（五）加快项目落地。加快推进盏川精细化工项目、泓宇生物材料项目建设。以上项目由经济发展部牵头。")
    assert {("盏川精细化工项目", "经济发展部"), ("泓宇生物材料项目", "经济发展部")} <= lead
