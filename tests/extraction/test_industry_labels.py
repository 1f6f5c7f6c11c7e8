"""A park's profile on an investment page lists its industries on a label line ("主导产业：A、B"):
every item is an industry, whatever its words, and a name joined by 和/及 stays whole. The text
is invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from .conftest import doc


def industries(*blocks: str) -> set[str]:
    return {i.name for i in extract(doc(*blocks, title="澄溪高新区投资指南")).of_kind(Kind.INDUSTRY)}


def test_a_label_line_lists_industries() -> None:
    got = industries("【澄溪光电产业园】", "规划面积：9平方公里", "主导产业：光学膜材料、车载显示及配件",
                     "【澄溪数字港】", "主导产业：游戏和动漫、数字内容")
    assert {"光学膜材料", "车载显示及配件", "游戏和动漫", "数字内容"} <= got


def test_firms_on_the_label_line_are_no_industry() -> None:
    assert "光电企业" not in industries("主导产业：光电企业、光学膜材料")


def test_the_words_elsewhere_set_no_label() -> None:
    assert "数字内容" not in industries("会上介绍了主导产业：游戏动漫以外，数字内容也在发展。")
