"""Rows of responsibility and project tables keep their units whatever the page did to the
table: a 合计 row after the last project, a task cell wrapped onto the next line of a table
flattened to one cell a line, section rows between the tasks, a lead stated once in the
sentence before a table without a unit column, cells glued together with no separators, and
a tab-separated row wrapped after its number. Every text is invented for the test."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.extraction.conftest import doc
from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def pairs(ex, relation=Relation.LEAD_AGENCY):
    return {(f.subject.name, f.object.name) for f in ex.facts if f.relation is relation}


def projects(ex):
    return {p.name: p for p in ex.of_kind(Kind.PROJECT)}


def test_a_total_row_is_no_part_of_the_last_project():
    table = Table(rows=(
        ("序号", "项目名称", "建设规模及内容", "总投资（万元）", "年度计划投资（万元）", "责任单位"),
        ("1", "濂泉储能电池模组项目", "新建电池模组生产线4条", "560000", "120000", "★工信局 发改局"),
        ("2", "濂泉职工公寓（二期）", "建设公寓800套，建筑面积5.1万平方米", "31000", "9000", "★住建局 财政局"),
        ("", "合计", "", "591000", "129000", ""),
    ))
    ex = extract(doc("濂泉经济技术开发区2025年重点项目计划。", table, title="濂泉经济技术开发区2025年重点项目计划"))
    found = projects(ex)
    assert "濂泉职工公寓(二期)" in found and found["濂泉职工公寓(二期)"].investment_cny == Decimal("310000000")
    assert not any(any(ch.isdigit() for ch in name.replace("二期", "")) for name in found if "公寓" in name)
    assert ("濂泉职工公寓(二期)", "住建局") in pairs(ex)
    assert ("濂泉职工公寓(二期)", "财政局") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert not any("合计" in name for name in found)


def test_a_wrapped_task_cell_keeps_the_row_in_its_columns():
    ex = extract(read_document(FIX / "wrapped_linecell_table.txt"))
    lead = pairs(ex)
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert not any(ch.isdigit() for name in agencies for ch in name)  # "310亿元，新增…" is no unit
    assert "区工信局" in agencies
    assert ("岫川东港冷链物流中心", "东部新城管委会") in lead
    targets = {(t.metric, t.value) for t in ex.targets}
    assert any(v == Decimal("310") for _, v in targets)  # the number on the line after the wrap
    assert any(v == Decimal("12") and "项目" in m for m, v in targets)


def test_a_section_row_is_no_task_of_the_row_above():
    ex = extract(read_document(FIX / "wrapped_linecell_table.txt"))
    found = projects(ex)
    assert "岫川东部新城" not in found and "东部新城" not in found
    assert not any(subject.endswith("新城") for subject, _ in pairs(ex))


def test_a_lead_stated_before_a_table_leads_every_row():
    ex = extract(read_document(FIX / "lead_before_table.md"))
    lead, part = pairs(ex), pairs(ex, Relation.PARTICIPATING_AGENCY)
    for name in ("东区保税仓储二期工程", "西区跨境电商分拨中心"):
        assert (name, "榕屿港务集团") in lead
        assert (name, "市发展改革委") in part
    found = projects(ex)
    assert found["东区保税仓储二期工程"].investment_cny == Decimal("420000000")
    assert not any("合计" in name for name in found)


def test_a_glued_table_is_read_row_by_row():
    ex = extract(read_document(FIX / "glued_task_table.txt"))
    lead = pairs(ex)
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"经济运行科", "招商合作科", "项目服务科", "规划建设科", "县统计局", "县商务局"} <= agencies
    assert not [a for a in agencies if "科县" in a or a.startswith("科")]
    assert ("泓川科技年产2万吨高纯硅材料项目二期", "项目服务科") in lead
    assert ("沣溪精密模具产业园", "园区开发建设有限公司") in lead
    assert {("南片区雨污分流改造", "规划建设科"), ("园区供热管网工程", "规划建设科")} <= lead
    assert ("沣溪工业园区检测认证中心", "经济运行科") in lead
    assert ("沣渝产业协作园", "招商合作科") in lead


def test_a_tab_row_wrapped_after_its_number_keeps_its_cells():
    ex = extract(read_document(FIX / "tab_wrapped_table.txt"))
    lead = pairs(ex)
    assert {("嵩阳国际物流枢纽多式联运中心", "开发区发改局"),
            ("嵩阳国际物流枢纽多式联运中心", "嵩阳交投集团")} <= lead
    assert ("开发区分布式能源站(二期)", "经济发展局") in lead
    assert ("南区标准化厂房四期", "开发区城投公司") in lead
    found = projects(ex)
    assert found["嵩阳国际物流枢纽多式联运中心"].investment_cny == Decimal("2100000000")


def test_a_unit_glued_before_a_firm_named_after_the_zone_splits_from_it():
    """"综合协调科高新区城市发展有限公司": the unit ends at 科, the firm (named after the plan's
    own zone by its kind word) starts at 高新区."""
    ex = extract(read_document(FIX / "glued_zone_firm_units.txt"))
    lead = pairs(ex)
    assert ("岳溪高新区人才驿站", "综合协调科") in lead
    assert ("岳溪光电子产业园一期", "高新区城市发展有限公司") in lead
    companies = {c.name for c in ex.of_kind(Kind.COMPANY)}
    assert "高新区城市发展有限公司" in companies
    assert not [c for c in companies | {a.name for a in ex.of_kind(Kind.AGENCY)} if c.startswith("科")
                or "科高新区" in c]


def test_a_csv_exported_table_gives_each_row_its_lead_and_participants():
    ex = extract(read_document(FIX / "csv_task_table.txt"))
    lead, part = pairs(ex), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("青岚电子信息产业园三期", "开发区投资服务部") in lead
    assert {("青岚电子信息产业园三期", "开发区建设管理部"), ("青岚电子信息产业园三期", "松岗街道办事处")} <= part
    assert ("松岗污水处理厂提标改造工程", "开发区建设管理部") in lead  # a quoted cell broken over two lines
    assert ("启元智能传感器生产基地", "开发区企业服务部") in part
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"开发区投资服务部", "开发区建设管理部", "开发区企业服务部"} <= agencies  # units ending in 部
    assert not any("," in name for kind in Kind for name in (e.name for e in ex.of_kind(kind)))
