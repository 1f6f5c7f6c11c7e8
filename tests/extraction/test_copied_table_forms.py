"""Tables and labels as a copy out of a PDF or a spreadsheet leaves them: cells parted by one
plain space under a header of column words, rows with one tab between cells and section rows
between them, and a label ("牵头单位：") on a line of its own with its units on the lines
after it. Each form's units lead the row's or the item's project. Every text is invented."""
from __future__ import annotations

from tests.extraction.conftest import extract_fixture, pairs
from zonekg.loaders.extraction.model import Kind, Relation


def test_the_units_of_each_copied_form_lead_their_project():
    ex = extract_fixture("copied_table_forms.txt")
    # (the item's heading may keep its verb: "建设X")
    lead = {(p.removeprefix("建设"), a) for p, a in pairs(ex, Relation.LEAD_AGENCY)}
    assert {("枫溪智算中心一期", "数字经济局"), ("枫溪湖人才社区", "人才发展局"),
            ("枫溪光电产业园二期", "招商服务局"), ("枫溪国际学校", "社会事业局"),
            ("枫溪科创走廊展示中心", "科技创新局")} <= lead
    part = {(p.removeprefix("建设"), a) for p, a in pairs(ex, Relation.PARTICIPATING_AGENCY)}
    assert {("枫溪科创走廊展示中心", "规划建设局"), ("枫溪科创走廊展示中心", "财政金融局")} <= part
    # people beside their units are no agencies, and the 合计 row is no project
    names = {e.name for e in ex.entities}
    assert not {"钟远", "闵静", "合计"} & names
    assert not [a for a in ex.of_kind(Kind.AGENCY) if "单位" in a.name]


def test_a_responsible_unit_beside_a_lead_label_line_takes_part():
    # "牵头单位：" and "责任单位：" on lines of their own read as one label bracket does
    ex = extract_fixture("copied_table_forms.txt")
    lead = {(p.removeprefix("建设"), a) for p, a in pairs(ex, Relation.LEAD_AGENCY)}
    part = {(p.removeprefix("建设"), a) for p, a in pairs(ex, Relation.PARTICIPATING_AGENCY)}
    assert ("枫溪青年创业港", "团工委") in lead
    assert ("枫溪青年创业港", "枫溪创投公司") in part and ("枫溪青年创业港", "枫溪创投公司") not in lead
