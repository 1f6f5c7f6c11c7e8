"""A small hand-made world of two development zones, built through the real mapping.

Tests of the analysis and of the pages share it, so both assert on the same facts. The
expected rankings follow from the projects below: 经济发展委员会 leads or joins all three
projects of 苏州工业园区, 科技创新委员会 and 财政局 two each, 规划建设委员会 one.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from handmade import Plan, document, write_store
from zonekg.loaders.extraction.model import Extraction, Kind, Relation, TargetKind
from zonekg.ontology import iris

SUZHOU = "苏州工业园区2024年工作计划.txt"
KUNSHAN = "昆山开发区2024年重点工作.txt"
ISLAND = "孤岛产业园简介.txt"
HOSTILE = "恶意文档.txt"

SCRIPT_NAME = "<script>window.__pwned=1</script>示范区"
IMG_NAME = '<img src=x onerror="window.__pwned=1">管委会'
BREAKOUT_ALIAS = "</script><script>window.__pwned=1</script>"


def suzhou() -> Extraction:
    b = Plan("苏州工业园区", "苏州工业园区管委会")
    zone = b.add(Kind.ZONE, "苏州工业园区", "园区")
    nano_city = b.add(Kind.ZONE, "纳米城")
    bio_park = b.add(Kind.ZONE, "生物医药产业园")
    b.add(Kind.AGENCY, "苏州工业园区管委会")
    econ = b.add(Kind.AGENCY, "经济发展委员会", "经发委")
    tech = b.add(Kind.AGENCY, "科技创新委员会", "科创委")
    plan = b.add(Kind.AGENCY, "规划建设委员会", "规建委")
    finance = b.add(Kind.AGENCY, "财政局")
    bio, nano, ai = (b.add(Kind.INDUSTRY, n) for n in ("生物医药", "纳米技术", "人工智能"))
    innovent = b.add(Kind.COMPANY, "信达生物制药有限公司", "信达生物")
    p1 = b.add(Kind.PROJECT, "纳米城三期", investment_cny=Decimal("3500000000"), area_m2=Decimal("120000"))
    p2 = b.add(Kind.PROJECT, "生物医药创新中心", investment_cny=Decimal("800000000"))
    p3 = b.add(Kind.PROJECT, "人工智能算力平台")
    for park in (nano_city, bio_park):
        b.link(park, Relation.PART_OF, zone)
    for industry in (bio, nano, ai):
        b.link(zone, Relation.FOCUS_INDUSTRY, industry)
    for project, lead, partners, where, industry in (
        (p1, econ, (plan, finance), nano_city, nano),
        (p2, tech, (econ,), bio_park, bio),
        (p3, econ, (tech, finance), zone, ai),
    ):
        b.link(project, Relation.LEAD_AGENCY, lead)
        for partner in partners:
            b.link(project, Relation.PARTICIPATING_AGENCY, partner)
        b.link(project, Relation.LOCATED_IN, where)
        b.link(project, Relation.INDUSTRY, industry)
    b.link(p2, Relation.INVOLVES_COMPANY, innovent)
    b.target("地区生产总值", TargetKind.GROWTH_RATE, "6", "%")
    b.target("规上工业总产值", TargetKind.LEVEL, "6500", "亿元")
    return b.extraction


def kunshan() -> Extraction:
    b = Plan("昆山经济技术开发区", "昆山开发区管委会")
    zone = b.add(Kind.ZONE, "昆山经济技术开发区", "昆山开发区")
    b.add(Kind.AGENCY, "昆山开发区管委会")
    econ = b.add(Kind.AGENCY, "经济发展局", "经发局")
    invest = b.add(Kind.AGENCY, "招商局")
    build = b.add(Kind.AGENCY, "建设局")
    ai, ev = (b.add(Kind.INDUSTRY, n) for n in ("人工智能", "新能源汽车"))
    p1 = b.add(Kind.PROJECT, "新能源汽车零部件产业园", investment_cny=Decimal("1200000000"))
    p2 = b.add(Kind.PROJECT, "智能制造示范工厂")
    for industry in (ai, ev):
        b.link(zone, Relation.FOCUS_INDUSTRY, industry)
    for project, lead, partners, industry in ((p1, econ, (invest, build), ev), (p2, invest, (econ,), ai)):
        b.link(project, Relation.LEAD_AGENCY, lead)
        for partner in partners:
            b.link(project, Relation.PARTICIPATING_AGENCY, partner)
        b.link(project, Relation.LOCATED_IN, zone)
        b.link(project, Relation.INDUSTRY, industry)
    b.target("地区生产总值", TargetKind.GROWTH_RATE, "5.5", "%")
    b.target("实际使用外资", TargetKind.LEVEL, "10", "亿美元")
    return b.extraction


def island() -> Extraction:
    """A zone nothing else connects to: there is no path to it."""
    b = Plan("孤岛产业园", "孤岛产业园")
    b.add(Kind.ZONE, "孤岛产业园")
    return b.extraction


def hostile() -> Extraction:
    """Names, aliases and quotes that would run script if a page pasted them into HTML."""
    b = Plan(SCRIPT_NAME, IMG_NAME)
    zone = b.add(Kind.ZONE, SCRIPT_NAME, BREAKOUT_ALIAS, quote=f"{IMG_NAME}负责{BREAKOUT_ALIAS}")
    agency = b.add(Kind.AGENCY, IMG_NAME, "&amp;<b>粗体</b>")
    project = b.add(Kind.PROJECT, "<svg onload=window.__pwned=1>项目", investment_cny=Decimal("100000000"))
    b.link(project, Relation.LEAD_AGENCY, agency)
    b.link(project, Relation.LOCATED_IN, zone)
    return b.extraction


def build_store(directory: Path, *, with_hostile: bool = False) -> Path:
    """A store at ``directory`` holding the world (and the hostile document when asked)."""
    docs = {SUZHOU: suzhou(), KUNSHAN: kunshan(), ISLAND: island()}
    if with_hostile:
        docs[HOSTILE] = hostile()
    return write_store(directory, ((document(name), extraction) for name, extraction in docs.items()))


def agency(administration: str, name: str) -> str:
    return iris.agency_iri(administration, name)


def zone(name: str) -> str:
    return iris.zone_iri(name)
