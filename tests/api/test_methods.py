"""Every path of the OpenAPI schema answers every method as RFC 9110 asks: the methods it
serves, HEAD wherever GET is served, OPTIONS with ``Allow``, and a 405 problem whose ``Allow``
lists every method the path serves, even when several routes serve it (``/sparql``: GET and
POST; ``/api/documents/{file}``: GET and DELETE) — Starlette listed only the first route's."""
from __future__ import annotations

import re
from collections.abc import Iterator

from fastapi.testclient import TestClient
from httpx import Response

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def paths(client: TestClient) -> Iterator[tuple[str, set[str]]]:
    """Each path of the schema, its parameters filled in, and the methods the schema gives it
    with HEAD (wherever GET is) and OPTIONS."""
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        methods = {method.upper() for method in operations}
        yield re.sub(r"\{[^}]+\}", "x", path), methods | {"OPTIONS"} | ({"HEAD"} if "GET" in methods else set())


def settled(client: TestClient, method: str, url: str, **options: object) -> Response:
    """The answer once it is not a 503 (a page asked first on a busy machine may overrun the
    time limit while the workers start: a 503 says to ask again, and so this does)."""
    for _ in range(5):
        response = client.request(method, url, **options)  # type: ignore[arg-type]
        if response.status_code != 503:
            break
    return response


def allow(response: Response) -> set[str]:
    return {method.strip() for method in response.headers["allow"].split(",")}


def test_a_method_a_path_does_not_serve_is_a_405_listing_every_method_it_serves(client: TestClient) -> None:
    checked = set()
    for url, served in paths(client):
        for method in set(METHODS) - served:
            response = client.request(method, url)
            assert response.status_code == 405, (method, url, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            assert allow(response) == served, (method, url)
            assert method in response.json()["detail"]
            checked.add(url)
    assert {"/sparql", "/api/documents", "/api/documents/x"} <= checked  # the paths two routes serve


def test_options_says_what_every_path_serves(client: TestClient) -> None:
    for url, served in paths(client):
        response = client.options(url)
        assert response.status_code == 204, url
        assert allow(response) == served, url
        assert response.content == b""


def test_head_is_the_get_without_its_body(client: TestClient) -> None:
    """HEAD must be served wherever GET is (RFC 9110 §9.1); FastAPI's routes answered 405."""
    for url, served in paths(client):
        if "GET" not in served:
            continue
        plain = {"Accept-Encoding": "identity"}  # gzip's length varies with the order of equal content
        get, head = settled(client, "GET", url, headers=plain), settled(client, "HEAD", url, headers=plain)
        assert head.status_code == get.status_code, url
        assert head.headers["content-type"] == get.headers["content-type"], url
        assert ("content-length" in head.headers) == ("content-length" in get.headers), url
        assert head.content == b"", url
    for url in ("/api/projects", "/query"):  # answers the same each time (/sparql's blank nodes are not)
        get, head = client.get(url, headers=plain), client.head(url, headers=plain)
        assert head.headers["content-length"] == get.headers["content-length"] == str(len(get.content))
