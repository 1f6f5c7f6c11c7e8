"""/sparql against rdflib-endpoint on one existing store, the five questions of the benchmark.

    bench/engines.py STORE [--requests 20] [--seconds 60] [--stores default Oxigraph] [--revision REV]

The part of ``bench/run`` that compares engines, for a store already ingested: zonekg serves
STORE and answers each question with one client, first evaluating it every time
(``Cache-Control: no-cache``: the engine) and then as any client gets it (small answers kept
until the next write: the service); rdflib-endpoint serves the same triples (``zonekg export
--format nt``) from each of its stores named; pyoxigraph answers in-process from memory.
``--revision REV`` also serves STORE from an older revision (its source first on PYTHONPATH, as
``bench/compare.py`` does), evaluating every time: before and after in one run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import asdict, replace
from pathlib import Path

import ceiling
import compare
import servers
import workload
from runner import FULL, engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=20, help="requests per question and engine")
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget per question and engine")
    parser.add_argument("--stores", nargs="*", default=["default"], help="rdflib-endpoint stores to compare")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument("--revision", help="also serve STORE from this older revision (evaluated every time)")
    parser.add_argument("--timeout", type=float, help="zonekg's query time limit in seconds (default the server's; "
                        "picking the questions' entities at start needs more on a busy machine)")
    args = parser.parse_args()
    mode = replace(FULL, sparql_requests=args.requests, solo_seconds=args.seconds / 2)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="zonekg-engines-") as folder:
        nt = Path(folder) / "export.nt"
        subprocess.run([str(servers.BIN / "zonekg"), "export", "--store", str(args.store), "--format", "nt",
                        "-o", str(nt)], check=True, stdout=subprocess.DEVNULL)
        command, port = servers.zonekg(args.store, timeout=args.timeout)
        with servers.serving(command, "/api/health", port) as base:
            ids = workload.pick_ids(base)
            results["zonekg, evaluated every time"] = engine(base, workload.sparql_requests(ids, fresh=True), mode)
            results["zonekg, as served"] = engine(base, workload.sparql_requests(ids), mode)
        if args.revision:
            command, port = servers.zonekg(args.store, timeout=args.timeout)
            env = {"PYTHONPATH": str(compare.extract(args.revision, Path(folder)))}
            with servers.serving(command, "/api/health", port, env=env) as base:
                results[f"zonekg at {args.revision}, evaluated every time"] = engine(
                    base, workload.sparql_requests(ids, fresh=True), mode)
        memory = ceiling.load(nt)
        results["pyoxigraph in-process"] = {
            k: {"mean_ms": v["p50_ms"]} for k, v in ceiling.time_calls(
                ceiling.sparql_calls(memory, ids), repeat=args.requests, budget=args.seconds).items()}
        del memory
        for store in args.stores:
            command, port = servers.rdflib_endpoint(nt, store)
            path = servers.RDFLIB_ENDPOINT_PATH
            with servers.serving(command, path + "?query=ASK%7B%7D", port, start_seconds=1800) as base:
                results[f"rdflib-endpoint {store}"] = engine(base, workload.sparql_requests(ids, path), mode)
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps({"mode": asdict(mode), "results": results}, indent=1))


def table(results: dict[str, dict]) -> str:
    """Mean ms per question and engine, and each engine's sum of means over zonekg's."""
    engines = list(results)
    labels = list(results[engines[0]])
    lines = ["| question | " + " | ".join(engines) + " |", "|---|" + "---|" * len(engines)]
    for label in labels:
        cells = [str(results[e].get(label, {}).get("mean_ms", "")) for e in engines]
        lines.append(f"| {label.removeprefix('sparql ')} | " + " | ".join(cells) + " |")
    sums = {e: sum(v.get("mean_ms", 0.0) for v in results[e].values()) for e in engines}
    lines.append("| sum of the means | " + " | ".join(f"{sums[e]:,.1f}" for e in engines) + " |")
    ours = sums[engines[0]]
    lines.append("| sum / zonekg evaluated every time | " + " | ".join(f"{sums[e] / ours:.1f}x" for e in engines) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
