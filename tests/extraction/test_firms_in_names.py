"""A firm the plan names only as the opening of a project's name ("X食品中央厨房产业园",
"X电机年产…项目", "X医疗器械华南总部", "德国X精工减速机工厂"), a named institute the plan
supports rather than builds, every firm of "支持A、B…", and a firm's full name with business
words in it. Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "firm_prefixed_projects.txt"))


def names(ex, kind):
    return {e.name for e in ex.of_kind(kind)}


@pytest.mark.parametrize("firm", ["禾润食品", "嘉岳精密", "永达电机", "澜禧储能", "洛亨家电", "沛宁医疗器械",
                                  "鑫岳粮油", "德国施瓦茨精工", "新加坡恒瑞港务"])
def test_a_firm_opening_a_project_name_is_a_firm(ex, firm):
    assert firm in names(ex, Kind.COMPANY)


def test_the_projects_keep_their_full_names(ex):
    projects = names(ex, Kind.PROJECT)
    assert {"禾润食品中央厨房产业园", "嘉岳精密汽车零部件智能制造基地", "永达电机年产300万台伺服电机项目",
            "澜禧储能年产8GWh储能电池项目", "沛宁医疗器械华南总部", "新加坡恒瑞港务冷链物流园"} <= projects
    assert "新加坡恒瑞港务冷链物流园" not in names(ex, Kind.ZONE)


def test_a_place_and_a_sector_open_no_firm(ex):
    assert not {"岱湄食品", "岱湄药物", "岱湄储能"} & names(ex, Kind.COMPANY)  # 岱湄 names the zone
    assert "华峻新能源集团" in names(ex, Kind.COMPANY)
    assert "岱湄储能装备产业基地" in names(ex, Kind.PROJECT)


def test_a_supported_institute_exists_already(ex):
    assert "岱湄药物研究院" in names(ex, Kind.COMPANY)
    assert "岱湄药物研究院" not in names(ex, Kind.PROJECT)


def test_every_firm_a_support_clause_lists(ex):
    assert {"泓锦电子", "奕辰智能"} <= names(ex, Kind.COMPANY)


def test_a_firm_name_keeps_its_business_words(ex):
    companies = names(ex, Kind.COMPANY)
    assert "开发区建设投资有限公司" in companies
    assert not {"投资有限公司", "有限公司"} & companies
