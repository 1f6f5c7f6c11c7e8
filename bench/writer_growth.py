#!/usr/bin/env python3
"""The ingest writer alone: does its cost per document grow with the store?

``zonekg ingest`` into an empty store ends in one :meth:`OxigraphStore.bulk_load` of every
document's N-Quads (and their union). Timed inside an ingest it is mixed with the extraction;
here the N-Quads are prepared once and kept on disk, and only the bulk load into a fresh store
is timed, in a fresh process, at each size:

    python bench/corpus.py /tmp/writer/c1000 --documents 1000 --seed 7
    python bench/writer_growth.py prepare /tmp/writer/c1000 /tmp/writer/c1000.nqs --jobs 2
    python bench/writer_growth.py load /tmp/writer/c1000.nqs /tmp/writer/c3000.nqs ... \
        [--revision REV] [--rounds 1] [--keep STORE_DIR]

``load`` prints one JSON line per load: CPU-s (user + system of the loading process and its
threads) and CPU-s per document, wall seconds, bytes the process wrote to disk
(``/proc/self/io``), peak RSS, the store's size and the sha256 of its sorted N-Quads (the same
content whatever the writer does). With ``--revision`` each round loads with that revision's
code first and then with the working tree's, side by side.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from floor import unpack

from zonekg.graph.oxigraph_store import OxigraphStore

LOAD = r'''
import json, os, resource, shutil, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from writer_growth import read_prepared, store_digest
from zonekg.graph import oxigraph_store
from zonekg.graph.oxigraph_store import OxigraphStore

if sys.argv[5] != "-":  # another call size, to try one without editing the store's code
    oxigraph_store.BULK_LOAD_BATCH_BYTES = int(sys.argv[5]) * 2**20
source, store_dir = Path(sys.argv[1]), Path(sys.argv[2])
shutil.rmtree(store_dir, ignore_errors=True)
store = OxigraphStore(store_dir, create=True)
count, step, slices = [0], int(sys.argv[4]), []
def written():
    with open("/proc/self/io", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("write_bytes:"))
def cpu_now():
    now = os.times()
    return now.user + now.system
def documents():
    mark = (cpu_now(), written())
    for item in read_prepared(source):
        count[0] += 1
        if count[0] % step == 0:
            slices.append([round(cpu_now() - mark[0], 1), round((written() - mark[1]) / 2**20)])
            mark = (cpu_now(), written())
        yield item
def cpu_by_thread():
    """CPU-s of the process's live threads by name: RocksDB's pool (compactions) lives on."""
    named = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            name = (task / "comm").read_text().strip()
        except OSError:
            continue
        named[name] = named.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return named
threads_before = cpu_by_thread()
before, began, written_before = cpu_now(), time.perf_counter(), written()
assert store.bulk_load(documents())
wall, cpu = time.perf_counter() - began, cpu_now() - before
threads = {name: round(seconds - threads_before.get(name, 0.0), 1) for name, seconds in cpu_by_thread().items()}
size = sum(p.stat().st_size for p in store_dir.rglob("*") if p.is_file())
print(json.dumps({"documents": count[0], "cpu_s": round(cpu, 1), "cpu_s_per_document": round(cpu / count[0], 4),
                  "wall_s": round(wall, 1), "written_mb": round((written() - written_before) / 2**20),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "store_mb": round(size / 2**20), "per_slice_cpu_s_written_mb": slices,
                  "live_threads_cpu_s": {name: seconds for name, seconds in threads.items() if seconds},
                  "quads_sha256": store_digest(store)}))
'''


def read_prepared(path: Path) -> Iterator[tuple[str, bytes]]:
    """The (document IRI, N-Quads) pairs :func:`prepare` wrote, in order."""
    with open(path, "rb") as fh:
        while header := fh.readline():
            iri, size = header.decode().split()
            yield iri, fh.read(int(size))


def prepare(corpus: Path, out: Path, jobs: int) -> int:
    """Prepare every document of ``corpus`` as ``zonekg ingest`` would and keep the N-Quads:
    a line ``IRI SIZE`` and SIZE bytes per document. Returns the number written."""
    from zonekg.loaders.pipeline import DEFAULT_LIMITS, iter_files, outcomes

    written = 0
    with open(out, "wb") as fh:
        for _, prepared, _ in outcomes(list(iter_files([corpus])), jobs, DEFAULT_LIMITS):
            if prepared is not None:
                fh.write(f"{prepared.summary.iri} {len(prepared.nquads)}\n".encode() + prepared.nquads)
                written += 1
    return written


class _Hashing(io.RawIOBase):
    """A writable sink that only hashes what it is given."""

    def __init__(self) -> None:
        self.sha = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        self.sha.update(chunk)
        return len(chunk)


def store_digest(store: OxigraphStore) -> str:
    """sha256 of the store's N-Quads dump. Oxigraph dumps in the order of its index keys, which
    are the terms' encodings (hashes, not insertion order), so the same quads give the same
    bytes however they were loaded, without holding millions of lines to sort them."""
    sink = _Hashing()
    store._store.dump(sink, format=ox.RdfFormat.N_QUADS)  # noqa: SLF001 — the bench reads the store whole
    return sink.sha.hexdigest()


def load(prepared: Path, store_dir: Path, code: Path | None, step: int, batch_mb: int | None = None) -> dict:
    """Bulk-load ``prepared`` into a fresh store in a fresh process (``code`` first on the path);
    the CPU-s and MB written while each ``step`` documents were taken (the growth within a load).
    ``batch_mb`` replaces the code's ``BULK_LOAD_BATCH_BYTES``."""
    env = {**os.environ, **({"PYTHONPATH": str(code)} if code else {})}
    run = subprocess.run([sys.executable, "-c", LOAD, str(prepared), str(store_dir), str(Path(__file__).parent), str(step),
                          str(batch_mb or "-")],
                         env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-2000:])
    return {"prepared": prepared.name, **json.loads(run.stdout.splitlines()[-1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    prepare_command = commands.add_parser("prepare")
    prepare_command.add_argument("corpus", type=Path)
    prepare_command.add_argument("out", type=Path)
    prepare_command.add_argument("--jobs", type=int, default=1)
    load_command = commands.add_parser("load")
    load_command.add_argument("prepared", type=Path, nargs="+")
    load_command.add_argument("--revision", help="also load with this revision, before the working tree, each round")
    load_command.add_argument("--rounds", type=int, default=1)
    load_command.add_argument("--step", type=int, default=1000, help="documents per slice of the growth within a load")
    load_command.add_argument("--batch-mb", type=int, help="bytes per call of the bulk loader, instead of the code's")
    load_command.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "writer-growth-store")
    args = parser.parse_args()
    if args.command == "prepare":
        print(f"{prepare(args.corpus, args.out, args.jobs)} documents prepared into {args.out}")
        return
    with tempfile.TemporaryDirectory() as folder:
        codes: list[tuple[str, Path | None]] = [("working tree", None)]
        if args.revision:
            codes.insert(0, (args.revision, Path(unpack(args.revision, Path(folder)))))
        for _ in range(args.rounds):
            for prepared in args.prepared:
                for name, code in codes:
                    print(json.dumps({"code": name, "batch_mb": args.batch_mb, "load_average": round(os.getloadavg()[0], 1), **load(prepared, args.store, code, args.step, args.batch_mb)}),
                          flush=True)
    subprocess.run(["rm", "-rf", str(args.store)], check=True)


if __name__ == "__main__":
    main()
