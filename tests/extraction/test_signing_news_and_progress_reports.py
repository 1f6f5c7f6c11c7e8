"""Two genres of prose about projects: a signing news page lists each signed project with the
firm's full legal name ("N.X市Y科技有限公司投资建设的Z项目，总投资…"), and a monthly progress
report sets this year's goals inside figures already reached ("完成全年目标（N亿元）的M%",
"今年共列重点项目N个") beside the month's own figures, which are no goals. Every text is
invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

SIGNING = doc(
    "4月18日，榆溪经济技术开发区二季度重点项目集中签约仪式在经开区人才服务中心举行。",
    "1.南京澄川光电科技有限公司投资建设的澄川激光雷达生产基地项目，总投资16亿元，拟落户榆溪光谷。",
    "2.榆溪市交通投资集团有限公司投资建设的榆溪多式联运物流园，总投资9亿元。",
    "3.韩国泰岳精密株式会社投资建设的泰岳精密汽车轴承项目，总投资3000万美元。",
    "泰岳精密董事长表示，将力争年底实现首条产线投产。",
    title="榆溪经开区二季度重点项目集中签约")


def test_a_signing_firm_keeps_its_legal_name_and_its_short_form_folds_into_it():
    ex = extract(SIGNING)
    firms = {c.name: c.aliases for c in ex.of_kind(Kind.COMPANY)}
    assert {"南京澄川光电科技有限公司", "榆溪市交通投资集团有限公司"} <= set(firms)
    assert "泰岳精密" in firms["韩国泰岳精密株式会社"]
    assert not {"榆溪市交通投资集团", "南京澄川光电", "韩国泰岳精密", "泰岳精密"} & set(firms)


def test_the_project_a_firm_builds_is_named_without_the_verb_before_it():
    projects = {p.name for p in extract(SIGNING).of_kind(Kind.PROJECT)}
    assert "澄川激光雷达生产基地项目" in projects or "澄川激光雷达生产基地" in projects
    assert not [p for p in projects if p.startswith("的")]


def test_a_venue_and_which_line_of_a_kind_are_no_projects():
    projects = {p.name for p in extract(SIGNING).of_kind(Kind.PROJECT)}
    assert "经开区人才服务中心" not in projects
    assert not [p for p in projects if "产线" in p]


REPORT = doc(
    "一、主要指标完成情况",
    "1—4月，园区完成工业总产值52.4亿元，同比增长9.6%，完成全年目标（150亿元）的34.9%；新增规上企业6家，完成全年目标（18家）的33.3%。",
    "二、重点项目进展情况",
    "园区今年共列重点项目12个，年度计划投资31.5亿元，1—4月累计完成投资10.2亿元，占年度计划的32.4%。",
    "三、招商引资",
    "4月份，园区接待客商考察12批次，新签约项目4个。",
    "四、5月份工作打算",
    "力争5月份完成固定资产投资4.8亿元。",
    title="榆溪生物医药产业园2025年4月份重点工作进展情况")


def test_a_progress_report_states_this_years_goals_beside_what_it_reached():
    goals = {(t.metric, float(t.value)) for t in extract(REPORT).targets if not t.actual}
    metrics = {m for m, _ in goals}
    values = {v for _, v in goals}
    assert {150, 18, 12, 31.5, 4.8} <= values
    assert any("工业总产值" in m for m, v in goals if v == 150)
    # the figures already reached, and the month's own, are no goals
    assert not values & {52.4, 9.6, 34.9, 6, 10.2, 32.4, 4}
    assert not [m for m in metrics if "客商" in m]


def test_a_firm_declared_with_its_short_name_in_a_label_stays_a_firm():
    ex = extract(doc("6.南区公共管廊工程。全长5.2公里，已完成3.1公里。（责任单位：榆溪化工园区投资开发有限公司（以下简称园投公司）；"
                     "配合单位：安全环保部）",
                     "7.北区标准厂房三期。已完成桩基施工。（责任单位：园投公司；配合单位：招商部）",
                     title="榆溪化工园区2025年4月份重点工作进展情况"))
    assert "榆溪化工园区投资开发有限公司" in {c.name for c in ex.of_kind(Kind.COMPANY)}
    assert "榆溪化工园区投资开发有限公司" not in {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert ("北区标准厂房三期", "榆溪化工园区投资开发有限公司") in pairs(ex, Relation.LEAD_AGENCY)


def test_a_zones_own_words_opening_a_facility_name_no_firm():
    ex = extract(doc("4.榆溪生物医药中试基地。总投资3.8亿元，主体结构已完成60%。（责任部门：经济发展部）",
                     title="榆溪生物医药产业园2025年4月份重点工作进展情况"))
    assert "榆溪生物医药" not in {c.name for c in ex.of_kind(Kind.COMPANY)}
