"""A project named after the brand of a firm the paragraph names ("新加坡和顺集团投资的和顺润滑脂项目")
is one of the projects "以上项目由X牵头" refers back to, whatever jieba makes of the brand's
characters (和 a conjunction, 顺 a verb)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Relation

from tests.extraction.conftest import doc, pairs


def test_a_project_named_by_a_firms_brand_takes_the_lead_of_the_projects_before():
    ex = extract(doc("二、重点任务",
                     "（一）全力推进项目建设。加快推进岚溪高分子材料项目建设。新加坡和顺集团投资的和顺润滑脂项目"
                     "（总投资1.2亿美元）年内开工。以上项目由经济发展部牵头，规划建设部配合。",
                     title="岚溪化工新材料产业园2025年重点工作安排"))
    leads = pairs(ex, Relation.LEAD_AGENCY)
    assert ("和顺润滑脂项目", "经济发展部") in leads
    assert ("岚溪高分子材料项目", "经济发展部") in leads
    assert not any("投资的" in p for p, _ in leads)
