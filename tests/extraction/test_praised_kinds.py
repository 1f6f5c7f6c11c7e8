"""A facility praised by a quality word in front of common words ("引进知名大学研究院等高端研发
机构") is a kind the plan wants more of, not a facility it names; a praised name with a proper
stem ("引进知名的龙泽大学研究院") stays one."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from tests.extraction.conftest import doc

TITLE = "青溪高新区2025年科技创新工作要点"


def _projects(*blocks: str) -> set[str]:
    return {p.name for p in extract(doc(*blocks, title=TITLE)).of_kind(Kind.PROJECT)}


def test_a_praised_kind_of_institute_is_no_project():
    found = _projects("2.集聚创新资源。力争年内引进省级重点实验室、知名大学研究院等高端研发机构2家以上，"
                      "支持一流高校分院落户园区。")
    assert not {"大学研究院", "知名大学研究院", "高校分院", "一流高校分院"} & found


def test_a_praised_institute_with_a_proper_name_stays_a_project():
    found = _projects("2.集聚创新资源。加快建设知名龙泽大学研究院，年内投入运营。")
    assert "龙泽大学研究院" in found
