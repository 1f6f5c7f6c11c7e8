"""The read model follows the writes: after any write, the model brought up to date from the
graphs written equals the model read whole from the store, and what a write re-reads grows
with its document, not with the store (rows read, never seconds)."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from zonekg.api.service import Service
from zonekg.api.settings import Settings
from zonekg.graph.catalog import Catalog, ListFilter, local_runner
from zonekg.graph import read_model
from zonekg.graph.read_model import Member, ReadModel, TextIndex, term_order, top, touched
from zonekg.graph.store import GraphStore, open_store
from zonekg.loaders.pipeline import PreparedDocument, land, prepare

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"
IRI = re.compile(r"<(https://w3id\.org/zonekg/id/[^>]*)>")
FILE_NAME = re.compile(r'(<https://w3id\.org/zonekg/ontology#fileName> ")([^"]*)(")')
ZK = "https://w3id.org/zonekg/ontology#"


@pytest.fixture(scope="module")
def samples() -> list[PreparedDocument]:
    return [prepare(path) for path in sorted(SAMPLES.glob("*.txt"))]


def copy(doc: PreparedDocument, k: int) -> tuple[str, bytes]:
    """Copy ``k`` of a sample: every IRI it mints and its file name marked with ``k``, so each
    copy is another document about other entities of the same names."""
    text = IRI.sub(lambda m: f"<{m.group(1)}~{k}>", doc.nquads.decode())
    return f"{doc.summary.iri}~{k}", FILE_NAME.sub(lambda m: f"{m.group(1)}{k}_{m.group(2)}{m.group(3)}", text).encode()


def quads(nquads: bytes):
    import pyoxigraph as ox

    return list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))


class Follower:
    """A store and its read model, brought up to date after each write as the service does."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.rows = 0
        self.model = ReadModel.read(self.select)

    def select(self, sparql: str) -> list[dict]:
        found = Catalog(local_runner(self.store)).select(sparql)
        self.rows += len(found)
        return found

    def write(self, graphs: list[str], action: Callable[[], object]) -> None:
        before = set().union(*(touched(self.store.quads(g)) for g in graphs))
        action()
        after = set().union(*(touched(self.store.quads(g)) for g in graphs))
        self.model = self.model.refreshed(self.select, before | after)

    def whole(self) -> ReadModel:
        return ReadModel.read(Catalog(local_runner(self.store)).select)


def test_following_the_writes_gives_what_reading_the_store_whole_gives(
        tmp_path: Path, samples: list[PreparedDocument]) -> None:
    store = open_store(tmp_path / "store", create=True)
    for doc in samples[:3]:
        store.replace_document(doc.summary.iri, quads(doc.nquads))
    follower = Follower(store)
    projects = follower.model.collections["projects"]
    assert len(projects.iris) > 20 and projects.top("lead_agency") and follower.model.documents.rows

    def check() -> None:
        assert follower.model == follower.whole()
        for collection in follower.model.collections.values():  # the q filter's index of the new model
            for needle in ("项目", "局", "甲"):
                assert collection.text.containing(needle) == [
                    i for i in collection.iris if any(needle in t for t in collection.members[i].texts)]

    for doc in samples[3:]:  # new documents
        follower.write([doc.summary.iri], lambda d=doc: store.replace_document(d.summary.iri, quads(d.nquads)))
        check()
    first = samples[0]
    half = quads(first.nquads)[::2]  # a document replaced by half of its statements
    follower.write([first.summary.iri], lambda: store.replace_document(first.summary.iri, half))
    check()
    follower.write([samples[1].summary.iri], lambda: store.remove_document(samples[1].summary.iri))
    check()
    # Updates: a new alias and a new name for a project, a label dropped from another.
    graph = samples[2].summary.iri
    named = [i for i in follower.model.collections["projects"].iris
             if any(q.subject.value == i for q in store.quads(graph))][:2]
    follower.write([graph], lambda: store.update(
        f'INSERT DATA {{ GRAPH <{graph}> {{ <{named[0]}> <http://www.w3.org/2004/02/skos/core#altLabel> "别名甲"@zh ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "甲乙项目"@zh }} }} ; '
        f'DELETE WHERE {{ GRAPH <{graph}> {{ <{named[1]}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}'))
    check()
    assert follower.model.collections["projects"].text.containing("别名甲") == [named[0]]
    # A target linked by something that becomes a zone only in a later write: the target's
    # zone facet changes although that write says nothing about the target.
    target = follower.model.collections["targets"].iris[0]
    linking, typing = "urn:x-test:linking", "urn:x-test:typing"
    follower.write([linking], lambda: store.update(
        f"INSERT DATA {{ GRAPH <{linking}> {{ <urn:x-test:zone> <{ZK}hasTarget> <{target}> }} }}"))
    check()
    follower.write([typing], lambda: store.update(
        f'INSERT DATA {{ GRAPH <{typing}> {{ <urn:x-test:zone> a <{ZK}Zone> ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "测试新区"@zh }} }}'))
    check()
    assert any(v[1] == "urn:x-test:zone" for v, _ in follower.model.collections["targets"].top("zone"))
    follower.write([typing], lambda: store.update(f"DROP GRAPH <{typing}>"))
    check()
    store.close()


