"""Before and after, side by side: every REST endpoint, page and SPARQL question with one client
(as ``bench/run`` asks them: repeated questions may be kept answers), served from an older
revision of zonekg and from the working tree, one after the other on the same store.

    bench/compare.py REVISION STORE [--requests 5] [--timeout 60] [--ceiling EXPORT.nt]
    bench/compare.py REVISION STORE --mix 32 [--seconds 60] [--fresh]

``--settle SECONDS``: wait that long after each server first answers before measuring it (the
warm-up after a start, pure Python, holds the GIL in turns with the requests until it is over;
without it each server is measured during its warm-up).

``--ceiling``: also the same questions in this process on pyoxigraph over the store's export
loaded in memory (``zonekg export --format nt``; see ``ceiling.py``), and the after/ceiling ratio
issue 9 bounds at 3×.

``--mix N``: instead of one client per endpoint, N clients for ``--seconds`` over the REST +
SPARQL mix (every REST endpoint, the analysis and the five SPARQL questions, round robin, as
``bench/run`` runs it, after one client has sent each request once, as ``bench/run``'s
one-client part does before its mix), under the server's own time limit unless ``--timeout`` is given;
``--fresh`` adds a third run of the working tree whose SPARQL requests say
``Cache-Control: no-cache`` (every query evaluated, none answered from the kept answers).

The old revision is extracted with ``git archive`` into a temporary folder and put first on
PYTHONPATH, so both servers run in the same interpreter and environment; each is started on a
free loopback port with the same query time limit (``--timeout``, high by default so that slow
endpoints show their real cost instead of the limit's 503).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import load
import servers
import workload

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("api", "graph", "loaders", "ontology", "visualize")


def extract(revision: str, folder: Path) -> Path:
    """``revision``'s source laid out as the ``zonekg`` package under ``folder``."""
    source = folder / "source"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    package = folder / "path" / "zonekg"
    package.mkdir(parents=True)
    for name in PACKAGES:
        (package / name).symlink_to(source / name)
    return folder / "path"


def mix(store: Path, clients: int, seconds: float, timeout: float | None, pythonpath: Path | None,
        fresh: bool = False) -> dict[str, dict]:
    """``clients`` clients for ``seconds`` over the REST + SPARQL mix: all requests, then per label."""
    command, port = servers.zonekg(store, timeout=timeout)
    env = {"PYTHONPATH": str(pythonpath)} if pythonpath else None
    with servers.serving(command, "/api/health", port, env=env) as base:
        ids = workload.pick_ids(base)
        requests = [*workload.rest(ids), *workload.sparql_requests(ids, fresh=fresh)]
        load.run(base, requests, clients=1, seconds=300, max_requests=len(requests))  # steady state: once each
        by_label, spent = load.run(base, requests, clients=clients, seconds=seconds)
        out = {"all": load.total(by_label).summary(spent), **{k: v.summary() for k, v in sorted(by_label.items())}}
        print(f"{'before' if pythonpath else 'after '}{' fresh' if fresh else ''}: {out['all']}", file=sys.stderr)
        return out


def measure(store: Path, requests: int, timeout: float, pythonpath: Path | None,
            only: list[str] | None = None, settle: float = 0.0) -> tuple[workload.Ids, dict[str, dict]]:
    command, port = servers.zonekg(store, timeout=timeout)
    env = {"PYTHONPATH": str(pythonpath)} if pythonpath else None
    with servers.serving(command, "/api/health", port, env=env) as base:
        ids = workload.pick_ids(base)
        time.sleep(settle)
        out = {}
        for request in [*workload.rest(ids), *workload.pages(ids), *workload.sparql_requests(ids)]:
            if only and not any(part in request.label for part in only):
                continue
            stats, _ = load.run(base, [request], clients=1, seconds=timeout, max_requests=requests,
                                timeout=timeout + 30)
            out[request.label] = load.total(stats).summary()
            print(f"{'before' if pythonpath else 'after '} {request.label}: {out[request.label]}", file=sys.stderr)
        return ids, out


