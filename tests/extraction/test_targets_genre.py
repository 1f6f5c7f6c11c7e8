"""Target rules for forms of the genre beyond the five samples, each on a short text written
for the test (imaginary places): Chinese numerals, 百分之X, multi-character units, due years
stated by section headings, annual lists of multi-year actions, and tables."""
from __future__ import annotations

from decimal import Decimal
from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract

from .conftest import doc as plan


def doc(*blocks, title="青川经济开发区2021年工作要点"):
    return plan(*blocks, title=title)


def targets(*blocks, **kw):
    return [t for t in extract(doc(*blocks, **kw)).targets if not t.actual]


def goals(*blocks, **kw):
    """(metric, value, unit, year) of the goals."""
    return [(t.metric, t.value, t.unit, t.year) for t in targets(*blocks, **kw)]


def values(*blocks, **kw):
    return {(v, u) for _, v, u, _ in goals(*blocks, **kw)}


# ---------------------------------------------------------------- Chinese numerals

def test_percent_written_in_words():
    got = {(m, v, u) for m, v, u, _ in goals("全年营业收入增长百分之十五,能耗下降百分之二点五。")}
    assert ("营业收入", 15, "%") in got
    assert ("能耗", Decimal("2.5"), "%") in got


def test_rate_written_in_words_is_a_share():
    ts = targets("污水集中处理率达到百分之九十五。")
    assert [(t.metric, t.value, t.kind.value) for t in ts] == [("污水集中处理率", 95, "share")]


def test_counts_and_amounts_in_chinese_numerals():
    got = values("全年完成工业产值七十二亿元,新增规上企业十二家,新建道路六公里,新引进项目三十个。")
    assert got == {(72, "亿元"), (12, "家"), (6, "公里"), (30, "个")}


def test_numerals_running_through_yi_into_a_wan_unit_are_one_amount():
    assert values("全年实现技术合同成交额四亿五千万元。") == {(45000, "万元")}
    # a project's total so written is its attribute, no goal (and no "…四亿" metric)
    assert values("其中，青川特种涂料项目总投资四亿五千万元。") == set()


def test_single_digit_count_closing_the_clause():
    assert values("引进亿元以上项目十个,其中十亿元以上项目三个。") == {(10, "个"), (3, "个")}


def test_slogans_with_numerals_are_no_targets():
    assert goals("坚持一个中心、两个基本点,实施三个一批工程,推进一网通办,落实两新组织建设,"
                 "打造一带一路节点,统一规划。") == []


def test_ordinal_and_word_numerals_are_no_targets():
    assert goals("第一批项目开工,唯一一个中心建成。") == []


def test_single_digit_after_a_verb_of_creation():
    assert values("新建三个口袋公园。") == {(3, "个")}


def test_a_batch_is_no_number():
    assert goals("引进一批优质项目。") == []


def test_threshold_in_chinese_numerals_qualifies_the_count():
    got = goals("新引进投资千万元以上项目二十个。")
    assert [(v, u) for _, v, u, _ in got] == [(20, "个")]


# ---------------------------------------------------------------- units

def test_multi_character_count_units():
    assert values("全年举办招商推介活动12场次,外出招商40批次,接待游客8万人次。") == \
        {(12, "场次"), (40, "批次"), (8, "万人次")}


def test_ten_thousands_of_people():
    got = goals("到2025年,常住人口达到28万人,引进高校毕业生0.8万人。")
    assert ("常住人口", 28, "万人", 2025) in got
    assert (Decimal("0.8"), "万人") in {(v, u) for _, v, u, _ in got}


def test_time_limit_in_working_days():
    got = goals("项目审批时间压缩至3个工作日以内。")
    assert got == [("项目审批时间", 3, "个工作日", 2021)]


# ---------------------------------------------------------------- due years

def test_report_and_plan_title_and_plan_section_heading():
    title = "关于2020年工作总结和2021年工作安排的报告"
    got = goals("一、2020年工作回顾", "全年完成固定资产投资八十亿元。",
                "二、2021年工作安排", "全年完成固定资产投资九十亿元。", title=title)
    assert got == [("固定资产投资", 90, "亿元", 2021)]


def test_plan_section_heading_sets_the_year_when_the_title_has_none():
    got = goals("一、2020年工作回顾", "全年完成固定资产投资80亿元。",
                "二、2021年工作计划", "新增规上企业8家。", title="青川工业园区管委会工作报告")
    assert ("新增规上企业", 8, "家", 2021) in got


def test_annual_list_of_a_multi_year_action_is_due_in_its_year():
    title = "青川区推进南湾新城建设三年行动(2022—2024年)责任清单"
    got = goals("为推进各项任务,研究确定了2022年度责任清单。", "一、项目建设",
                "1.2022年完成征收面积12万平方米。", "2.全年引进科技型企业30家。", title=title)
    assert ("征收面积", 12, "万平方米", 2022) in got
    assert ("引进科技型企业", 30, "家", 2022) in got


def test_multi_year_plan_range_in_title_dates_undated_goals_at_its_end():
    got = goals("一、发展基础", "2020年新城实现地区生产总值120亿元。",
                "二、发展目标", "常住人口达到20万人。", title="南湾新城2021—2025年发展规划")
    assert got == [("常住人口", 20, "万人", 2025)]


# ---------------------------------------------------------------- prose

def test_land_secured_for_a_purpose_is_a_goal():
    assert values("保障新城建设用地300亩,供应工业用地800亩。") == {(300, "亩"), (800, "亩")}


def test_listed_firms_counted_for_a_task():
    assert values("推动青川食品、南湾电子等8家企业实施智能化改造。") == {(8, "家")}


