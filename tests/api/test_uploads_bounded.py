"""Uploads bounded and checked in order: token before body, size, name, then the document's own
limits; names that fold to one document are kept apart; no 500 and no server path."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from fastapi.testclient import TestClient

from api_corpus import bearer

PLAN = "某某新区2025年工作要点\n经济发展局牵头推进智能制造产业园建设。\n".encode()
BOUNDARY = "zonekg-test-boundary"


def multipart(name: bytes, content: bytes) -> tuple[bytes, dict[str, str]]:
    """A multipart body written by hand, so a file name can carry any byte."""
    body = (f"--{BOUNDARY}\r\n".encode()
            + b'Content-Disposition: form-data; name="file"; filename="' + name + b'"\r\n'
            + b"Content-Type: application/octet-stream\r\n\r\n" + content
            + f"\r\n--{BOUNDARY}--\r\n".encode())
    return body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


def test_names_that_fold_to_one_document_are_refused_naming_the_other(writable: TestClient) -> None:
    first = writable.post("/api/documents", files={"file": ("collide.txt", PLAN)}, headers=bearer())
    assert first.status_code == 201
    for name in ("col lide.txt", "ｃｏｌｌｉｄｅ.txt"):
        response = writable.post("/api/documents", files={"file": (name, PLAN)}, headers=bearer())
        assert response.status_code == 409, name
        assert "collide.txt" in response.json()["detail"]
    assert writable.post("/api/documents", files={"file": ("collide.txt", PLAN)}, headers=bearer()).status_code == 201
    assert writable.delete("/api/documents/col lide.txt", headers=bearer()).status_code == 404
    assert writable.get("/api/documents/collide.txt").status_code == 200


def test_bad_names_are_422_without_server_paths(writable: TestClient) -> None:
    cases = {"长" * 100 + ".txt": "too long", "a\x00b.txt": "control", "a\x1bb.txt": "control", "a\x7fb.txt": "control"}
    for name, expected in cases.items():
        body, headers = multipart(name.encode(), PLAN)
        response = writable.post("/api/documents", content=body, headers={**headers, **bearer()})
        assert response.status_code == 422, (name, response.text)
        detail = response.json()["detail"]
        assert expected in detail and "/tmp" not in detail and "zonekg-upload" not in detail
    assert writable.get("/api/documents").json()["total"] == 2


def test_the_token_is_checked_before_the_body_is_parsed(client: TestClient) -> None:
    body, headers = multipart(b"a.txt", PLAN)
    garbage = body.replace(BOUNDARY.encode(), b"not-the-boundary")
    assert client.post("/api/documents", content=garbage, headers=headers).status_code == 401
    assert client.post("/api/documents", content=garbage, headers={**headers, **bearer()}).status_code == 400


def test_declared_size_over_the_limit_is_413_unread(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(token="t", max_upload_bytes=1024 * 1024, max_body_bytes=64 * 1024)
    body, headers = multipart(b"big.txt", b"x" * (2 * 1024 * 1024))
    response = app.post("/api/documents", content=body, headers={**headers, **bearer("t")})
    assert response.status_code == 413
    assert "ZONEKG_MAX_UPLOAD_MB" in response.json()["detail"]
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100_000
    response = app.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413 and "ZONEKG_MAX_BODY_MB" in response.json()["detail"]


def test_a_body_without_length_is_cut_at_the_limit(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(token="t", max_upload_bytes=1024 * 1024)
    body, headers = multipart(b"big.txt", b"x" * (3 * 1024 * 1024))

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start:start + 64 * 1024]

    response = app.post("/api/documents", content=chunks(), headers={**headers, **bearer("t")})
    assert response.status_code == 413
    assert "more than 1 MB" in response.json()["detail"]


def test_a_document_over_the_character_limit_says_its_size_and_the_limit(fresh_app: Callable[..., TestClient]) -> None:
    from zonekg.loaders.limits import DocumentLimits

    app = fresh_app(token="t", document_limits=DocumentLimits(max_chars=1000))
    text = ("经济发展局牵头推进智能制造产业园建设。\n" * 100).encode()
    response = app.post("/api/documents", files={"file": ("long.txt", text)}, headers=bearer("t"))
    assert response.status_code == 413
    assert response.json()["detail"] == (
        "document too large: 1,900 characters, limit 1,000 (raise it with ZONEKG_MAX_CHARS or --max-chars)")


def test_text_cut_inside_its_last_character_is_read_with_a_warning(writable: TestClient) -> None:
    response = writable.post("/api/documents", files={"file": ("cut.txt", PLAN[:-2])}, headers=bearer())
    assert response.status_code == 201, response.text
    assert any("middle of a character" in w for w in response.json()["warnings"])


def test_health_counts_what_the_document_list_counts(writable: TestClient) -> None:
    update = 'INSERT DATA { GRAPH <urn:zonekg:scratch> { <urn:a> <urn:b> "c" } }'
    writable.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update", **bearer()})
    assert writable.get("/api/health").json()["documents"] == writable.get("/api/documents").json()["total"] == 2


def test_default_graph_is_capped_like_sparql(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(max_rows=3)
    response = app.get("/rdf-graphs", params={"default": "", "format": "nt"})
    assert response.status_code == 200
    assert response.headers["x-zonekg-truncated"] == "true"
    assert len(response.text.strip().splitlines()) == 3
