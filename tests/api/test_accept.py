"""Every endpoint honours ``Accept``: a 406 problem when the header excludes the one type an
endpoint answers in (JSON for the REST API, HTML for the pages), the answer as usual when
the header is missing, ``*/*``, a matching ``type/*`` or the type itself, q-values read as
RFC 9110 §12.5.1 says (the most specific matching range gives the weight; ``q=0`` excludes)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_corpus import DOC_A

JSON_PATHS = ["/api/health", "/api/projects", "/api/zones/滨江新区", "/api/agencies/高新区管委会/经济发展局/projects",
              "/api/search?q=局", "/api/triples?limit=1", "/api/documents", f"/api/documents/{DOC_A}",
              "/api/analysis/agencies", "/openapi.json"]
PAGES = ["/graph", "/query", "/docs"]
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize("path", JSON_PATHS)
@pytest.mark.parametrize("accept", ["text/html", "image/png", "application/json;q=0, */*", "*/*;q=0",
                                    "application/xml, text/*"])
def test_rest_answers_406_when_accept_excludes_json(client: TestClient, path: str, accept: str) -> None:
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 406, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "application/json" in response.json()["detail"]


@pytest.mark.parametrize("path", JSON_PATHS)
@pytest.mark.parametrize("accept", [None, "*/*", "application/*", "application/json", BROWSER,
                                    "text/html;q=0.9, application/json;q=0.1", "application/JSON; charset=utf-8"])
def test_rest_answers_json_when_accept_allows_it(client: TestClient, path: str, accept: str | None) -> None:
    response = client.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_html_or_406(client: TestClient, path: str) -> None:
    for accept in (BROWSER, "text/html", "text/*", "*/*"):
        response = client.get(path, headers={"Accept": accept})
        assert response.status_code == 200, (accept, response.text[:200])
        assert response.headers["content-type"].startswith("text/html")
    refused = client.get(path, headers={"Accept": "application/json"})
    assert refused.status_code == 406
    assert "text/html" in refused.json()["detail"]


def test_a_format_given_weight_zero_is_never_chosen(client: TestClient) -> None:
    """``*/*`` does not bring back a type the header excluded by name."""
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"},
                          headers={"Accept": "application/sparql-results+json;q=0, application/json;q=0, */*"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+xml")


def test_a_more_specific_range_overrides_a_wildcard(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"},
                          headers={"Accept": "text/*;q=0.2, text/csv;q=0.9, text/tab-separated-values"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")


@pytest.mark.parametrize("q", ["inf", "nan", "7", "-1", "1e0x"])
def test_a_weight_outside_zero_to_one_counts_as_none(client: TestClient, q: str) -> None:
    """RFC 9110 §12.4.2: a weight is 0 to 1; 'q=inf' outranked every honest 'q=1'."""
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": f"text/csv;q={q}, */*;q=0.1"})
    assert response.headers["content-type"].startswith("application/sparql-results+json")


def test_accept_sent_on_two_lines_is_read_as_one_list(client: TestClient) -> None:
    """RFC 9110 §5.3: field lines of one name combine; the second Accept line was ignored."""
    response = client.get("/api/health", headers=[("Accept", "text/html"), ("Accept", "application/json")])
    assert response.status_code == 200
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=[("Accept", "image/png"), ("Accept", "text/csv")])
    assert response.headers["content-type"].startswith("text/csv")
