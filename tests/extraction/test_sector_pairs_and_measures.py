"""Sectors named without a 、-list of three: two joined by 和 right after a focus verb ("东园
主攻A和B", "瞄准A和B"), sectors measured one by one ("A、B营业收入分别增长…"), and a list a
count and a cue word vouch for ("A、B两类业态"). Items that are no sector stay out (项目建设,
工业, parks counted as 产业园区). Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def industries():
    return {e.name for e in extract(read_document(FIX / "sector_pairs_and_measures.txt")).of_kind(Kind.INDUSTRY)}


@pytest.mark.parametrize("sector", ["智能网联汽车", "汽车电子", "绿色建材", "新型储能"])
def test_two_sectors_after_a_focus_verb(industries, sector):
    assert sector in industries


@pytest.mark.parametrize("sector", ["数字创意", "文化旅游"])
def test_sectors_measured_one_by_one(industries, sector):
    assert sector in industries


@pytest.mark.parametrize("sector", ["检验检测", "研发设计"])
def test_a_count_and_a_cue_word_vouch_for_the_list(industries, sector):
    assert sector in industries


def test_what_names_no_sector_stays_out(industries):
    assert not {"项目建设", "招商引资", "工业", "服务业", "东区", "西区", "配套产业"} & industries
