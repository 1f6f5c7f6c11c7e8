"""A plan written as prose, or a news report of a work meeting, strings one project a
sentence and states its lead in a later clause of that sentence: "X年内完工，由A牵头，B配合",
"总投资…的Y要在9月底前投用，由C负责". Each statement leads the project its own sentence names, not the paragraph's opening sentence; a paragraph whose first
clause is only a date names no task. Every text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

MEETING = ("会议要求，要全力抓好重点项目。槐川集装箱码头三期工程年内完工，由港航局牵头，财政局、自然资源局配合。"
           "总投资八亿元的槐川冷链物流中心要在9月底前投入运营，由商务局负责。")


def test_each_statement_leads_the_project_its_sentence_names():
    ex = extract(doc("2月10日，槐川临港经济区召开2024年工作会议。", MEETING,
                     title="槐川临港经济区召开2024年工作会议"))
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert {("槐川集装箱码头三期工程", "港航局"), ("槐川冷链物流中心", "商务局")} <= lead
    assert {("槐川集装箱码头三期工程", "财政局"), ("槐川集装箱码头三期工程", "自然资源局")} <= part
    # the paragraph's opening sentence is no project of its own
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if p.name.startswith("会议要求")]


def test_a_paragraph_opening_with_a_date_names_no_task():
    ex = extract(doc("2023年，园区实现营业收入12亿元。2024年，园区力争营业收入增长10%。"
                     "由经济发展局牵头，各部门配合，每月调度进展。", title="槐川文创园2024年工作计划"))
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if p.name.startswith("2023")]


def test_a_closing_statement_leads_the_works_its_paragraph_named_since_the_last_one():
    ex = extract(doc("园区建设方面。今年建成枫岚北区污水处理厂，由规划建设局负责。"
                     "加快推进辰芯半导体8英寸功率器件生产线项目，确保年内设备搬入；启动朗晖光电Mini LED背光模组项目，"
                     "总投资18亿元。由经济发展局牵头，投资促进局配合。", title="枫岚高新区2025年工作要点"))
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    works = ("辰芯半导体8英寸功率器件生产线项目", "朗晖光电Mini LED背光模组项目")
    assert {(w, "经济发展局") for w in works} <= lead
    assert {(w, "投资促进局") for w in works} <= part
    # the work an earlier statement of the paragraph led keeps only its own lead
    assert [x for x in lead if x[0] == "枫岚北区污水处理厂"] == [("枫岚北区污水处理厂", "规划建设局")]
    assert not [p.name for p in ex.of_kind(Kind.PROJECT) if p.name.startswith("加快推进")]
