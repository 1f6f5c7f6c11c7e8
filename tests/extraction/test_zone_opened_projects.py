"""A zone with a name of its own that opens a project's name is a zone as well
("南翼产业园标准化厂房三期"); a facility of a common kind right after a zone is named after it
("泮北片区污水处理厂", "槿湖高新区科创中心二期"); the sections a zone is divided into are zones
whatever their head ("分为A新城、B物流园和C制造园三个功能区"); a role ("核心功能区") or a kind
("区域分拨中心") names nothing. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "槐川高新技术产业开发区2025年工作要点"


def names(*blocks: str) -> dict[Kind, set[str]]:
    ex = extract(doc(*blocks, title=TITLE))
    return {k: {e.name for e in ex.of_kind(k)} for k in (Kind.ZONE, Kind.PROJECT)}


def test_a_named_zone_opening_a_project_is_a_zone_too():
    found = names("启动南翼产业园标准化厂房三期建设，新建厂房9.6万平方米。", "实施绿满开发区工程，建成口袋公园3个。")
    assert "南翼产业园" in found[Kind.ZONE]
    assert "南翼产业园标准化厂房三期" in found[Kind.PROJECT]
    assert "绿满开发区" not in found[Kind.ZONE]


def test_a_common_facility_after_a_zone_is_named_after_it():
    found = names("建成泮北片区污水处理厂（总投资2.4亿元）。", "开工建设槿湖高新区科创中心二期。",
                  "新建污水处理厂2座。")
    assert {"泮北片区污水处理厂", "槿湖高新区科创中心二期"} <= found[Kind.PROJECT]
    assert not found[Kind.PROJECT] & {"污水处理厂", "科创中心二期"}


def test_sections_roles_and_kinds():
    found = names("临空经济区分为空港新城、航空物流园和临空制造园三个功能区。",
                  "空港新城是临空经济区的核心功能区。", "完成滨河化工集中区VOCs综合治理。",
                  "引导龙头企业在航空物流园设立区域分拨中心。")
    assert {"空港新城", "航空物流园", "临空制造园", "滨河化工集中区"} <= found[Kind.ZONE]
    assert "核心功能区" not in found[Kind.ZONE]
    assert "区域分拨中心" not in found[Kind.PROJECT]


def test_a_kind_of_facility_in_a_task_is_no_work_of_it():
    found = names("2.培育壮大临空产业。推动翔宇航空维修基地一期年内投产，引导龙头企业在航空物流园设立区域分拨中心。"
                  "（牵头单位：经济发展局）")
    assert "区域分拨中心" not in found[Kind.PROJECT]
    assert "翔宇航空维修基地一期" in found[Kind.PROJECT]
