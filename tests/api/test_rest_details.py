"""Entity details: the {id} scheme, a zone with what belongs to it, an agency's projects."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api_corpus import HIGH_TECH

ID = "https://w3id.org/zonekg/id/"
ZONE_IRI = f"{ID}zone/{HIGH_TECH}"


@pytest.mark.parametrize("path", [
    quote(ZONE_IRI, safe=""),    # the full IRI, percent-encoded
    f"zone/{HIGH_TECH}",         # the path after /id/
    HIGH_TECH,                   # the path after the kind
    "高新区",                      # an alias only this zone has
])
def test_zone_by_every_id_form(client: TestClient, path: str) -> None:
    response = client.get(f"/api/zones/{path}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == ZONE_IRI


def test_zone_detail_lists_what_belongs_to_it(client: TestClient) -> None:
    zone = client.get(f"/api/zones/{HIGH_TECH}").json()
    assert zone["aliases"] == ["高新区"]
    assert [p["name"] for p in zone["parks"]] == ["光谷软件园"]
    assert sorted(i["name"] for i in zone["industries"]) == ["人工智能", "智能制造"]
    assert sorted(a["name"] for a in zone["agencies"]) == ["建设局", "科技创新局", "经济发展局"]
    assert len(zone["projects"]) == 4
    assert sorted(t["metric"] for t in zone["targets"]) == ["地区生产总值", "高新技术企业数量"]
    assert all("value" in t for t in zone["targets"])


def test_details_of_other_kinds(client: TestClient) -> None:
    project = client.get("/api/projects/滨江新区/滨江物流中心").json()
    assert project["lead_agencies"][0]["id"] == f"{ID}agency/滨江新区管委会/经济发展局"
    assert project["investment_cny"] == 350000000
    assert client.get("/api/companies/华芯电池").json()["name"] == "华芯电池有限公司"


def test_unknown_entity_is_404_problem(client: TestClient) -> None:
    response = client.get("/api/zones/不存在的开发区")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert client.get(f"/api/agencies/zone/{HIGH_TECH}").status_code == 404  # a zone is no agency


def test_ambiguous_alias_is_404_naming_the_candidates(client: TestClient) -> None:
    response = client.get("/api/agencies/经发局")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "高新区管委会/经济发展局" in detail and "滨江新区管委会/经济发展局" in detail


def test_agency_projects_by_role(client: TestClient) -> None:
    base = "/api/agencies/高新区管委会/经济发展局/projects"
    every = client.get(base).json()
    assert every["total"] == 4 and {"items", "limit", "offset", "next"} <= set(every)
    lead = client.get(base, params={"role": "lead"}).json()
    assert sorted(p["name"] for p in lead["items"]) == ["人工智能创新中心", "新能源电池基地", "智能制造产业园项目"]
    joined = client.get(base, params={"role": "participant"}).json()
    assert [p["name"] for p in joined["items"]] == ["科创孵化器"]
    paged = client.get(base, params={"limit": 3}).json()
    assert len(paged["items"]) == 3 and paged["next"] is not None


def test_agency_projects_of_an_unknown_agency_is_404(client: TestClient) -> None:
    assert client.get("/api/agencies/无此单位/projects").status_code == 404


@pytest.mark.parametrize("collection", ["zones", "agencies", "projects", "targets"])
def test_a_collection_with_a_trailing_slash_redirects_to_its_list(client: TestClient, collection: str) -> None:
    """'/api/projects/' asked for the project named '' and said "'' names several projects"."""
    response = client.get(f"/api/{collection}/", params={"limit": 1}, follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"].endswith(f"/api/{collection}?limit=1")
    assert client.get(f"/api/{collection}/", params={"limit": 1}).json()["limit"] == 1


def test_an_empty_id_before_a_sub_path_is_a_clear_404(client: TestClient) -> None:
    response = client.get("/api/agencies//projects")
    assert response.status_code == 404
    assert "names several" not in response.json()["detail"]
    assert "empty" in response.json()["detail"]
