"""Targets as real plans state them: distributive lists ("A、B分别增长x%、y%"), goals dated
in the plan's own year, counts of projects above a size, and numbers that are no goal (an
ordinal meeting, the plan's own structure). Texts written for these tests."""
from __future__ import annotations

from decimal import Decimal
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Target

from .conftest import doc


def targets(title: str, *paras: str) -> list[Target]:
    return extract(doc(*paras, title=title)).targets


def goals(title: str, *paras: str) -> dict[str, tuple[Decimal, str]]:
    return {t.metric: (t.value, t.unit) for t in targets(title, *paras) if not t.actual}


PLAN = "澜州经济开发区2019年工作要点"


def test_a_distributive_list_gives_each_metric_its_value():
    assert goals(PLAN, "工业产值、税收收入、固定资产投资分别增长12%、10%和15%。") == {
        "工业产值": (12, "%"), "税收收入": (10, "%"), "固定资产投资": (15, "%")}
    assert goals(PLAN, "地区生产总值和财政收入分别增长8%和9%。") == {
        "地区生产总值": (8, "%"), "财政收入": (9, "%")}


def test_a_goal_dated_in_the_plans_own_year_is_a_goal():
    got = targets(PLAN, "2019年,全区工业总产值同比增长12%,税收收入同比增长9%。")
    assert [(t.metric, t.value, t.actual) for t in got] == [
        ("工业总产值", 12, False), ("税收收入", 9, False)]
    # the same words in a report on 2019 are statistics
    report = targets("澜州经济开发区2019年工作总结", "2019年,全区工业总产值同比增长12%。")
    assert all(t.actual for t in report)


def test_counts_of_projects_above_a_size():
    got = goals(PLAN, "全年引进投资20亿元以上产业项目3个,新引进亿元以上项目5个。")
    assert got == {"引进投资20亿元以上产业项目": (3, "个"), "新引进亿元以上项目": (5, "个")}


def test_an_ordinal_meeting_and_the_plans_structure_are_no_goals():
    assert goals(PLAN, "经2019年2月18日区政府第38次常务会议研究同意,现印发给你们。") == {}
    assert goals(PLAN, "市政府第15届134次常务会议审议通过。") == {}
    assert goals(PLAN, "全年主要工作任务分解为7大方面、80项。") == {}


def test_what_a_fund_invests_is_a_goal():
    assert goals(PLAN, "设立专项子基金,力争基金投资超10亿元,助力新兴产业发展。") == {"基金投资": (10, "亿元")}


def test_a_move_in_a_ranking_and_the_reports_structure_are_no_goals():
    assert goals(PLAN, "在全国绩效评估中前进10个位次,进入B类水平。") == {}
    assert goals(PLAN, "市政府工作报告确定了10个方面190项重点工作。") == {}


def test_a_goal_restated_is_one_goal_dated_by_its_due_year():
    got = targets("澜州高新区未来三年发展纪实",
                  "未来3年,澜州高新区经济总量力争突破700亿元……8月2日,管委会作工作报告。",
                  "到2022年,经济总量力争突破700亿元。")
    assert [(t.metric, t.value, t.unit, t.year) for t in got if not t.actual] == [("经济总量", 700, "亿元", 2022)]
