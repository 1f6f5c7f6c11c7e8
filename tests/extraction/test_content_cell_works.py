"""The works a project table's 建设内容 cell names ("建设游客服务中心、生态停车场及综合医院") are
parts of the row's project, not projects of their own; the 项目名称 cell stays the project. The
text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def test_works_in_a_content_cell_are_no_projects():
    table = Table([
        ("序号", "项目名称", "建设内容", "总投资（万元）", "责任单位"),
        ("1", "岩溪湾旅游集散枢纽", "建设游客服务中心、生态停车场及换乘中心", "56000", "文旅局"),
        ("2", "岩溪新区人民医院", "建设床位600张的综合医院", "98000", "卫健局"),
    ])
    ex = extract(doc("岩溪新区2025年重点项目计划如下。", table, title="岩溪新区2025年重点项目计划"))
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert {"岩溪湾旅游集散枢纽", "岩溪新区人民医院"} <= projects
    assert not projects & {"游客服务中心", "换乘中心", "综合医院"}
