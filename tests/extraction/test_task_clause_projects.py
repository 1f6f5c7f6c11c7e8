"""A task that names its projects in several clauses ("推动A竣工投产，加快B、C建设") gives each
project the task's units: a completion word (竣工…) ends a name like 建设 does, and a firm's
regional headquarters (X华东总部) is a project's head. Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "task_clause_projects.txt"))


@pytest.mark.parametrize("project", ["凯硕新能源动力电池基地", "博安医疗器械西南总部", "汶川河检验检测公共平台"])
def test_each_project_of_the_task_takes_its_lead(ex, project):
    leads = {f.object.name for f in ex.facts if f.relation is Relation.LEAD_AGENCY and f.subject.name == project}
    assert leads == {"新区经济发展局"}


def test_no_project_is_two_names(ex):
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if "、" in p.name]


def test_a_completion_word_ends_a_name(ex):
    assert "汶川河数据中心二期" in {p.name for p in ex.of_kind(Kind.PROJECT)}
