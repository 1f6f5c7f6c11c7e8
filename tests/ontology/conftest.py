"""A hand-made document (invented names) that exercises every branch of the mapping, and the
helpers the ontology, shapes and rdflib-view tests share."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from zonekg.api.commands import sample_corpus
from zonekg.graph.store import open_store
from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction.model import (
    Entity, Evidence, Extraction, Fact, Kind, Ref, Relation, Target, TargetKind,
)
from zonekg.loaders.mapping import METADATA_PROPERTIES, to_quads
from zonekg.loaders.pipeline import ingest
from zonekg.ontology.iris import document_iri

QUOTE = Evidence("由经发局牵头，青岚云帆科技有限公司投资12亿元建设智能制造产业园项目，建筑面积8.5万平方米。", 3)
MAIN_ZONE = Ref(Kind.ZONE, "青岚高新区")
SUB_ZONE = Ref(Kind.ZONE, "青岚北片区")
ISSUER = Ref(Kind.AGENCY, "青岚高新区管委会")
LEAD = Ref(Kind.AGENCY, "经发局")
HELPER = Ref(Kind.AGENCY, "招商局")
COMPANY = Ref(Kind.COMPANY, "青岚云帆科技有限公司")
INDUSTRY = Ref(Kind.INDUSTRY, "智能制造")
PROJECT = Ref(Kind.PROJECT, "智能制造产业园项目")

# One fact per relation, so that a relation added to the model without a test fails here.
FACTS: dict[Relation, tuple[Ref, Ref]] = {
    Relation.LEAD_AGENCY: (PROJECT, LEAD),
    Relation.PARTICIPATING_AGENCY: (PROJECT, HELPER),
    Relation.LOCATED_IN: (PROJECT, SUB_ZONE),
    Relation.PART_OF: (SUB_ZONE, MAIN_ZONE),
    Relation.FOCUS_INDUSTRY: (MAIN_ZONE, INDUSTRY),
    Relation.INDUSTRY: (PROJECT, INDUSTRY),
    Relation.INVOLVES_COMPANY: (PROJECT, COMPANY),
}


def hand_made() -> tuple[SourceDocument, Extraction]:
    """A 2020 plan of the invented 青岚高新区 with every kind, relation, target kind and field."""
    assert set(FACTS) == set(Relation), "give every Relation a fact in FACTS"
    aliases = {MAIN_ZONE: {"青岚区"}, LEAD: {"经济发展局"}, COMPANY: {"云帆科技"}}
    refs = [MAIN_ZONE, SUB_ZONE, ISSUER, LEAD, HELPER, COMPANY, INDUSTRY, PROJECT]
    entities = [Entity(r.kind, r.name, aliases.get(r, set()), [QUOTE]) for r in refs]
    project = entities[-1]
    project.investment_cny = Decimal("1200000000")
    project.area_m2 = Decimal("85000")
    targets = [
        Target("地区生产总值", TargetKind.GROWTH_RATE, Decimal("8.5"), "%", 2020,
               "地区生产总值增长8.5%", Evidence("全年实现地区生产总值增长8.5%。", 1)),
        Target("规上工业增加值", TargetKind.LEVEL, Decimal("237"), "亿元", None,
               "规上工业增加值237亿元", Evidence("规上工业增加值达到237亿元。", 1), zone="青岚北片区"),
        Target("新引进项目", TargetKind.COUNT, Decimal("30"), "个", 2020,
               "新引进项目30个", Evidence("新引进项目30个。", 2)),
        Target("高新技术产业产值占比", TargetKind.SHARE, Decimal("45"), "%", 2021,
               "高新技术产业产值占比45%", Evidence("高新技术产业产值占比达45%。", 2)),
        Target("固定资产投资", TargetKind.LEVEL, Decimal("120.25"), "亿元", 2019,
               "完成固定资产投资120.25亿元", Evidence("2019年完成固定资产投资120.25亿元。", 0),
               actual=True),
    ]
    extraction = Extraction(
        entities=entities,
        facts=[Fact(s, relation, o, QUOTE) for relation, (s, o) in FACTS.items()],
        targets=targets,
        main_zone=MAIN_ZONE.name,
        issuer=ISSUER.name,
        plan_year=2020,
    )
    metadata = {
        "publisher": "青岚高新区管委会", "date": "2020-01-15", "index_number": "QL-2020-0001",
        "doc_number": "青高管发〔2020〕1号", "source": "青岚高新区门户网站", "site_owner": "青岚高新区管委会",
    }
    assert set(metadata) == set(METADATA_PROPERTIES), "give every metadata key a value"
    document = SourceDocument(Path("青岚高新区 2020年工作要点.txt"), "青岚高新区2020年工作要点",
                              [Paragraph("全年实现地区生产总值增长8.5%。")], metadata)
    return document, extraction


@pytest.fixture
def hand_iri() -> str:
    """The hand-made document's IRI, which names its graph."""
    return document_iri(hand_made()[0].name)


@pytest.fixture
def hand_quads() -> list[ox.Quad]:
    return to_quads(*hand_made())


@pytest.fixture
def hand_graph(hand_quads: list[ox.Quad]) -> Graph:
    """The hand-made document's named graph as rdflib triples."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in hand_quads]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "store", create=True)
    yield s
    s.close()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory):
    """The five shipped samples ingested with the real pipeline, plus the hand-made document.
    Shared by every test of this folder: read it, never write to it."""
    store = open_store(tmp_path_factory.mktemp("samples"), create=True)
    report = ingest([sample_corpus()], store)
    assert report.ok, report.failed
    document, extraction = hand_made()
    store.replace_document(document_iri(document.name), to_quads(document, extraction))
    yield store
    store.close()
