"""The REST lists: the scorer's contract, filters by name/alias/IRI, paging, facets."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from api_corpus import DOC_B, HIGH_TECH
from zonekg.api.paging import MAX_OFFSET

ID = "https://w3id.org/zonekg/id/"
COLLECTIONS = ["zones", "agencies", "companies", "industries", "projects", "targets"]


def names(response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(item["name"] for item in response.json()["items"])


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_list_keeps_the_scorer_contract(client: TestClient, collection: str) -> None:
    body = client.get(f"/api/{collection}", params={"limit": 500}).json()
    assert {"items", "total", "limit", "offset"} <= set(body)
    assert body["limit"] == 500 and body["offset"] == 0 and body["total"] == len(body["items"]) > 0
    for item in body["items"]:
        assert item["id"].startswith(ID)
        assert isinstance(item["name"], str) and isinstance(item["aliases"], list)
        assert item["sources"] and {"document", "quote"} == set(item["sources"][0])


def test_project_items_have_zone_agencies_and_amounts(client: TestClient) -> None:
    items = client.get("/api/projects", params={"q": "智能制造产业园"}).json()["items"]
    assert len(items) == 1
    project = items[0]
    assert project["zone"] == {"id": f"{ID}zone/{HIGH_TECH}", "name": HIGH_TECH}
    assert [a["name"] for a in project["lead_agencies"]] == ["经济发展局"]
    assert [a["name"] for a in project["participating_agencies"]] == ["建设局"]
    assert project["investment_cny"] == 1200000000 and project["area_m2"] == 50000


def test_target_items_have_their_fields(client: TestClient) -> None:
    items = client.get("/api/targets", params={"q": "固定资产"}).json()["items"]
    assert len(items) == 1
    target = items[0]
    assert (target["metric"], target["kind"], target["value"], target["unit"], target["year"]) == (
        "固定资产投资", "level", 120, "亿元", 2025)
    assert target["zone"]["name"] == "滨江新区" and target["text"] == "固定资产投资达到120亿元。"


def test_limit_above_500_is_a_422_problem(client: TestClient) -> None:
    response = client.get("/api/zones", params={"limit": 501})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "limit" in response.json()["detail"]


def test_paging_with_next_links(client: TestClient) -> None:
    first = client.get("/api/projects", params={"limit": 2}).json()
    assert first["total"] == 5 and len(first["items"]) == 2
    seen = [item["id"] for item in first["items"]]
    url = first["next"]
    while url:
        assert parse_qs(urlsplit(url).query)["limit"] == ["2"]
        page = client.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 5
    assert client.get("/api/projects", params={"limit": 5}).json()["next"] is None


def test_lead_filter_by_alias_spans_administrations(client: TestClient) -> None:
    response = client.get("/api/projects", params={"lead": "经发局"})
    assert names(response) == ["人工智能创新中心", "新能源电池基地", "智能制造产业园项目", "滨江物流中心"]
    assert response.json()["total"] == 4


def test_lead_filter_within_one_administration(client: TestClient) -> None:
    response = client.get("/api/projects", params={"lead": "经发局", "administration": "高新区管委会"})
    assert names(response) == ["人工智能创新中心", "新能源电池基地", "智能制造产业园项目"]


def test_lead_filter_by_name_and_by_iri(client: TestClient) -> None:
    by_name = names(client.get("/api/projects", params={"lead": "科技创新局"}))
    by_iri = names(client.get("/api/projects", params={"lead": f"{ID}agency/高新区管委会/科技创新局"}))
    by_path = names(client.get("/api/projects", params={"lead": "agency/高新区管委会/科技创新局"}))
    assert by_name == by_iri == by_path == ["科创孵化器"]


def test_participant_and_industry_filters(client: TestClient) -> None:
    assert names(client.get("/api/projects", params={"participant": "经发局"})) == ["科创孵化器"]
    assert names(client.get("/api/projects", params={"industry": "人工智能"})) == ["人工智能创新中心"]
    assert names(client.get("/api/projects", params={"industry": "不存在的产业"})) == []


def test_zone_filter_includes_parks(client: TestClient) -> None:
    projects = names(client.get("/api/projects", params={"zone": "高新区"}))
    assert projects == ["人工智能创新中心", "新能源电池基地", "智能制造产业园项目", "科创孵化器"]
    assert names(client.get("/api/projects", params={"zone": "光谷软件园"})) == ["人工智能创新中心"]
    assert names(client.get("/api/zones", params={"zone": "高新区"})) == ["光谷软件园"]
    assert names(client.get("/api/agencies", params={"zone": "滨江新区"})) == ["经济发展局"]
    assert names(client.get("/api/companies", params={"zone": "高新区"})) == ["华芯电池有限公司"]
    assert names(client.get("/api/industries", params={"zone": "滨江新区"})) == ["现代物流"]
    assert names(client.get("/api/targets", params={"zone": "高新区"})) == ["地区生产总值", "高新技术企业数量"]


def test_document_and_text_filters(client: TestClient) -> None:
    assert names(client.get("/api/zones", params={"document": DOC_B})) == ["滨江新区"]
    assert names(client.get("/api/agencies", params={"q": "科创"})) == ["科技创新局"]


def test_filters_combine(client: TestClient) -> None:
    response = client.get("/api/projects", params={"lead": "经发局", "zone": "光谷软件园", "industry": "人工智能"})
    assert names(response) == ["人工智能创新中心"]


def test_hostile_values_are_bound_not_pasted(client: TestClient) -> None:
    for value in ['"} } UNION { ?e ?p ?o } #', "<urn:x> . ?e ?p ?o", "经发局') || true || ('"]:
        for param in ("q", "lead", "zone", "document"):
            response = client.get("/api/projects", params={param: value})
            assert response.status_code == 200, (param, value)
            assert response.json()["total"] == 0


def test_project_facets_count_by_zone_and_lead(client: TestClient) -> None:
    facets = client.get("/api/projects").json()["facets"]
    by_zone = {f["name"]: f["count"] for f in facets["zone"]}
    assert by_zone == {HIGH_TECH: 3, "光谷软件园": 1, "滨江新区": 1}
    leads = {f["id"].removeprefix(f"{ID}agency/"): f["count"] for f in facets["lead_agency"]}
    assert leads == {"高新区管委会/经济发展局": 3, "高新区管委会/科技创新局": 1, "滨江新区管委会/经济发展局": 1}
    assert facets["lead_agency"][0]["count"] == 3  # most frequent first


def test_facets_follow_the_filters(client: TestClient) -> None:
    facets = client.get("/api/projects", params={"zone": "滨江新区"}).json()["facets"]
    assert [(f["name"], f["count"]) for f in facets["industry"]] == [("现代物流", 1)]


def test_target_facets_by_year_and_kind(client: TestClient) -> None:
    facets = client.get("/api/targets").json()["facets"]
    assert {f["value"]: f["count"] for f in facets["year"]} == {2024: 1, 2025: 2}
    assert {f["value"] for f in facets["kind"]} == {"growth_rate", "count", "level"}


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok", "documents": 2}


def test_an_offset_past_any_store_is_a_422_on_every_list(client: TestClient) -> None:
    """Every list takes the same offsets: /api/triples answered 10^23 with the engine's syntax
    error quoting its query, the others with an empty page."""
    for path, more in (("/api/projects", {}), ("/api/triples", {}), ("/api/documents", {}), ("/api/search", {"q": "局"})):
        far = client.get(path, params={"offset": MAX_OFFSET, **more})
        assert far.status_code == 200 and far.json()["items"] == [], path
        response = client.get(path, params={"offset": str(10**23), **more})
        assert response.status_code == 422, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert "offset" in response.json()["detail"] and "SELECT" not in response.json()["detail"]
