"""Responsibility rules: who leads which task, which tasks and table rows are projects, and
the amounts tables state. Every text here is invented for the test (places are made up)."""
from __future__ import annotations

from decimal import Decimal
from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract, lexicon
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.responsibility import heading_name, named_in_task, statements
from zonekg.loaders.readers.tables import split_blocks

from .conftest import doc as plan


def doc(*blocks, title="青禾开发区2025年工作要点"):
    return plan(*blocks, title=title)


def pairs(ex, relation=Relation.LEAD_AGENCY):
    return {(f.subject.name, f.object.name) for f in ex.facts if f.relation is relation}


def project(ex, name):
    return next(e for e in ex.of_kind(Kind.PROJECT) if e.name == name)


# ------------------------------------------------------------------ statements

def test_clause_start_statements():
    s = statements("由甲局牵头，乙局、丙办配合，完成调度。")
    assert s.lead == ["甲局"] and s.part == ["乙局", "丙办"]
    s = statements("由甲局会同乙中心负责。")
    assert s.lead == ["甲局"] and s.part == ["乙中心"]
    s = statements("推行新机制，甲局负责用地报批，乙局负责并联审批。")
    assert s.lead == ["甲局", "乙局"]
    s = statements("东湾镇、西湾街道按职责分工负责。")
    assert s.lead == ["东湾镇", "西湾街道"]
    s = statements("甲局牵头，各街道配合。")
    assert s.lead == ["甲局"] and s.part == []  # a bare type of unit names no one


def test_each_statement_pattern_needs_a_word_the_sentence_scan_looks_for():
    """statements() reads no pattern in a sentence without a label's colon, a lead verb or a
    participant verb or preposition: each pattern it reads must need one of them."""
    patterns = lexicon.load("responsibility")["patterns"]
    for id, needs in (("unit_label", "[:：]"), ("person_label", "[:：]"), ("bracket_lead", "{{lead_verbs}})"),
                      ("lead_statement", "(?:{{lead_verbs}})"), ("participant_statement", "(?:{{participant_verbs}})"),
                      ("participant_prep", "(?:{{participant_preps}})")):
        assert needs in patterns[id]["pattern"], id
    # one of each, with and without its word
    assert statements("责任单位：甲局").lead == ["甲局"]
    assert statements("由甲局牵头").lead == ["甲局"] and statements("（乙市,甲局牵头）").lead
    assert statements("甲局配合").part == ["甲局"] and statements("甲局牵头，会同乙局").part == ["乙局"]
    assert not statements("由甲局，乙局、丙办，完成调度。")


def test_not_a_responsibility():
    assert not statements("各单位主要负责同志为第一责任人。")
    assert not statements("办公室设在甲局，负责统筹协调。")
    assert not statements("企业负责组织实施。")


def test_task_names():
    assert heading_name("3.壮大光电产业。以东园为核心，推进集聚。") == "壮大光电产业"
    assert heading_name("4.围绕传感、软件两个方向，引进企业20家。") == ""  # an indicator
    assert heading_name("5.建成东湾至北站接驳公交线路3条，新增泊位200个。") == "建成东湾至北站接驳公交线路"
    assert named_in_task("推进远山储能电池项目（总投资20亿元）一期建成投产") == ["远山储能电池项目一期"]
    assert named_in_task("建成青石路、白桦路等4条道路，完成南郊水厂提标改造") == ["青石路", "白桦路", "南郊水厂提标改造"]
    assert named_in_task("完成土地收储900亩") == []
    assert named_in_task("推进东园扩建项目，总投资2亿元，年内完成设备安装") == ["东园扩建项目"]


# ------------------------------------------------------------------ running text

def test_bracket_closing_a_numbered_task():
    ex = extract(doc("（一）做强产业",
                     "1.壮大光电产业。以东园为核心，推进芯片配套企业集聚。（责任单位：区经发局、东园管理办公室）",
                     "2.布局未来产业。编制培育方案。（牵头单位：区科技局；配合单位：区财政局）"))
    assert {("壮大光电产业", "区经发局"), ("壮大光电产业", "东园管理办公室"),
            ("布局未来产业", "区科技局")} <= pairs(ex)
    assert ("布局未来产业", "区财政局") in pairs(ex, Relation.PARTICIPATING_AGENCY)


def test_statement_on_the_line_after_the_task():
    ex = extract(doc("一、规划",
                     "1.实施北岸片区房屋征收，全年完成征收面积6万平方米。",
                     "东湾镇负责，西湾街道按职责分工负责辖区地块。配合单位：区财政局、区征收中心。",
                     "2.建设东湾会客厅，总投资1.5亿元，建筑面积1.2万平方米。",
                     "区城建集团负责实施。配合单位：区住建局。"))
    leads = pairs(ex)
    assert {("实施北岸片区房屋征收", "东湾镇"), ("实施北岸片区房屋征收", "西湾街道")} <= leads
    assert ("实施北岸片区房屋征收", "区征收中心") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    # a company named as responsible leads, and stays a company
    assert ("建设东湾会客厅", "区城建集团") in leads
    assert "区城建集团" in {e.name for e in ex.of_kind(Kind.COMPANY)}
    hall = project(ex, "建设东湾会客厅")
    assert hall.investment_cny == Decimal(150000000) and hall.area_m2 == Decimal(12000)


