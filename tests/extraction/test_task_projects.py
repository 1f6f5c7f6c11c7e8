"""Projects a task names take the task's leads and participants; tables flattened to one cell
per line are read by what each cell holds; label words and people are never units.
Every text is invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.columns import align, cell_type, header_roles
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.registry import Registry
from zonekg.loaders.extraction.responsibility import named_in_task
from zonekg.loaders.extraction.tasks import projects_in_task
from zonekg.loaders.extraction.units import agencies_of, marked_leads
from zonekg.loaders.readers import read_document

from .conftest import doc

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def pairs(ex, relation=Relation.LEAD_AGENCY):
    return {(f.subject.name, f.object.name) for f in ex.facts if f.relation is relation}


@pytest.mark.parametrize("task, projects", [
    ("深入推进南庄氢能港、西樵数智港等特色园区建设,加快打造新能源装备新高地", ["南庄氢能港", "西樵数智港"]),
    ("推进物流枢纽中心、会展中心和省陶瓷科技创新服务中心建设。", ["物流枢纽中心", "会展中心", "省陶瓷科技创新服务中心"]),
    ("全面实施“石湾工匠”培育工程,为技术工人搭建成长平台。", ["“石湾工匠”培育工程"]),
    ("全力做好海棠湾国家重点实验室筹建保障服务工作。", ["海棠湾国家重点实验室"]),
    ("加快建设以北湖科学城、东岸智造城为两翼,贯通全市域创新节点的青梧科创走廊大通道。", ["青梧科创走廊大通道"]),
    ("高质量推进青梧传感器产业园建设,推进“芯联”中试中心落地,引进领军企业20家", ["青梧传感器产业园", "“芯联”中试中心"]),
    ("加快推进全区生物医药集聚区内一批重点项目建设", []),  # a count of projects names none
    ("着力推进重大建设项目300个以上,实现固定资产投资400亿元", []),
    ("加强经济运行分析,确保完成主要指标", []),
    # a time between the name and its tail
    ("推动鹭岭新材料年产3万吨膜材料项目年内投产,加快鹭岭储能产业园建设", ["鹭岭新材料年产3万吨膜材料项目", "鹭岭储能产业园"]),
    ("鹭岭污水处理厂三期工程6月底前开工", ["鹭岭污水处理厂三期工程"]),  # the work as the clause's subject
    ("确保鹭岭东站综合枢纽9月底前建成", ["鹭岭东站综合枢纽"]),
    # a work on a named place that is itself named as works ("X改造提升工程") is the project
    ("实施鹭岭老港文创园改造提升工程,引进文创企业30家", ["鹭岭老港文创园改造提升工程"]),
    ("推进鹭岭老港文创园改造提升,引进文创企业30家", ["鹭岭老港文创园"]),
    ("完成鹭岭实验中学主体工程", ["鹭岭实验中学"]),  # a stage of the works is no name
])
def test_projects_a_task_names(task, projects):
    assert projects_in_task(task) == projects


def test_each_named_project_takes_the_task_leads_and_participants():
    ex = extract(read_document(FIX / "task_projects.txt"))
    lead, part = pairs(ex), pairs(ex, Relation.PARTICIPATING_AGENCY)
    for centre in ("物流枢纽中心", "会展中心", "检测中心", "省陶瓷科技创新服务中心"):
        assert {(centre, "区商务局"), (centre, "石湾开发区")} <= lead  # 责任领导 line comes first
        assert (centre, "南庄镇") in part
    assert ("“石湾工匠”培育工程", "区人社局") in lead
    assert {("南庄氢能港", "区经信局"), ("西樵数智港", "区经信局")} <= lead
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert not any(p.startswith("推进") or "责任领导" in p for p in projects)
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert not {"陈志远", "刘海波", "周建华", "吴晓东", "各镇街"} & agencies


def test_a_flattened_table_is_read_by_cell_types():
    ex = extract(read_document(FIX / "linecell_table.txt"))
    lead, part = pairs(ex), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("青梧科创走廊大通道", "市科技局") in lead
    assert {("青梧科创走廊大通道", "北湖区政府"), ("青梧科创走廊大通道", "东岸区政府")} <= part
    # "市科技局*、市财政局": the marked unit leads, the other assists
    assert ("海棠湾国家重点实验室", "市科技局") in lead and ("海棠湾国家重点实验室", "市财政局") in part
    agencies = {a.name: a for a in ex.of_kind(Kind.AGENCY)}
    # an indicator row or a duty is no project, but its units are named
    assert {"市金融局", "市发展改革委"} <= set(agencies)
    assert "北湖区" in agencies["北湖区政府"].aliases
    assert not {"孙立", "欧阳明", "★市财政局", "各区政府"} & set(agencies)
    assert {p.name for p in ex.of_kind(Kind.PROJECT)} == {"青梧科创走廊大通道", "海棠湾国家重点实验室"}


def test_cell_types_and_ragged_rows():
    assert [cell_type(c) for c in ("3", "孙 立", "市科技局、市财政局", "2024年底", "9亿元", "招商引资",
                                   "发挥政府引导基金作用,力争基金规模超30亿元。")] == \
        ["number", "people", "units", "deadline", "amount", "label", "text"]
    header = ("序号", "重点工作", "区本级", "任务数", "责任领导", "责任单位", "完成时限")
    roles = header_roles(header)
    row = align(roles, len(header), ("5", "设立产业子基金,力争规模超10亿元。", "9亿元", "钱宇", "区财政局", "年底前"))
    assert row == ("5", "设立产业子基金,力争规模超10亿元。", "9亿元", "", "钱宇", "区财政局", "年底前")


def test_unit_lists_marks_labels_and_shared_heads():
    assert marked_leads("区财政局*、区发改局、区科技局") == (["区财政局"], ["区发改局", "区科技局"])
    assert marked_leads("区财政局、区发改局") is None
    assert agencies_of("各县(市、区)政府,临港集聚区管委会等") == ["临港集聚区管委会"]
    assert agencies_of("荔湾区、黄埔区政府") == ["荔湾区政府", "黄埔区政府"]
    assert agencies_of("相关镇街区,有关部门") == ["相关镇街区"]


def test_units_glued_after_a_task_are_split_off_the_first_one_leading():
    from zonekg.loaders.extraction.columns import split_units_tail

    assert split_units_tail("单位生产总值能耗下降14%。市发展改革委市工信委市生态环境局、市统计局") == \
        ["单位生产总值能耗下降14%。", "市发展改革委", "市工信委、市生态环境局、市统计局"]
    assert split_units_tail("重点发展激光装备等先进制造技术市科技局市发展改革委、市工信委") == \
        ["重点发展激光装备等先进制造技术", "市科技局", "市发展改革委、市工信委"]
    assert split_units_tail("加快建设大湾区国家技术创新中心。") == ["加快建设大湾区国家技术创新中心。"]
    ex = extract(read_document(FIX / "glued_table.txt"))
    lead, part = pairs(ex), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("青梧光电产业园", "市科技局") in lead and ("青梧光电产业园", "市工信委") in part
    assert ("滨江国际会展中心", "市商务局") in lead and ("滨江国际会展中心", "市住建局") in part
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"市发展改革委", "市工信委", "市生态环境局", "市统计局", "市财政局", "市税务局"} <= agencies
    assert not any(len(a) > 8 for a in agencies)  # no "…制造技术市科技局" or "市工信委市生态环境局"


@pytest.mark.parametrize("task, projects", [
    ("加快安平节能、北岭再生铝等在建项目的建设进度,推动东湖光伏板回收等签约项目的开工建设",
     ["安平节能", "北岭再生铝", "东湖光伏板回收"]),  # items of "…等项目" whatever their last word
    ("推进s218青梧至南岭改扩建二期、s302北环线达标提质改造工程", ["s218青梧至南岭改扩建二期", "s302北环线达标提质改造工程"]),
    ("确保206国道青梧绕城段、s315东湖至西山段公路建成通车", ["206国道青梧绕城段", "s315东湖至西山段公路"]),
    ("加快推进东河二期系统治理、西河系统治理项目", ["东河二期系统治理", "西河系统治理项目"]),
    ("推动胜川再生塑料等一批项目签约落地,打造再生资源产业集群", ["胜川再生塑料"]),
])
def test_projects_listed_by_brand_code_or_section(task, projects):
    assert projects_in_task(task) == projects


def test_label_lines_indicators_and_a_task_written_as_sentences():
    ex = extract(read_document(FIX / "task_sentences.txt"))
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    # indicator tasks (with or without a number) and label words are no projects …
    assert not projects & {"牵头责任单位", "协同责任单位", "城乡居民收入增长与经济增长基本同步", "地区生产总值增长7%以上"}
    # … but the units their labels name are agencies, people are not
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"市发展改革委", "市经信局", "青梧海关", "市人社局", "市人民政府办公室"} <= agencies
    assert not agencies & {"孙立", "王明", "已经管委会", "报市人民政府办公室"}
    lead = pairs(ex)
    # "(青梧市,省发展改革委牵头)" closes a task written as sentences: its projects take both
    assert {("青南产业新城", "青梧市"), ("青南产业新城", "省发展改革委")} <= lead
    assert {("安平节能", "青梧临港经济区管委会"), ("东湖光伏板回收", "青梧临港经济区管委会")} <= lead
    assert ("s302北环线达标提质改造工程", "市交通运输局") in lead


def test_named_projects_are_linked_to_their_task_in_the_graph():
    import pyoxigraph as ox

    from zonekg.loaders.mapping import to_quads

    document = read_document(FIX / "task_projects.txt")
    ex = extract(document)
    centres = {p.name: p.task for p in ex.of_kind(Kind.PROJECT) if p.name.endswith("中心")}
    assert set(centres.values()) == {"1.推进物流枢纽中心、会展中心、检测中心和省陶瓷科技创新服务中心建设。"}
    assert next(p for p in ex.of_kind(Kind.PROJECT) if p.name == "加大招商引资力度").task is None  # the task itself
    store = ox.Store()
    store.extend(to_quads(document, ex))
    rows = list(store.query(
        'PREFIX zk: <https://w3id.org/zonekg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
        'SELECT ?name ?task WHERE { GRAPH ?g { ?p zk:task ?task ; rdfs:label ?name } }'))
    assert {r["name"].value for r in rows} >= set(centres)


def test_a_task_list_cut_off_by_its_page_still_names_its_projects():
    paras = ["石湾区2025年重点工作责任分解",
             "1.推进东岸物流园建设。(牵头单位:区商务局)",
             "2.启动南环快速路建设。(牵头单位:区交通运输局)",
             "3.加快推进东河二期系统治理、西河系统治理项目,全力打造科技创新平台,启动"]
    ex = extract(doc(*paras[1:], title=paras[0]))
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert {"东河二期系统治理", "西河系统治理项目"} <= projects  # no lead: the page stops first
    assert "科技创新平台" not in projects  # a kind of platform, not a named one
    assert not any(s == "东河二期系统治理" for s, _ in pairs(ex))


def test_a_project_said_with_its_kind_word_or_a_progress_phrase_is_one_project():
    registry = Registry(Kind.PROJECT)
    for name in ("青岚电子信息产业园三期", "青岚电子信息产业园三期项目", "松岗净水厂提标改造工程建设", "松岗净水厂提标改造工程"):
        registry.add(name, None)
    registry.link_abbreviations([])
    assert sorted(e.name for e in registry.entities) == ["松岗净水厂提标改造工程建设", "青岚电子信息产业园三期项目"]
    assert named_in_task("建成松岗冷链分拨中心（建筑面积3万平方米）并投入运营") == ["松岗冷链分拨中心"]
