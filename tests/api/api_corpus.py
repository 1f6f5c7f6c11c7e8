"""A small hand-made corpus (tests/handmade.py), ingested into a fresh store and served by
the real app. Two administrations each have a 经济发展局 (alias 经发局), so name filters across
and within administrations can be told apart.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fastapi.testclient import TestClient

from handmade import Plan, document, write_store
from zonekg.api.app import create_app
from zonekg.api.settings import Settings
from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction.model import Extraction, Relation, TargetKind
from zonekg.loaders.extraction.model import Kind as K

TOKEN = "test-token-42"
ORIGIN = "https://example.org"
DOC_A = "高新区2024年工作要点.txt"
DOC_B = "滨江新区2025年工作方案.txt"
HIGH_TECH = "某某高新技术产业开发区"
LEAD, PART = Relation.LEAD_AGENCY, Relation.PARTICIPATING_AGENCY


def high_tech_zone() -> tuple[SourceDocument, Extraction]:
    """高新区: a park, three agencies, four projects (经发局 leads three), two targets."""
    b = Plan(HIGH_TECH, "高新区管委会")
    zone, park = b.add(K.ZONE, HIGH_TECH, "高新区"), b.add(K.ZONE, "光谷软件园", "软件园")
    committee = b.add(K.AGENCY, "高新区管委会")
    econ, tech = b.add(K.AGENCY, "经济发展局", "经发局"), b.add(K.AGENCY, "科技创新局", "科创局")
    build = b.add(K.AGENCY, "建设局")
    making, ai = b.add(K.INDUSTRY, "智能制造"), b.add(K.INDUSTRY, "人工智能")
    battery_maker = b.add(K.COMPANY, "华芯电池有限公司", "华芯电池")
    park_project = b.add(K.PROJECT, "智能制造产业园项目", investment_cny=Decimal("1200000000"),
                         area_m2=Decimal("50000"))
    ai_centre, battery_base = b.add(K.PROJECT, "人工智能创新中心"), b.add(K.PROJECT, "新能源电池基地")
    incubator = b.add(K.PROJECT, "科创孵化器")
    b.link(park, Relation.PART_OF, zone, "光谷软件园是高新区的核心园区。")
    b.link(zone, Relation.FOCUS_INDUSTRY, making, "重点发展智能制造。")
    b.link(zone, Relation.FOCUS_INDUSTRY, ai, "重点发展人工智能。")
    b.link(park_project, LEAD, econ, "智能制造产业园项目（牵头单位：经发局）。")
    b.link(park_project, PART, build, "建设局配合。")
    b.link(park_project, Relation.LOCATED_IN, zone, "项目位于高新区。")
    b.link(park_project, Relation.INDUSTRY, making, "智能制造产业园。")
    b.link(ai_centre, LEAD, econ, "人工智能创新中心（牵头单位：经发局）。")
    b.link(ai_centre, PART, tech, "科创局配合。")
    b.link(ai_centre, Relation.LOCATED_IN, park, "位于光谷软件园。")
    b.link(ai_centre, Relation.INDUSTRY, ai, "人工智能创新中心。")
    b.link(battery_base, LEAD, econ, "新能源电池基地（牵头单位：经发局）。")
    b.link(battery_base, Relation.LOCATED_IN, zone, "基地位于高新区。")
    b.link(battery_base, Relation.INVOLVES_COMPANY, battery_maker, "华芯电池投资建设。")
    b.link(incubator, LEAD, tech, "科创孵化器（牵头单位：科创局，配合单位：经发局）。")
    b.link(incubator, PART, econ, "配合单位：经发局。")
    b.link(incubator, Relation.LOCATED_IN, zone, "孵化器位于高新区。")
    b.belong_to(committee, econ, tech, build)
    b.target("地区生产总值", TargetKind.GROWTH_RATE, "8", "%", text="地区生产总值增长8%。")
    b.target("高新技术企业数量", TargetKind.COUNT, "300", "家", year=2025, text="高新技术企业达到300家。")
    source = document(DOC_A, "高新区2024年工作要点", publisher="高新区管委会", date="2024-03-01")
    return source, b.extraction


def riverside_zone() -> tuple[SourceDocument, Extraction]:
    """滨江新区: another administration with its own 经发局 leading one project."""
    b = Plan("滨江新区", "滨江新区管委会", year=2025)
    zone, committee = b.add(K.ZONE, "滨江新区"), b.add(K.AGENCY, "滨江新区管委会")
    econ = b.add(K.AGENCY, "经济发展局", "经发局")
    logistics = b.add(K.INDUSTRY, "现代物流")
    centre = b.add(K.PROJECT, "滨江物流中心", investment_cny=Decimal("350000000"))
    b.link(centre, LEAD, econ, "滨江物流中心（牵头单位：经发局）。")
    b.link(centre, Relation.LOCATED_IN, zone, "位于滨江新区。")
    b.link(centre, Relation.INDUSTRY, logistics, "发展现代物流。")
    b.belong_to(committee, econ)
    b.target("固定资产投资", TargetKind.LEVEL, "120", "亿元", text="固定资产投资达到120亿元。")
    return document(DOC_B, "滨江新区2025年工作方案", publisher="滨江新区管委会"), b.extraction


def build_store(directory: Path) -> None:
    write_store(directory, (high_tech_zone(), riverside_zone()))


def serve(directory: Path, **settings: object) -> TestClient:
    build_store(directory)
    return TestClient(create_app(Settings(store=directory, **settings)))  # type: ignore[arg-type]


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
