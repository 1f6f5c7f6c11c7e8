"""The read model saved beside the store: a start loads it instead of reading the store only
when the store still holds what it was saved for, and anything else (a write since, a file
cut short, another layout) makes the start read the store as before."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from zonekg.api.service import Service
from zonekg.api.settings import Settings
from zonekg.graph import model_pieces, model_snapshot
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.read_model import ReadModel
from zonekg.graph.store import open_store
from zonekg.loaders.pipeline import PreparedDocument, ingest, prepare

from test_read_model import SAMPLES, copy, quads


@pytest.fixture(scope="module")
def samples() -> list[PreparedDocument]:
    return [prepare(path) for path in sorted(SAMPLES.glob("*.txt"))[:3]]


@pytest.fixture
def store_dir(tmp_path: Path, samples: list[PreparedDocument]) -> Path:
    store = open_store(tmp_path / "store", create=True)
    assert store.bulk_load(copy(doc, 1) for doc in samples)
    store.close()
    return tmp_path / "store"


class Reads:
    """Counts the whole reads of the model (what a snapshot saves): the service's, and an
    ingest's (a piece at a time)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        read, in_pieces = ReadModel.read, model_pieces.read

        def counted(select):
            self.count += 1
            return read(select)

        def counted_in_pieces(*args):
            self.count += 1
            return in_pieces(*args)
        monkeypatch.setattr(ReadModel, "read", staticmethod(counted))
        monkeypatch.setattr(model_pieces, "read", counted_in_pieces)


def started(store_dir: Path) -> Service:
    service = Service(Settings(store=store_dir, workers=1, read_workers=1))
    assert service.model.wait(120)
    return service


def whole(store_dir: Path) -> ReadModel:
    store = open_store(store_dir)
    try:
        return ReadModel.read(Catalog(local_runner(store)).select)
    finally:
        store.close()


def test_a_saved_model_loads_as_it_was_read(store_dir: Path) -> None:
    store = open_store(store_dir)
    model = ReadModel.read(Catalog(local_runner(store)).select)
    token = store.state()
    store.close()
    model_snapshot.save(store_dir, token, model)
    assert model_snapshot.load(store_dir, token) == model
    assert model_snapshot.load(store_dir, "another token") is None


def test_the_token_changes_with_every_write_after_it_was_seen(
        tmp_path: Path, samples: list[PreparedDocument]) -> None:
    store = open_store(tmp_path / "store", create=True)
    first = store.state()
    assert store.state() == first  # reading it changes nothing
    doc = samples[0]
    writes = [
        lambda: store.replace_document(doc.summary.iri, quads(doc.nquads)),  # a new document
        lambda: store.replace_document(doc.summary.iri, quads(doc.nquads)),  # replaced
        lambda: store.update(f"INSERT DATA {{ GRAPH <{doc.summary.iri}> {{ <urn:x:a> <urn:x:b> 'c' }} }}"),
        lambda: store.remove_document(doc.summary.iri),
    ]
    seen = [first]
    for write in writes:
        write()
        seen.append(store.state())
    assert len(set(seen)) == len(seen)
    store.close()
    reopened = open_store(tmp_path / "store")  # another process's writes replace it too
    assert reopened.state() == seen[-1]
    reopened.replace_document(doc.summary.iri, quads(doc.nquads))
    assert reopened.state() != seen[-1]
    reopened.close()


