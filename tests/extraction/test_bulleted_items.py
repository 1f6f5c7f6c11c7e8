"""Items of a bulleted list titled by a project's name ("- **X工程**：…", whose bullet the
reader drops) are items as much as numbered ones: a label line after the group leads each of
them, and not the group's heading. An item that names only the firm building it ("由X有限公司
负责开发建设") states no units of its own, so the group's label leads it too. The text is
invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import extract_fixture, pairs
from zonekg.loaders.extraction.model import Kind, Relation


def test_a_label_after_bulleted_items_leads_each_of_them():
    ex = extract_fixture("bulleted_items.md")
    lead, part = pairs(ex, Relation.LEAD_AGENCY), pairs(ex, Relation.PARTICIPATING_AGENCY)
    items = ("栖霞湾滨海步道提升工程", "栖霞湾游客集散中心")
    assert {(p, "文旅发展局") for p in items} <= lead
    assert {(p, "建设管理局") for p in items} <= part
    assert not [x for x in lead if x[0] == "文旅设施"]  # the group's heading is no item
    assert "文旅设施" not in {p.name for p in ex.of_kind(Kind.PROJECT)}


def test_the_firm_that_builds_an_item_gives_way_to_the_groups_label():
    ex = extract_fixture("bulleted_items.md")
    lead = pairs(ex, Relation.LEAD_AGENCY)
    assert ("栖霞湾数字演艺产业园", "招商服务局") in lead
    assert not [x for x in lead if x[1] == "栖霞湾文旅投资有限公司"]
    assert "栖霞湾文旅投资有限公司" in {c.name for c in ex.of_kind(Kind.COMPANY)}
