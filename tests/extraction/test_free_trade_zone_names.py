"""A free-trade zone's name runs through the 由 of 自由贸易: "中国（X）自由贸易试验区" is one zone,
never "贸易试验区", and its 片区's bodies keep their whole names; a sister 片区 named after it
is one zone with it ("中国（X）自由贸易试验区Y片区"), not a bare "Y片区". The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def test_the_free_trade_zone_is_named_whole():
    ex = extract(doc("东澜片区将深化与中国（澜江）自由贸易试验区的联动，推动东澜综合保税区扩区。",
                     "中国（澜江）自由贸易试验区东澜片区管理委员会负责统筹推进。",
                     title="中国（澜江）自由贸易试验区东澜片区2026年工作要点"))
    zones = {z.name for z in ex.of_kind(Kind.ZONE)}
    assert "中国(澜江)自由贸易试验区" in zones
    names = {e.name for e in ex.entities}
    assert not [n for n in names if n.startswith(("贸易", "易试验区"))]


def test_a_sister_area_is_named_with_its_free_trade_zone():
    ex = extract(doc("（2026年2月16日片区管委会第3次主任办公会议审议通过）",
                     "东澜片区将加强与中国（澜江）自由贸易试验区南湾片区的联动发展。",
                     title="中国（澜江）自由贸易试验区东澜片区2026年工作要点"))
    zones = {z.name for z in ex.of_kind(Kind.ZONE)}
    assert {"中国(澜江)自由贸易试验区东澜片区", "中国(澜江)自由贸易试验区南湾片区"} <= zones
    assert "南湾片区" not in zones
    # a date before a zone's name is no part of it ("2月16日片区")
    assert not [z for z in zones if z.startswith(("日", "月"))]
