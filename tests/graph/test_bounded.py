"""Queries answered in the server process: only those whose cost their text bounds.

Each refused shape below is one step from an accepted one and reads entries it drops or
holds (a FILTER, a join, a repeated variable, DISTINCT, ORDER BY, a path…), so its cost
depends on the data: it must go to a worker, which a time limit can stop. The pool tests hold
every worker with a query that runs to its limit and look at what is answered meanwhile.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from zonekg.graph.bounded import OFFSET_IN_PROCESS, single_pattern
from zonekg.graph.executor import AT_ONCE_ENTRIES, ROWS_IN_PROCESS, QueryExecutor, QueryTimeout, evaluate, in_process
from zonekg.graph.store import open_store
from zonekg.graph.terms import Param

G = "https://w3id.org/zonekg/id/document/b.txt"
SUBJECTS = 3 * ROWS_IN_PROCESS // 2
"""More triples of one predicate than are read in process, and three per subject."""
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"

ACCEPTED = {
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o }": (None, 0),
    "select * { <http://x/n1> ?p ?o . } limit 5 offset 2": (5, 2),
    "PREFIX x: <http://x/> BASE <http://x/> SELECT ?s WHERE { ?s x:kind x:Thing } OFFSET 7 LIMIT 3": (3, 7),
    "SELECT ?s ?o ?unused WHERE { ?s a ?o } LIMIT 10": (10, 0),
    "# a comment\nSELECT $s WHERE { $s ?p ?o }": (None, 0),
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 101 OFFSET 0": (101, 0),
}
REFUSED = [
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o FILTER(?o != 1) }",
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o . <http://x/n2> ?q ?r }",
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o ; ?q ?r }",
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o , ?r }",
    "SELECT ?s WHERE { ?s ?p ?s }",
    "SELECT DISTINCT ?p WHERE { <http://x/n1> ?p ?o }",
    "SELECT REDUCED ?p WHERE { <http://x/n1> ?p ?o }",
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o } ORDER BY ?o",
    "SELECT ?p WHERE { <http://x/n1> ?p ?o } GROUP BY ?p",
    "SELECT (COUNT(*) AS ?n) WHERE { <http://x/n1> ?p ?o }",
    "SELECT ?o WHERE { <http://x/n1> <http://x/a>/<http://x/b> ?o }",
    "SELECT ?o WHERE { <http://x/n1> <http://x/a>* ?o }",
    "SELECT ?o WHERE { <http://x/n1> ^<http://x/a> ?o }",
    "SELECT ?p ?o WHERE { { <http://x/n1> ?p ?o } }",
    "SELECT ?p ?o WHERE { GRAPH ?g { <http://x/n1> ?p ?o } }",
    "SELECT ?p ?o WHERE { OPTIONAL { <http://x/n1> ?p ?o } }",
    "SELECT ?p ?o WHERE { <http://x/n1> ?p ?o } VALUES ?o { 1 }",
    "SELECT ?p ?o FROM <http://x/g> WHERE { <http://x/n1> ?p ?o }",
    "SELECT ?p ?o WHERE { _:b ?p ?o }",
    'SELECT ?s WHERE { ?s ?p "text" }',
    "ASK { <http://x/n1> ?p ?o }",
    "CONSTRUCT { <http://x/n1> ?p ?o } WHERE { <http://x/n1> ?p ?o }",
    "DESCRIBE <http://x/n1>",
    f"SELECT ?s WHERE {{ ?s ?p ?o }} OFFSET {OFFSET_IN_PROCESS + 1}",
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT",
    "SELECT WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("query", ACCEPTED)
def test_a_single_pattern_is_read_for_its_window(query: str) -> None:
    assert single_pattern(query) == ACCEPTED[query]


@pytest.mark.parametrize("query", REFUSED)
def test_a_query_whose_cost_depends_on_the_data_is_refused(query: str) -> None:
    assert single_pattern(query) is None


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    store = open_store(tmp_path_factory.mktemp("bounded") / "store", create=True)
    label, kind, thing = ox.NamedNode(LABEL), ox.NamedNode("http://x/kind"), ox.NamedNode("http://x/Thing")
    graph = ox.NamedNode(G)
    quads = []
    for i in range(SUBJECTS):
        node = ox.NamedNode(f"http://x/n{i}")
        quads += [ox.Quad(node, label, ox.Literal(f"名称{i}", language="zh"), graph),
                  ox.Quad(node, kind, thing, graph), ox.Quad(node, ox.NamedNode("http://x/no"), ox.Literal(str(i)), graph)]
    store.replace_document(G, quads)
    yield store
    store.close()


@pytest.fixture()
def pool(store: object) -> Iterator[QueryExecutor]:
    readers = store.readers()  # type: ignore[attr-defined]
    yield readers.pool(workers=1, timeout=20, max_rows=10_000, memory_mb=1024)
    readers.close()


def test_read_in_process_the_rows_are_the_engines(tmp_path: Path) -> None:
    engine = ox.Store()
    engine.extend([ox.Quad(ox.NamedNode(f"http://x/n{i % 7}"), ox.NamedNode(f"http://x/p{i % 3}"), ox.Literal(str(i)))
                   for i in range(60)])
    for query in [*ACCEPTED, "SELECT ?s ?o WHERE { ?s <http://x/p1> ?o } LIMIT 4 OFFSET 3"]:
        assert in_process(engine, query, None, 10_000) == evaluate(engine, query, None, 10_000)
    bound = {"s": Param.iri("http://x/n3")}
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    assert in_process(engine, query, bound, 10_000) == evaluate(engine, query, bound, 10_000)
    assert in_process(engine, query, None, 5) == evaluate(engine, query, None, 5)  # cut at the cap, and says so
    assert in_process(engine, REFUSED[0], None, 10_000) is None


def test_more_rows_than_are_read_in_process_go_to_a_worker(tmp_path: Path) -> None:
    engine = ox.Store()
    engine.extend([ox.Quad(ox.NamedNode(f"http://x/n{i}"), ox.NamedNode(LABEL), ox.Literal(str(i)))
                   for i in range(ROWS_IN_PROCESS + 1)])
    query = f"SELECT ?s WHERE {{ ?s <{LABEL}> ?o }}"
    assert in_process(engine, query, None, 10_000) is None
    assert len(in_process(engine, query + f" LIMIT {ROWS_IN_PROCESS}", None, 10_000).rows) == ROWS_IN_PROCESS


def _holding_the_worker(pool: QueryExecutor) -> threading.Thread:
    """A query that runs to its limit on the pool's one worker, started and running."""
    thread = threading.Thread(target=lambda: pytest.raises(QueryTimeout, pool.run, SLOW, timeout=3), daemon=True)
    thread.start()
    while pool.busy() < pool.workers:
        threading.Event().wait(0.01)
    return thread


