"""General rules of the target reader, each on a short text of the genre written for the test
(imaginary places): past sections and anchors, sizes and qualifiers, descriptive counts,
distribution over lists, metrics and due years."""
from __future__ import annotations

from decimal import Decimal
from zonekg.loaders.extraction import extract

from .conftest import doc as plan


def doc(*paras, title="青川经济开发区2021年工作要点"):
    return plan(*paras, title=title)


def goals(*paras, **kw):
    """(metric, value, unit, year) of the goals, statistics left out."""
    return [(t.metric, t.value, t.unit, t.year) for t in extract(doc(*paras, **kw)).targets if not t.actual]


def values(*paras, **kw):
    return {(v, u) for _, v, u, _ in goals(*paras, **kw)}


# ---------------------------------------------------------------- the past

def test_numbered_basis_section_reports_statistics_until_the_next_section():
    got = values("一、发展基础",
                 "(一)经济实力增强,结构持续优化",
                 "全区实现地区生产总值180亿元,规模以上工业企业达到90家,绿化覆盖率达到45%。",
                 "二、发展目标",
                 "全年地区生产总值增长8%,新增规模以上工业企业10家。")
    assert (180, "亿元") not in got and (90, "家") not in got and (45, "%") not in got
    assert (8, "%") in got and (10, "家") in got


def test_unnumbered_basis_heading_is_closed_by_a_numbered_one_not_by_its_subsections():
    got = values("发展现状",
                 "(一)开放水平提升",
                 "实际利用外资3.2亿美元,进出口总额达到60亿元。",
                 "二、主要任务",
                 "全年实际利用外资4亿美元。")
    assert (Decimal("3.2"), "亿美元") not in got and (60, "亿元") not in got
    assert (4, "亿美元") in got


def test_a_heading_that_sets_a_task_on_the_basis_is_not_retrospective():
    got = values("一、夯实发展基础", "全年新增市场主体2000户。")
    assert (2000, "户") in got


def test_work_review_heading_of_last_year():
    got = values("一、2020年工作回顾", "全年完成固定资产投资85亿元。",
                 "二、2021年工作安排", "全年完成固定资产投资95亿元。")
    assert (85, "亿元") not in got and (95, "亿元") in got


def test_sentence_anchored_on_a_past_year_and_its_semicolon_continuations():
    ex = extract(doc("2020年,全区实现生产总值150亿元,同比增长6%;一般公共预算收入12亿元,增长5%。"
                     "2021年,力争生产总值增长8%。"))
    by_value = {(t.value, t.unit): t.actual for t in ex.targets}
    assert by_value[(150, "亿元")] and by_value[(6, "%")]
    assert by_value[(12, "亿元")] and by_value[(5, "%")]
    assert by_value[(8, "%")] is False


def test_a_past_year_after_a_clause_that_says_who_reports():
    # a news report: "会议指出，2020年…；…；…。" reports the past, "会议明确，2021年…" sets goals
    ex = extract(doc("会议指出，2020年园区完成进出口总额80亿元，增长9%；引进企业12家；新增就业900人。"
                     "会议明确，2021年进出口总额增长10%，引进企业15家。"))
    by_value = {(t.value, t.unit): t.actual for t in ex.targets}
    assert by_value[(80, "亿元")] and by_value[(12, "家")] and by_value[(900, "人")]
    assert by_value[(10, "%")] is False and by_value[(15, "家")] is False


def test_past_markers_in_a_clause_and_commitment_words_that_override_them():
    got = values("截至2020年底,全区高新技术企业总数达到39家,累计引进项目120个,"
                 "力争累计引进项目150个,建区以来年均增长15%。")
    assert (39, "家") not in got and (120, "个") not in got
    assert (150, "个") in got


def test_a_clause_continuing_a_statistic_inherits_it():
    ex = extract(doc("全区累计实现进出口总额80亿美元,年均增长12%。"))
    assert ex.targets and all(t.actual for t in ex.targets)


def test_rise_from_last_year_is_a_goal_and_its_start_value_is_dropped():
    got = goals("今年确保高新技术产业产值占比由去年的40.5%提升至45%以上。")
    assert [(m, v) for m, v, _, _ in got] == [("高新技术产业产值占比", 45)]


# ---------------------------------------------------------------- not goals at all

def test_sizes_and_distances_describe_places():
    assert goals("该园区规划总面积12平方公里,其中建设用地8000亩,距南湖机场20公里。") == []


