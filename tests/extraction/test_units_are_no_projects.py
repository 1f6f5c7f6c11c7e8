"""A name the document names as a responsible unit ("★经发局、人社服务中心" in a 责任单位 cell) is
that unit, not also a project read from the same table; a centre the document builds stays a
project. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def test_a_unit_of_a_responsibility_table_is_no_project():
    table = Table([
        ("序号", "重点任务", "责任单位"),
        ("1", "新增上市企业3家、专精特新企业6家。", "★经发局、金融服务中心"),
        ("2", "引育高层次人才团队15个。", "★科技局、人社服务中心"),
        ("3", "建成栖梧检验检测服务中心。", "★市场监管分局"),
    ])
    ex = extract(doc("栖梧经济开发区2025年重点任务分解如下。", table, title="栖梧经济开发区2025年重点任务分解"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert {"金融服务中心", "人社服务中心"} <= agencies
    assert not projects & {"金融服务中心", "人社服务中心"}
    assert "栖梧检验检测服务中心" in projects