def test_a_bounded_query_is_answered_while_every_worker_is_busy(pool: QueryExecutor) -> None:
    holder = _holding_the_worker(pool)
    result = pool.run("SELECT ?p ?o WHERE { <http://x/n7> ?p ?o }", timeout=1)
    assert len(result.rows) == 3 and not result.truncated
    page = pool.run("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 11 OFFSET 20", {"p": Param.iri(LABEL)}, timeout=1)
    assert len(page.rows) == 11
    holder.join()


@pytest.mark.parametrize("query", [
    "SELECT ?p ?o WHERE { <http://x/n7> ?p ?o FILTER(true) }",
    "SELECT DISTINCT ?p WHERE { <http://x/n7> ?p ?o }",
    "SELECT ?o WHERE { ?s <http://x/kind> ?o }",  # every subject has one: past the rows read in process
    f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT 1 OFFSET {OFFSET_IN_PROCESS + 1}",
])
def test_a_query_that_is_not_bounded_waits_for_a_worker(pool: QueryExecutor, query: str) -> None:
    holder = _holding_the_worker(pool)
    with pytest.raises(QueryTimeout, match="workers stayed busy"):
        pool.run(query, timeout=0.5)
    holder.join()


def test_a_small_window_is_read_at_once_and_the_same_as_run(pool: QueryExecutor) -> None:
    page = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 11 OFFSET 20"
    bound = {"p": Param.iri(LABEL)}
    assert pool.run_at_once(page, bound) is None  # the snapshot is not open here yet: a thread opens it
    assert pool.run(page, bound) == pool.run_at_once(page, bound)
    assert len(pool.run_at_once(page, bound).rows) == 11  # type: ignore[union-attr]


