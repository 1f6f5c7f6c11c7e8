"""A topic heading of a word or two ("（一）园区交通。开工建设X枢纽…（牵头：甲）") is no task of its
own: the works its sentences name take the units, as they do under a heading that states a task
("（三）加快科创平台建设。…"). Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Relation
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def pairs():
    ex = extract(read_document(FIX / "topic_heading_works.txt"))
    return {(f.relation, f.subject.name, f.object.name) for f in ex.facts
            if f.relation in (Relation.LEAD_AGENCY, Relation.PARTICIPATING_AGENCY)}


@pytest.mark.parametrize("project, agency", [("青岩东站综合交通枢纽", "交通建设局"),
                                             ("澄光电子智能终端产业园二期", "经济发展局")])
def test_the_works_under_a_topic_take_its_lead(pairs, project, agency):
    assert (Relation.LEAD_AGENCY, project, agency) in pairs


def test_the_works_under_a_topic_take_its_participants(pairs):
    assert (Relation.PARTICIPATING_AGENCY, "澄光电子智能终端产业园二期", "投资促进局") in pairs


@pytest.mark.parametrize("agency", ["财政局", "青岩街道办事处"])
def test_a_bare_participant_label_names_participants(pairs, agency):
    """"（牵头：甲；配合：乙、丙）": 配合 labels its units like 配合单位."""
    assert (Relation.PARTICIPATING_AGENCY, "青岩东站综合交通枢纽", agency) in pairs


def test_a_topic_is_no_project(pairs):
    assert not any(subject in ("园区交通", "智能终端") for _, subject, _ in pairs)


def test_a_task_headings_works_take_its_units(pairs):
    """"（三）加快科创平台建设。建成X中心…": the heading names the task, X is what it leads."""
    assert (Relation.LEAD_AGENCY, "青岩科学城创新中心", "科技创新局") in pairs
    assert not any(subject == "加快科创平台建设" for _, subject, _ in pairs)
