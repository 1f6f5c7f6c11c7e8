"""SERVICE and LOAD: off by default, an operator's allow-list otherwise, never file:; refused
from the query's tokens (case, glued keywords, prefixed names, BASE, escapes), not a substring."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from api_corpus import bearer
from zonekg.api.settings import Settings, SettingsError
from zonekg.graph.errors import ServiceNotAllowed
from zonekg.graph.sparql_text import check_endpoints, remote_calls
from zonekg.ontology import PREFIXES

E = "http://127.0.0.1:9/sparql"
"""An endpoint nobody should reach (the discard port)."""

CALLS = {
    "plain": f"SELECT * WHERE {{ SERVICE <{E}> {{ ?s ?p ?o }} }}",
    "lower case, no space": f"select * where {{ service<{E}>{{ ?s ?p ?o }} }}",
    "glued prefixed name": f"PREFIX e: <{E}> SELECT * WHERE {{ SERVICEe: {{ ?s ?p ?o }} }}",
    "glued SILENT": f"SELECT * WHERE {{ SERVICESILENT<{E}> {{ ?s ?p ?o }} }}",
    "SILENT glued to a name": f"PREFIX e: <{E}> SELECT * WHERE {{ SERVICE SILENTe: {{ ?s ?p ?o }} }}",
    "comment in between": f"SELECT * WHERE {{ SERVICE # why not\n <{E}> {{ ?s ?p ?o }} }}",
    "relative to BASE": "BASE <http://127.0.0.1:9/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    "escaped IRI": "SELECT * WHERE { SERVICE <\\u0068ttp://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "escaped local name": "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE e:spar\\-ql { ?s ?p ?o } }",
    "nested in an allowed one": f"SELECT * WHERE {{ SERVICE <http://allowed.example/sparql> {{ SERVICE <{E}> {{ ?s ?p ?o }} }} }}",
    "inside EXISTS": f"ASK {{ FILTER EXISTS {{ SERVICE <{E}> {{ ?s ?p ?o }} }} }}",
    "variable endpoint": f"SELECT * WHERE {{ SERVICE ?x {{ ?s ?p ?o }} }} VALUES ?x {{ <{E}> }}",
    "redeclared prefix": (f"PREFIX e: <{E}> SELECT * WHERE {{ ?s PREFIXe: <http://allowed.example/sparql> . "
                          "SERVICE e: { ?s ?p ?o } }"),
    "LOAD": f"LOAD <{E}>",
    "LOAD glued": f"LOADSILENT<{E}> INTO GRAPH <urn:g>",
    "LOAD a file": "LOAD <file:///etc/passwd>",
    "SERVICE in an update": f"INSERT {{ GRAPH <urn:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{E}> {{ ?s ?p ?o }} }}",
}

HARMLESS = {
    "in a string": 'SELECT * WHERE { ?s rdfs:label "SERVICE <http://127.0.0.1:9/> { }" }',
    "in a long string": 'SELECT * WHERE { ?s rdfs:label """a " SERVICE <http://127.0.0.1:9/> "" """ }',
    "in a comment": "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> {}",
    "in an IRI and names": "SELECT * WHERE { ?service <http://x.example/SERVICE> zk:SERVICE }",
    "a prefix that starts with service": "PREFIX serviceTypes: <http://t.example/> SELECT * WHERE { ?s serviceTypes:a ?o }",
}
ALLOWED = frozenset({"http://allowed.example/sparql"})


@pytest.mark.parametrize("name", CALLS)
def test_every_way_of_writing_a_remote_call_is_refused(name: str) -> None:
    with pytest.raises(ServiceNotAllowed):
        check_endpoints(CALLS[name], PREFIXES, frozenset())
    with pytest.raises(ServiceNotAllowed):
        check_endpoints(CALLS[name], PREFIXES, ALLOWED)


@pytest.mark.parametrize("name", HARMLESS)
def test_the_word_elsewhere_is_no_call(name: str) -> None:
    assert remote_calls(HARMLESS[name], PREFIXES) == []


def test_an_allowed_endpoint_passes_and_file_never_does() -> None:
    query = "SELECT * WHERE { SERVICE <http://allowed.example/sparql> { ?s ?p ?o } }"
    assert [c.endpoint for c in check_endpoints(query, PREFIXES, ALLOWED)] == ["http://allowed.example/sparql"]
    with pytest.raises(ServiceNotAllowed):
        check_endpoints("LOAD <file:///etc/passwd>", PREFIXES, frozenset({"file:///etc/passwd"}))
    with pytest.raises(SettingsError):
        Settings(store=None, allowed_services=frozenset({"file:///etc/passwd"}))  # type: ignore[arg-type]


def test_service_is_refused_over_http_with_the_same_answer_for_any_address(client: TestClient) -> None:
    answers = set()
    for port in (9, 1, 65000):
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x?a=b> {{ ?s ?p ?o }} }}"
        response = client.get("/sparql", params={"query": query})
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
        answers.add(response.json()["detail"])
    assert len(answers) == 1 and "--allow-service" in answers.pop()


def test_load_of_a_file_is_403_not_500(writable: TestClient) -> None:
    response = writable.post("/sparql", content="LOAD <file:///etc/passwd>",
                             headers={"Content-Type": "application/sparql-update", **bearer()})
    assert response.status_code == 403
    assert "passwd" not in writable.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}).text


def test_allow_list_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("ZONEKG_ALLOW_SERVICE", "https://a.example/sparql http://b.example/q")
    settings = Settings.from_env(tmp_path, allowed_services=["https://c.example/s"])
    assert settings.allowed_services == {"https://a.example/sparql", "http://b.example/q", "https://c.example/s"}


def test_syntax_errors_say_where_and_unknown_prefixes_are_named(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s zk:leadAgency ?o .\n  ?s ?p ?o "})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "line 3, column" in detail and "?s ?p ?o" in detail and "LATERAL" not in detail
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s foo:bar ?o }"})
    detail = response.json()["detail"]
    assert detail.startswith("unknown prefix foo:") and "zk:" in detail and "rdfs:" in detail
    assert "u{" not in detail  # no Unicode ranges


def test_non_ascii_token_is_refused_at_start_up(tmp_path) -> None:
    with pytest.raises(SettingsError, match="ASCII"):
        Settings(store=tmp_path, token="密码123")


def test_an_endpoint_off_the_list_is_named_with_the_allowed_ones(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(allowed_services=ALLOWED)
    query = f"SELECT * WHERE {{ SERVICE <{E}> {{ ?s ?p ?o }} }}"
    detail = app.get("/sparql", params={"query": query}).json()["detail"]
    assert "not an allowed endpoint" in detail and "allowed.example" in detail
