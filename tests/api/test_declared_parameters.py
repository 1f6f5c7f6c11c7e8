"""The OpenAPI schema says what the server reads, and the server reads nothing else.

A walk over every operation of ``/openapi.json``: each parameter it documents is read (never
refused as unknown), each parameter documented only elsewhere is refused as unknown, naming it
and listing what the operation takes (``/api/projects?leed=商务局`` answered every project; POST
``/sparql`` was documented with a ``query`` URL parameter it refuses). A request body is read in
each documented media type, and a form field the body does not document is refused."""
from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from api_corpus import TOKEN

UNKNOWN = "unknown parameter"
NO_SUCH = "leed"
"""A name no operation takes (a slip for ``lead``)."""


def _operations(schema: dict) -> Iterator[tuple[str, str, dict]]:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method.upper(), operation


def _value(parameter: dict) -> str:
    """A value the parameter's schema allows: its example, its minimum, or a word."""
    examples = parameter.get("examples") or {}
    for example in examples.values() if isinstance(examples, dict) else examples:
        return str(example.get("value") if isinstance(example, dict) else example)
    schema = parameter.get("schema", {})
    options = [schema, *schema.get("anyOf", [])]
    if any(o.get("type") in ("integer", "number") for o in options):
        return str(next((o["minimum"] for o in options if "minimum" in o), 1))
    if enum := next((o["enum"] for o in options if "enum" in o), None):
        return str(enum[-1])
    return "x"


def _call(client: TestClient, path: str, method: str, operation: dict, params: list[tuple[str, str]]) -> Response:
    """The operation called with ``params`` in its URL (path parameters filled in, a body of its
    first documented type when it takes one); no token, so a write is refused after the check."""
    url = path
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            url = url.replace("{" + parameter["name"] + "}", _value(parameter))
    body = operation.get("requestBody", {}).get("content", {})
    if "application/sparql-query" in body:
        return client.request(method, url, params=params, content="ASK {}",
                              headers={"Content-Type": "application/sparql-query"})
    return client.request(method, url, params=params)


def _refused_as_unknown(response: Response, name: str) -> bool:
    detail = response.json().get("detail", "") if response.status_code == 400 else ""
    return UNKNOWN in detail and repr(name) in detail


@pytest.fixture(scope="module")
def schema(client: TestClient) -> dict:
    return client.get("/openapi.json").json()


def test_every_documented_parameter_is_read(client: TestClient, schema: dict) -> None:
    walked = 0
    for path, method, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                response = _call(client, path, method, operation, [(parameter["name"], _value(parameter))])
                assert response.status_code < 500, (method, path, response.text)
                assert not _refused_as_unknown(response, parameter["name"]), (method, path, response.text)
                walked += 1
    assert walked >= 40  # every list's filters, /sparql's, /graph's, /rdf-graphs's …


def test_a_parameter_documented_only_elsewhere_is_refused_naming_what_is_taken(
        client: TestClient, schema: dict) -> None:
    everywhere = {p["name"] for _, _, op in _operations(schema) for p in op.get("parameters", [])
                  if p["in"] == "query"} | {NO_SUCH, "update"}
    for path, method, operation in _operations(schema):
        documented = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
        for name in sorted(everywhere - set(documented)):
            response = _call(client, path, method, operation, [(name, "x")])
            assert _refused_as_unknown(response, name), (method, path, name, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            detail = response.json()["detail"]
            assert all(repr(taken) in detail for taken in documented), (method, path, detail)


def test_post_sparql_documents_its_bodies_and_no_query_in_the_url(schema: dict) -> None:
    post = schema["paths"]["/sparql"]["post"]
    assert "query" not in {p["name"] for p in post.get("parameters", [])}
    assert "query" in {p["name"] for p in schema["paths"]["/sparql"]["get"]["parameters"]}
    content = post["requestBody"]["content"]
    assert {"application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"} <= set(content)
    assert {"query", "update"} <= set(content["application/x-www-form-urlencoded"]["schema"]["properties"])


def test_a_misspelt_filter_is_refused_not_ignored(client: TestClient) -> None:
    response = client.get("/api/projects", params={NO_SUCH: "商务局"})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert repr(NO_SUCH) in detail and "'lead'" in detail and "'limit'" in detail
    assert client.get("/api/projects", params={"lead": "经发局"}).json()["total"] < \
        client.get("/api/projects").json()["total"]


def test_each_documented_form_field_is_read_and_no_other(client: TestClient, schema: dict) -> None:
    form = schema["paths"]["/sparql"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    for name, field in form["schema"]["properties"].items():
        fields = [("query", "ASK {}")] if name != "query" else []
        response = client.post("/sparql", content=urlencode([*fields, (name, "urn:x")]), headers=headers)
        assert "unknown form field" not in response.text, (name, response.text)
        if field["type"] == "array":  # the dataset: documented as refused, and refused with the reason
            assert response.status_code == 400 and "not supported" in response.json()["detail"], response.text
    response = client.post("/sparql", content=urlencode({"query": "ASK {}", "format": "csv"}), headers=headers)
    assert response.status_code == 400
    assert "unknown form field 'format'" in response.json()["detail"]


def test_each_documented_body_type_is_answered(writable: TestClient, schema: dict) -> None:
    content = schema["paths"]["/sparql"]["post"]["requestBody"]["content"]
    nothing = "DELETE DATA { GRAPH <urn:zonekg-test:none> { <urn:a> <urn:b> <urn:c> } }"
    bodies = {"application/x-www-form-urlencoded": urlencode({"query": "ASK {}"}),
              "application/sparql-query": "ASK {}", "application/sparql-update": nothing}
    assert set(bodies) == set(content)
    for media_type, body in bodies.items():
        response = writable.post("/sparql", content=body, headers={
            "Content-Type": media_type, "Authorization": f"Bearer {TOKEN}"})
        assert response.status_code in (200, 204), (media_type, response.text)
        if response.status_code == 200:
            assert response.json()["boolean"] is True


def test_the_schema_is_json_only(client: TestClient) -> None:
    assert client.get("/openapi.json", headers={"Accept": "text/html"}).status_code == 406
    assert json.loads(client.get("/openapi.json", headers={"Accept": "application/*"}).text)["paths"]
    assert _refused_as_unknown(client.get("/openapi.json", params={"v": "3"}), "v")


def test_an_upload_takes_its_documented_field_alone(writable: TestClient, schema: dict) -> None:
    documented = schema["paths"]["/api/documents"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert list(documented["schema"]["properties"]) == ["file"]
    response = writable.post("/api/documents", files={"file": ("a.txt", "高新区管委会负责。")},
                             data={"replace": "yes"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400
    assert "unknown form field 'replace'" in response.json()["detail"]
    assert writable.get("/api/documents/a.txt").status_code == 404


def test_an_unsupported_type_is_refused_before_a_reader_starts(
        writable: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused on its name (422), before the file is written and a reading process sent it: a
    PNG took 16 s to refuse on a loaded machine, waiting for that process."""
    started: list[object] = []
    monkeypatch.setattr(writable.app.state.service.extraction, "prepare", started.append)
    response = writable.post("/api/documents", files={"file": ("plan.png", b"\x89PNG\r\n\x1a\n")},
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
    assert "plan.png: unsupported file type .png" in response.json()["detail"]
    assert started == []