def test_shortfall_is_no_goal():
    assert goals("三、需要协调解决的问题", "一是建设用地指标缺口约五百亩。") == []


# ---------------------------------------------------------------- tables

TASK_HEADER = ("序号", "重点工作", "责任单位", "完成时限")


def test_task_table_reads_the_task_cell_only():
    ts = targets(Table((TASK_HEADER,
                        ("12", "新增高新技术企业18家,研发投入比重达到3%", "区科技局", "2021年12月底"))))
    got = {(t.metric, t.value, t.unit) for t in ts}
    assert got == {("新增高新技术企业", 18, "家"), ("研发投入比重", 3, "%")}
    assert all("|" in t.evidence.quote for t in ts)  # the evidence is the whole row


def test_first_data_row_of_a_task_table_is_read():
    got = values(Table((("1", "全年完成工业产值300亿元,增长7%", "区经发局", "2021年12月底"),
                        ("2", "新增规上企业20家", "区经发局", "2021年12月底"))))
    assert got == {(300, "亿元"), (7, "%"), (20, "家")}


def test_two_quantities_in_one_task_cell():
    got = values(Table((TASK_HEADER, ("3", "完成土地收储900亩,供应工业用地600亩", "区资规局", "2021年11月底"))))
    assert got == {(900, "亩"), (600, "亩")}


def test_task_cell_running_onto_the_next_row():
    got = goals(Table((TASK_HEADER,
                       ("1", "开展安全隐患专项整治,化工企业隐患整改", "区应急局", "2021年12月底"),
                       ("", "率100%", "", ""),
                       ("2", "新建5G基站200个,规上企业上云", "区工信局", "2021年12月底"),
                       ("比例达到60%", "", ""))))
    got = {(m, v, u) for m, v, u, _ in got}
    assert ("化工企业隐患整改率", 100, "%") in got
    assert ("规上企业上云比例", 60, "%") in got


def test_heading_line_between_rows_keeps_the_table_header():
    got = goals("| 序号 | 重点工作 | 责任单位 | 完成时限 |",
                "一、经济指标",
                "| 1 | 全年新增市场主体3000户 | 区市场监管局 | 2021年12月底 |",
                "二、项目建设",
                "| 2 | 建成标准厂房10万平方米 | 区建设局 | 2021年12月底 |")
    assert {(m, v, u) for m, v, u, _ in got} == {("新增市场主体", 3000, "户"), ("建成标准厂房", 10, "万平方米")}


def test_deadline_column_gives_the_due_year():
    got = goals(Table((TASK_HEADER, ("1", "新建人才公寓800套", "区住建局", "2022年6月底"))))
    assert got == [("新建人才公寓", 800, "套", 2022)]


def test_project_table_states_no_goals():
    assert goals(Table((("序号", "项目名称", "总投资(亿元)", "建设内容", "责任单位"),
                        ("1", "南湾数据中心", "12", "新建机房楼2栋,改造厂房3万平方米", "区建设局"),
                        ("2", "青川人才社区", "5", "建设人才公寓600套", "区住建局")))) == []


def test_indicator_rows_under_a_header_line_without_goal_words():
    ts = targets("| 指标 | 总量(亿元) | 增速 |",
                 Table((("地区生产总值", "210", "6.5%"), ("工业投资", "60", "12%"))))
    got = {(t.metric, t.value, t.unit, t.kind.value) for t in ts}
    assert ("地区生产总值", 210, "亿元", "level") in got
    assert ("地区生产总值", Decimal("6.5"), "%", "growth_rate") in got
    assert ("工业投资", 60, "亿元", "level") in got


def test_category_cell_spanning_rows_does_not_merge_indicator_rows():
    ts = targets(Table((("类别", "指标", "单位", "2021年目标"),
                        ("经济发展", "地区生产总值", "亿元", "210"),
                        ("", "工业增加值", "亿元", "80"))))
    assert {(t.metric, t.value) for t in ts} == {("地区生产总值", 210), ("工业增加值", 80)}


def test_approximate_counts():
    assert values("全年引进优质企业20余家,举办活动30多场。") == {(20, "家"), (30, "场")}


def test_year_in_an_annual_title():
    got = goals("全年新增规上企业8家。", title="关于南湾新城2021年度工作总结和2022年度工作计划的报告")
    assert got == [("新增规上企业", 8, "家", 2022)]


def test_counts_of_ten_thousands():
    assert values("全年新增就业岗位1.5万个,一点二万户完成改造。") >= {(Decimal("1.5"), "万个")}


def test_summary_of_a_year_plans_for_the_next():
    got = goals("一、主要成效", "2021年,全区实现营业收入80亿元。", "二、下一步工作", "新增市场主体2000户。",
                title="南湾园区2021年工作总结")
    assert got == [("新增市场主体", 2000, "户", 2022)]


def test_whole_year_clause_keeps_the_plan_year_beside_a_later_horizon():
    got = goals("全年工业总产值增长百分之十,两年内建成标准厂房二十万平方米。")
    assert ("工业总产值", 10, "%", 2021) in got and ("建成标准厂房", 20, "万平方米", 2023) in got


def test_deadline_of_a_procedure_is_no_goal():
    assert goals("各镇街须在三个工作日内完成上报。") == []


def test_livestock_per_mille_and_time_limit_units():
    found = values("全年屠宰加工肉羊60万只、肉牛3万头，存栏基础母牛达到3000头，森林火灾受害率控制在0.9‰以内，"
                   "项目从拿地到开工平均时间压缩至30天，整体通关时间压缩至24小时。")
    assert {(Decimal(60), "万只"), (Decimal(3), "万头"), (Decimal(3000), "头"), (Decimal("0.9"), "‰"),
            (Decimal(30), "天"), (Decimal(24), "小时")} <= found
