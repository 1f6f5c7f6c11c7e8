"""One unit written several ways in one plan is one agency: its zone's name or generic word
(园区) in front or not, an abbreviation after the words both spellings share (X投促局 = X投资
促进局), a street by its name or its office (X街道 = X街道办事处); and a body the plan reports
to ("进展报X", "月底前报X") is named without the verb. The text is invented for the test."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.registry import abbreviates_unit
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def agencies(ex):
    return {a.name: a.aliases for a in ex.of_kind(Kind.AGENCY)}


def test_spellings_of_one_unit_are_one_agency():
    ex = extract(read_document(FIX / "agency_spellings.txt"))
    found = agencies(ex)
    assert "桐溪高新区投促局" in found["桐溪高新区投资促进局"]
    assert "临溪街道" in found["临溪街道办事处"]
    assert "园区综合办公室" in found["桐溪高新区综合办公室"]
    assert not any(name in found for name in ("桐溪高新区投促局", "临溪街道", "园区综合办公室"))
    lead = {(f.subject.name, f.object.name) for f in ex.facts if f.relation is Relation.LEAD_AGENCY}
    assert ("桐溪光电子研究院", "桐溪高新区科技创新局") in lead


def test_a_body_reported_to_is_named_without_the_verb():
    ex = extract(read_document(FIX / "agency_spellings.txt"))
    names = [e.name for kind in (Kind.AGENCY, Kind.ZONE) for e in ex.of_kind(kind)]
    assert not any(n.startswith(("报", "进展报", "前报")) for n in names)


def test_different_units_stay_apart():
    zones = ["蓼港新区"]
    assert not abbreviates_unit("蓼港海关", "蓼港海事局", zones)
    assert not abbreviates_unit("片区管委会", "蓼港新区管委会", zones)
    assert not abbreviates_unit("商务局", "蓼港新区投资促进局", zones)
    assert abbreviates_unit("新区管委会", "蓼港新区管委会", zones)
    assert abbreviates_unit("园区管委会", "蓼港新区管理委员会", zones)


def test_a_town_in_brackets_inside_an_administrations_name_is_an_agency_of_its_own():
    from zonekg.loaders.extraction.registry import Registry

    registry = Registry(Kind.AGENCY)
    committee = registry.add("鹤湾高新区(柳塘镇)管委会", None)
    assert committee.name == "鹤湾高新区管委会" and "鹤湾高新区(柳塘镇)管委会" in committee.aliases
    assert registry.resolve("柳塘镇") is not None and registry.resolve("柳塘镇") is not committee

