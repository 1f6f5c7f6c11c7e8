"""Benchmark: ingestion throughput and REST/SPARQL latency as the corpus grows.

Copies the sample corpus N times under new names (so each copy is its own document), ingests
it into a fresh store, then times the catalog's list queries through the query workers.
Run:  python tests/bench/bench_ingest.py --copies 1 10 40 [--jobs 2]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from zonekg.graph.catalog import Catalog, ListFilter
from zonekg.graph.executor import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, READ_MODEL_MAX_ROWS
from zonekg.graph.store import open_store
from zonekg.loaders.pipeline import ingest

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"


def make_corpus(root: Path, copies: int) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for i in range(copies):
        for sample in sorted(SAMPLES.iterdir()):
            shutil.copy(sample, corpus / f"{i:04d}_{sample.name}")
    return corpus


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def run(copies: int, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = make_corpus(root, copies)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.iterdir())
        store = open_store(root / "store", create=True)
        t0 = time.perf_counter()
        report = ingest([corpus], store, jobs=jobs)
        seconds = time.perf_counter() - t0
        triples = sum(s.triples for s in report.ingested)
        readers = store.readers()
        pool = readers.pool(workers=2, timeout=DEFAULT_TIMEOUT, max_rows=READ_MODEL_MAX_ROWS, memory_mb=DEFAULT_MEMORY_MB)
        catalog = Catalog(lambda q, p=None: pool.run(q, p))
        list_ms = timed(lambda: catalog.list("projects", ListFilter(), 50, 0)) * 1000
        search_ms = timed(lambda: catalog.list("agencies", ListFilter(q="局"), 50, 0)) * 1000
        lead_ms = timed(lambda: pool.run("SELECT ?p ?a WHERE { ?p zk:leadAgency ?a }")) * 1000
        readers.close()
        store.close()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"jobs {jobs} {len(report.ingested):6d} docs {chars / 1e6:7.2f} M chars {triples:9d} triples | "
            f"ingest {seconds:7.2f} s ({chars / seconds / 1e3:6.0f} k chars/s) | "
            f"projects page {list_ms:6.1f} ms, agency search {search_ms:6.1f} ms, "
            f"lead pairs {lead_ms:6.1f} ms | max RSS {rss:5.0f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 40])
    parser.add_argument("--jobs", type=int, default=1, help="ingest worker processes")
    args = parser.parse_args()
    for copies in args.copies:
        run(copies, args.jobs)


if __name__ == "__main__":
    main()
