"""An indicator table's growth column ("2024年完成 | 增幅(%) | 2025年预期 | 增幅(%)") states the
growth of the dated column before it; container throughput (万标箱) and computing power (P)
are levels; a page's "上一条：/下一条：" links state no count. The text is invented."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from zonekg.loaders.extraction import extract
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def test_growth_columns_give_the_growth_of_the_column_before_them():
    ex = extract(read_document(FIX / "growth_column_table.html"))
    found = {(t.metric, t.kind.value, t.value, t.unit, t.year, t.actual) for t in ex.targets}
    assert ("港口货物吞吐量", "growth_rate", Decimal("5.9"), "%", 2025, False) in found
    assert ("港口货物吞吐量", "growth_rate", Decimal("4.2"), "%", 2024, True) in found
    assert ("税收收入", "growth_rate", Decimal("4.9"), "%", 2025, False) in found
    assert ("集装箱吞吐量", "level", Decimal("230"), "万标箱", 2025, False) in found
    assert ("数据中心算力规模", "level", Decimal("300"), "P", 2025, False) in found
    assert not any(t.unit == "%" and t.kind.value == "share" for t in ex.targets)


def test_page_links_state_no_count():
    ex = extract(read_document(FIX / "growth_column_table.html"))
    assert not any(t.unit == "条" for t in ex.targets)
