"""Amounts stated in the sentence after a project's name, opened by a reference back to it
("X项目开工建设。该项目总投资5亿元"), are that project's when the sentence before named no other
project. The text is invented for the test."""
from __future__ import annotations

from decimal import Decimal

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "槐川经济开发区2025年工作要点"


def amounts(*blocks: str) -> dict[str, tuple]:
    ex = extract(doc(*blocks, title=TITLE))
    return {e.name: (e.investment_cny, e.area_m2) for e in ex.of_kind(Kind.PROJECT)}


def test_the_sentence_after_gives_the_amounts_of_the_project_it_refers_to():
    found = amounts("今年，龙湾数据中心项目开工建设。该项目总投资5亿元，建筑面积3万平方米，年内完成主体工程。")
    assert found["龙湾数据中心"] == (Decimal("500000000"), Decimal("30000"))


def test_no_amounts_when_the_sentence_before_named_two_projects_or_the_paragraph_ends():
    found = amounts("槐川人才公寓和滨江实验学校开工建设。该项目总投资2亿元。",
                    "槐川科创大厦年内封顶。", "该项目总投资9亿元。")
    assert found["槐川人才公寓"] == (None, None)
    assert found["滨江实验学校"] == (None, None)
    assert found["槐川科创大厦"] == (None, None)
