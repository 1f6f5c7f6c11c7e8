"""A count followed by the total investment of what it counts ("28个项目总投资156亿元", a news
headline) counts 项目: the investment is no part of the noun. The text is invented for the test."""
from __future__ import annotations

from decimal import Decimal

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract


def test_the_noun_of_a_count_stops_at_the_investment_of_what_it_counts():
    ex = extract(doc("澜湖高新区今年集中开工 32个项目总投资180亿元，涵盖集成电路、生物医药等领域。",
                     title="澜湖高新区重大项目集中开工"))
    counted = {t.metric for t in ex.targets if t.unit == "个" and t.value == Decimal(32)}
    assert counted and not any("总投资" in m or "180" in m for m in counted)
