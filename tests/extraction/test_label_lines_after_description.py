"""Label lines that come after a numbered item's description: "（一）X工程" on a line of its own,
a line or two describing the work, then "分管领导：…", "责任单位：…" (or several labels on one
line, apart by spaces). The units lead the item, however many description lines stand between.
Every text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import extract_fixture, pairs
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.responsibility import statements


def test_units_after_a_description_line_lead_the_numbered_item():
    ex = extract_fixture("label_lines_after_description.html")
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert {("檀溪港散货码头扩建工程", "港航管理局"), ("檀溪港散货码头扩建工程", "经济区规划国土局"),
            ("檀溪港铁路专用线", "经济区交通局"), ("国际贸易单一窗口升级工程", "口岸办")} <= lead
    assert {("檀溪港铁路专用线", "经济区财政局"), ("国际贸易单一窗口升级工程", "经济区大数据局")} <= part
    # an item that states no units takes none from the item before it
    assert not [x for x in lead | part if x[0] == "港城智慧物流园"]


def test_the_same_in_a_text_file():
    ex = extract_fixture("numbered_label_line_projects.txt")
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert {("松川跨境电商物流中心", "高新区招商服务中心"), ("青石湾污水处理厂提标改造工程", "高新区规划建设管理局"),
            ("松川东站综合交通枢纽", "高新区交通局")} <= lead
    assert ("青石湾氢能装备产业园三期", "高新区财政金融局") in pairs(ex, Relation.PARTICIPATING_AGENCY)


def test_labels_on_one_line_end_where_the_next_label_starts():
    said = statements("分管领导：谭佳音　牵头单位：经济区交通局　协办单位：经济区财政局")
    assert said.lead == ["经济区交通局"] and said.part == ["经济区财政局"]
    ex = extract_fixture("label_lines_after_description.html")
    assert not [a.name for a in ex.of_kind(Kind.AGENCY) if "单位" in a.name]