def test_a_write_re_reads_what_its_document_states_not_the_store(
        tmp_path: Path, samples: list[PreparedDocument]) -> None:
    whole, write = {}, {}
    for copies in (2, 8):
        store = open_store(tmp_path / f"store-{copies}", create=True)
        assert store.bulk_load(copy(doc, k) for k in range(copies) for doc in samples)
        follower = Follower(store)
        whole[copies], follower.rows = follower.rows, 0
        iri, nquads = copy(samples[0], 99)
        follower.write([iri], lambda: store.replace_document(iri, quads(nquads)))  # noqa: B023 — called at once
        write[copies] = follower.rows
        assert follower.model == follower.whole()
        store.close()
    assert whole[8] / whole[2] > 3.5  # reading the model whole grows with the store …
    assert 0 < write[8] / write[2] < 1.2  # … bringing it up to date after a write does not


def test_facet_values_rank_by_count_then_value_whatever_the_store_returns() -> None:
    a, b, c = (("uri", f"https://x/{n}", None, None) for n in "abc")
    assert top({c: 2, b: 5, a: 2}) == [(b, 5), (a, 2), (c, 2)]
    years = [("literal", y, None, "http://www.w3.org/2001/XMLSchema#integer") for y in ("2030", "999", "2025")]
    assert sorted(years, key=term_order) == [years[1], years[2], years[0]]


# -- the service ---------------------------------------------------------------------------
@pytest.fixture()
def service_on(tmp_path: Path) -> Iterator[Callable[[Path], Service]]:
    started: list[Service] = []

    def start(store: Path) -> Service:
        service = Service(Settings(store=store, workers=1, read_workers=1))
        started.append(service)
        assert service.model.wait(120)
        for thread in service._warming:  # the warm-up after start, which reads no more than a write's
            thread.join(120)
        return service

    yield start
    for service in started:
        service.close()