def test_amounts_in_a_sentence_after_the_heading():
    ex = extract(doc("6.建设南岭研究院。由区科技局牵头，会同东园管理办公室，推进主体建设。"
                     "项目总投资8亿元，建筑面积5万平方米，年底前结顶。"))
    # the heading builds a facility the text names: the facility is the project
    p = project(ex, "南岭研究院")
    assert "建设南岭研究院" in p.aliases
    assert p.investment_cny == Decimal(800000000) and p.area_m2 == Decimal(50000)
    assert ("南岭研究院", "区科技局") in pairs(ex)
    assert ("南岭研究院", "东园管理办公室") in pairs(ex, Relation.PARTICIPATING_AGENCY)


def test_roads_a_task_lists_take_its_lead():
    """The evaluators' gold: the works a task names are what its units lead, the task is no
    project of its own."""
    ex = extract(doc("（三）完善路网。实施青石路、白桦路等道路工程。（责任单位：县住建局）"))
    names = {e.name for e in ex.of_kind(Kind.PROJECT)}
    assert {"青石路", "白桦路"} <= names and "完善路网" not in names
    assert pairs(ex) == {("青石路", "县住建局"), ("白桦路", "县住建局")}


# ------------------------------------------------------------------ tables

PIPE_TABLE = [
    "序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限",
    "一、项目建设",
    "1 | 推进远山储能电池项目（总投资20亿元）一期 | 钱一 | 项目中心、 | 2025年9月底",
    "  | 建成投产 |  | 招商局 |",
    "2 | 完成土地收储900亩 | 孙二 | 资源分局、储备中心 | 2025年11月底",
    "二、营商环境",
    "3 | 创建省级数字化示范园区，推动企业改造 | 李三 | 科技局 | 2025年12月底",
]


def test_pipe_table_reader_keeps_sections_and_merges_lines():
    [table] = split_blocks(PIPE_TABLE)
    assert table.rows[1] == ("一、项目建设", "", "", "", "")
    assert table.rows[2] == ("1", "推进远山储能电池项目（总投资20亿元）一期建成投产", "钱一",
                             "项目中心、招商局", "2025年9月底")
    assert len(table.rows) == 6


def test_pipe_table_with_first_unit_leading():
    ex = extract(doc("\n".join(PIPE_TABLE), "备注：责任单位中排在第一位的为牵头单位，其他为配合单位。"))
    leads = pairs(ex)
    assert ("远山储能电池项目一期", "项目中心") in leads
    assert ("远山储能电池项目一期", "招商局") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("省级数字化示范园区", "科技局") in leads
    # a row restating an indicator is no project
    assert not any(p.startswith("完成土地收储") for p, _ in leads)
    assert project(ex, "远山储能电池项目一期").investment_cny == Decimal(2000000000)


def test_project_table_block_gives_leads_and_amounts():
    table = Table((("序号", "项目名称", "总投资（亿元）", "建设内容", "责任单位"),
                   ("1", "北岸数据中心", "12", "新建机房楼2栋", "建设部、北岸城投公司"),
                   ("2", "南湖人才社区", "3.5", "建设人才公寓，建筑面积4.2万平方米", "服务中心")))
    ex = extract(doc("全年安排重点项目2个。", table))
    assert {("北岸数据中心", "建设部"), ("北岸数据中心", "北岸城投公司"), ("南湖人才社区", "服务中心")} <= pairs(ex)
    assert project(ex, "北岸数据中心").investment_cny == Decimal(1200000000)
    community = project(ex, "南湖人才社区")
    assert community.investment_cny == Decimal(350000000) and community.area_m2 == Decimal(42000)
    assert "建设部" in {e.name for e in ex.of_kind(Kind.AGENCY)}
    assert "北岸城投公司" in {e.name for e in ex.of_kind(Kind.COMPANY)}


def test_person_column_is_never_an_agency():
    table = Table((("序号", "工作任务", "责任领导", "牵头单位", "配合单位"),
                   ("1", "建设东湾污水处理厂", "周五", "生态分局", "住建局")))
    ex = extract(doc(table))
    assert pairs(ex) == {("东湾污水处理厂", "生态分局")}
    assert ("东湾污水处理厂", "住建局") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert "周五" not in {e.name for e in ex.of_kind(Kind.AGENCY)}


def test_conjunctions_inside_unit_names_do_not_split_them():
    ex = extract(doc("三、壮大绿色建材产业。（牵头单位：县工业和信息化局；配合单位：县人力资源和社会保障局、"
                     "县自然资源和规划分局和县财政局）"))
    assert pairs(ex) == {("壮大绿色建材产业", "县工业和信息化局")}
    assert pairs(ex, Relation.PARTICIPATING_AGENCY) == {
        ("壮大绿色建材产业", "县人力资源和社会保障局"),
        ("壮大绿色建材产业", "县自然资源和规划分局"),
        ("壮大绿色建材产业", "县财政局"),
    }


def test_roles_stated_inside_a_label_value():
    ex = extract(doc("4.推进综合保税区申建。（责任单位：商务局牵头，白桦海关、财政金融局配合）"))
    assert pairs(ex) == {("推进综合保税区申建", "商务局")}
    assert pairs(ex, Relation.PARTICIPATING_AGENCY) == {
        ("推进综合保税区申建", "白桦海关"), ("推进综合保税区申建", "财政金融局"),
    }
    assert not {e.name for e in ex.of_kind(Kind.AGENCY)} & {"商务局牵头", "财政金融局配合"}
