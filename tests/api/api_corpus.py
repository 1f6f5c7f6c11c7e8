"""A small hand-made corpus, ingested into a fresh store and served by the real app.

The corpus does not go through extraction (which others own and which changes): each
document is a :class:`SourceDocument` plus an :class:`Extraction` written here, mapped with
:func:`to_quads` like ingestion does. Two administrations each have a 经济发展局 (alias 经发局),
so name filters across and within administrations can be told apart.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fastapi.testclient import TestClient

from zonekg.api.app import create_app
from zonekg.api.settings import Settings
from zonekg.graph.store import open_store
from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction.model import (
    Entity, Evidence, Extraction, Fact, Kind, Ref, Relation, Target, TargetKind,
)
from zonekg.loaders.mapping import to_quads
from zonekg.ontology.iris import document_iri

TOKEN = "test-token-42"
ORIGIN = "https://example.org"
DOC_A = "高新区2024年工作要点.txt"
DOC_B = "滨江新区2025年工作方案.txt"
HIGH_TECH = "某某高新技术产业开发区"


def _ev(quote: str, block: int = 0) -> Evidence:
    return Evidence(quote, block)


def _entity(kind: Kind, name: str, *aliases: str, **amounts: Decimal) -> Entity:
    return Entity(kind, name, set(aliases), [_ev(f"{name}相关表述。")], **amounts)


def _fact(kind: Kind, subject: str, relation: Relation, object_kind: Kind, obj: str, quote: str) -> Fact:
    return Fact(Ref(kind, subject), relation, Ref(object_kind, obj), _ev(quote, 1))


def _belong_to(administration: str, *agencies: str) -> list[Fact]:
    """Departments of a zone's administration (extraction states this as zk:partOf)."""
    return [_fact(A, name, Relation.PART_OF, A, administration, f"{administration}{name}。") for name in agencies]


P, A, Z, I, C = Kind.PROJECT, Kind.AGENCY, Kind.ZONE, Kind.INDUSTRY, Kind.COMPANY  # noqa: E741 — one letter per kind keeps the fact tables below readable


