"""A department named with its committee ("X高新区管委会经济发展局") and later without it
("经济发展局", or shorter still: "审批局" for "…管委会行政审批局") is one agency; a plant named
alone and with the works on it ("城北污水处理厂", "城北污水处理厂提标改造") is one project. The
text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "槐川高新区2025年工作要点"


def test_departments_named_without_their_committee_are_one_agency():
    ex = extract(doc("1.建设槐川数据中心二期。牵头单位：槐川高新区管委会经济发展局；配合单位：科技创新局。",
                     "2.建设槐川政务服务中心二期。牵头单位：槐川高新区管委会行政审批局。",
                     "经济发展局每月调度项目进展，审批局每季度向管委会报告改革进展。", title=TITLE))
    found = {e.name: e.aliases for e in ex.of_kind(Kind.AGENCY)}
    assert "经济发展局" in found["槐川高新区管委会经济发展局"]
    assert "审批局" in found["槐川高新区管委会行政审批局"]
    assert "科技创新局" in found


def test_a_plant_and_the_works_on_it_are_one_project():
    table = (["序号", "项目名称", "责任单位"], ["1", "城北污水处理厂提标改造", "规划建设局"])
    ex = extract(doc("年内完成城北污水处理厂建设。", title=TITLE, tables=(table,)))
    found = {e.name: e.aliases for e in ex.of_kind(Kind.PROJECT)}
    assert "城北污水处理厂" in found.get("城北污水处理厂提标改造", set())


def test_a_plant_and_longer_works_on_it_are_one_project():
    table = (["序号", "项目名称", "责任单位"], ["1", "东区污水处理厂提标改造及再生水回用工程", "规划建设局"])
    ex = extract(doc("年内完成东区污水处理厂提标改造。", title=TITLE, tables=(table,)))
    projects = {e.name for e in ex.of_kind(Kind.PROJECT)}
    assert "东区污水处理厂" not in projects


def test_a_table_task_naming_a_facility_and_its_milestone_is_the_facility():
    table = (["序号", "牵头单位", "完成时限", "工作任务", "配合单位"],
             ["7", "槐川综保区管理办公室", "6月底", "槐川综合保税区跨境电商监管中心投入运营", "槐川海关"],
             ["8", "科技人才局", "9月底", "支持槐川药物研究院申报省级新型研发机构", "财政局"])
    ex = extract(doc(title=TITLE, tables=(table,)))
    projects = {e.name for e in ex.of_kind(Kind.PROJECT)}
    assert "槐川综合保税区跨境电商监管中心" in projects
    assert "支持槐川药物研究院" not in projects
