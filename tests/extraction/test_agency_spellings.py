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

from tests.extraction.conftest import doc

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


def test_a_zone_and_the_town_in_brackets_governed_as_one_are_one_agency_named_by_the_town():
    from zonekg.loaders.extraction.registry import Registry

    registry = Registry(Kind.AGENCY)
    earlier = registry.add("鹤湾高新区管委会", None)
    body = registry.add("鹤湾高新区(柳塘镇)管委会", None)
    assert body.name == "柳塘镇" and {"鹤湾高新区(柳塘镇)管委会", "鹤湾高新区管委会"} <= body.aliases
    assert registry.resolve("鹤湾高新区管委会") is body and registry.resolve("柳塘镇") is body
    assert earlier not in registry.entities


def test_zones_and_towns_addressed_by_one_shared_committee_word():
    ex = extract(doc("鹤湾开发区、芦溪高新区(柳塘镇)、鹤湾高新区(桂桥镇)管委会,各镇人民政府,各街道办事处:",
                     "现将《2025年重点工作任务分解方案》印发给你们,请认真贯彻落实。",
                     title="鹤湾市人民政府关于印发2025年重点工作任务分解方案的通知"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"柳塘镇", "桂桥镇"} <= agencies and "鹤湾高新区管委会" not in agencies
    assert {"鹤湾开发区", "芦溪高新区", "鹤湾高新区"} <= {z.name for z in ex.of_kind(Kind.ZONE)}

