"""A task cell that has a project signed ("推动X项目签约落地（投资方为…）") names the project X:
the signing is what is done to it, and the row's units lead X, not the task's sentence."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

from tests.extraction.conftest import doc, pairs


def test_the_project_a_task_has_signed_is_the_rows_project():
    table = Table([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                   ["1", "推动博岚精工华南研发基地项目签约落地（投资方为瑞士博岚精工有限公司），总投资3000万美元",
                    "投资促进局", "经济发展局", "2025年9月"]])
    ex = extract(doc("澄溪经开区2025年招商引资任务分解表", table, title="澄溪经济开发区2025年重点任务分解"))
    assert ("博岚精工华南研发基地项目", "投资促进局") in pairs(ex, Relation.LEAD_AGENCY)
    assert not any("签约" in p.name for p in ex.of_kind(Kind.PROJECT))
