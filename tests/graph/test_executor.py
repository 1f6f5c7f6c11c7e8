"""Query workers: results, row caps, bound parameters, syntax errors and time limits."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from zonekg.graph.executor import AskResult, GraphResult, QueryError, QueryExecutor, QueryTimeout, SelectResult
from zonekg.graph.store import open_store
from zonekg.graph.terms import Param

G = "https://w3id.org/zonekg/id/document/t.txt"


@pytest.fixture(scope="module")
def executor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QueryExecutor]:
    root = tmp_path_factory.mktemp("exec")
    store = open_store(root / "store", create=True)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.replace_document(
        G,
        [
            ox.Quad(ox.NamedNode(f"http://x/n{i}"), label, ox.Literal(f"名称{i}", language="zh"), ox.NamedNode(G))
            for i in range(200)
        ],
    )
    readers = store.readers()
    yield readers.pool(workers=2, timeout=5, max_rows=50, memory_mb=1024)
    readers.close()
    store.close()


def test_select_returns_plain_terms(executor: QueryExecutor) -> None:
    result = executor.run('SELECT ?s WHERE { ?s rdfs:label "名称7"@zh }')
    assert isinstance(result, SelectResult)
    assert result.rows == [(("uri", "http://x/n7", None, None),)]


def test_row_cap_says_it_cut(executor: QueryExecutor) -> None:
    result = executor.run("SELECT ?s WHERE { ?s ?p ?o }")
    assert isinstance(result, SelectResult)
    assert len(result.rows) == 50 and result.truncated
    small = executor.run("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert len(small.rows) == 3 and not small.truncated


def test_parameters_are_bound_not_pasted(executor: QueryExecutor) -> None:
    hostile = '名称1"@zh } UNION { ?s ?p ?o'
    result = executor.run("SELECT ?s ?name WHERE { ?s rdfs:label ?name }", {"name": Param(hostile, language="zh")})
    assert result.rows == []
    result = executor.run("SELECT ?s ?name WHERE { ?s rdfs:label ?name }", {"name": Param("名称1", language="zh")})
    assert [r[0][1] for r in result.rows] == ["http://x/n1"]


def test_ask_and_construct(executor: QueryExecutor) -> None:
    assert executor.run('ASK { ?s rdfs:label "名称3"@zh }') == AskResult(True)
    graph = executor.run("CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o } LIMIT 2")
    assert isinstance(graph, GraphResult) and graph.count == 2
    assert graph.ntriples.count(b"\n") == 2


def test_syntax_error_carries_the_parser_message(executor: QueryExecutor) -> None:
    with pytest.raises(QueryError) as info:
        executor.run("SELEC ?s WHERE { ?s ?p ?o }")
    assert "error" in str(info.value).lower() or "expect" in str(info.value).lower()


def test_timeout_stops_the_query_and_the_pool_keeps_answering(executor: QueryExecutor) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    with pytest.raises(QueryTimeout, match="time limit of 0.5 s"):  # the asked limit stopped it
        executor.run(slow, timeout=0.5)
    result = executor.run('SELECT ?s WHERE { ?s rdfs:label "名称9"@zh }')
    assert [r[0][1] for r in result.rows] == ["http://x/n9"]


def test_a_workers_start_is_no_part_of_a_querys_time(tmp_path: Path) -> None:
    """A new worker takes about a second to start (a fresh interpreter importing the engine);
    a new pool's first query, with a limit a fraction of that, is answered all the same: the
    limit begins when a started worker is sent the query. The start counted before, so on a
    busy machine the worker that replaced a killed one failed the next query."""
    store = open_store(tmp_path / "s", create=True)
    readers = store.readers()
    pool = readers.pool(workers=1, timeout=0.25, max_rows=50, memory_mb=1024)
    try:
        assert pool.run("ASK {}") == AskResult(True)
    finally:
        readers.close()
        store.close()


def test_publishing_shows_new_writes(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    readers = store.readers()
    pool = readers.pool(workers=1, timeout=5, max_rows=50, memory_mb=1024)
    try:
        assert pool.run("ASK { ?s ?p ?o }") == AskResult(False)
        store.replace_document(G, [ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("v"), ox.NamedNode(G))])
        assert pool.run("ASK { ?s ?p ?o }") == AskResult(False)
        readers.publish()
        assert pool.run("ASK { ?s ?p ?o }") == AskResult(True)
    finally:
        readers.close()
        store.close()
