"""A 工作要点 item whose run-in heading is nothing but an industry ("1、新能源汽车产业。依托…",
"（二）数字经济产业：…"): the numbering sets the industry as a focus, as a verb would
("做强X产业"). A bare heading of a word that is no sector ("3、园区产业。") names none.
Texts written for the test (an imaginary zone)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from .conftest import doc


def industries(*paras: str) -> set[str]:
    return {e.name for e in extract(doc(*paras, title="青溪高新区2025年工作要点")).of_kind(Kind.INDUSTRY)}


def test_a_numbered_heading_of_an_industry_names_it():
    got = industries("1、新能源汽车产业。依托青溪汽车产业园，推动整车项目投产。",
                     "（二）数字经济产业：建成青溪数据中心二期。")
    assert {"新能源汽车", "数字经济"} <= got


def test_a_bare_heading_of_no_sector_names_none():
    assert industries("3、园区产业。推进青溪产业园二期建设。") == set()


def test_an_industry_word_inside_a_sentence_needs_its_cue():
    assert "生物医药" not in industries("1、生物医药产业园区运营良好，企业满意度提升。")
