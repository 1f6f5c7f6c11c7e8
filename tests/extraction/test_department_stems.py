"""A department whose name opens with a verb or another department's words (招商合作局,
建设交通局, 规划国土局) is one agency, not the shorter one its last words name (合作局, 交通局,
国土局), in a table cell, a label or running text, and without a verb before it ("会同规划建设局"). The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def test_departments_with_verb_stems_keep_their_whole_name():
    ex = extract(doc(
        "1．建设枫湾冷链物流中心。（牵头单位：招商合作局；配合单位：建设交通局）",
        "2．推进枫湾大道改造工程。建设交通局负责，规划国土局、投资合作局配合。",
        title="枫湾经济开发区2025年重点项目安排"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"招商合作局", "建设交通局", "规划国土局", "投资合作局"} <= agencies
    assert not agencies & {"合作局", "交通局", "国土局"}


def test_a_verb_before_a_whole_stem_is_no_part_of_the_name():
    ex = extract(doc("经发局会同招商合作局每季度开展一次项目集中调度，财政局会同规划建设局做好保障。",
                     title="枫湾经济开发区2025年重点项目安排"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"招商合作局", "规划建设局"} <= agencies
    assert not [a for a in agencies if a.startswith("会同")]


def test_two_functions_joined_by_he_are_one_department():
    ex = extract(doc("财政局统筹安排专项资金3000万元；规划建设和自然资源局做好项目用地保障，年内供应工业用地800亩。",
                     title="枫湾经济开发区2025年重点项目安排"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert "规划建设和自然资源局" in agencies
    assert "自然资源局" not in agencies


def test_a_department_heading_with_a_verb_or_two_functions_keeps_its_name():
    ex = extract(doc("二、组织人事局（分管领导：周某）", "负责干部队伍建设和人才工作。",
                     "十、应急管理和生态环境局（分管领导：韩某）", "负责安全生产和生态环境保护工作。",
                     title="枫湾高新区管委会关于明确2025年各部门职责分工的通知"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"组织人事局", "应急管理和生态环境局"} <= agencies
    assert not agencies & {"人事局", "生态环境局"}


def test_you_opening_a_bracket_of_leads_is_no_part_of_the_unit():
    ex = extract(doc("加快枫湾物流港二期建设，总投资15亿元，年底前完成仓储主体工程（由商贸物流局负责）。",
                     title="枫湾经济开发区2025年下半年工作安排"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert "商贸物流局" in agencies
    assert "由商贸物流局" not in agencies
