"""A facility's name quoted whole (“X及Y规划研究院”, “A筹建的X研究院Y分中心”) is the name from the
quote on, after who builds it: the verbs and conjunctions inside it (规划, 发展, 及) cut nothing."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from tests.extraction.conftest import doc

TITLE = "岑溪高新区2025年科技创新工作要点"


def _projects(*blocks: str) -> set[str]:
    return {p.name for p in extract(doc(*blocks, title=TITLE)).of_kind(Kind.PROJECT)}


def test_quoted_institutes_are_named_whole():
    found = _projects("加快推进“岑溪理工学院筹建的江南省智能制造发展研究院岑溪分中心”、"
                      "“长江城市规划及空间数据研究院”建设。")
    assert "江南省智能制造发展研究院岑溪分中心" in found
    assert "长江城市规划及空间数据研究院" in found
    assert not {"发展研究院", "空间数据研究院", "规划及空间数据研究院"} & found


def test_a_quoted_slogan_opened_by_a_verb_names_no_facility():
    found = _projects("围绕“打造区域科创中心”目标，完善创新生态。")
    assert "打造区域科创中心" not in found
