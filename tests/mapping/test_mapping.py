"""Extraction → RDF: deterministic IRIs, agency scoping, evidence for every fact."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction.model import (
    Entity, Evidence, Extraction, Fact, Kind, Ref, Relation, Target, TargetKind,
)
from zonekg.loaders.mapping import to_quads
from zonekg.ontology import RDF, ZK

QUOTE = "（一）建设智能制造创新中心（牵头部门：经发局；参与部门：财政局）"


def make(file: str, issuer: str) -> tuple[SourceDocument, Extraction]:
    doc = SourceDocument(Path(file), f"{issuer}2024年工作要点", [Paragraph(QUOTE)])
    ev = Evidence(QUOTE, 0)
    zone = Entity(Kind.ZONE, "青林高新技术产业开发区", {"青林高新区"}, [ev])
    admin = Entity(Kind.AGENCY, issuer, set(), [ev])
    lead = Entity(Kind.AGENCY, "经济发展局", {"经发局"}, [ev])
    finance = Entity(Kind.AGENCY, "财政局", set(), [ev])
    project = Entity(Kind.PROJECT, "智能制造创新中心", set(), [ev], investment_cny=Decimal("1200000000"))
    extraction = Extraction(
        entities=[zone, admin, lead, finance, project],
        facts=[
            Fact(project.ref, Relation.LEAD_AGENCY, lead.ref, ev),
            Fact(project.ref, Relation.PARTICIPATING_AGENCY, finance.ref, ev),
            Fact(project.ref, Relation.LOCATED_IN, zone.ref, ev),
        ],
        targets=[Target("地区生产总值", TargetKind.GROWTH_RATE, Decimal("8"), "%", 2024, "地区生产总值增长8%", ev)],
        main_zone=zone.name,
        issuer=issuer,
        plan_year=2024,
    )
    return doc, extraction


def objects(quads, subject_suffix: str, predicate: str) -> set[str]:
    return {q.object.value for q in quads if q.subject.value.endswith(subject_suffix) and q.predicate.value == predicate}


def test_same_input_gives_the_same_quads() -> None:
    assert to_quads(*make("a.txt", "青林高新区管委会")) == to_quads(*make("a.txt", "青林高新区管委会"))


def test_agencies_are_scoped_to_their_administration() -> None:
    first = to_quads(*make("a.txt", "青林高新区管委会"))
    second = to_quads(*make("b.txt", "白河经济开发区管委会"))
    lead = f"{ZK}leadAgency"
    a = {q.object.value for q in first if q.predicate.value == lead}
    b = {q.object.value for q in second if q.predicate.value == lead}
    assert len(a) == len(b) == 1 and a != b
    assert next(iter(a)).endswith("/青林高新区管委会/经济发展局")


def test_every_quad_is_in_the_document_graph() -> None:
    quads = to_quads(*make("a.txt", "青林高新区管委会"))
    assert {q.graph_name.value for q in quads} == {"https://w3id.org/zonekg/id/document/a.txt"}


def test_each_relation_has_evidence_with_its_quote() -> None:
    quads = to_quads(*make("a.txt", "青林高新区管委会"))
    evidence = {q.subject for q in quads if q.predicate.value == f"{RDF}subject"}
    stated = {
        q.object.value
        for q in quads
        if q.subject in evidence and q.predicate.value == f"{RDF}predicate"
    }
    assert {f"{ZK}leadAgency", f"{ZK}participatingAgency", f"{ZK}locatedIn", f"{ZK}hasTarget", f"{RDF}type"} <= stated
    passages = {q.object for q in quads if q.subject in evidence and q.predicate.value == f"{ZK}passage"}
    quotes = {q.object.value for q in quads if q.subject in passages and q.predicate.value == f"{ZK}quote"}
    assert quotes == {QUOTE}


def passages_by_quote(quads: list) -> dict[str, set[str]]:
    """Each quote with the passage nodes that hold it."""
    quoted: dict[str, set[str]] = {}
    for q in quads:
        if q.predicate.value == f"{ZK}quote":
            quoted.setdefault(q.object.value, set()).add(q.subject.value)
    return quoted


def test_a_sentence_is_one_passage_however_many_facts_it_states() -> None:
    quads = to_quads(*make("a.txt", "青林高新区管委会"))
    evidence = [q for q in quads if q.predicate.value == f"{ZK}passage"]
    assert len(evidence) >= 9  # five entities, three relations and a target, all read from QUOTE
    assert passages_by_quote(quads) == {QUOTE: {evidence[0].object.value}}
    assert {q.object for q in evidence} == {evidence[0].object}
    passage = evidence[0].object.value
    block = {q.object.value for q in quads if q.subject.value == passage and q.predicate.value == f"{ZK}blockIndex"}
    assert block == {"0"}


def test_a_passage_keeps_its_iri_when_other_sentences_come_before_it() -> None:
    before = passages_by_quote(to_quads(*make("a.txt", "青林高新区管委会")))
    document, extraction = make("a.txt", "青林高新区管委会")
    earlier = "（一）财政局隶属青林高新区管委会。"
    extraction.facts.insert(0, Fact(Ref(Kind.AGENCY, "财政局"), Relation.PART_OF,
                                    Ref(Kind.AGENCY, "青林高新区管委会"), Evidence(earlier, 0)))
    after = passages_by_quote(to_quads(document, extraction))
    assert after[QUOTE] == before[QUOTE] and len(after[earlier]) == 1 and after[earlier] != before[QUOTE]
    elsewhere = passages_by_quote(to_quads(*make("b.txt", "青林高新区管委会")))
    assert elsewhere[QUOTE] != before[QUOTE]  # a passage is a sentence of one document


def test_amounts_and_targets_are_typed() -> None:
    quads = to_quads(*make("a.txt", "青林高新区管委会"))
    investment = next(q.object for q in quads if q.predicate.value == f"{ZK}totalInvestment")
    assert investment.value == "1200000000" and investment.datatype.value.endswith("#decimal")
    year = next(q.object for q in quads if q.predicate.value == f"{ZK}targetYear")
    assert year.value == "2024" and year.datatype.value.endswith("#integer")


def test_part_of_is_mapped_only_as_extraction_states_it() -> None:
    document, extraction = make("a.txt", "青林高新区管委会")
    assert not [q for q in to_quads(document, extraction) if q.predicate.value == f"{ZK}partOf"]
    admin, finance = Ref(Kind.AGENCY, "青林高新区管委会"), Ref(Kind.AGENCY, "财政局")
    extraction.facts.append(Fact(finance, Relation.PART_OF, admin, Evidence(QUOTE, 0)))
    parents = {
        (q.subject.value, q.object.value) for q in to_quads(document, extraction) if q.predicate.value == f"{ZK}partOf"
    }
    base = "https://w3id.org/zonekg/id/agency/"
    assert parents == {(f"{base}青林高新区管委会/财政局", f"{base}青林高新区管委会")}
