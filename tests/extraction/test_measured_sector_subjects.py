"""A sector the plan measures ("X产业增加值增长12%", "X产业规模突破400亿元") is named by the words
right before 产业, not by the clause's subject, time or aim in front of them ("园区实现", "力争全年":
the tagger reads 力争 as a noun), nor by the count of a list it closes ("A、B两大主导产业产值":
B is 光电子, not "光电子两大主导"). Every text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def industries(*blocks: str) -> set[str]:
    return {e.name for e in extract(doc(*blocks, title="枫岚高新区2025年工作要点")).of_kind(Kind.INDUSTRY)}


def test_the_subject_and_aim_before_a_measured_sector_are_no_part_of_it():
    found = industries("力争全年数字创意产业增加值增长12%。", "2024年，园区实现文化旅游产业营业收入28亿元。",
                       "力争光电显示产业规模突破400亿元。")
    assert {"数字创意", "文化旅游", "光电显示"} <= found
    assert not [i for i in found if i.startswith(("力争", "园区", "全年"))]


def test_the_count_of_a_list_is_no_part_of_its_last_sector():
    found = industries("集成电路、光电子两大主导产业产值分别增长14.2%、11.5%。")
    assert "光电子" in found
    assert not [i for i in found if "两大" in i]
