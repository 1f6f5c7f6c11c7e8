"""The store's figures, on the benchmark's corpus and load runner: scale-out ingest, and a
SPARQL server (Virtuoso 7) as the store beside the embedded one.

    bench/scale_out.py --documents 10000 --ingest       # 1 process, --jobs 2, dask LocalCluster of 2
    bench/scale_out.py --documents 1000 --virtuoso      # the same questions of both stores

``--ingest`` lands the corpus three ways into fresh stores (one bulk load each) and once more
one transaction per document (into a store that already holds a document), with the time,
peak memory of the process tree, bytes written to disk and the store's size; the triples of
every way are compared. ``--virtuoso`` starts a Virtuoso of its own (Debian's package, as the
tests do), ingests the corpus into it and into a folder, serves both with ``zonekg serve`` and
asks each the benchmark's REST endpoints and SPARQL questions with one client.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus
import ingest
import load
import servers
import workload

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from sparql_servers import Virtuoso  # noqa: E402 - the tests' own throw-away Virtuoso


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def digest(store: Path | str, env: dict[str, str] | None = None) -> str:
    """A fingerprint of every quad of the store (to compare what different ways landed): the
    sum of each N-Quads line's hash, so the export is read as a stream in any order (10,000
    documents export ~3 GB, which a sort in memory would hold twice)."""
    process = subprocess.Popen([str(servers.BIN / "zonekg"), "export", "--store", str(store), "--format", "nq"],
                               stdout=subprocess.PIPE, env={**os.environ, **(env or {})})
    assert process.stdout is not None
    total = 0
    for line in process.stdout:
        if line.strip():
            total += int.from_bytes(hashlib.sha256(line.rstrip(b"\n")).digest()[:16], "big")
    if process.wait() != 0:
        raise RuntimeError(f"zonekg export of {store} failed")
    return f"{total % 2**64:016x}"


WAYS = {"1 process": {"jobs": 1}, "--jobs 2": {"jobs": 2},
        "dask LocalCluster of 2": {"options": ("--scheduler", "local:2")}}
TRANSACTIONS = "--jobs 2, one transaction per document"


def scale_out(folder: Path, work: Path, ways: list[str]) -> dict:
    out: dict = {}
    for name in (w for w in WAYS if w in ways):
        progress(f"ingest: {name}")
        store = work / f"store-{name.strip('-').replace(' ', '-')}"
        out[name] = ingest.ingest(folder, store, **WAYS[name]) | {"quads": digest(store)}
        progress(f"{name}: {out[name]}")
    if TRANSACTIONS in ways:
        out[TRANSACTIONS] = transactions(folder, work)
    base = out.get("1 process", {}).get("seconds")
    for figures in out.values():
        figures["speed-up"] = round(base / figures["seconds"], 2) if base else None
    return out


def transactions(folder: Path, work: Path) -> dict:
    """The corpus landed one transaction per document, into a store that already holds one."""
    first = work / "first"
    first.mkdir()
    sample = sorted(p for p in folder.iterdir() if p.is_file())[0]
    (first / sample.name).write_bytes(sample.read_bytes())
    store = work / "store-transactions"
    ingest.ingest(first, store)
    progress("ingest: one transaction per document (into a store that holds one)")
    return ingest.ingest(folder, store, jobs=2) | {"quads": digest(store)}


def virtuoso(folder: Path, work: Path) -> dict:
    server = Virtuoso()
    try:
        env = server.environment()
        progress("ingest into Virtuoso")
        remote = ingest.ingest(folder, server.url, jobs=2, env=env)
        progress("ingest into a folder")
        local = ingest.ingest(folder, work / "store-embedded", jobs=2)
        answers: dict = {"ingest": {"embedded": local, "Virtuoso": remote}, "p50_ms": {}}
        for name, store, extra in (("embedded", work / "store-embedded", {}), ("Virtuoso", server.url, env)):
            command, port = servers.zonekg(store, timeout=60)
            with servers.serving(command, "/api/health", port, env=extra) as base_url:
                ids = workload.pick_ids(base_url)
                for request in [*workload.rest(ids), *workload.sparql_requests(ids)]:
                    progress(f"{name}: {request.label}")
                    stats, _ = load.run(base_url, [request], clients=1, seconds=20, max_requests=15, timeout=120)
                    summary = load.total(stats).summary()
                    answers["p50_ms"].setdefault(request.label, {})[name] = (
                        summary["p50_ms"] if not summary["errors"] else f"{summary['errors']} errors")
        return answers
    finally:
        server.stop()


def markdown(results: dict) -> str:
    lines = []
    if "scale_out" in results:
        lines += ["| ingest | seconds | speed-up | CPU s (writer) | docs/s | peak RSS MB | written MB | store MB | quads |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for name, f in results["scale_out"].items():
            lines.append(f"| {name} | {f['seconds']} | {f['speed-up']}x | {f.get('cpu_s')} ({f.get('writer_cpu_s')}) | {f['documents_per_s']} | {f['peak_rss_mb']} | "
                         f"{f['written_mb']} | {f['store_mb']} | {f['quads']} |")
    if "virtuoso" in results:
        v = results["virtuoso"]
        lines += ["", "| question (p50 ms, one client) | embedded | Virtuoso |", "|---|---|---|"]
        for label, by in v["p50_ms"].items():
            lines.append(f"| {label} | {by.get('embedded')} | {by.get('Virtuoso')} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ingest", action="store_true", help="scale-out ingest")
    parser.add_argument("--virtuoso", action="store_true", help="Virtuoso beside the embedded store")
    parser.add_argument("--ways", nargs="+", choices=[*WAYS, TRANSACTIONS], default=[*WAYS, TRANSACTIONS],
                        help="which ways to ingest (default: all)")
    parser.add_argument("--work", type=Path, help="keep the corpus and the stores in this folder "
                        "(default: a temporary one, removed); a corpus already there is reused")
    parser.add_argument("--out", type=Path, default=Path("bench-results"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zonekg-scale-") as tmp:
        work = args.work or Path(tmp)
        folder = work / "corpus"
        if not folder.is_dir():
            progress(f"generating {args.documents} documents")
            corpus.generate(folder, args.documents, args.seed)
        results: dict = {"documents": args.documents, "machine": {"load_average": os.getloadavg()}}
        if args.ingest:
            results["scale_out"] = scale_out(folder, work, args.ways)
        results["machine"]["load_average_after"] = os.getloadavg()
        if args.virtuoso:
            results["virtuoso"] = virtuoso(folder, work)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"store-{args.documents}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
