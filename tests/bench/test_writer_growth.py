"""``bench/writer_growth.py``'s own parts: what it prepares is what it loads, and its digest
says "the same quads" whatever way a store was filled (so two writers can be compared by it)."""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

from zonekg.graph.oxigraph_store import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import writer_growth  # noqa: E402 — bench/ is not a package

SAMPLES = ROOT / "loaders" / "samples"


def test_prepared_documents_load_into_the_store_a_transaction_per_document_builds(tmp_path: Path) -> None:
    kept = tmp_path / "samples.nqs"
    files = [p for p in SAMPLES.iterdir() if p.is_file()]
    assert writer_growth.prepare(SAMPLES, kept, jobs=1) == len(files)
    documents = list(writer_growth.read_prepared(kept))
    assert all(f"<{iri}> .\n".encode() in nquads for iri, nquads in documents)

    bulk = OxigraphStore(tmp_path / "bulk", create=True)
    assert bulk.bulk_load(iter(documents))
    one_by_one = OxigraphStore(tmp_path / "one-by-one", create=True)
    for iri, nquads in reversed(documents):  # another order, another way in
        one_by_one.replace_document(iri, ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    assert writer_growth.store_digest(bulk) == writer_growth.store_digest(one_by_one)
    one_by_one.remove_document(documents[0][0])
    assert writer_growth.store_digest(bulk) != writer_growth.store_digest(one_by_one)
