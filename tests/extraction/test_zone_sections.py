"""The sections a zone is divided into ("下辖A园区和B园区两个园区", "分为A、B两个片区") are
zones even when their names are common words (物流, 科创): the verb and the count say so.
Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find
from zonekg.loaders.extraction.text import Sentence
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def zones():
    return {z.name for z in extract(read_document(FIX / "zone_sections.txt")).of_kind(Kind.ZONE)}


@pytest.mark.parametrize("section", ["物流园区", "科创园区"])
def test_the_sections_are_zones(zones, section):
    assert section in zones


def test_a_list_of_sections_with_a_count():
    found = {m.name for m in find(Sentence("综保区分为港口园区、临空园区两个片区。", 0, 0, 0)) if m.kind is Kind.ZONE}
    assert {"港口园区", "临空园区"} <= found

