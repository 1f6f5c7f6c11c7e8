"""The Oxigraph store: one named graph per document, replaced atomically."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from zonekg.graph.oxigraph_store import OxigraphStore
from zonekg.graph.store import StoreError

G1 = "https://w3id.org/zonekg/id/document/a.txt"
G2 = "https://w3id.org/zonekg/id/document/b.txt"


def quad(s: str, o: str, g: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"http://x/{s}"), ox.NamedNode("http://x/p"), ox.Literal(o), ox.NamedNode(g))


def test_replace_document_swaps_the_whole_graph(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1), quad("b", "2", G1)])
    store.replace_document(G2, [quad("c", "3", G2)])
    store.replace_document(G1, [quad("z", "9", G1)])
    assert store.documents() == [G1, G2]
    assert sorted(q.object.value for q in store.quads(G1)) == ["9"]
    assert sorted(q.object.value for q in store.quads(G2)) == ["3"]


def test_default_graph_is_the_union_of_documents(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1)])
    store.replace_document(G2, [quad("b", "2", G2)])
    values = sorted(s["o"].value for s in store.query("SELECT ?o WHERE { ?s <http://x/p> ?o }"))
    assert values == ["1", "2"]


def test_a_failed_replacement_leaves_the_old_graph(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1)])

    def broken():
        yield quad("b", "2", G1)
        raise RuntimeError("extraction crashed half way")

    with pytest.raises(RuntimeError):
        store.replace_document(G1, broken())
    assert [q.object.value for q in store.quads(G1)] == ["1"]


def test_remove_document(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1)])
    assert store.remove_document(G1) is True
    assert store.remove_document(G1) is False
    assert store.documents() == []


def test_store_persists_across_opens(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1)])
    store.close()
    assert OxigraphStore(tmp_path).documents() == [G1]


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    store = OxigraphStore(tmp_path)
    code = (
        "import sys\nfrom zonekg.graph.oxigraph_store import OxigraphStore\n"
        "from zonekg.graph.store import StoreError\n"
        f"try:\n    OxigraphStore({str(tmp_path)!r})\nexcept StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert "another process" in done.stdout
    store.close()
    assert StoreError


def test_union_holds_each_triple_once_and_follows_removals(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1), quad("b", "2", G1)])
    store.replace_document(G2, [quad("a", "1", G2)])
    select = "SELECT ?s WHERE { ?s <http://x/p> ?o } ORDER BY ?s"
    assert [s["s"].value for s in store.query(select)] == ["http://x/a", "http://x/b"]
    store.replace_document(G1, [quad("c", "3", G1)])
    assert [s["s"].value for s in store.query(select)] == ["http://x/a", "http://x/c"]
    store.remove_document(G2)
    assert [s["s"].value for s in store.query(select)] == ["http://x/c"]
    assert sorted(t.subject.value for t in store.union_triples()) == ["http://x/c"]


def test_a_store_without_the_union_gets_it_rebuilt_on_open(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path)
    store.replace_document(G1, [quad("a", "1", G1)])
    store.oxigraph.update("DROP DEFAULT")
    store.close()
    reopened = OxigraphStore(tmp_path)
    assert [t.subject.value for t in reopened.union_triples()] == ["http://x/a"]
