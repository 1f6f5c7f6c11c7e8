"""A park a named firm builds ("引导X集团建设Y产业园", "支持X公司扩建Y物流园") is the firm's
project, not a development zone; a park the plan develops itself stays a zone. Every text is
invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "firm_built_parks.txt"))


def names(ex, kind):
    return {e.name for e in ex.of_kind(kind)}


@pytest.mark.parametrize("park", ["澄渊绿色食品产业园", "澄渊智慧物流园"])
def test_a_park_a_firm_builds_is_its_project(ex, park):
    assert park in names(ex, Kind.PROJECT)
    assert park not in names(ex, Kind.ZONE)


def test_the_firm_keeps_its_full_name(ex):
    assert {"禾丰食品集团", "远捷供应链有限公司"} <= names(ex, Kind.COMPANY)


def test_a_park_the_plan_develops_stays_a_zone(ex):
    assert "澄渊工业园区" in names(ex, Kind.ZONE)
