"""Every write keeps the store's literal forms a superset of what it holds, so a narrowed
``FILTER(STR(?o) = "c")`` still finds each term, whichever way it was written."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from zonekg.graph import literal_forms
from zonekg.graph.literal_forms import LiteralForms
from zonekg.graph.oxigraph_store import OxigraphStore
from zonekg.graph.store import open_store
from zonekg.graph.update_reading import read

G1, G2 = "https://w3id.org/zonekg/doc/a.txt", "https://w3id.org/zonekg/doc/b.txt"
P = ox.NamedNode("http://x/p")
FOUND = 'SELECT ?o WHERE { ?s <http://x/p> ?o FILTER(STR(?o) = "c") }'
INT = "http://www.w3.org/2001/XMLSchema#integer"


def document(graph: str, *objects: ox.Literal | ox.NamedNode) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    is_document = ox.Quad(g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          ox.NamedNode("https://w3id.org/zonekg/ontology#Document"), g)
    return [is_document] + [ox.Quad(ox.NamedNode(f"http://x/s{i}"), P, o, g) for i, o in enumerate(objects)]


def found(store: OxigraphStore) -> set[str]:
    rows = store.query(FOUND).rows  # type: ignore[union-attr]
    return {f"{kind}:{language or datatype or ''}" for (kind, _, language, datatype), in rows}


def forms_of(update: str) -> LiteralForms | None:
    return read(update).forms


def test_forms_of_n_quads_terms_and_updates() -> None:
    nquads = ox.serialize(document(G1, ox.Literal("c", language="ZH-Hans"), ox.Literal("7", datatype=ox.NamedNode(INT)),
                                   ox.Literal('say "x"@en'), ox.Literal("plain")), format=ox.RdfFormat.N_QUADS)
    read = literal_forms.of_nquads(nquads)
    assert read.languages >= {"zh-hans"} and read.datatypes == {INT}  # "en" inside a string may be listed too
    assert literal_forms.of_terms(q.object for q in document(G1, ox.Literal("c", language="fr"))) == LiteralForms(
        frozenset({"fr"}), frozenset())
    assert forms_of('INSERT DATA { GRAPH <x:g> { <x:s> <x:p> "a"@DE, 3 } }') == LiteralForms(
        frozenset({"de"}), frozenset({INT}))
    assert forms_of("DELETE DATA { <x:s> <x:p> 1.5 } ; DROP GRAPH <x:g>") == LiteralForms()
    assert forms_of("INSERT { GRAPH <x:g> { ?s <x:p> ?o } } WHERE { ?s ?q ?o }") is None
    assert forms_of("LOAD <http://x/data>") is None


def test_every_write_keeps_the_forms_covering_the_store(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    assert isinstance(store, OxigraphStore)
    nquads = ox.serialize(document(G1, ox.Literal("c", language="fr"), ox.Literal("c")), format=ox.RdfFormat.N_QUADS)
    assert store.bulk_load([(G1, nquads)])
    assert found(store) == {"literal:fr", "literal:"}
    store.replace_document(G2, document(G2, ox.Literal("c", language="de"), ox.NamedNode("c:")))
    store.update(f'INSERT DATA {{ GRAPH <{G2}> {{ <x:s> <http://x/p> "c"^^<x:dt>, "c"@en }} }}')
    assert found(store) == {"literal:fr", "literal:", "literal:de", "literal:x:dt", "literal:en"}
    assert literal_forms.load(tmp_path) == LiteralForms(frozenset({"fr", "de", "en"}), frozenset({"x:dt"}))
    store.remove_document(G2)  # forms stay listed: a superset is still exact
    assert found(store) == {"literal:fr", "literal:"}
    store.close()


def test_an_update_computing_a_literal_makes_the_forms_unknown_until_reopened(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    assert isinstance(store, OxigraphStore)
    store.replace_document(G1, document(G1, ox.Literal("c", language="fr")))
    store.update(f'INSERT {{ GRAPH <{G1}> {{ <x:t> <http://x/p> ?o }} }} WHERE {{ BIND(STRLANG("c", "es") AS ?o) }}')
    assert literal_forms.load(tmp_path) is None
    assert found(store) == {"literal:fr", "literal:es"}  # the query runs as written
    store.close()
    store = open_store(tmp_path)  # a writer's open recomputes them
    assert literal_forms.load(tmp_path) == LiteralForms(frozenset({"fr", "es"}), frozenset())
    assert found(store) == {"literal:fr", "literal:es"}
    store.close()


def test_a_failed_update_keeps_the_forms_known(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    store.replace_document(G1, document(G1, ox.Literal("c", language="fr")))
    try:
        store.update("INSERT { GRAPH <x:g> { ?s <x:p> ?o } } WHERE { ?s ?p ?o ")
    except Exception:  # noqa: BLE001 - the syntax error itself is tested elsewhere
        pass
    assert literal_forms.load(tmp_path) == LiteralForms(frozenset({"fr"}), frozenset())
    store.close()


def test_a_snapshot_carries_the_forms_its_workers_use(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store", create=True)
    assert isinstance(store, OxigraphStore)
    store.replace_document(G1, document(G1, ox.Literal("c", language="fr")))
    store.snapshot(tmp_path / "snapshot")
    assert literal_forms.load(tmp_path / "snapshot") == LiteralForms(frozenset({"fr"}), frozenset())
    readers = store.readers()
    pool = readers.pool(workers=1, timeout=20, max_rows=100, memory_mb=1024)
    store.replace_document(G2, document(G2, ox.Literal("c", language="de")))
    readers.publish()
    rows = pool.run(FOUND).rows  # type: ignore[union-attr]
    assert {row[0][2] for row in rows} == {"fr", "de"}
    readers.close()
    store.close()
