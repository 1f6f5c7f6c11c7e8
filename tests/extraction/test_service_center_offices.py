"""A 服务中心 of an administrative function is the office that serves (an agency) unless the plan
builds it: "营商环境服务中心为项目配备专员", "向农高区项目建设服务中心报送进展", "X园服务中心" in a
table's responsibility cell; "建设X政务服务中心二期", "X政务服务中心改造" are works."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from tests.extraction.conftest import doc

TITLE = "岑溪经济开发区2025年优化营商环境工作要点"


def _kinds(ex) -> dict[str, Kind]:
    return {e.name: e.kind for e in ex.entities}


def test_a_service_office_at_work_is_an_agency():
    ex = extract(doc("一、落实帮办代办。营商环境服务中心为每个签约项目指定一名帮办员，全程跟踪审批进度。",
                     "二、各责任单位每月5日前向开发区项目建设服务中心报送项目进展。",
                     "三、岑溪经开区政务服务中心涉企事项“一网通办”率达到100%。", title=TITLE))
    kinds = _kinds(ex)
    assert kinds["营商环境服务中心"] is Kind.AGENCY
    assert kinds["开发区项目建设服务中心"] is Kind.AGENCY
    assert kinds["岑溪经开区政务服务中心"] is Kind.AGENCY


def test_a_parks_service_office_in_a_responsibility_cell_is_an_agency():
    table = Table([["序号", "工作任务", "牵头单位", "配合单位"],
                   ["1", "完成云杉数智园二期厂房建设", "经济发展局", "云杉数智园服务中心"]])
    ex = extract(doc("岑溪经开区2025年重点任务分解如下。", table, title=TITLE))
    assert _kinds(ex)["云杉数智园服务中心"] is Kind.AGENCY


def test_a_service_centre_the_plan_builds_stays_a_project():
    ex = extract(doc("四、推进岑溪经开区政务服务中心改造，年内完成主体工程。",
                     "五、建设岑溪经开区企业服务中心二期，9月底前投入使用。", title=TITLE))
    kinds = _kinds(ex)
    assert kinds["岑溪经开区政务服务中心"] is Kind.PROJECT
    assert kinds["岑溪经开区企业服务中心二期"] is Kind.PROJECT


def test_a_service_centre_a_task_puts_into_operation_is_a_project():
    table = Table([["序号", "重点任务", "牵头单位", "配合单位"],
                   ["1", "推进岑溪国际企业服务中心投入运营", "投资促进局", "行政审批局"]])
    ex = extract(doc("岑溪经开区2025年重点任务分解如下。", table, title=TITLE))
    assert "岑溪国际企业服务中心" in {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert "岑溪国际企业服务中心" not in {a.name for a in ex.of_kind(Kind.AGENCY)}
