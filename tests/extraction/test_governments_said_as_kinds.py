"""Governments named as a kind or as a pair are no unit of their own: "各县、市、区政府" after a
list of units is every county's, city's and district's government (its last item "区政府" names
none), and "省委省政府" / "市委市政府" is the committee and the government said as one phrase,
not "省政府" (whatever comes before it: "中央及省委省政府"). The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.units import agencies_of

TITLE = "滁岭市2025年开发区工作要点"


def agencies(*blocks: str) -> set[str]:
    return {a.name for a in extract(doc(*blocks, title=TITLE)).of_kind(Kind.AGENCY)}


def test_the_places_after_each_are_kinds_not_units():
    assert agencies_of("市商务局、滁岭经开区管委会等，各县、市、区政府") == ["市商务局", "滁岭经开区管委会"]
    assert agencies_of("各镇、街道，区财政局") == ["区财政局"]
    found = agencies("1、推进园区道路建设。牵头单位：市发展改革委；协同责任单位：市商务局、市交通局等，各县、市、区政府。")
    assert found == {"市发展改革委", "市商务局", "市交通局"}


def test_a_committee_and_its_government_said_together_are_one_phrase():
    found = agencies("认真落实中央及省委省政府部署要求，按照市委市政府的要求推进园区建设。")
    assert "省政府" not in found and "市政府" not in found
    assert {"省委省政府", "市委市政府"} <= found