def high_tech_zone() -> tuple[SourceDocument, Extraction]:
    """高新区: a park, three agencies, four projects (经发局 leads three), two targets."""
    entities = [
        _entity(Z, HIGH_TECH, "高新区"),
        _entity(Z, "光谷软件园", "软件园"),
        _entity(A, "高新区管委会"),
        _entity(A, "经济发展局", "经发局"),
        _entity(A, "科技创新局", "科创局"),
        _entity(A, "建设局"),
        _entity(I, "智能制造"),
        _entity(I, "人工智能"),
        _entity(C, "华芯电池有限公司", "华芯电池"),
        _entity(P, "智能制造产业园项目", investment_cny=Decimal("1200000000"), area_m2=Decimal("50000")),
        _entity(P, "人工智能创新中心"),
        _entity(P, "新能源电池基地"),
        _entity(P, "科创孵化器"),
    ]
    facts = [
        _fact(Z, "光谷软件园", Relation.PART_OF, Z, HIGH_TECH, "光谷软件园是高新区的核心园区。"),
        _fact(Z, HIGH_TECH, Relation.FOCUS_INDUSTRY, I, "智能制造", "重点发展智能制造。"),
        _fact(Z, HIGH_TECH, Relation.FOCUS_INDUSTRY, I, "人工智能", "重点发展人工智能。"),
        _fact(P, "智能制造产业园项目", Relation.LEAD_AGENCY, A, "经济发展局", "智能制造产业园项目（牵头单位：经发局）。"),
        _fact(P, "智能制造产业园项目", Relation.PARTICIPATING_AGENCY, A, "建设局", "建设局配合。"),
        _fact(P, "智能制造产业园项目", Relation.LOCATED_IN, Z, HIGH_TECH, "项目位于高新区。"),
        _fact(P, "智能制造产业园项目", Relation.INDUSTRY, I, "智能制造", "智能制造产业园。"),
        _fact(P, "人工智能创新中心", Relation.LEAD_AGENCY, A, "经济发展局", "人工智能创新中心（牵头单位：经发局）。"),
        _fact(P, "人工智能创新中心", Relation.PARTICIPATING_AGENCY, A, "科技创新局", "科创局配合。"),
        _fact(P, "人工智能创新中心", Relation.LOCATED_IN, Z, "光谷软件园", "位于光谷软件园。"),
        _fact(P, "人工智能创新中心", Relation.INDUSTRY, I, "人工智能", "人工智能创新中心。"),
        _fact(P, "新能源电池基地", Relation.LEAD_AGENCY, A, "经济发展局", "新能源电池基地（牵头单位：经发局）。"),
        _fact(P, "新能源电池基地", Relation.LOCATED_IN, Z, HIGH_TECH, "基地位于高新区。"),
        _fact(P, "新能源电池基地", Relation.INVOLVES_COMPANY, C, "华芯电池有限公司", "华芯电池投资建设。"),
        _fact(P, "科创孵化器", Relation.LEAD_AGENCY, A, "科技创新局", "科创孵化器（牵头单位：科创局，配合单位：经发局）。"),
        _fact(P, "科创孵化器", Relation.PARTICIPATING_AGENCY, A, "经济发展局", "配合单位：经发局。"),
        _fact(P, "科创孵化器", Relation.LOCATED_IN, Z, HIGH_TECH, "孵化器位于高新区。"),
        *_belong_to("高新区管委会", "经济发展局", "科技创新局", "建设局"),
    ]
    targets = [
        Target("地区生产总值", TargetKind.GROWTH_RATE, Decimal("8"), "%", 2024,
               "地区生产总值增长8%。", _ev("地区生产总值增长8%。", 2)),
        Target("高新技术企业数量", TargetKind.COUNT, Decimal("300"), "家", 2025,
               "高新技术企业达到300家。", _ev("高新技术企业达到300家。", 3)),
    ]
    document = SourceDocument(
        path=Path(DOC_A), title="高新区2024年工作要点",
        blocks=[Paragraph("高新区2024年工作要点")],
        metadata={"publisher": "高新区管委会", "date": "2024-03-01"},
    )
    return document, Extraction(entities, facts, targets, main_zone=HIGH_TECH, issuer="高新区管委会", plan_year=2024)


def riverside_zone() -> tuple[SourceDocument, Extraction]:
    """滨江新区: another administration with its own 经发局 leading one project."""
    entities = [
        _entity(Z, "滨江新区"),
        _entity(A, "滨江新区管委会"),
        _entity(A, "经济发展局", "经发局"),
        _entity(I, "现代物流"),
        _entity(P, "滨江物流中心", investment_cny=Decimal("350000000")),
    ]
    facts = [
        _fact(P, "滨江物流中心", Relation.LEAD_AGENCY, A, "经济发展局", "滨江物流中心（牵头单位：经发局）。"),
        _fact(P, "滨江物流中心", Relation.LOCATED_IN, Z, "滨江新区", "位于滨江新区。"),
        _fact(P, "滨江物流中心", Relation.INDUSTRY, I, "现代物流", "发展现代物流。"),
        *_belong_to("滨江新区管委会", "经济发展局"),
    ]
    targets = [
        Target("固定资产投资", TargetKind.LEVEL, Decimal("120"), "亿元", 2025,
               "固定资产投资达到120亿元。", _ev("固定资产投资达到120亿元。", 2)),
    ]
    document = SourceDocument(
        path=Path(DOC_B), title="滨江新区2025年工作方案",
        blocks=[Paragraph("滨江新区2025年工作方案")], metadata={"publisher": "滨江新区管委会"},
    )
    return document, Extraction(entities, facts, targets, main_zone="滨江新区", issuer="滨江新区管委会", plan_year=2025)


def build_store(directory: Path) -> None:
    store = open_store(directory, create=True)
    try:
        for document, extraction in (high_tech_zone(), riverside_zone()):
            store.replace_document(document_iri(document.name), to_quads(document, extraction))
    finally:
        store.close()


def serve(directory: Path, **settings: object) -> TestClient:
    build_store(directory)
    return TestClient(create_app(Settings(store=directory, **settings)))  # type: ignore[arg-type]


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
