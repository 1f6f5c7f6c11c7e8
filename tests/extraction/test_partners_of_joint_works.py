"""A partner named after 联合/会同 is followed by the work done with it ("联合X大学共建Y研究院",
"会同X公司建设Y"): the partner ends before that work, so a university is no unit and the work
is no part of a unit's name. The text is invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.responsibility import statements

from .conftest import doc, pairs


def test_a_university_building_with_the_lead_is_no_unit() -> None:
    ex = extract(doc("（三）江屿材料创新平台。总投资3亿元，联合江屿工业大学建设中试基地和检测中心，"
                     "由园区科技局负责建设运营。",
                     "4.组建江屿新能源研究院。联合江屿工业大学共建江屿新能源研究院。（责任单位：园区科技局）"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert not [a for a in agencies if "大学" in a], agencies
    assert ("江屿材料创新平台", "园区科技局") in pairs(ex, Relation.LEAD_AGENCY)
    assert not [p for p in pairs(ex, Relation.PARTICIPATING_AGENCY) if "大学" in p[1]]


def test_a_unit_joined_for_a_work_takes_part_in_it() -> None:
    said = statements("区商务局牵头，会同区财政局建设跨境电商公共服务平台。")
    assert said.lead == ["区商务局"] and said.part == ["区财政局"]


def test_a_verb_inside_a_units_name_ends_no_partner() -> None:
    assert statements("区交通局牵头，会同区住房和城乡建设局。").part == ["区住房和城乡建设局"]
    assert statements("区交通局牵头，会同规划建设局。").part == ["规划建设局"]
