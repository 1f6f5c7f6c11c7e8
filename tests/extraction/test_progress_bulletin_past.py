"""A progress bulletin reports what was done: a task whose status says it is done
("X工程【已完成】") states in its paragraph what was built, and a clause opening with the period
the bulletin covers ("前三季度…", named in the "关于…的通报" line under the issuer) states what
was reached. What is still to reach ("四季度还需…") and what a clause commits to stay goals."""
from __future__ import annotations

from zonekg.loaders.extraction import extract

from tests.extraction.conftest import doc

ISSUER = "蓠川经济开发区管委会督查室"


def _goals(*blocks: str) -> set[tuple[float, str]]:
    """The (value, unit) of every goal read in a bulletin of these paragraphs."""
    ex = extract(doc("督查通报", "关于2025年前三季度重点工作推进情况的通报", *blocks, title=ISSUER))
    return {(float(t.value), t.unit) for t in ex.targets if not t.actual}


def test_a_done_tasks_figures_report_the_past():
    goals = _goals("二、重点任务推进情况",
                   "1．西塍标准厂房二期【已完成】。建成标准厂房8万平方米，已入驻企业6家。【西塍产业园管理办公室】",
                   "2．蓠川科创中心【序时推进】。主体已封顶，确保年底前建成标准厂房3万平方米。——科技创新局")
    assert (8.0, "万平方米") not in goals
    assert (3.0, "万平方米") in goals


def test_the_period_reported_on_and_what_is_left_to_reach():
    goals = _goals("二、重点任务推进情况",
                   "3．招商引资【序时推进】。前三季度新签约亿元以上项目17个，其中10亿元以上项目3个；"
                   "四季度还需新签约亿元以上项目8个以上。【投资促进局】")
    assert (17.0, "个") not in goals and (3.0, "个") not in goals
    assert (8.0, "个") in goals


def test_a_mid_year_summarys_work_section_reports_the_past():
    ex = extract(doc("一、上半年工作情况",
                     "（一）项目建设提速增效。蓠川物流港一期建成投用，入驻物流企业17家；新增规上企业4家。",
                     "二、下半年工作安排",
                     "下半年，确保全年新增规上企业12家。",
                     title="蓠川经济开发区2025年上半年工作总结暨下半年工作安排"))
    goals = {(float(t.value), t.unit) for t in ex.targets if not t.actual}
    assert (17.0, "家") not in goals and (4.0, "家") not in goals
    assert (12.0, "家") in goals
