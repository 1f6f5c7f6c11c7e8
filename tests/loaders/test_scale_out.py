"""Scale-out ingestion: one process, a pool of processes and a dask cluster land the same
triples, and a bad file is reported the same way by each."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from zonekg.graph.store import open_store
from zonekg.loaders.pipeline import ingest

pytestmark = pytest.mark.slow  # four ingests, one on a dask cluster: CI runs it, the default run does not

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for sample in sorted(SAMPLES.iterdir()):
        if sample.is_file():
            (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    return folder


def landed(corpus: Path, folder: Path, *, seeded: bool = False, **how: object
           ) -> tuple[list[str], list[tuple[str, str]], bytes]:
    """What ingesting ``corpus`` lands: into an empty store (one bulk load) or, ``seeded``,
    into one that holds a document already (one transaction per document)."""
    store = open_store(folder, create=True)
    try:
        if seeded:
            ingest([corpus / sorted(p.name for p in SAMPLES.iterdir())[0]], store)
        report = ingest([corpus], store, **how)  # type: ignore[arg-type]
        quads = sorted(ox.serialize([q], format=ox.RdfFormat.N_QUADS) for q in store.quads())
    finally:
        store.close()
    return [s.file for s in report.ingested], [(p.name, r) for p, r in report.failed], b"".join(quads)


def test_one_process_a_pool_and_a_dask_cluster_land_the_same_triples(corpus: Path, tmp_path: Path) -> None:
    serial = landed(corpus, tmp_path / "serial", jobs=1)
    assert len(serial[0]) == 5 and [name for name, _ in serial[1]] == ["broken.docx"]
    assert landed(corpus, tmp_path / "pool", jobs=2) == serial
    assert landed(corpus, tmp_path / "dask", scheduler="local:2") == serial
    assert landed(corpus, tmp_path / "pool-into-a-store", seeded=True, jobs=2) == serial