@pytest.mark.parametrize("query", [
    "SELECT ?p ?o WHERE { <http://x/n7> ?p ?o }",  # no LIMIT: up to the rows read in process
    f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {AT_ONCE_ENTRIES + 1}",
    f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT 1 OFFSET {AT_ONCE_ENTRIES}",
    "SELECT ?p ?o WHERE { <http://x/n7> ?p ?o FILTER(true) } LIMIT 1",
])
def test_a_window_that_could_hold_the_loop_is_not_read_at_once(pool: QueryExecutor, query: str) -> None:
    assert pool.run_at_once(query) is None
    assert pool.run(query).rows  # a thread of its own answers it


def test_nothing_is_read_at_once_while_every_in_process_slot_is_taken(pool: QueryExecutor) -> None:
    """The event loop never waits: with the slots taken (threads reading), the caller is sent to a thread."""
    query = "SELECT ?p ?o WHERE { <http://x/n7> ?p ?o } LIMIT 5"
    pool.run(query)  # the snapshot opened
    taken = 0
    while pool._local_slots.acquire(blocking=False):
        taken += 1
    try:
        assert taken >= 1 and pool.run_at_once(query) is None
    finally:
        for _ in range(taken):
            pool._local_slots.release()
    assert len(pool.run_at_once(query).rows) == 3  # type: ignore[union-attr]


STATEMENT_OF_A = ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("v"), ox.NamedNode(G))


@pytest.fixture()
def empty(tmp_path: Path) -> Iterator[tuple[Any, Any, QueryExecutor]]:
    """An empty store, its readers and a one-worker pool over them, closed after the test."""
    store = open_store(tmp_path / "s", create=True)
    readers = store.readers()
    try:
        yield store, readers, readers.pool(workers=1, timeout=5, max_rows=50, memory_mb=1024)
    finally:
        readers.close()
        store.close()


def test_after_a_write_the_new_snapshot_is_opened_on_a_thread_not_at_once(empty: tuple[Any, Any, QueryExecutor]) -> None:
    store, readers, pool = empty
    query = "SELECT ?p ?o WHERE { <http://x/a> ?p ?o } LIMIT 5"
    assert pool.run(query).rows == [] and pool.run_at_once(query) is not None
    store.replace_document(G, [STATEMENT_OF_A])
    readers.publish()
    assert pool.run_at_once(query) is None
    assert len(pool.run(query).rows) == 1 == len(pool.run_at_once(query).rows)  # type: ignore[union-attr]


def test_read_in_process_after_a_write_sees_it(empty: tuple[Any, Any, QueryExecutor]) -> None:
    store, readers, pool = empty
    query = "SELECT ?p ?o WHERE { <http://x/a> ?p ?o }"
    assert pool.run(query).rows == []
    store.replace_document(G, [STATEMENT_OF_A])
    assert pool.run(query).rows == []
    readers.publish()
    assert pool.run(query).rows == [(("uri", "http://x/p", None, None), ("literal", "v", None, None))]


def test_a_query_the_parser_could_choke_on_is_not_read_in_process() -> None:
    """100,000 nested groups overflow the engine parser's stack: in the server process that is
    the whole server. Such text is refused by its length before any parsing."""
    deep = "SELECT * WHERE " + "{" * 100_000 + " <http://x/n1> ?p ?o " + "}" * 100_000
    assert single_pattern(deep) is None
