"""The store contract, run on every backend: the embedded Oxigraph store and a SPARQL server
(a Virtuoso 7 the tests start). Whatever zonekg does through the store interface must behave
the same on both."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from zonekg.graph.executor import AskResult, GraphResult, QueryError, QueryTimeout, SelectResult
from zonekg.graph.store import GraphStore, open_store
from zonekg.graph.terms import Param

DOC = "https://w3id.org/zonekg/id/document/"
G1, G2 = f"{DOC}a.txt", f"{DOC}b.txt"
P = ox.NamedNode("http://x/p")


@pytest.fixture(params=["embedded", pytest.param("virtuoso", marks=pytest.mark.slow)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    location = tmp_path / "store" if request.param == "embedded" else request.getfixturevalue("virtuoso_store_url")
    opened = open_store(location, create=True)
    yield opened
    opened.close()


def document(graph: str, *facts: tuple[str, str]) -> list[ox.Quad]:
    """A document's graph: it says it is a document, and states ``<http://x/s> p "o"@zh``."""
    g = ox.NamedNode(graph)
    is_document = ox.Quad(g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          ox.NamedNode("https://w3id.org/zonekg/ontology#Document"), g)
    return [is_document] + [ox.Quad(ox.NamedNode(f"http://x/{s}"), P, ox.Literal(o, language="zh"), g) for s, o in facts]


def store_of(location: Path, documents: int, facts: int) -> GraphStore:
    """A new embedded store at ``location`` of ``documents`` documents, each stating ``facts``
    statements of its own: a store of a chosen size, for tests that compare costs."""
    store = open_store(location, create=True)
    for d in range(documents):
        graph = f"{G1}.{d}"
        store.replace_document(graph, document(graph, *((f"s{d}-{i}", str(i)) for i in range(facts))))
    return store


def values(store: GraphStore, sparql: str = "SELECT ?o WHERE { ?s <http://x/p> ?o } ORDER BY ?o") -> list[str]:
    result = store.query(sparql)
    assert isinstance(result, SelectResult)
    return [row[0][1] for row in result.rows]