def test_the_first_lists_after_a_write_read_what_it_wrote_not_the_store(
        tmp_path: Path, samples: list[PreparedDocument], service_on: Callable[[Path], Service],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, each write dropped every collection's order and the first list after it read
    the whole class again; now the write brings the orders up to date from its own graph."""
    rows: dict[int, int] = {}
    counted = threading.local()
    select = Catalog.select

    def counting(self: Catalog, sparql: str, params: object = None) -> list[dict]:
        found = select(self, sparql, params)
        if getattr(counted, "on", True):
            rows[copies] = rows.get(copies, 0) + len(found)
        return found

    monkeypatch.setattr(Catalog, "select", counting)
    for copies in (2, 8):
        store = tmp_path / f"store-{copies}"
        opened = open_store(store, create=True)
        assert opened.bulk_load(copy(doc, k) for k in range(copies) for doc in samples)
        opened.close()
        service = service_on(store)
        rows[copies] = 0
        iri, nquads = copy(samples[1], 99)
        new = PreparedDocument(samples[1].summary.__class__(**{**vars(samples[1].summary), "iri": iri,
                                                              "file": "99_" + samples[1].summary.file}),
                               nquads, "another digest")
        with service.writing([iri]) as written:
            land(new, written)
        for collection in ("projects", "agencies", "targets", "zones"):
            service.catalog.list(collection, ListFilter(), 50, 0)
            service.catalog.facets(collection, ListFilter())
        service.catalog.documents(50, 0)
        service.catalog.search("管委会", 20, 0)
        for thread in service._warming:
            thread.join(120)
    assert 0 < rows[8] / rows[2] < 1.5


def test_health_says_starting_until_the_read_model_is_in_place(
        tmp_path: Path, samples: list[PreparedDocument], monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from zonekg.api.app import create_app

    store = open_store(tmp_path / "store", create=True)
    assert store.bulk_load(copy(doc, 1) for doc in samples)
    store.close()
    release = threading.Event()
    read = ReadModel.read

    def slow(select):  # the store takes its time to read
        release.wait(60)
        return read(select)

    monkeypatch.setattr(ReadModel, "read", staticmethod(slow))
    monkeypatch.setattr(read_model, "READY_WAIT", 0.2)
    with TestClient(create_app(Settings(store=tmp_path / "store", workers=1, read_workers=1))) as client:
        starting = client.get("/api/health")
        assert starting.status_code == 503 and int(starting.headers["Retry-After"]) > 0
        assert client.get("/api/projects").status_code == 503
        release.set()
        for _ in range(600):
            if client.get("/api/health").status_code == 200:
                break
            threading.Event().wait(0.1)
        assert client.get("/api/health").json()["documents"] == len(samples)
        assert client.get("/api/projects").json()["total"] > 0



def test_filtered_facets_from_the_model_equal_the_store_s_group_by(
        tmp_path: Path, samples: list[PreparedDocument]) -> None:
    store = open_store(tmp_path / "store", create=True)
    assert store.bulk_load(copy(doc, k) for k in range(2) for doc in samples)
    current = read_model.Current()
    current.install(ReadModel.read(Catalog(local_runner(store)).select))
    from_model, from_store = Catalog(local_runner(store), model=current), Catalog(local_runner(store))
    lead = from_store.facets("projects", ListFilter())["lead_agency"][0]["name"]
    zone = from_store.facets("targets", ListFilter())["zone"][0]["name"]
    led = from_store.refs("projects", ListFilter(lead=lead), 1)[0]["name"]
    filters = [("projects", ListFilter(lead=lead)), ("projects", ListFilter(q=led[-2:])),
               ("projects", ListFilter(lead=lead, q=led[:2])), ("targets", ListFilter(zone=zone))]
    for collection, flt in filters:
        facets = from_model.facets(collection, flt)
        assert any(facets.values()), (collection, flt)
        assert facets == from_store.facets(collection, flt), (collection, flt)
        assert from_model.members(collection, flt) == from_store.members(collection, flt), (collection, flt)
    assert from_model.members("projects", ListFilter(lead="没有这个部门")) == []
    store.close()


def test_the_text_index_finds_each_member_once_and_never_across_two() -> None:
    """A text search over one string of every member's texts: a member found by two of its
    texts (or twice in one) comes once, in list order; a match never spans two texts or two
    members; members without texts are skipped."""
    members = {"a": Member("a", ("ab",), ("ab", "高新区ab")), "b": Member("b", (), ()),
               "c": Member("c", ("ba",), ("ba", "ab")), "d": Member("d", ("b",), ("b",))}
    index = TextIndex.of(["a", "b", "c", "d"], members)
    assert index.containing("ab") == ["a", "c"]
    assert index.containing("b") == ["a", "c", "d"]
    assert index.containing("bb") == [] and index.containing("aba") == [] and index.containing("高新区") == ["a"]
