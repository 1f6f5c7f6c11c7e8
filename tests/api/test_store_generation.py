"""The store generation: every published write bumps it, reads leave it alone."""
from __future__ import annotations

from fastapi.testclient import TestClient

from api_corpus import bearer

UPLOAD = ("代数测试工作要点.txt", "代数测试工作要点\n某某新区管委会关于2025年重点工作的安排。\n".encode())


def generation(app: TestClient) -> int:
    return app.app.state.service.generation  # type: ignore[attr-defined]


def test_generation_grows_after_each_write_and_not_after_reads(writable: TestClient) -> None:
    start = generation(writable)
    writable.get("/api/projects")
    writable.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert generation(writable) == start

    assert writable.post("/api/documents", files={"file": UPLOAD}, headers=bearer()).status_code == 201
    after_upload = generation(writable)
    assert after_upload > start
    update = "INSERT DATA { GRAPH <urn:zonekg:gen> { <urn:a> <urn:b> <urn:c> } }"
    assert writable.post("/sparql", data={"update": update}, headers=bearer()).status_code == 204
    after_update = generation(writable)
    assert after_update > after_upload
    assert writable.delete(f"/api/documents/{UPLOAD[0]}", headers=bearer()).status_code == 204
    assert generation(writable) > after_update
