"""A size in brackets after a facility's name, opened by an attribute word ("建成X公寓（建筑
面积6.2万平方米）"), describes the facility: no target. A size the plan sets as a goal in the
same sentence ("新增标准厂房20万平方米") stays one. Every text is invented for the test."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from zonekg.loaders.extraction import extract
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def test_a_bracketed_size_is_no_target():
    ex = extract(read_document(FIX / "bracketed_sizes.txt"))
    sizes = {t.value for t in ex.targets if t.unit == "万平方米"}
    assert Decimal("6.2") not in sizes
    assert Decimal("20") in sizes
