"""What only the embedded Oxigraph store does: its folder, its lock, its upkeep of the union.
Everything every backend does is in ``test_store_contract.py``."""
from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from test_store_contract import G1, document, store_of
from timing import fastest
from zonekg.graph.executor import QueryError
from zonekg.graph.oxigraph_store import union_of
from zonekg.graph.errors import NoStore
from zonekg.graph.store import GraphStore, open_store


def union_values(store: GraphStore) -> list[str]:
    return sorted(t.object.value for t in store.union_triples() if t.predicate.value == "http://x/p")


def test_a_folder_without_a_store_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(NoStore, match="zonekg ingest"):
        open_store(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()
    open_store(tmp_path / "new", create=True).close()
    open_store(tmp_path / "new").close()


def test_store_persists_across_opens(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    store.replace_document(G1, document(G1, ("a", "1")))
    store.close()
    assert open_store(tmp_path).documents() == [G1]


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    code = (
        "import sys\nfrom zonekg.graph.errors import StoreError\nfrom zonekg.graph.store import open_store\n"
        f"try:\n    open_store({str(tmp_path)!r})\nexcept StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert "another process" in done.stdout
    store.close()


def test_a_store_without_the_union_gets_it_rebuilt_on_open(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    store.replace_document(G1, document(G1, ("a", "1")))
    store.close()
    older = ox.Store(str(tmp_path / "oxigraph"))  # as a zonekg that kept no union left it
    older.update("DROP DEFAULT")
    older.flush()
    del older
    assert union_values(open_store(tmp_path)) == ["1"]


def test_an_update_and_its_union_change_are_one_transaction(tmp_path: Path) -> None:
    """An update the store rejects half way (here: its last operation) leaves no trace, in
    the documents or in the union."""
    store = open_store(tmp_path, create=True)
    store.replace_document(G1, document(G1, ("a", "1")))
    with pytest.raises(QueryError):
        store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <http://x/b> <http://x/p> "2"@zh }} }} ; '
                     "DROP GRAPH <urn:x-no-such-graph>")
    assert union_values(store) == ["1"]
    assert sorted(q.object.value for q in store.quads(G1) if q.predicate.value == "http://x/p") == ["1"]


@pytest.mark.slow
def test_a_one_triple_update_costs_one_document_not_the_whole_union(tmp_path: Path) -> None:
    """The union is brought up to date for the graphs an update touches, not rebuilt: the
    same update on a store forty times larger takes about as long (a rebuild: ~40x)."""

    made = itertools.count()

    def one_update(store: GraphStore) -> None:
        store.update(f'INSERT DATA {{ GRAPH <{G1}.0> {{ <http://x/new{next(made)}> <http://x/p> "v" }} }}')

    small, large = store_of(tmp_path / "small", 1, 1000), store_of(tmp_path / "large", 40, 1000)
    one_update(small), one_update(large)  # warm up (the update parser loads once)
    on_small, on_large = fastest(lambda: one_update(small), lambda: one_update(large))
    assert on_large < 4 * on_small


def nquads(graph: str, *facts: tuple[str, str]) -> bytes:
    return ox.serialize(document(graph, *facts), format=ox.RdfFormat.N_QUADS)


def test_a_bulk_load_fills_an_empty_store_with_documents_and_their_union(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    g2 = G1 + ".2"
    assert store.bulk_load([(G1, nquads(G1, ("a", "1"))), (g2, nquads(g2, ("a", "1"), ("b", "2")))])
    assert store.documents() == [G1, g2]
    assert union_values(store) == ["1", "2"]
    store.replace_document(G1, document(G1, ("c", "3")))  # a transaction after a bulk load
    assert union_values(store) == ["1", "2", "3"]
    store.close()
    assert open_store(tmp_path).documents() == [G1, g2]


def test_a_failed_bulk_load_leaves_the_store_empty(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)

    def broken():
        yield G1, nquads(G1, ("a", "1"))
        raise RuntimeError("extraction crashed half way")

    with pytest.raises(RuntimeError):
        store.bulk_load(broken())
    assert store.documents() == [] and union_values(store) == []
    assert not (tmp_path / "oxigraph.loading").exists()


def test_a_bulk_load_only_goes_into_an_empty_store(tmp_path: Path) -> None:
    store = open_store(tmp_path, create=True)
    store.replace_document(G1, document(G1, ("a", "1")))
    untouched = iter([(G1 + ".2", nquads(G1 + ".2", ("b", "2")))])
    assert store.bulk_load(untouched) is False
    assert next(untouched, None) is not None and store.documents() == [G1]


def test_a_documents_share_of_the_union_is_its_triples_whatever_its_literals_hold() -> None:
    tricky = ("label", f'ends like a quad: <{G1}> .'), ("a", "1")
    body = nquads(G1, *tricky)
    expected = sorted(str(q.triple) for q in ox.parse(body, format=ox.RdfFormat.N_QUADS))
    assert sorted(str(t) for t in ox.parse(union_of(G1, body), format=ox.RdfFormat.N_TRIPLES)) == expected
    elsewhere = body + nquads(G1 + ".2", ("b", "2"))  # a line in another graph: split line by line
    triples = sorted(str(t) for t in ox.parse(union_of(G1, elsewhere), format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == len(expected) + 2 and set(expected) < set(triples)