def test_a_size_after_a_verb_of_result_is_a_goal():
    got = goals("全年预计完成拆迁面积8万平方米,新增建设用地300亩。")
    assert ("拆迁面积", 8, "万平方米", 2021) in got
    assert any(v == 300 and u == "亩" for _, v, u, _ in got)


def test_the_agreed_total_of_signed_projects_is_a_goal_not_a_projects_size():
    got = goals("全年新签约亿元以上项目24个以上、协议总投资180亿元以上。", "建设东湖物流园,总投资6亿元。")
    assert ("协议总投资", 180, "亿元", 2021) in got
    assert not any(v == 6 for _, v, _, _ in got)


def test_threshold_amounts_belong_to_the_metric():
    got = goals("确保引进1个30亿元以上制造业项目,力争招引一批超5亿元、超10亿元的骨干企业。")
    assert [(v, u) for _, v, u, _ in got] == [(1, "个")]
    assert "30亿元以上制造业项目" in got[0][0]


def test_threshold_of_the_counted_things_is_not_a_second_goal():
    got = goals("确保60%以上社区集体经营收入超80万元。")
    assert [(v, u) for _, v, u, _ in got] == [(60, "%")]


def test_counts_after_process_verbs_describe_work_under_way():
    assert goals("重点推进16个重点项目建设,加快推进东环路、滨江路等9项市政工程。") == []
    assert goals("继续抓好总投资120亿元的18个在谈项目。") == []


def test_counts_of_named_things_and_of_existing_things():
    assert goals("把经发、财政、商务等8个部门明确为行业招商牵头部门。") == []
    assert goals("在建35个项目全部竣工。") == []


def test_the_case_a_rule_provides_for_is_no_goal():
    # a clause ending in 的 names a case ("…两个以上的，…"), whatever its number
    assert goals("配合单位有三个以上的，由第一个配合单位汇总报送。") == []
    assert goals("单体投资5亿元以上的，由管委会主任办公会审定。") == []
    assert values("全年引进投资5亿元以上项目6个。") == {(6, "个")}


def test_counts_after_result_verbs_are_goals_even_after_a_list():
    got = values("全年引进省级以上各类研发中心、重点实验室等不少于6个。")
    assert (6, "个") in got


# ---------------------------------------------------------------- lists and metrics

def test_a_verb_distributes_over_a_list_of_amounts():
    got = goals("全年完成工业总产值300亿元、全社会固定资产投资90亿元、一般公共预算收入8亿元。")
    metrics = {m: v for m, v, _, _ in got}
    assert metrics.get("全社会固定资产投资") == 90 and metrics.get("一般公共预算收入") == 8
    assert any("工业总产值" in m and v == 300 for m, v in metrics.items())


def test_a_verb_distributes_over_a_list_of_counts_each_with_its_noun():
    got = goals("年内建成5个口袋公园、12个滨河绿地、3个体育公园。")
    assert [(m, v) for m, v, _, _ in got] == [("口袋公园", 5), ("滨河绿地", 12), ("体育公园", 3)]


def test_counts_in_coordinated_phrases_keep_their_place_and_shared_head():
    got = goals("年内完成东关镇6个村的人居环境整治和西河镇9个村的道路硬化。")
    assert len(got) == 2 and got[0][0].startswith("东关镇村") and got[1][0].startswith("西河镇村")
    got = goals("全区12条市级和30条镇级黑臭河道基本消除黑臭现象。")
    assert [m for m, _, _, _ in got] == ["市级黑臭河道", "镇级黑臭河道"]


def test_one_value_for_a_list_of_rates():
    got = goals("污水收集率、污水处理率力争达到98%。")
    assert [m for m, _, _, _ in got] == ["污水收集率", "污水处理率"]


def test_metric_drops_enumerated_names_and_fillers():
    got = goals("全年引进“领军人才”、青年博士等各类高端人才8人,将区内20个家庭农场逐步打造成示范农场。")
    assert ("引进各类高端人才", 8, "人", 2021) in got
    assert ("家庭农场", 20, "个", 2021) in got


# ---------------------------------------------------------------- years

def test_several_due_years_in_one_sentence_hold_from_their_clause_on():
    got = goals("计划到2022年,基本完成核心区300亩地块开发,3年内完成园区建设投资15亿元。")
    assert ("园区建设投资", 15, "亿元", 2024) in got


