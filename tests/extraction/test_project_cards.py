"""Project cards of an article (a title line, a line of figures, a line of units): an emoji that
decorates a title is no part of the name; a units line short enough to look like a heading
("牵头单位：X" alone) still leads the card above it; a complex named like a harbour (X数字创意港,
X冷链物流港) is a project."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.text import norm, norm_with_origins

from tests.extraction.conftest import doc, pairs

TITLE = "重磅！青梧高新区2025年重点项目来了"


def _cards() -> list[str]:
    return ["📌 项目篇",
            "🏗️ 青梧光谷封测基地", "总投资45亿元，年内主体封顶。", "牵头单位：招商服务局　配合单位：规划建设局",
            "🎮 青梧数字创意港", "由云禾互娱科技有限公司投资建设，总投资9亿元，打造数字内容研发基地。",
            "牵头单位：科技创新局",
            "🚚 青梧冷链物流港", "总投资6亿元，年内建成投用。", "牵头单位：商务局"]


def test_pictographs_are_no_text():
    assert norm("🏗️ 青梧光谷封测基地") == " 青梧光谷封测基地"
    folded, origins = norm_with_origins("🎮青梧港")
    assert folded == "青梧港" and origins == [1, 2, 3]
    assert norm("★区发改委") == "★区发改委"  # a lead unit's mark stays


def test_each_card_is_a_project_led_by_its_units_line():
    ex = extract(doc(*_cards(), title=TITLE))
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert {"青梧光谷封测基地", "青梧数字创意港", "青梧冷链物流港"} <= projects
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert {("青梧光谷封测基地", "招商服务局"), ("青梧数字创意港", "科技创新局"), ("青梧冷链物流港", "商务局")} <= lead
