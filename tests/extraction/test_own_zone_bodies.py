"""Bodies named by the plan's own zone word ("高新区党工委", "开发区管委会", "开发区财政局") are
agencies though the zone word alone is generic; a township ("某某乡") is an administration as a
town is, and 乡村/乡镇/水乡 are words, not townships; "全县各乡镇" names no one. The text is invented
for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "槐川高新技术产业开发区2025年工作要点"


def agencies(*blocks: str) -> set[str]:
    return {e.name for e in extract(doc(*blocks, title=TITLE)).of_kind(Kind.AGENCY)}


def test_bodies_of_the_own_zone_word_are_agencies():
    found = agencies("3月5日，高新区党工委副书记到项目现场调研。", "此项工作由开发区财政局负责。")
    assert {"高新区党工委", "开发区财政局"} <= found


def test_a_township_is_an_administration():
    found = agencies("各局（办、中心），青堰乡，槐川街道办事处：")
    assert "青堰乡" in found


def test_rural_words_and_a_type_of_unit_are_no_agencies():
    found = agencies("推进城乡一体化，实施乡村振兴，打造生态水乡，鼓励能人返乡创业，全县各乡镇要抓好落实。")
    assert not [a for a in found if "乡" in a]
