"""A task cell of a one-cell-a-line table cut right before an amount ("…营业收入突破" +
"420亿元，新引进…6个。") is one cell, also in a row that leaves a cell empty (so the row has
as many lines as the header has columns): the figures after the cut are the row's targets,
and the row keeps its units in their columns. Every text is invented for the test."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Relation
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "linecell_wrapped_figures.txt"))


def test_the_figures_after_the_cut_are_targets(ex):
    found = {(t.value, t.unit) for t in ex.targets}
    assert (Decimal("420"), "亿元") in found
    assert (Decimal("6"), "个") in found


def test_the_row_keeps_its_units(ex):
    lead = {(f.subject.name, f.object.name) for f in ex.facts if f.relation is Relation.LEAD_AGENCY}
    assert ("澜沧湾港口物流园二期", "规划建设局") in lead
    assert any(f.object.name == "经济发展局" for f in ex.facts if f.relation is Relation.LEAD_AGENCY)
    assert not any(ch.isdigit() for f in ex.facts for ch in f.object.name)
