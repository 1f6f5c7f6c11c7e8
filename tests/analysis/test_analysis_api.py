"""/api/analysis/…: the same analysis over HTTP, with 404/422 problems for bad input."""
from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from world import agency, zone


def test_agencies_ranked(analysis_client: TestClient) -> None:
    body = analysis_client.get("/api/analysis/agencies", params={"limit": 3}).json()
    assert body["total"] == 9
    first = body["items"][0]
    assert (first["rank"], first["name"], first["degree"], first["lead"]) == (1, "经济发展委员会", 3, 2)
    assert [i["name"] for i in body["items"]] == ["经济发展委员会", "财政局", "招商局"]


def test_co_leadership(analysis_client: TestClient) -> None:
    body = analysis_client.get("/api/analysis/co-leadership").json()
    assert len(body["agencies"]) == 7
    top = body["edges"][0]
    assert top["weight"] == 2
    pairs = {frozenset((e["a"]["name"], e["b"]["name"])) for e in body["edges"] if e["weight"] == 2}
    assert pairs == {
        frozenset(("招商局", "经济发展局")),
        frozenset(("科技创新委员会", "经济发展委员会")),
        frozenset(("经济发展委员会", "财政局")),
    }
    assert all(e["weight"] == len(e["projects"]) for e in body["edges"])


def test_zones_pair_and_all_pairs(analysis_client: TestClient) -> None:
    pair = analysis_client.get(
        "/api/analysis/zones", params={"a": "zone/苏州工业园区", "b": zone("昆山经济技术开发区")}
    ).json()["items"]
    assert len(pair) == 1
    assert [i["name"] for i in pair[0]["shared_industries"]] == ["人工智能"]
    assert pair[0]["shared_metrics"] == ["地区生产总值"]
    everything = analysis_client.get("/api/analysis/zones").json()["items"]
    assert {everything[0]["a"]["name"], everything[0]["b"]["name"]} == {"苏州工业园区", "昆山经济技术开发区"}


def test_zone_errors_are_problems(analysis_client: TestClient) -> None:
    missing = analysis_client.get("/api/analysis/zones", params={"a": "zone/无此区"})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    not_zone = analysis_client.get("/api/analysis/zones", params={"a": "industry/人工智能"})
    assert not_zone.status_code == 422


def test_path(analysis_client: TestClient) -> None:
    source = agency("苏州工业园区管委会", "经济发展委员会")
    body = analysis_client.get(
        f"/api/analysis/path?from={quote(source)}&to={quote('agency/昆山开发区管委会/经济发展局')}"
    ).json()
    assert body["length"] == 4
    assert [n["kind"] for n in body["nodes"]] == ["Agency", "Project", "Industry", "Project", "Agency"]
    assert body["nodes"][2]["name"] == "人工智能"


def test_no_path_and_unknown_are_404_problems(analysis_client: TestClient) -> None:
    for target in ("zone/孤岛产业园", "zone/无此区"):
        response = analysis_client.get("/api/analysis/path", params={"from": "zone/苏州工业园区", "to": target})
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")
    assert "no path" in analysis_client.get(
        "/api/analysis/path", params={"from": "zone/苏州工业园区", "to": "zone/孤岛产业园"}
    ).json()["detail"]
