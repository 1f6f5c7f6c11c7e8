"""``Catalog.resource``: statements each way, by predicate then the other end, at most
MAX_PROPERTIES each way — the same whether they all fit (sorted here) or not (the engine picks)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from zonekg.graph import catalog
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.store import open_store

DOC = "https://w3id.org/zonekg/id/document/资源.txt"
HUB = "https://w3id.org/zonekg/id/zone/枢纽园"
P = "http://x/"


def _store(tmp_path: Path, pointing: int):  # type: ignore[no-untyped-def]
    g, hub = ox.NamedNode(DOC), ox.NamedNode(HUB)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    quads = [ox.Quad(g, rdf_type, ox.NamedNode("https://w3id.org/zonekg/ontology#Document"), g)]
    objects = [ox.Literal("10", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
               ox.Literal("9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
               ox.Literal("乙", language="zh"), ox.NamedNode(f"{P}b"), ox.Literal("甲", language="zh")]
    quads += [ox.Quad(hub, ox.NamedNode(f"{P}q"), o, g) for o in objects]
    quads += [ox.Quad(hub, ox.NamedNode(f"{P}a"), ox.NamedNode(f"{P}z"), g)]
    quads += [ox.Quad(ox.NamedNode(f"{P}s{i:03d}"), ox.NamedNode(f"{P}{'in2' if i % 3 else 'in1'}"), hub, g)
              for i in range(pointing)]
    store = open_store(tmp_path / "store", create=True)
    store.replace_document(DOC, quads)
    return store


@pytest.mark.parametrize("pointing", [6, 40])
def test_statements_each_way_by_predicate_then_the_other_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             pointing: int) -> None:
    monkeypatch.setattr(catalog, "MAX_PROPERTIES", 10)
    store = _store(tmp_path, pointing)
    item = Catalog(local_runner(store)).resource(HUB)
    store.close()
    assert item is not None
    assert [(p["predicate"][len(P):], p["object"]["value"]) for p in item["properties"]] == [
        ("a", f"{P}z"), ("q", f"{P}b"), ("q", "9"), ("q", "10"), ("q", "乙"), ("q", "甲")]
    every = sorted((f"{P}{'in2' if i % 3 else 'in1'}", f"{P}s{i:03d}") for i in range(pointing))
    assert [(r["predicate"], r["subject"]) for r in item["incoming"]] == every[:10]
