"""Documents: list and detail with facts and quotes; upload and delete with the token."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi.testclient import TestClient

from api_corpus import DOC_A, DOC_B, bearer, high_tech_zone

UPLOAD = ("上传测试工作要点.txt", "上传测试工作要点\n某某新区管委会关于2025年重点工作的安排。\n".encode())


def test_list_documents(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 2 and body["next"] is None
    assert [d["file"] for d in body["items"]] == sorted([DOC_A, DOC_B])
    first = next(d for d in body["items"] if d["file"] == DOC_A)
    assert first["title"] == "高新区2024年工作要点" and first["publisher"] == "高新区管委会"
    assert first["date"] == "2024-03-01" and first["plan_year"] == 2024


def test_document_detail_has_counts_and_quoted_facts(client: TestClient) -> None:
    doc = client.get(f"/api/documents/{quote(DOC_A)}").json()
    assert doc["counts"] == {"zones": 2, "agencies": 4, "companies": 1, "industries": 2, "projects": 4, "targets": 2}
    leads = [f for f in doc["facts"] if f["predicate"].endswith("#leadAgency")]
    assert len(leads) == 4
    fact = next(f for f in leads if f["subject"]["name"] == "新能源电池基地")
    assert fact["object"]["name"] == "经济发展局"
    stated = next(f.evidence for f in high_tech_zone()[1].facts if f.evidence.quote == fact["quote"])
    assert fact["quote"] == "新能源电池基地（牵头单位：经发局）。" and fact["block"] == stated.block


def test_unknown_document_is_404(client: TestClient) -> None:
    response = client.get("/api/documents/没有这个文件.txt")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_upload_then_delete(writable: TestClient) -> None:
    response = writable.post("/api/documents", files={"file": UPLOAD}, headers=bearer())
    assert response.status_code == 201, response.text
    summary = response.json()
    assert summary["file"] == UPLOAD[0]
    assert summary["id"] == f"https://w3id.org/zonekg/id/document/{UPLOAD[0]}"
    assert summary["triples"] >= 3 and isinstance(summary["counts"], dict)
    assert response.headers["location"] == f"/api/documents/{quote(UPLOAD[0])}"
    assert writable.get("/api/documents").json()["total"] == 3
    assert writable.get(f"/api/documents/{UPLOAD[0]}").json()["file"] == UPLOAD[0]
    assert writable.get("/rdf-graphs", params={"graph": summary["id"]}).status_code == 200

    assert writable.delete(f"/api/documents/{UPLOAD[0]}", headers=bearer()).status_code == 204
    assert writable.get(f"/api/documents/{UPLOAD[0]}").status_code == 404
    assert writable.get("/api/documents").json()["total"] == 2
    assert writable.delete(f"/api/documents/{UPLOAD[0]}", headers=bearer()).status_code == 404


def test_upload_keeps_only_the_file_name(writable: TestClient) -> None:
    response = writable.post("/api/documents", files={"file": ("../../逃逸.txt", UPLOAD[1])}, headers=bearer())
    assert response.status_code == 201
    assert response.json()["file"] == "逃逸.txt"


def test_unreadable_upload_is_422_and_changes_nothing(writable: TestClient) -> None:
    response = writable.post("/api/documents", files={"file": ("程序.exe", b"MZ\x00\x01")}, headers=bearer())
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "程序.exe" in response.json()["detail"] and ".exe" in response.json()["detail"]
    assert writable.get("/api/documents").json()["total"] == 2
    assert writable.get("/api/health").json()["documents"] == 2


def test_upload_without_a_file_is_422(writable: TestClient) -> None:
    assert writable.post("/api/documents", headers=bearer()).status_code == 422


def test_writes_need_the_token(client: TestClient, fresh_app: Callable[..., TestClient]) -> None:
    assert client.post("/api/documents", files={"file": UPLOAD}).status_code == 401
    assert client.post("/api/documents", files={"file": UPLOAD}, headers=bearer("nope")).status_code == 401
    assert client.delete(f"/api/documents/{DOC_A}").status_code == 401
    assert client.get("/api/documents").json()["total"] == 2
    readonly = fresh_app(token=None)
    assert readonly.post("/api/documents", files={"file": UPLOAD}, headers=bearer()).status_code == 403
    assert readonly.delete(f"/api/documents/{DOC_A}", headers=bearer()).status_code == 403
