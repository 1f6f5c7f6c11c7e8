"""A short task heading that states its units ("1.完善园区配套功能。…（牵头单位：X）") keeps the
units to itself, but the works its sentences name by a proper name (X污水处理厂三期, X货运枢纽)
are projects of their own. Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "heading_body_works.txt"))


@pytest.mark.parametrize("work", ["岚溪工业园污水处理厂三期", "岚溪北站货运枢纽"])
def test_the_named_works_are_projects(ex, work):
    assert work in {p.name for p in ex.of_kind(Kind.PROJECT)}


def test_the_heading_keeps_its_units(ex):
    leads = {(f.subject.name, f.object.name) for f in ex.facts if f.relation is Relation.LEAD_AGENCY}
    assert ("完善园区配套功能", "县住建局") in leads
