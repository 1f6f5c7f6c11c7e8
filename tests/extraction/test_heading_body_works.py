"""A short task heading that states its units ("1.完善园区配套功能。…（牵头单位：X；配合单位：Y）")
names the task; the works its sentences name by a proper name (X污水处理厂三期, X货运枢纽) are
what the units lead, as the evaluators' gold reads such a task: each work is led by X with Y,
and the heading is no project of its own. Every text is invented for the test."""
from __future__ import annotations

import pytest

from zonekg.loaders.extraction.model import Kind, Relation

from .conftest import extract_fixture, pairs

WORKS = ["岚溪工业园污水处理厂三期", "岚溪北站货运枢纽"]


@pytest.fixture(scope="module")
def ex():
    return extract_fixture("heading_body_works.txt")


@pytest.mark.parametrize("work", WORKS)
def test_the_named_works_are_projects(ex, work):
    assert work in {p.name for p in ex.of_kind(Kind.PROJECT)}


@pytest.mark.parametrize("work", WORKS)
def test_the_works_take_the_tasks_units(ex, work):
    assert (work, "县住建局") in pairs(ex, Relation.LEAD_AGENCY)
    assert (work, "县交通运输局") in pairs(ex, Relation.PARTICIPATING_AGENCY)


def test_the_heading_is_no_project_of_its_own(ex):
    assert "完善园区配套功能" not in {p.name for p in ex.of_kind(Kind.PROJECT)}
