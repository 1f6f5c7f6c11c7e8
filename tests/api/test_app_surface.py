"""What every response shares (problem+json errors, CORS, gzip) and the offline pages."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from api_corpus import ORIGIN
from zonekg.api.routes.query_page import EXAMPLES
from zonekg.api.target_limit import MAX_TARGET_BYTES


def test_errors_are_problem_json(client: TestClient) -> None:
    for response, status in ((client.get("/api/nothing-here"), 404),
                             (client.put("/api/health"), 405),
                             (client.get("/api/projects", params={"offset": -1}), 422)):
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == status and problem["title"] and "detail" in problem
    assert "GET" in client.put("/api/health").headers["allow"]


def test_a_target_over_the_limit_is_a_414_problem(client: TestClient) -> None:
    """Past the limit the app says so (h11 answered a long head with a plain-text 400)."""
    response = client.get("/sparql", params={"query": "ASK { ?s ?p " + "?o " * (MAX_TARGET_BYTES // 3) + "}"})
    assert response.status_code == 414
    assert response.headers["content-type"] == "application/problem+json"
    assert f"{MAX_TARGET_BYTES:,}" in response.json()["detail"] and "POST" in response.json()["detail"]
    at_the_limit = "/api/search?q=" + "a" * (MAX_TARGET_BYTES - len("/api/search?q="))
    assert client.get(at_the_limit).status_code == 200


def test_openapi_documents_every_error_as_a_problem(client: TestClient) -> None:
    """Errors go out as problem+json with many statuses; the schema said 422 application/json
    (FastAPI's default) for every route, so generated clients and schemathesis misread them."""
    schema = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(schema)
    problem = schema["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail"} <= set(problem["required"])
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("4XX", "503"):
                content = operation["responses"][status]["content"]
                assert list(content) == ["application/problem+json"], (method, path, status)


@pytest.mark.parametrize("collection", ["zones", "agencies", "companies", "industries", "projects", "targets"])
def test_an_id_that_can_be_no_iri_is_not_found(client: TestClient, collection: str) -> None:
    """A control character cannot be in an IRI: such an id names no entity (404), where it
    used to reach the query as a parameter and come back as 400 "ValueError: Invalid IRI"."""
    response = client.get(f"/api/{collection}/%1D%C2%9Ax")
    assert response.status_code == 404, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "Error" not in response.json()["detail"]


def test_cors_for_the_configured_origin_only(client: TestClient) -> None:
    allowed = client.get("/api/health", headers={"Origin": ORIGIN})
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "X-Zonekg-Truncated" in allowed.headers["access-control-expose-headers"]
    other = client.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_gzip(client: TestClient) -> None:
    response = client.get("/api/projects", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["total"] == 5


def test_docs_load_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/static/") for u in urls)
    assert "cdn" not in page.text.lower()
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get("/redoc").status_code == 404


def test_openapi_documents_the_routes_with_chinese_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/projects", "/api/zones/{id}", "/api/agencies/{id}/projects", "/api/search",
                 "/api/triples", "/api/resource", "/api/documents", "/api/documents/{file}", "/sparql",
                 "/rdf-graphs"):
        assert path in spec["paths"], path
    lead = next(p for p in spec["paths"]["/api/projects"]["get"]["parameters"] if p["name"] == "lead")
    assert "经发局" in json.dumps(lead, ensure_ascii=False)
    assert "403" in spec["paths"]["/sparql"]["post"]["description"]


def test_query_page_is_offline_and_carries_the_examples(client: TestClient) -> None:
    page = client.get("/query")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(url).status_code == 200, url
    assert not re.search(r'(?:src|href)="https?:', page.text)
    data = re.search(r'<script type="application/json" id="example-data">(.*?)</script>', page.text, re.S)
    assert [e["title"] for e in json.loads(data.group(1))] == [e.title for e in EXAMPLES]
    script = client.get("/static/query.js").text
    assert "innerHTML" not in script  # values are shown as text, never parsed as HTML


def test_every_example_query_runs_and_answers(client: TestClient) -> None:
    for example in EXAMPLES:
        response = client.post("/sparql", content=example.query.encode(),
                               headers={"Content-Type": "application/sparql-query"})
        assert response.status_code == 200, (example.title, response.text)
        assert response.json()["results"]["bindings"], example.title


def test_static_files_answer_like_every_other_route(client: TestClient) -> None:
    """A mount was no route: ``?x=1`` and an Accept that excludes the file were answered 200."""
    assert client.get("/static/query.js").status_code == 200
    assert client.get("/static/query.css", headers={"Accept": "text/css,*/*;q=0.1"}).status_code == 200
    unknown = client.get("/static/query.js", params={"v": "2"})
    assert unknown.status_code == 400 and unknown.headers["content-type"] == "application/problem+json"
    assert "'v'" in unknown.json()["detail"] and "takes none" in unknown.json()["detail"]
    refused = client.get("/static/query.css", headers={"Accept": "application/json"})
    assert refused.status_code == 406 and refused.headers["content-type"] == "application/problem+json"
    assert "text/css" in refused.json()["detail"]
    assert client.get("/static/nothing.js", headers={"Accept": "application/json"}).status_code == 404
