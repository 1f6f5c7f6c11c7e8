"""Leads stated once for a whole section: a line after a section's numbered items ("上述任务由X
负责，Y配合", "（以上由X牵头，Y参与）", "以上工作由X牵头") leads every item of that section that
has no lead of its own; an item with its own 牵头单位 keeps it, and "其中第3项由Z牵头" gives
item 3 its own lead. The text is invented for the test."""
from __future__ import annotations

import pytest

from zonekg.loaders.extraction.model import Kind, Relation

from .conftest import extract_fixture, pairs


@pytest.fixture(scope="module")
def ex():
    return extract_fixture("section_leads.txt")


@pytest.mark.parametrize("project, lead", [
    ("岚溪光谷创新港", "科技创新局"),        # "上述任务由科技创新局负责"
    ("岚溪中试基地", "科技创新局"),
    ("岚溪人工智能算力中心", "数据资源局"),  # "其中第3项由数据资源局牵头"
    ("岚溪大道北延段工程", "住房和城乡建设局"),  # "（以上由住房和城乡建设局牵头，…）"
    ("滨江污水处理厂二期", "住房和城乡建设局"),
    ("锐衡半导体封测基地项目", "经济发展局"),  # its own 牵头单位 (the firm 锐衡半导体 opens the name)
    ("衡远新能源电池项目", "招商服务局"),     # "以上工作由招商服务局牵头"
])
def test_each_item_of_the_section_has_its_lead(ex, project, lead):
    assert (project, lead) in pairs(ex, Relation.LEAD_AGENCY)


def test_the_section_participants_take_part(ex):
    part = pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert {("岚溪中试基地", "财政金融局"), ("岚溪中试基地", "规划建设局"),
            ("滨江污水处理厂二期", "生态环境分局")} <= part


def test_an_item_with_its_own_lead_or_override_keeps_only_that(ex):
    leads = pairs(ex, Relation.LEAD_AGENCY)
    assert ("锐衡半导体封测基地项目", "招商服务局") not in leads
    assert ("岚溪人工智能算力中心", "科技创新局") not in leads


def test_the_statement_names_no_agency_of_its_own(ex):
    names = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert not [n for n in names if n.startswith(("以上", "上述"))]
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if p.name.startswith(("以上", "上述"))]
