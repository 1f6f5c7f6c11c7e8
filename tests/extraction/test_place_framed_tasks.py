"""A task opened by the place it is done in ("在国内主要城市创建X商会") names what it builds
(X商会) as its project, led by its units; a task that only says where ("在重点领域取得突破")
stays named by its heading."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

from tests.extraction.conftest import doc, pairs

TITLE = "宁川市人民政府关于印发2009年政府工作报告重点工作任务的通知"


def test_a_place_framed_task_names_what_it_builds():
    ex = extract(doc("二、扩大对外开放",
                     "3.在长三角主要城市和重要侨乡组建宁川同乡联谊会,为在外创业人员搭建交流平台。",
                     "责任领导:王明;责任单位:侨办、商务局;配合单位:民政局。", title=TITLE))
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert "宁川同乡联谊会" in projects
    assert not any(p.startswith("在") for p in projects)
    assert ("宁川同乡联谊会", "侨办") in pairs(ex, Relation.LEAD_AGENCY)


def test_a_task_that_only_says_where_keeps_its_heading():
    ex = extract(doc("二、扩大对外开放",
                     "4.在重点领域改革上取得突破,完善外商投资服务体系。",
                     "责任领导:王明;责任单位:商务局;配合单位:发改局。", title=TITLE))
    assert ("在重点领域改革上取得突破", "商务局") in pairs(ex, Relation.LEAD_AGENCY)
