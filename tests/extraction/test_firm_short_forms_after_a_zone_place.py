"""A firm's short form is its legal name without the place it is registered in; a place the
dictionary does not know is known by the plan's zones named after it ("梣州" of 梣州经开区), so
"禾屹新能源" and "梣州禾屹新能源科技有限公司" are one firm. The text is invented."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from tests.extraction.conftest import doc


def test_a_short_form_after_a_place_the_zones_are_named_after_is_the_same_firm():
    ex = extract(doc("2.加快禾屹新能源正极材料项目建设，总投资26亿元，确保三季度投产。（牵头单位：投资促进局）",
                     "注：该项目投资方为梣州禾屹新能源科技有限公司。",
                     title="梣州经济技术开发区2025年工作要点"))
    firms = [c for c in ex.of_kind(Kind.COMPANY) if "禾屹" in c.name]
    assert len(firms) == 1 and firms[0].name == "梣州禾屹新能源科技有限公司"
    assert "禾屹新能源" in firms[0].aliases
