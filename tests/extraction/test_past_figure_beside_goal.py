"""A report that sets last year's figure beside this year's goal in one sentence (a 政府工作报告
section, a 工作会议 speech): "去年…增长7.2%，今年力争增长8%", "2024年…实现X；2025年，X要突破Y".
Each clause is read in its own time: the past clause is a statistic, the clause set in the
plan's year (今年, the plan year, a commitment word) a goal, even when it borrows the subject
of the clause before it. Texts written for the test (an imaginary district)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract

from .conftest import doc as plan

TITLE = "青岑区人民政府工作报告"


def read(*paras: str) -> dict[tuple, bool]:
    """(metric, value, unit) → actual, for every target of a report given early in 2025."""
    d = plan("——2025年1月12日在青岑区第二届人民代表大会第四次会议上", *paras, title=TITLE)
    return {(t.metric, str(t.value), t.unit): t.actual for t in extract(d).targets}


def test_last_year_and_this_year_in_one_sentence():
    got = read("青岑经开区工业总产值去年增长7.2%，今年力争增长8%。")
    assert got[("工业总产值", "7.2", "%")] is True
    assert got[("工业总产值", "8", "%")] is False  # the subject borrowed from the past clause


def test_a_clause_opened_by_the_plan_year_after_a_past_year():
    got = read("2024年，青岑经开区实现税收收入46亿元，增长5.1%；2025年，税收收入要突破50亿元，增长8%左右。")
    assert got[("税收收入", "46", "亿元")] and got[("税收收入", "5.1", "%")]
    assert got[("税收收入", "50", "亿元")] is False and got[("税收收入", "8", "%")] is False


def test_this_year_after_a_past_clause_of_another_metric():
    got = read("去年新增规上工业企业31家，总数达到268家；今年新增规上工业企业40家，"
               "技改投资增长15%。")
    assert got[("新增规上工业企业", "31", "家")] is True
    assert got[("新增规上工业企业", "40", "家")] is False and got[("技改投资", "15", "%")] is False


def test_progress_so_far_this_year_stays_a_statistic():
    got = read("去年完成固定资产投资72亿元；今年以来，累计完成固定资产投资9亿元。")
    assert all(got.values())
