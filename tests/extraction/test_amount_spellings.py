"""A project's amounts in the spellings plans use: thousands separators ("52,000万元"), the
currency named ("人民币9600万元"), 亿 without 元 ("约4亿"), 投资额, Chinese numerals ("总投资
四亿五千万元"); and stated anywhere in the text
after an item's title and its colon ("1. **X项目**：…，投资额52,000万元"), in a list or a table.
Every text is invented for the test."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extraction.conftest import doc, extract_fixture
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.amounts import column_value, in_cell
from zonekg.loaders.extraction.model import Kind

EXPECTED = {
    "苇河再生铝产业基地": Decimal("520000000"),
    "苇河光伏组件智能工厂": Decimal("400000000"),
    "苇河污水处理厂二期工程": Decimal("96000000"),
    "苇河园区热电联产项目": Decimal("35000000"),
    "苇河物流集散中心": Decimal("260000000"),
    "苇河标准厂房三期": Decimal("78000000"),
}


@pytest.mark.parametrize(("cell", "value"), [("12,000万元", 120000000), ("约1.5亿", 150000000),
                                             ("人民币8000万元", 80000000), ("0.65亿元", 65000000)])
def test_a_total_investment_cell_in_any_spelling(cell: str, value: int) -> None:
    assert column_value(cell, "总投资") == value


def test_counts_and_other_currencies_are_no_yuan() -> None:
    assert in_cell("年接待游客1.2亿人次") == (None, None)
    assert in_cell("投资1,2期工程") == (None, None)


def test_items_state_their_amounts_after_the_colon_in_any_spelling() -> None:
    ex = extract_fixture("amount_spellings.md")
    got = {p.name: p.investment_cny for p in ex.of_kind(Kind.PROJECT)}
    assert {name: got.get(name) for name in EXPECTED} == EXPECTED
    area = {p.name: p.area_m2 for p in ex.of_kind(Kind.PROJECT)}
    assert area.get("苇河光伏组件智能工厂") == Decimal("63000")


def test_an_investment_in_chinese_numerals_is_the_projects() -> None:
    ex = extract(doc("（一）加快项目建设。加快推进苇河硅材料项目、苇屿氟化工项目建设。其中，苇河硅材料项目总投资"
                     "三十二亿元，苇屿氟化工项目总投资四亿五千万元。以上项目由经济发展部牵头。",
                     title="苇河临港化工产业园2025年重点工作安排"))
    got = {p.name: p.investment_cny for p in ex.of_kind(Kind.PROJECT)}
    assert got.get("苇河硅材料项目") == Decimal("3200000000")
    assert got.get("苇屿氟化工项目") == Decimal("450000000")