def ceiling_ms(export: Path, ids: workload.Ids, labels: list[str]) -> dict[str, float]:
    """Median ms of each of ``labels`` asked in this process of pyoxigraph in memory."""
    import ceiling

    memory = ceiling.load(export)
    calls = {**ceiling.rest_calls(memory, ids), **ceiling.sparql_calls(memory, ids)}
    timed = ceiling.time_calls({k: v for k, v in calls.items() if k in labels}, repeat=20, budget=5.0, limit=120.0)
    return {label: figures["p50_ms"] for label, figures in timed.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision")
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--timeout", type=float, help="query time limit (default 60 s; with --mix the server's own)")
    parser.add_argument("--mix", type=int, metavar="CLIENTS", help="run the REST + SPARQL mix with this many clients")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the mix runs")
    parser.add_argument("--fresh", action="store_true", help="with --mix: also the working tree with SPARQL run afresh")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument("--only", nargs="+", help="only the endpoints whose label contains one of these")
    parser.add_argument("--settle", type=float, default=0.0, help="seconds to wait after each server starts")
    parser.add_argument("--ceiling", type=Path, metavar="EXPORT", help="N-Triples export of STORE: add the in-process ceiling")
    args = parser.parse_args()
    if args.mix:
        mixes(args)
        return
    timeout = args.timeout or 60.0
    with tempfile.TemporaryDirectory(prefix="zonekg-before-") as folder:
        old = extract(args.revision, Path(folder))
        _, before = measure(args.store, args.requests, timeout, old, args.only, args.settle)
    ids, after = measure(args.store, args.requests, timeout, None, args.only, args.settle)
    ceil = ceiling_ms(args.ceiling, ids, list(after)) if args.ceiling else {}
    print("| endpoint | before p50 ms | after p50 ms | before p99 | after p99 |"
          + (" ceiling p50 ms | after / ceiling |\n|---|---|---|---|---|---|---|" if ceil else "\n|---|---|---|---|---|"))
    for label, a in after.items():
        b = before.get(label, {})
        ratio = f" {ceil[label]} | {a['p50_ms'] / ceil[label]:.1f}x |" if ceil.get(label) else (" | |" if ceil else "")
        print(f"| {label} | {b.get('p50_ms')}{' (' + str(b['errors']) + ' err)' if b.get('errors') else ''} "
              f"| {a['p50_ms']} | {b.get('p99_ms')} | {a['p99_ms']} |{ratio}")
    if args.out:
        args.out.write_text(json.dumps({"revision": args.revision, "before": before, "after": after,
                                        "ceiling": ceil}, indent=1))


def mixes(args: argparse.Namespace) -> None:
    """The mix on the old revision, the working tree (and afresh), one after the other."""
    runs = {}
    with tempfile.TemporaryDirectory(prefix="zonekg-before-") as folder:
        runs["before"] = mix(args.store, args.mix, args.seconds, args.timeout, extract(args.revision, Path(folder)))
    runs["after"] = mix(args.store, args.mix, args.seconds, args.timeout, None)
    if args.fresh:
        runs["after, SPARQL afresh"] = mix(args.store, args.mix, args.seconds, args.timeout, None, fresh=True)
    print(f"| {args.mix} clients, {args.seconds:g} s | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for name, out in runs.items():
        a = out["all"]
        print(f"| {name} | {a['requests']} | {a.get('per_s')} | {a['p50_ms']} | {a['p95_ms']} | {a['p99_ms']} | {a['errors']} |")
    print("\n| label | " + " | ".join(f"{name} p50 / p99 ms, errors" for name in runs) + " |")
    print("|---|" + "---|" * len(runs))
    for label in (k for k in runs["after"] if k != "all"):
        cells = [f"{o[label]['p50_ms']} / {o[label]['p99_ms']}, {o[label]['errors']}" if label in o else "" for o in runs.values()]
        print(f"| {label} | " + " | ".join(cells) + " |")
    if args.out:
        args.out.write_text(json.dumps({"revision": args.revision, **runs}, indent=1))


if __name__ == "__main__":
    main()
