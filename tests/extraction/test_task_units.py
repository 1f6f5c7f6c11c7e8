"""Who leads a task's work, wherever the plan says it: label lines under a task paragraph
(牵头单位：…, 责任人：<unit><title><person>), "A由X牵头，Y负责<one part>" in the middle of a
report's prose, units with their contact people or a second name in brackets. Every text is
invented for the test."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.responsibility import statements
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def pairs(ex, relation=Relation.LEAD_AGENCY):
    return {(f.subject.name, f.object.name) for f in ex.facts if f.relation is relation}


def test_a_project_named_before_by_is_led_by_the_unit_after_it():
    ex = extract(read_document(FIX / "news_led_projects.txt"))
    lead, part = pairs(ex), pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert ("澄湾大桥北岸接线工程", "新区交通建设局") in lead
    assert ("黎川国际冷链港", "新区投资促进局") in lead
    # "Y负责资金筹措" beside a unit that 牵头: Y takes part in it
    assert ("澄湾大桥北岸接线工程", "澄湾城投公司") in part
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert not {"在项目推进上", "高岩要求"} & projects
    assert not [a.name for a in ex.of_kind(Kind.AGENCY) if "由" in a.name or "工程" in a.name]


def test_one_part_of_the_work_is_a_lead_when_nobody_else_leads():
    said = statements("区城投公司负责实施,柳岸镇负责征地拆迁和施工环境保障。")
    assert said.lead == ["区城投公司", "柳岸镇"] and said.part == []
    said = statements("由区交通局牵头,区城投公司负责资金筹措。")
    assert said.lead == ["区交通局"] and said.part == ["区城投公司"]


def test_label_lines_give_units_without_their_people():
    ex = extract(read_document(FIX / "task_label_lines.txt"))
    lead = pairs(ex)
    agencies = {a.name: a for a in ex.of_kind(Kind.AGENCY)}
    assert {"县发改局", "县商务局", "县财政局", "县委编办", "岚港经开区管委会"} <= set(agencies)
    for person in ("蒋晨阳", "蔡雨桐", "许宁", "副局长", "钟明远"):
        assert not [a for a in agencies if person in a]
    assert not [a for a in agencies if a.endswith(("(国资中心", "(国有资产服务中心"))]
    assert "国资中心" in agencies["县财政局"].aliases | set(agencies)
    assert ("强化用地保障", "县发改局") in lead
    # 责任人: a unit with its official's title and name leads the task
    assert ("县物流产业园", "县商务局") in lead
    assert "县物流发展中心" in agencies
    assert "县物流发展中心" not in {p.name for p in ex.of_kind(Kind.PROJECT)}
