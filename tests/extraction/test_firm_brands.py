"""A firm named by a brand and a sector tail, often only as the opening of its project's name
("X风电塔筒制造项目"), is called by its brand too, without the place it is named after; one
whose words before the tail are another firm's short form is that firm."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Entity, Kind

from tests.extraction.conftest import doc

TITLE = "蓠川经济开发区2025年重点项目推进会议纪要"


def _firms(*blocks: str) -> dict[str, Entity]:
    return {c.name: c for c in extract(doc(*blocks, title=TITLE)).of_kind(Kind.COMPANY)}


def test_a_firm_read_from_its_projects_name_has_its_brand_as_alias():
    firms = _firms("园区内已开工的有岚峰风电塔筒制造项目、澄宇氢能装备产业化项目，由经济发展局牵头。")
    assert "岚峰" in firms["岚峰风电"].aliases
    assert "澄宇" in firms["澄宇氢能"].aliases


def test_the_brand_leaves_out_the_place_the_firm_is_named_after():
    firms = _firms("蓠川经济开发区管委会召开重点项目推进会议。",
                   "（一）蓠川芯源电子特气项目、蓠川港区铁路专用线等项目务必于4月底前开工。由经济发展局牵头。")
    assert "芯源" in firms["蓠川芯源电子"].aliases


def test_a_firm_named_by_another_firms_short_form_is_that_firm():
    firms = _firms("重点企业：蓠川辰烨新材料股份有限公司（辰烨新材）、蓠川港口集团有限公司（蓠港集团）",
                   "在建项目：辰烨新材电子级湿化学品项目（总投资12.5亿元）")
    assert "辰烨新材电子" not in firms
    assert "辰烨新材" in firms["蓠川辰烨新材料股份有限公司"].aliases
