"""A facility with a common name (人民医院, 第一中学) right after a zone's name is named after
the zone: one project with the zone's name in it. A facility with a name of its own (翠湖湿地
公园) keeps it, and the zone stays a zone. Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "zone_named_facilities.txt"))


def projects(ex):
    return {p.name for p in ex.of_kind(Kind.PROJECT)}


@pytest.mark.parametrize("facility", ["青峦新区第一中学", "青峦新区人民医院二期"])
def test_a_common_facility_keeps_the_zone_name(ex, facility):
    assert facility in projects(ex)


def test_no_facility_is_named_by_its_common_name_alone(ex):
    assert not {"第一中学", "人民医院", "人民医院二期"} & projects(ex)


def test_a_facility_with_a_name_of_its_own_keeps_it(ex):
    assert "翠湖湿地公园" in projects(ex)
    assert "青峦新区" in {z.name for z in ex.of_kind(Kind.ZONE)}