def test_replace_document_swaps_the_whole_graph(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1"), ("b", "2")))
    store.replace_document(G2, document(G2, ("c", "3")))
    store.replace_document(G1, document(G1, ("z", "9")))
    assert store.documents() == [G1, G2]
    assert sorted(q.object.value for q in store.quads(G1) if q.predicate == P) == ["9"]
    assert sorted(q.object.value for q in store.quads(G2) if q.predicate == P) == ["3"]
    assert sum(1 for _ in store.quads()) == 4


def test_a_document_graph_is_written_whole_or_cut_at_the_cap(store: GraphStore) -> None:
    facts = [(f"s{i}", f"第{i}行\n续") for i in range(40)]  # an escaped line end inside a literal
    store.replace_document(G1, document(G1, *facts))
    store.replace_document(G2, document(G2, ("other", "x")))
    whole = store.document_graph(G1, 100)
    assert whole is not None and not whole.truncated and whole.count == 41
    triples = {q.triple for q in ox.parse(whole.ntriples, format=ox.RdfFormat.N_TRIPLES)}
    assert triples == {q.triple for q in store.quads(G1)}
    cut = store.document_graph(G1, 7)
    assert cut is not None and cut.truncated and cut.count == 7
    assert len({q.triple for q in ox.parse(cut.ntriples, format=ox.RdfFormat.N_TRIPLES)} & triples) == 7
    assert store.document_graph(G1, 41) == GraphResult(whole.ntriples, 41, truncated=False)
    assert store.document_graph(f"{DOC}none.txt", 100) is None


def test_the_default_graph_is_the_union_each_triple_once(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1"), ("b", "2")))
    store.replace_document(G2, document(G2, ("a", "1")))
    assert values(store) == ["1", "2"]
    assert values(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://x/p> ?o }") == ["2"]
    store.replace_document(G1, document(G1, ("c", "3")))
    assert values(store) == ["1", "3"]
    assert store.remove_document(G2) is True
    assert values(store) == ["3"]
    assert sorted(t.object.value for t in store.union_triples() if t.predicate == P) == ["3"]


def test_named_graphs_say_which_document_stated_what(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1")))
    store.replace_document(G2, document(G2, ("a", "1"), ("b", "2")))
    found = values(store, "SELECT ?g WHERE { GRAPH ?g { <http://x/a> <http://x/p> ?o } "
                          "?g a <https://w3id.org/zonekg/ontology#Document> } ORDER BY ?g")
    assert found == [G1, G2]
    ask = store.query(f"ASK {{ GRAPH <{G1}> {{ <http://x/a> <http://x/p> ?o }} }}")
    assert ask == AskResult(True)


def test_a_failed_replacement_leaves_the_old_graph(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1")))

    def broken() -> Iterator[ox.Quad]:
        yield from document(G1, ("b", "2"))
        raise RuntimeError("extraction crashed half way")

    with pytest.raises(RuntimeError):
        store.replace_document(G1, broken())
    assert values(store) == ["1"]


def test_remove_document(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1")))
    assert store.remove_document(G1) is True
    assert store.remove_document(G1) is False
    assert store.documents() == [] and values(store) == []


def test_the_state_token_is_none_or_changes_with_every_write_after_a_look(store: GraphStore) -> None:
    """A backend that gives a token (what the service saves its read model under) never gives
    the same one before and after a write; one that cannot tie a token to its contents gives
    None, and nothing is saved for it."""
    seen = [store.state()]
    for write in (lambda: store.replace_document(G1, document(G1, ("a", "1"))),
                  lambda: store.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <http://x/b> <http://x/p> 'c' }} }}"),
                  lambda: store.remove_document(G1)):
        write()
        seen.append(store.state())
    assert seen == [None] * 4 or (None not in seen and len(set(seen)) == 4)


def test_updates_keep_the_union_in_step(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1"), ("b", "2")))
    store.replace_document(G2, document(G2, ("a", "1")))
    store.update(f'INSERT DATA {{ GRAPH <{G2}> {{ <http://x/c> <http://x/p> "3"@zh }} }} ; # done;\n')
    assert values(store) == ["1", "2", "3"]
    store.update(f'DELETE DATA {{ GRAPH <{G1}> {{ <http://x/a> <http://x/p> "1"@zh }} }}')  # G2 still says it
    assert values(store) == ["1", "2", "3"]
    store.update(f'WITH <{G2}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p "1"@zh . ?s ?p ?o }}')
    assert values(store) == ["2", "3"]
    store.update('DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o FILTER(STR(?o) = "3") } }')
    assert values(store) == ["2"]
    with pytest.raises(QueryError, match="default graph"):
        store.update('INSERT DATA { <http://x/z> <http://x/p> "9"@zh }')
    with pytest.raises(QueryError):
        store.update("INSERT DATA { <urn:a> }")
    assert values(store) == ["2"]


def test_parameters_are_bound_not_pasted(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, ("a", "1"), ("b", "2")))
    select = "SELECT ?s ?o WHERE { ?s <http://x/p> ?o }"
    hostile = Param('1"@zh } UNION { ?s ?p ?o', language="zh")
    assert store.query(select, {"o": hostile}).rows == []
    result = store.query(select, {"o": Param("2", language="zh")})
    assert [row[0][1] for row in result.rows] == ["http://x/b"]
    ordered = store.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
                          {"s": Param.iri("http://x/a")})
    assert [row[2][1] for row in ordered.rows] == ["1"]
    grouped = store.query("SELECT ?o (COUNT(*) AS ?n) WHERE { ?s <http://x/p> ?o } GROUP BY ?o HAVING(COUNT(*) > 0)",
                          {"o": Param("2", language="zh")})
    assert [row[1][1] for row in grouped.rows] == ["1"]
    graph = store.query("CONSTRUCT { ?s <http://x/p> ?o } WHERE { GRAPH ?g { ?s <http://x/p> ?o } }", {"g": Param.iri(G1)})
    assert isinstance(graph, GraphResult) and graph.count == 2


def test_a_slow_query_stops_at_its_time_limit_and_others_keep_answering(store: GraphStore) -> None:
    store.replace_document(G1, document(G1, *((f"n{i}", str(i)) for i in range(60))))
    readers = store.readers()
    try:
        pool = readers.pool(workers=2, timeout=5, max_rows=100, memory_mb=1024)
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
        with pytest.raises(QueryTimeout):
            pool.run(slow, timeout=1)
        assert pool.run('ASK { <http://x/n7> ?p "7"@zh }') == AskResult(True)
        capped = pool.run("SELECT ?s WHERE { ?s <http://x/p> ?o }", max_rows=10)
        assert isinstance(capped, SelectResult) and len(capped.rows) == 10 and capped.truncated
    finally:
        readers.close()


def test_concurrent_readers_see_whole_documents(store: GraphStore) -> None:
    """Readers running while the writer replaces a document see the old or the new one,
    never a mix."""
    sizes = (20, 40)
    store.replace_document(G1, document(G1, *((f"v{i}", "old") for i in range(sizes[0]))))
    readers = store.readers()
    seen: list[tuple[str, ...]] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    count = f"SELECT (COUNT(*) AS ?n) (SAMPLE(?o) AS ?v) WHERE {{ GRAPH <{G1}> {{ ?s <http://x/p> ?o }} }}"
    try:
        pool = readers.pool(workers=2, timeout=10, max_rows=100, memory_mb=1024)

        def read() -> None:
            try:
                while not stop.is_set():
                    row = pool.run(count).rows[0]
                    seen.append((row[0][1], row[1][1] if row[1] else ""))
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(3)]
        for thread in threads:
            thread.start()
        for round_ in range(6):
            size, value = sizes[(round_ + 1) % 2], ("new", "old")[round_ % 2]
            store.replace_document(G1, document(G1, *((f"v{i}", value) for i in range(size))))
            readers.publish()
        stop.set()
        for thread in threads:
            thread.join(30)
    finally:
        readers.close()
    assert not errors, errors
    assert seen and set(seen) <= {("20", "old"), ("40", "new")}
