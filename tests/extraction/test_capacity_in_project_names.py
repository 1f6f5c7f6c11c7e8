"""A task that names a project with its capacity inside the name ("推进X年产5万吨锂电隔膜项目
建设") is a task about that project, not an indicator to reach: its units lead the project.
A figure of the task itself ("新增规上企业25家") still makes it an indicator. Texts written for
the test (an imaginary zone)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Relation

from .conftest import doc, pairs

TITLE = "青溪开发区2025年重点督办事项"


def test_units_lead_a_project_named_with_its_capacity():
    ex = extract(doc("1.加快推进青溪新材料年产3万吨高纯石英砂项目建设，总投资9亿元，年内试生产。"
                     "（牵头领导：周立；责任单位：经济发展局、规划建设局）", title=TITLE))
    assert pairs(ex, Relation.LEAD_AGENCY) >= {("青溪新材料年产3万吨高纯石英砂项目", "经济发展局"),
                                               ("青溪新材料年产3万吨高纯石英砂项目", "规划建设局")}


def test_an_indicator_task_names_no_project():
    ex = extract(doc("1.全年新增规上工业企业25家。（牵头领导：周立；责任单位：经济发展局）", title=TITLE))
    assert not any(p.startswith("新增") for p, _ in pairs(ex, Relation.LEAD_AGENCY))