def test_range_of_years_takes_the_first():
    got = goals("力争3—5年内完成60—80万平方米研发楼宇建设。")
    assert [(v, u, y) for _, v, u, y in got] == [(60, "万平方米", 2024)]


def test_plan_year_is_the_default():
    assert goals("全年新增高新技术企业12家。") == [("新增高新技术企业", 12, "家", 2021)]


def test_last_year_as_the_base_of_a_comparison_is_still_a_goal():
    got = values("全年地区生产总值比上年增长8%左右,规模以上工业增加值较去年增长9%。")
    assert (8, "%") in got and (9, "%") in got


def test_years_of_progress_so_far_are_statistics():
    got = values("近年来,全区新增市场主体3000户。今年以来,累计完成投资12亿元。")
    assert got == set()


def test_completion_report_section_and_plan_year_of_a_report_and_plan_title():
    paras = ("一、2020年主要工作完成情况", "全年完成固定资产投资85亿元,新增规上企业12家。",
             "二、2021年工作打算", "全年完成固定资产投资95亿元,新增规上企业15家。")
    got = goals(*paras, title="青川经济开发区2020年工作总结和2021年工作计划")
    assert [(v, u, y) for _, v, u, y in got] == [(95, "亿元", 2021), (15, "家", 2021)]


def test_metric_keeps_per_capita():
    got = goals("城镇居民人均可支配收入和农民人均纯收入均分别增长7%、8%。")
    assert [m for m, _, _, _ in got] == ["城镇居民人均可支配收入", "农民人均纯收入"]


def test_a_comparison_clause_borrows_the_subject_before_it():
    got = goals("全年实际利用外资2.5亿美元,比上年增长8%。")
    assert ("实际利用外资", 8, "%", 2021) in got


def test_a_goal_section_commits_what_it_says():
    got = values("一、发展目标", "单位工业增加值能耗累计下降15%。")
    assert (15, "%") in got


def test_an_opening_due_year_runs_on_over_semicolons():
    got = goals("到2025年,工业总产值突破800亿元;规模以上工业企业达到260家;研发投入强度达到3%。"
                "全年新增高新技术企业12家。")
    years = {v: y for _, v, _, y in got}
    assert years[800] == years[260] == years[3] == 2025
    assert years[12] == 2021


def test_five_year_plan_dates_its_undated_goals_at_the_period_end():
    got = goals("一、发展基础", "2020年实现工业总产值420亿元。", "二、重点任务", "新建标准厂房100万平方米。",
                title="东关经济开发区“十四五”产业发展规划")
    assert got == [("新建标准厂房", 100, "万平方米", 2025)]


def test_indicator_table_goal_and_actual_columns():
    from zonekg.loaders.document import Table
    d = doc("全年新增高新技术企业12家。")
    d.blocks.append(Table((("指标", "单位", "2020年完成", "2021年目标"),
                           ("地区生产总值", "亿元", "610", "670"),
                           ("研发投入强度", "%", "2.1", "2.4"))))
    ts = {(t.metric, t.value, t.unit, t.year, t.actual) for t in extract(d).targets}
    assert ("地区生产总值", 670, "亿元", 2021, False) in ts and ("地区生产总值", 610, "亿元", 2020, True) in ts
    assert ("研发投入强度", Decimal("2.4"), "%", 2021, False) in ts


def test_text_table_rows_of_words_keep_their_goals():
    got = values("| 序号 | 任务 | 牵头单位 |", "| 1 | 年内新增规上企业15家 | 经发局 |")
    assert (15, "家") in got


def test_planned_investment_of_the_year_is_a_goal_a_project_s_total_is_not():
    got = values("全年实施重点项目48个,年度计划投资95亿元。总投资22亿元的南湖数据中心年内开工建设。")
    assert (95, "亿元") in got and (22, "亿元") not in got


def test_a_section_reporting_how_tasks_went_is_no_section_of_goals():
    # "重点任务推进情况" holds 任务, yet reports progress: a past marker reports the past there,
    # a clause that commits is still a goal; "目前" says where the work stands now
    found = goals("二、重点任务推进情况",
                  "1．西塘港区码头改造工程。已完成4个泊位改造，确保年底前全部完工。",
                  "2．西塘大道北延工程。目前仅完成路基3.2公里，力争全年完成投资5亿元。",
                  title="西塘经济开发区督查通报")
    assert {(metric, value) for metric, value, _, _ in found} == {("投资", Decimal(5))}
