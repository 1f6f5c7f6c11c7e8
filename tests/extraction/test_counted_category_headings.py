"""A list of 督办事项 (or of projects) grouped under category headings that count their own
items ("一、项目建设类（3项）", "（二）续建项目（12个）"): the count says how many items follow,
it is no goal; the goals are in the items. Texts written for the test (an imaginary zone)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract

from .conftest import doc

ITEMS = (
    "一、项目建设类（2项）",
    "1.启动青溪产业园标准化厂房三期建设，6月底前完成施工招标。（牵头领导：周立；责任单位：规划建设局）",
    "2.推进青溪污水处理厂提标改造，年内完工。（牵头领导：周立；责任单位：生态环境分局）",
    "（二）招商引资类（1项）",
    "3.全年新签约亿元以上项目25个。（牵头领导：吴洋；责任单位：投资促进局）",
)


def test_a_heading_that_counts_its_items_states_no_goal():
    got = [(t.metric, t.value, t.unit) for t in extract(doc(*ITEMS, title="青溪开发区2025年重点督办事项")).targets]
    assert [(m, int(v), u) for m, v, u in got] == [("新签约亿元以上项目", 25, "个")]


def test_a_count_inside_a_sentence_is_still_read():
    got = extract(doc("全年实施重点项目（共32个），新开工项目12个。", title="青溪开发区2025年工作要点")).targets
    assert {int(t.value) for t in got} >= {12}
