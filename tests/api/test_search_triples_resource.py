"""Search ranking, the triple-pattern layer and single resources (JSON and JSON-LD)."""
from __future__ import annotations

import json
from urllib.parse import quote

import pyoxigraph as ox
from fastapi.testclient import TestClient

from api_corpus import HIGH_TECH

ID = "https://w3id.org/zonekg/id/"
ZK = "https://w3id.org/zonekg/ontology#"


def test_search_ranks_exact_then_prefix_then_contains(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "高新区"}).json()["items"]
    assert [(h["name"], h["match"]) for h in hits] == [
        (HIGH_TECH, "exact"),          # its alias 高新区 equals the text
        ("高新区管委会", "prefix"),
    ]
    assert hits[0]["kind"] == "zones" and hits[0]["aliases"] == ["高新区"]


def test_search_prefers_shorter_names_within_a_rank(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "智能"}).json()["items"]
    names = [h["name"] for h in hits]
    assert names[:2] == ["智能制造", "智能制造产业园项目"]   # both prefix; shorter first
    assert "人工智能" in names[2:] and "人工智能创新中心" in names[2:]
    assert names.index("人工智能") < names.index("人工智能创新中心")
    assert {h["kind"] for h in hits} == {"industries", "projects"}


def test_search_pages_and_requires_text(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "局", "limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2 and page["next"]
    assert client.get("/api/search").status_code == 422


def test_triples_by_predicate_prefixed_name(client: TestClient) -> None:
    body = client.get("/api/triples", params={"p": "zk:leadAgency", "limit": 500}).json()
    assert len(body["items"]) == 5 and body["next"] is None
    assert all(t["p"] == {"type": "uri", "value": f"{ZK}leadAgency"} for t in body["items"])


def test_triples_by_subject_path_and_literal_object(client: TestClient) -> None:
    by_subject = client.get("/api/triples", params={"s": "zone/滨江新区", "p": "rdfs:label"}).json()["items"]
    assert by_subject == [{
        "s": {"type": "uri", "value": f"{ID}zone/滨江新区"},
        "p": {"type": "uri", "value": "http://www.w3.org/2000/01/rdf-schema#label"},
        "o": {"type": "literal", "value": "滨江新区", "xml:lang": "zh"},
    }]
    by_literal = client.get("/api/triples", params={"o": "经发局"}).json()["items"]
    assert {t["s"]["value"] for t in by_literal} == {
        f"{ID}agency/高新区管委会/经济发展局", f"{ID}agency/滨江新区管委会/经济发展局"}


def test_triples_by_iri_object_and_paging(client: TestClient) -> None:
    agency = f"{ID}agency/高新区管委会/经济发展局"
    first = client.get("/api/triples", params={"o": agency, "p": "zk:leadAgency", "limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    rest = client.get(first["next"]).json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    quoted = client.get("/api/triples", params={"o": f'"{agency}"'}).json()["items"]
    assert quoted == []  # quoted: a literal of that text, which does not exist


def test_unfiltered_triples_pages_walk_the_union_once(client: TestClient) -> None:
    """Pages come in the store's index order (no sort of every triple before the first page):
    following ``next`` gives each triple of the union once, and a page asked again is the same."""
    union = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    expected = int(union.json()["results"]["bindings"][0]["n"]["value"])
    seen: list[tuple[str, str, str]] = []
    url: str | None = "/api/triples?limit=97"
    while url:
        body = client.get(url).json()
        assert len(body["items"]) <= 97
        seen += [(t["s"]["value"], t["p"]["value"], json.dumps(t["o"], sort_keys=True)) for t in body["items"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == expected > 97 * 2
    again = client.get("/api/triples", params={"limit": 97, "offset": 97}).json()["items"]
    assert [(t["s"]["value"], t["p"]["value"], json.dumps(t["o"], sort_keys=True)) for t in again] == seen[97:194]


def test_triples_refuses_a_non_iri_subject(client: TestClient) -> None:
    response = client.get("/api/triples", params={"s": "滨江新区"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    for name, value in (("s", "zone/\udcff"), ("s", "<>"), ("p", "<a b>"), ("o", "<>"), ("o", "zone/\x00")):
        response = client.get(f"/api/triples?{name}={quote(value, errors='surrogateescape')}")
        assert response.status_code == 400, (name, value, response.text)  # it was the engine's 'ValueError: Invalid IRI'
        assert "Error" not in response.json()["detail"] and f"`{name}` must be" in response.json()["detail"]


def test_resource_as_json(client: TestClient) -> None:
    body = client.get("/api/resource", params={"id": f"{ID}agency/滨江新区管委会/经济发展局"}).json()
    assert body["kinds"] == ["agencies"] and body["aliases"] == ["经发局"]
    assert {"predicate": f"{ZK}partOf", "object": {"type": "uri", "value": f"{ID}agency/滨江新区管委会"}} in body["properties"]
    assert {"subject": f"{ID}project/滨江新区/滨江物流中心", "predicate": f"{ZK}leadAgency"} in body["incoming"]


def test_resource_that_is_no_entity(client: TestClient) -> None:
    body = client.get("/api/resource", params={"id": f"{ID}document/滨江新区2025年工作方案.txt"}).json()
    assert body["kinds"] == []
    assert any(p["predicate"] == f"{ZK}fileName" for p in body["properties"])


def test_resource_as_json_ld(client: TestClient) -> None:
    response = client.get("/api/resource", params={"id": "zone/滨江新区"}, headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    triples = [quad.triple for quad in ox.parse(response.content, format=ox.RdfFormat.JSON_LD)]
    assert ox.Triple(ox.NamedNode(f"{ID}zone/滨江新区"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                     ox.Literal("滨江新区", language="zh")) in triples
    assert all(t.subject == ox.NamedNode(f"{ID}zone/滨江新区") for t in triples)


def test_resource_as_turtle_by_format(client: TestClient) -> None:
    response = client.get("/api/resource", params={"id": "zone/滨江新区", "format": "ttl"})
    assert response.headers["content-type"].startswith("text/turtle")
    assert "zk:Zone" in response.text


def test_unknown_resource_is_404_and_a_name_is_400(client: TestClient) -> None:
    assert client.get("/api/resource", params={"id": "urn:nothing"}).status_code == 404
    assert client.get("/api/resource", params={"id": "滨江新区"}).status_code == 400
