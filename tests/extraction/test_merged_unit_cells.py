"""A responsibility table flattened to text leaves a merged 责任单位 cell in its first row and
the rows it spans blank: those rows take the units of the row above, up to the next section
row, 合计 row or header; a section row's count of its items ("一、产业项目（3个）") states no
goal. The text is invented."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Relation

from .conftest import doc, pairs

_TABLE = Table((
    ("序号", "项目名称", "总投资（亿元）", "牵头领导", "责任单位"),
    ("一、产业项目（3个）",),
    ("1", "岚溪光电显示模组项目", "18", "任海川", "招商服务局"),
    ("2", "岚溪碳纤维复合材料项目", "7.5", "", ""),
    ("3", "岚溪冷链仓储项目", "4.2", "", ""),
    ("二、配套项目（2个）",),
    ("4", "岚溪人才驿站", "1.1", "", ""),
    ("5", "岚溪第二水厂", "3.3", "贺知秋", "住房和城乡建设局、岚溪水务公司"),
    ("合计", "", "34.1", "", ""),
))


def _extraction():
    return extract(doc("附件：岚溪经济开发区2024年重点项目责任分解表", _TABLE,
                       title="岚溪经济开发区2024年重点项目责任分解表"))


def test_blank_unit_cells_take_the_units_of_the_row_above():
    leads = pairs(_extraction(), Relation.LEAD_AGENCY)
    assert {("岚溪碳纤维复合材料项目", "招商服务局"), ("岚溪冷链仓储项目", "招商服务局")} <= leads
    assert ("岚溪第二水厂", "住房和城乡建设局") in leads


def test_a_section_row_ends_the_merged_cell():
    leads = pairs(_extraction(), Relation.LEAD_AGENCY)
    assert not any(p == "岚溪人才驿站" for p, _ in leads)


def test_a_section_rows_count_is_no_goal():
    assert not any(t.value in (2, 3) for t in _extraction().targets)
