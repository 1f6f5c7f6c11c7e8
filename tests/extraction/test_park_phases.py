"""A park named with its phase ("X产业园二期", "X示范园（二期）") is the phase's project and the park
a zone, never a zone named with the phase; a phase that opens another name ("X港区四期集装箱码头",
"X科创园一期标准厂房") stays that name's; a park's start-up area ("X创新园起步区") is its first
phase. A park whose build the plan states ("全面启动X科技园
建设", "依托X创新园建设") is a project as well as a zone; a park only named ("依托X产业园",
"建成X工业园Y停车场": a work inside it, "X园建设用地") stays a zone. The text is invented for
the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "槐川经济开发区2025年重点工作安排"


def names(*blocks: str) -> dict[Kind, set[str]]:
    ex = extract(doc(*blocks, title=TITLE))
    return {k: {e.name for e in ex.of_kind(k)} for k in (Kind.ZONE, Kind.PROJECT)}


def test_a_park_with_its_phase_is_a_project():
    found = names("加快槐川光电产业园二期建设，年内主体完工。",
                  "槐川智能装备产业园（二期）由开发区平台公司开发，总投资16亿元。")
    assert {"槐川光电产业园二期", "槐川智能装备产业园(二期)"} <= found[Kind.PROJECT]
    assert not [z for z in found[Kind.ZONE] if "期" in z]


def test_a_parks_start_up_area_is_its_first_phase():
    found = names("三是槐川氢能创新园起步区开工，首期投资6亿元。", "推进槐川北部新城起步区路网建设。")
    assert "槐川氢能创新园起步区" in found[Kind.PROJECT]
    assert "槐川氢能创新园" in found[Kind.ZONE]
    assert not [p for p in found[Kind.PROJECT] if p.startswith("槐川北部新城起步区") and not p.endswith("路网")]


def test_a_facility_of_a_parks_phase_is_named_with_the_park():
    found = names("于3月底前完成槐川智能装备园三期标准厂房（建筑面积12万平方米）的规划审批。")
    assert "槐川智能装备园三期标准厂房" in found[Kind.PROJECT]
    assert "槐川智能装备园" in found[Kind.ZONE]


def test_a_phase_that_opens_another_name_stays_with_it():
    found = names("推进槐川港区四期集装箱码头建设。", "完成槐川科创园一期标准厂房建设。")
    assert {"槐川港区", "槐川科创园"} <= found[Kind.ZONE]
    assert not found[Kind.PROJECT] & {"槐川港区四期", "槐川科创园一期"}


def test_a_work_inside_a_park_a_project_table_lists_keeps_the_park_a_zone():
    from zonekg.loaders.document import Table
    table = Table((("序号", "项目名称", "总投资（万元）", "责任单位"),
                   ("1", "槐川绿色建材产业园二期", "56000", "招商局"),
                   ("2", "槐川食品产业园冷链仓储中心", "21000", "经济发展局")))
    ex = extract(doc("附件：重点项目清单", table, title=TITLE))
    zones = {e.name for e in ex.of_kind(Kind.ZONE)}
    assert "槐川食品产业园" in zones  # the park holds the work the row builds
    assert "槐川绿色建材产业园二期" in {e.name for e in ex.of_kind(Kind.PROJECT)}
    assert not [z for z in zones if "期" in z or z.endswith("中心")]


def test_a_park_whose_build_is_stated_is_a_project_and_a_zone():
    found = names("全面启动槐川理工大学科技园建设，围绕智能制造等领域促进学科集群与产业集群融合发展。",
                  "依托槐川海洋科技创新园建设，推进与高校战略合作。")
    assert {"槐川理工大学科技园", "槐川海洋科技创新园"} <= found[Kind.PROJECT]
    assert {"槐川理工大学科技园", "槐川海洋科技创新园"} <= found[Kind.ZONE]


def test_a_park_only_named_stays_a_zone():
    found = names("依托槐川智能装备产业园，引进配套企业10家。",
                  "建成槐川北港工业园危化品车辆专用停车场。",
                  "保障槐川电子产业园建设用地200亩。")
    assert not found[Kind.PROJECT] & {"槐川智能装备产业园", "槐川北港工业园", "槐川电子产业园"}
