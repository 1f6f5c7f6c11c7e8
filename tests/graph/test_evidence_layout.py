"""A store written before passages (each evidence node with its own quote) is migrated when it
is opened: each document graph ends as a fresh ingest of the same text writes it, the union in
step, and a graph that cannot be migrated stops the open with what to do. On both backends."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.handmade import document
from zonekg.graph.errors import StoreError
from zonekg.graph.store import open_store
from zonekg.loaders.extraction.model import (
    Entity, Evidence, Extraction, Fact, Kind, Relation, Target, TargetKind,
)
from zonekg.loaders.mapping import to_quads
from zonekg.ontology import PROV, RDF, ZK
from zonekg.ontology.iris import document_iri

TASK = "（三）推进\"云岭\\智造\"产业园建设（牵头单位：经发局；配合单位：财政局）"
"""One sentence stating several facts; a quotation mark and a backslash to escape."""
GOAL = "全年实现地区生产总值增长7%。"
FOOTER = "主办单位：云岭高新区管委会"
"""Page metadata: block -1."""


def plan(file: str) -> list[ox.Quad]:
    """A document's quads as the mapping writes them now (three passages, a dozen facts)."""
    task, goal, footer = Evidence(TASK, 4), Evidence(GOAL, 1), Evidence(FOOTER, -1)
    zone = Entity(Kind.ZONE, "云岭高新技术产业开发区", {"云岭高新区"}, [goal])
    admin = Entity(Kind.AGENCY, "云岭高新区管委会", set(), [footer])
    lead, finance = Entity(Kind.AGENCY, "经济发展局", {"经发局"}, [task]), Entity(Kind.AGENCY, "财政局", set(), [task])
    park = Entity(Kind.PROJECT, "云岭智造产业园", set(), [task], investment_cny=Decimal("300000000"))
    extraction = Extraction(
        entities=[zone, admin, lead, finance, park],
        facts=[Fact(park.ref, Relation.LEAD_AGENCY, lead.ref, task),
               Fact(park.ref, Relation.PARTICIPATING_AGENCY, finance.ref, task),
               Fact(park.ref, Relation.LOCATED_IN, zone.ref, task)],
        targets=[Target("地区生产总值", TargetKind.GROWTH_RATE, Decimal("7"), "%", 2024, "地区生产总值增长7%", goal)],
        main_zone=zone.name, issuer=admin.name, plan_year=2024,
    )
    return to_quads(document(file, "云岭高新区2024年工作要点"), extraction)


def old_layout(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The same document as the mapping wrote it before passages: each evidence node typed
    zk:Evidence, with the quote, block index and document itself, and no passage nodes."""
    passage, graph = ox.NamedNode(f"{ZK}passage"), quads[0].graph_name
    of_passage: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in quads:
        if q.predicate.value in (f"{ZK}quote", f"{ZK}blockIndex", f"{PROV}wasQuotedFrom"):
            of_passage.setdefault(q.subject, []).append(q)
    passages = set(of_passage)
    old = [q for q in quads if q.subject not in passages and q.predicate != passage]
    for q in quads:
        if q.predicate == passage:
            old.append(ox.Quad(q.subject, ox.NamedNode(f"{RDF}type"), ox.NamedNode(f"{ZK}Evidence"), graph))
            old.extend(ox.Quad(q.subject, p.predicate, p.object, graph) for p in of_passage[q.object])
    return old


@pytest.fixture(params=["embedded", pytest.param("virtuoso", marks=pytest.mark.slow)])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield str(tmp_path / "store") if request.param == "embedded" else request.getfixturevalue("virtuoso_store_url")


def written(location: str, documents: dict[str, list[ox.Quad]]) -> None:
    store = open_store(location, create=True)
    for iri, quads in documents.items():
        store.replace_document(iri, quads)
    store.close()


def test_an_old_store_is_migrated_to_what_a_fresh_ingest_writes(location: str) -> None:
    a, b = document_iri("a.txt"), document_iri("b.txt")
    new = {a: plan("a.txt"), b: plan("b.txt")}
    old = old_layout(new[a])
    assert len(old) - len(new[a]) == 9 * 3 - 3 * 4  # 9 facts: 7 lines each, not 4; 3 passages of 4 lines
    written(location, {a: old, b: new[b]})  # one graph old, one already new
    store = open_store(location)
    try:
        for iri, quads in new.items():
            assert set(store.quads(iri)) == set(quads)
        assert set(store.union_triples()) == {q.triple for quads in new.values() for q in quads}
    finally:
        store.close()


def test_an_old_graph_that_cannot_be_migrated_stops_the_open_and_keeps_its_quotes(location: str) -> None:
    a = document_iri("a.txt")
    old = old_layout(plan("a.txt"))
    footer = {q.subject for q in old if q.predicate.value == f"{ZK}blockIndex" and q.object.value == "-1"}
    written(location, {a: [q for q in old if not (q.subject in footer and q.predicate.value == f"{ZK}blockIndex")]})
    with pytest.raises(StoreError, match="re-ingest") as raised:
        open_store(location)
    assert "1 document graph(s)" in str(raised.value) and a in str(raised.value)
    del raised  # (its traceback holds the embedded store, and so its lock)
    gc.collect()
    if not location.startswith("http"):
        left = ox.Store.read_only(str(Path(location) / "oxigraph"))
        quoted = {q.subject for q in left.quads_for_pattern(None, ox.NamedNode(f"{ZK}quote"), ox.Literal(FOOTER, language="zh"))}
        assert footer <= quoted  # the footer's evidence still holds its quote, in the graph and the union
