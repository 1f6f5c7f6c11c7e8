"""Properties over generated input: schemathesis finds no 5xx anywhere in the OpenAPI schema and
every answer is one the schema documents (status, content type, body), and any upload name is either refused with a 4xx or kept apart from every other name."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from live_server import FULL, SAMPLES, TOKEN
from zonekg.api.app import create_app
from zonekg.api.routes.documents import MAX_NAME_BYTES, file_name
from zonekg.api.settings import Settings
from zonekg.graph.errors import InvalidParameter
from zonekg.graph.store import open_store
from zonekg.loaders.pipeline import ingest
from zonekg.ontology.iris import document_iri

EXAMPLES = 60 if FULL else 8


def _app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    store_dir = tmp_path_factory.mktemp("properties") / "store"
    store = open_store(store_dir, create=True)
    ingest([SAMPLES / "000_eaf52f291030d4dd.txt"], store)
    store.close()
    return create_app(Settings(store=store_dir, token=TOKEN, query_timeout=3))


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(_app(tmp_path_factory)) as client:
        yield client


def test_no_input_makes_a_server_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    """schemathesis draws requests for every operation of the OpenAPI schema (with the token,
    so writes are tried too); none may answer 5xx or show a traceback or a server path, and
    each answer, errors too (problem+json), has a status, a type and a body the schema names."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", _app(tmp_path_factory))
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_without_server_error(case: schemathesis.Case) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, case.query, response.text[:300])
            case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                     content_type_conformance, response_schema_conformance])
            assert "Traceback" not in response.text and "/tmp/" not in response.text

        answers_without_server_error()


names = st.text(st.characters(codec="utf-8"), min_size=0, max_size=120).map(lambda s: s + ".txt")


@given(names)
@settings(max_examples=300, deadline=None)
def test_a_name_is_refused_or_clean_and_its_iri_is_valid(given_name: str) -> None:
    try:
        name = file_name(given_name)
    except InvalidParameter:
        return
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert len(name.encode()) <= MAX_NAME_BYTES
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in name)
    ox.NamedNode(document_iri(name))  # a valid IRI whatever the name


@given(st.lists(names, min_size=2, max_size=3, unique=True))
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_uploads_under_different_names_never_replace_each_other(app_client: TestClient, uploads: list[str]) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    kept: dict[str, str] = {}  # document IRI -> the name that holds it
    for given_name in uploads:
        response = app_client.post("/api/documents", files={"file": (given_name, "经济发展局牵头推进项目。".encode())}, headers=auth)
        assert response.status_code in (201, 409, 422), response.text
        if response.status_code == 201:
            body = response.json()
            assert kept.setdefault(body["id"], body["file"]) == body["file"]
        elif response.status_code == 409:
            assert any(held in response.json()["detail"] for held in kept.values())
    listed = {d["id"]: d["file"] for d in app_client.get("/api/documents", params={"limit": 500}).json()["items"]}
    assert kept.items() <= listed.items()
    for name in kept.values():
        # quoted twice: the in-process test client unquotes a path once more than a server does
        assert app_client.delete(f"/api/documents/{quote(quote(name, safe=''), safe='')}", headers=auth).status_code == 204
