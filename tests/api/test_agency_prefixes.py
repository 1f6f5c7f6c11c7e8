"""An agency written with and without its administration in front is one agency, and both
spellings find it (区商务局 / 商务局, 县工信局, 某某区商务局); another place's department stays
its own agency but is found by the department's name too."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from zonekg.api.app import create_app
from zonekg.api.settings import Settings
from zonekg.graph.store import open_store
from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction.model import Entity, Evidence, Extraction, Fact, Kind, Ref, Relation
from zonekg.loaders.mapping import split_scope, to_quads
from zonekg.ontology.iris import document_iri

ADMIN = "青湾区管委会"
ZONE = "青湾经济开发区"


def plan(file: str, issuer: str, lead: str, project: str) -> tuple[SourceDocument, Extraction]:
    """A one-task plan of ``issuer``'s administration: ``lead`` leads ``project``."""
    quote = f"建设{project}（牵头单位：{lead}）"
    ev = Evidence(quote, 0)
    entities = [
        Entity(Kind.ZONE, ZONE, set(), [ev]),
        Entity(Kind.AGENCY, issuer, set(), [ev]),
        Entity(Kind.AGENCY, lead, set(), [ev]),
        Entity(Kind.PROJECT, project, set(), [ev]),
    ]
    facts = [Fact(Ref(Kind.PROJECT, project), Relation.LEAD_AGENCY, Ref(Kind.AGENCY, lead), ev)]
    document = SourceDocument(Path(file), f"{issuer}工作要点", [Paragraph(quote)])
    return document, Extraction(entities, facts, [], main_zone=ZONE, issuer=issuer, plan_year=2025)


PLANS = [
    plan("a.txt", ADMIN, "区商务局", "跨境电商产业园"),
    plan("b.txt", ADMIN, "商务局", "进口商品展示中心"),
    plan("c.txt", ADMIN, "青湾区商务局", "保税物流中心"),
    plan("d.txt", "白沙县人民政府", "县工信局", "白沙智能装备产业园"),
    plan("e.txt", "白沙县人民政府", "工信局", "白沙精密铸造基地"),
    plan("f.txt", ADMIN, "临川区商务局", "临川会展中心"),
]


def test_scope_is_split_only_where_it_stands_for_an_administration() -> None:
    assert split_scope("区商务局") == ("区", "商务局")
    assert split_scope("县工信局") == ("县", "工信局")
    assert split_scope("青湾区商务局", ("青湾区",)) == ("青湾区", "商务局")
    assert split_scope("临川区商务局") == ("临川区", "商务局")
    for whole in ("市场监督管理局", "市政管理局", "区域发展局", "区管委会", "商务局", "区委", "白沙镇"):
        assert split_scope(whole) is None, whole


def _lead_iris(quads) -> set[str]:
    return {q.object.value for q in quads if q.predicate.value.endswith("#leadAgency")}


def test_prefixed_and_bare_spellings_mint_one_agency_within_the_administration() -> None:
    a, b, c, d, e, f = (_lead_iris(to_quads(*p)) for p in PLANS)
    assert a == b == c
    assert d == e
    assert a != d and f != a


def _client(tmp_path: Path) -> TestClient:
    store = open_store(tmp_path / "store", create=True)
    for document, extraction in PLANS:
        store.replace_document(document_iri(document.name), to_quads(document, extraction))
    store.close()
    return TestClient(create_app(Settings(store=tmp_path / "store")))


def _projects(client: TestClient, lead: str) -> list[str]:
    response = client.get("/api/projects", params={"lead": lead})
    assert response.status_code == 200, response.text
    return sorted(item["name"] for item in response.json()["items"])


def test_both_spellings_find_the_agency(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        own = ["跨境电商产业园", "进口商品展示中心", "保税物流中心"]
        assert _projects(client, "区商务局") == sorted(own)
        assert _projects(client, "青湾区商务局") == sorted(own)
        assert _projects(client, "商务局") == sorted([*own, "临川会展中心"])
        assert _projects(client, "临川区商务局") == ["临川会展中心"]
        assert _projects(client, "县工信局") == _projects(client, "工信局") == ["白沙智能装备产业园", "白沙精密铸造基地"]
        bureaus = client.get("/api/agencies", params={"q": "商务局"}).json()["items"]
        assert len(bureaus) == 2
        own_bureau = next(b for b in bureaus if "临川区商务局" not in [b["name"], *b["aliases"]])
        assert {own_bureau["name"], *own_bureau["aliases"]} == {"区商务局", "商务局", "青湾区商务局"}
