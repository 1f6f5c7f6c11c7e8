"""An inland port under its own 管委会 ("X国际陆港") is a development area, and "关于印发X…的通知"
names it without 印发. The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import zone_names


def test_an_inland_port_is_a_zone():
    zones = zone_names("沧澜国际陆港管理委员会关于印发沧澜国际陆港2026年重点工作的通知",
                       "2026年，沧澜国际陆港集装箱吞吐量达到30万标箱。",
                       title="关于印发沧澜国际陆港2026年重点工作的通知")
    assert "沧澜国际陆港" in zones
    assert not [z for z in zones if z.startswith("印发")]
