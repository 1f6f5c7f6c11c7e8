"""An area a zone's office is named after ("X片区管理办公室") is a place: "X精密模具产业园" there is
a park named by the place and its sector, no firm X精密. A hydrogen-energy firm (X氢能) opens its
project's name as any firm with a sector tail does."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find
from zonekg.loaders.extraction.text import Sentence

from tests.extraction.conftest import doc

TITLE = "澄溪高新区2025年重点项目计划"


def test_a_park_named_by_an_area_and_its_sector_names_no_firm():
    table = Table([["序号", "项目名称", "建设内容", "责任单位"],
                   ["1", "北塍精密模具产业园", "建设标准厂房及配套设施", "北塍片区管理办公室、经济发展局"]])
    ex = extract(doc("澄溪高新区2025年重点项目如下。", table, title=TITLE))
    assert "北塍精密" not in {c.name for c in ex.of_kind(Kind.COMPANY)}
    assert "北塍精密模具产业园" in {p.name for p in ex.of_kind(Kind.PROJECT)}


def test_a_hydrogen_energy_firm_opens_its_projects_name():
    found = find(Sentence("园区内在建的有北岭数控机床基地、岚峰氢能装备产业化项目。", 0, 0, 0))
    assert ("岚峰氢能装备产业化项目", Kind.PROJECT) in {(m.name, m.kind) for m in found}
