"""A body things are reported to ("将进展情况报管委会督查室") is named without the report
("情况报"), and an office of the zone's committee named by the committee's short name
("管委会督查室", "管委会办公室") is the office the document names in full. The text is invented
for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "槐川经济开发区2025年重点督办事项"


def agencies(*blocks: str) -> dict[str, set[str]]:
    return {e.name: e.aliases for e in extract(doc(*blocks, title=TITLE)).of_kind(Kind.AGENCY)}


def test_the_report_is_no_part_of_the_body_reported_to():
    found = agencies("每月25日前将进展情况报管委会督查室。", "每季度将完成情况报领导小组办公室。")
    assert not [a for a in found if "报" in a]
    assert "领导小组办公室" in found


def test_an_office_named_by_the_committee_s_short_name_is_the_full_one():
    found = agencies("槐川经济开发区党工委管委会督查室", "每月25日前将进展情况报管委会督查室。",
                     "槐川临空经济区管理委员会办公室", "管委会办公室负责督查考核。")
    assert "管委会督查室" in found["槐川经济开发区党工委管委会督查室"]
    assert "管委会办公室" in found["槐川临空经济区管理委员会办公室"]
