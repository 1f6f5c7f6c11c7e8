"""A foreign group named by its country and a short brand ("新加坡X集团"): the brand's characters
may be words jieba tags as an adjective or a conjunction (丰, 和), and the firm is still one name,
not a phrase split at its 和. Every text is invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import names
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.text import Sentence


def firms(text: str) -> list[str]:
    return [m.name for m in names.find(Sentence(text, 0, 0, 0)) if m.kind is Kind.COMPANY]


def test_a_country_and_a_brand_ending_in_a_conjunction_is_one_firm():
    assert firms("新加坡丰和集团投资的润滑油添加剂项目年内开工。") == ["新加坡丰和集团"]
    assert firms("引进日本东和集团精密轴承项目。") == ["日本东和集团"]


def test_a_conjunction_opening_the_rest_still_joins_two_names():
    # "美国和日本企业": two countries, no firm; the rule needs a brand after the country
    assert firms("引进美国和日本企业5家。") == []
