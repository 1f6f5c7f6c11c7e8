"""A park named by the plan's own place, a sector and a zone word ("X新能源装备产业园") reads at
first as the park of a firm "X新能源"; once the merge finds that firm to be the place's sector,
the park is a development zone of the plan (the task of building it stays a project)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

from tests.extraction.conftest import doc

TITLE = "蓠川经济开发区2025年重点工作督查通报"


def _names(ex, kind: Kind) -> set[str]:
    return {e.name for e in ex.of_kind(kind)}


def test_a_park_of_the_place_and_its_sector_is_a_zone():
    ex = extract(doc("蓠川经济开发区管委会督查室对重点工作推进情况进行了督查。",
                     "3．蓠川新能源装备产业园建设【序时推进】。园区内已开工的有岚峰风电塔筒制造项目，由经济发展局牵头。",
                     title=TITLE))
    assert "蓠川新能源装备产业园" in _names(ex, Kind.ZONE)
    assert "蓠川新能源" not in _names(ex, Kind.COMPANY)


def test_a_named_firms_park_stays_its_project():
    ex = extract(doc("支持岚峰新能源建设岚峰新能源装备产业园，由经济发展局牵头。", title=TITLE))
    assert "岚峰新能源装备产业园" not in _names(ex, Kind.ZONE)