def test_a_second_start_loads_the_model_instead_of_reading_the_store(
        store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    first = started(store_dir)
    model = first.model.get(0)
    first.close()
    assert reads.count == 1 and (store_dir / model_snapshot.FILE_NAME).exists()
    second = started(store_dir)
    assert reads.count == 1 and second.model.get(0) == model
    second.close()


def test_writes_through_the_service_are_saved_at_close(
        store_dir: Path, samples: list[PreparedDocument], monkeypatch: pytest.MonkeyPatch) -> None:
    service = started(store_dir)
    iri, nquads = copy(samples[0], 2)
    with service.writing([iri]) as store:
        store.replace_document(iri, quads(nquads))
    service.close()
    reads = Reads(monkeypatch)
    again = started(store_dir)
    assert reads.count == 0
    loaded = again.model.get(0)
    again.close()
    assert loaded == whole(store_dir) and any(iri in r["id"] for r in loaded.documents.rows)


def test_a_write_outside_the_service_makes_the_next_start_read_the_store(
        store_dir: Path, samples: list[PreparedDocument], monkeypatch: pytest.MonkeyPatch) -> None:
    started(store_dir).close()
    store = open_store(store_dir)  # e.g. `zonekg ingest` while the service is down
    iri, nquads = copy(samples[0], 3)
    store.replace_document(iri, quads(nquads))
    store.close()
    reads = Reads(monkeypatch)
    service = started(store_dir)
    loaded = service.model.get(0)
    service.close()
    assert reads.count == 1 and loaded == whole(store_dir)


@pytest.mark.parametrize("damage", ["cut short", "another layout", "not json"])
def test_a_damaged_snapshot_is_ignored(store_dir: Path, damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    started(store_dir).close()
    path = store_dir / model_snapshot.FILE_NAME
    text = path.read_text(encoding="utf-8")
    if damage == "cut short":  # what a process killed mid-write would leave, were it not renamed
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "another layout":
        head, _, body = text.partition("\n")
        path.write_text(json.dumps({**json.loads(head), "layout": "older"}) + "\n" + body, encoding="utf-8")
    else:
        path.write_text("\x00garbage", encoding="utf-8")
    reads = Reads(monkeypatch)
    service = started(store_dir)
    loaded = service.model.get(0)
    service.close()
    assert reads.count == 1 and loaded == whole(store_dir)


def test_closing_during_the_start_s_read_does_not_wait_for_it(
        store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release, reading = threading.Event(), threading.Event()
    read = ReadModel.read

    def slow(select):
        reading.set()
        release.wait(120)
        return read(select)
    monkeypatch.setattr(ReadModel, "read", staticmethod(slow))
    service = Service(Settings(store=store_dir, workers=1, read_workers=1))
    assert reading.wait(60)
    closing = threading.Thread(target=service.close)
    closing.start()
    closing.join(60)
    stopped = not closing.is_alive()
    release.set()
    closing.join()
    assert stopped and not (store_dir / model_snapshot.FILE_NAME).exists()


def ingested(store_dir: Path, files: list[Path]) -> None:
    store = open_store(store_dir, create=True)
    try:
        report = ingest(files, store)
    finally:
        store.close()
    assert len(report.ingested) == len(files) and not report.failed


def test_an_ingest_leaves_the_model_the_next_start_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    ingested(tmp_path / "store", sorted(SAMPLES.glob("*.txt"))[:3])  # a first ingest: one bulk load
    assert reads.count == 1
    service = started(tmp_path / "store")
    loaded = service.model.get(0)
    service.close()
    assert reads.count == 1 and loaded == whole(tmp_path / "store") and len(loaded.documents.rows) == 3


def test_a_later_ingest_brings_the_saved_model_up_to_date_without_reading_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(SAMPLES.glob("*.txt"))
    ingested(tmp_path / "store", files[:4])
    reads = Reads(monkeypatch)
    ingested(tmp_path / "store", files[4:])  # into a store that holds documents: one write each
    service = started(tmp_path / "store")
    loaded = service.model.get(0)
    service.close()
    assert reads.count == 0 and loaded == whole(tmp_path / "store") and len(loaded.documents.rows) == 5


def test_an_ingest_after_writes_it_did_not_follow_reads_the_model_whole(
        store_dir: Path, samples: list[PreparedDocument], monkeypatch: pytest.MonkeyPatch) -> None:
    started(store_dir).close()
    store = open_store(store_dir)  # a write that saves no model (an older zonekg)
    iri, nquads = copy(samples[0], 3)
    store.replace_document(iri, quads(nquads))
    store.close()
    reads = Reads(monkeypatch)
    ingested(store_dir, sorted(SAMPLES.glob("*.txt"))[3:4])
    service = started(store_dir)
    loaded = service.model.get(0)
    service.close()
    assert reads.count == 1 and loaded == whole(store_dir) and len(loaded.documents.rows) == 5
