"""A count written after its noun ("实施县级重点项目86个") is the goal's figure even after a
verb of process; a count before its noun after such a verb ("推进12个续建项目建设") or one
closing a list of named things ("抓好A、B等8个市政项目") describes the work. Every text is
invented for the test."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def counts():
    ex = extract(read_document(FIX / "counts_after_nouns.txt"))
    return {t.value for t in ex.targets if t.unit == "个"}


@pytest.mark.parametrize("value", ["86", "24"])
def test_a_count_after_its_noun_is_a_goal(counts, value):
    assert Decimal(value) in counts


@pytest.mark.parametrize("value", ["12", "8", "30"])
def test_a_count_before_its_noun_describes_the_work(counts, value):
    assert Decimal(value) not in counts
