"""Label lines after the last of a group of numbered items ("1. A…  2. B…  3. C…" then
"牵头单位：X　配合单位：Y") lead every item of the group that states no units of its own.
The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import extract_fixture, pairs
from zonekg.loaders.extraction.model import Relation


def test_a_label_after_a_group_leads_every_item_of_it():
    ex = extract_fixture("group_label_lines.md")
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    group = ("榆林湾智能育苗中心", "榆林湾蔬菜冷链集配中心", "榆林湾数字农业服务平台")
    assert {(p, "园区农业发展局") for p in group} <= lead
    assert {(p, "园区财政局") for p in group} <= part


def test_an_item_with_units_of_its_own_keeps_them_and_ends_the_group():
    ex = extract_fixture("group_label_lines.md")
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert ("榆林湾稻田公园提升工程", "园区文旅办") in lead
    assert ("榆林湾稻田公园提升工程", "园区乡村振兴局") not in lead
    assert {("榆林湾农耕文化展示馆", "园区乡村振兴局"), ("榆林湾乡村民宿集聚区", "园区乡村振兴局")} <= lead
    # the group's heading is no item of it
    assert not [x for x in lead if x[0] in ("设施农业", "农旅融合")]
