"""Where a sub-millisecond question's time goes on its way through the server.

    bench/request_path.py STORE [--requests 300] [--settle SECONDS]

Over HTTP (``zonekg serve`` on loopback, one kept-alive client): ``/api/health``, ``/api/triples?s=``
and ``/sparql`` asking one entity's statements, kept and evaluated afresh. The floor under those
figures: the same client against ``bare_server.py`` (a fixed answer from a bare asyncio protocol:
the client and the socket; then from uvicorn with each HTTP parser and a one-line app). Then in this process,
on the same store, each step of those requests alone: the query evaluated by pyoxigraph on the
snapshot the workers read, the same through the read pool (pickled to a worker process and
back, or read in this process when its shape bounds it: ``graph/bounded.py``), a hop to a thread and back from the event loop, and the whole ASGI app called without a
socket (routing, middleware, dependencies, the route, the JSON written). Median milliseconds;
wall clock, so run it under the bench lock and say the load average beside the figures.
``--settle``: the HTTP figures again that many seconds after the first (the warm-up after a
start, pure Python, competes with the server's own threads for the GIL until it is over).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from pathlib import Path

import load
import servers
import workload
from starlette.concurrency import run_in_threadpool

from zonekg.api.app import create_app
from zonekg.api.settings import Settings
from zonekg.graph.executor import READ_MODEL_MAX_ROWS, evaluate

BARE = Path(__file__).resolve().parent / "bare_server.py"
FLOORS = {"asyncio": "bare asyncio protocol (client and socket)", "h11": "uvicorn h11 + one-line app",
          "httptools": "uvicorn httptools + one-line app"}


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return round(statistics.median(times) * 1000, 3)


async def median_ms_async(call: Callable[[], Awaitable[object]], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        await call()
        times.append(time.perf_counter() - began)
    return round(statistics.median(times) * 1000, 3)


def requests(ids: workload.Ids) -> dict[str, load.Request]:
    """The requests followed here, by label."""
    sparql = {r.label: r for r in workload.sparql_requests(ids)}
    fresh = {r.label: r for r in workload.sparql_requests(ids, fresh=True)}
    rest = {r.label: r for r in workload.rest(ids)}
    return {
        "health": rest["health"],
        "triples?s=": rest["triples?s="],
        "sparql one entity's statements (kept)": sparql["sparql one entity's statements"],
        "sparql one entity's statements (afresh)": fresh["sparql one entity's statements"],
    }


def p50_ms(base: str, request: load.Request, runs: int) -> float:
    """Median milliseconds of ``request`` sent ``runs`` times by one kept-alive client, after a warm-up."""
    load.run(base, [request], max_requests=20)
    stats, _ = load.run(base, [request], seconds=120, max_requests=runs)
    return round(statistics.median(load.total(stats).latencies) * 1000, 3)


def floor(runs: int) -> dict[str, float]:
    """The client against servers that answer a fixed response (``bare_server.py``)."""
    out = {}
    for kind in ("asyncio", "h11", "httptools"):
        port = servers.free_port()
        with servers.serving([sys.executable, str(BARE), kind, str(port)], "/", port) as base:
            out[f"floor: a fixed answer, {FLOORS[kind]}"] = p50_ms(base, load.Request("fixed", "/"), runs)
    return out


def over_http(store: Path, runs: int, settle: float | None) -> tuple[workload.Ids, dict[str, float]]:
    command, port = servers.zonekg(store)
    with servers.serving(command, "/api/health", port) as base:
        ids = workload.pick_ids(base)
        out = {}
        for when in ("", f" {settle:g} s later") if settle else ("",):
            time.sleep(settle if when else 0)
            for label, request in requests(ids).items():
                out[f"HTTP {label}{when}"] = p50_ms(base, request, runs)
        return ids, out


async def asgi_call(app: object, request: load.Request) -> int:
    """``request`` through the ASGI app as uvicorn would hand it over, without a socket."""
    path, _, query = request.path.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": request.method,
        "scheme": "http", "path": urllib.parse.unquote(path), "raw_path": path.encode(),
        "query_string": query.encode(), "root_path": "", "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 5000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in request.headers]
        + [(b"host", b"127.0.0.1"), (b"content-length", str(len(request.body or b"")).encode())],
        "state": {},
    }
    body = [{"type": "http.request", "body": request.body or b"", "more_body": False}]
    status = 0

    async def receive() -> dict:
        return body.pop() if body else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)  # type: ignore[operator]
    return status


async def in_process(store: Path, ids: workload.Ids, runs: int) -> dict[str, float]:
    app = create_app(Settings(store=str(store)))
    async with app.router.lifespan_context(app):
        service = app.state.service
        while not service.model.ready:
            await asyncio.sleep(0.2)
        import pyoxigraph as ox

        snapshot = ox.Store.read_only(service.reads.snapshots_in_use().pop())
        project = ids.project
        triples = f"SELECT ?s ?p ?o WHERE {{ <{project}> ?p ?o }} LIMIT 101 OFFSET 0"
        out = {
            "engine: the triples page on the snapshot (evaluate)":
                median_ms(lambda: evaluate(snapshot, triples, None, READ_MODEL_MAX_ROWS), runs),
            "read pool: the same query (service.reads.run: a worker process, or this one)":
                median_ms(lambda: service.reads.run(triples), runs),
            "catalog.triples (read pool, JSON terms)":
                median_ms(lambda: service.catalog.triples(project, None, None, 100, 0), runs),
            "a hop to a thread and back (run_in_threadpool)":
                await median_ms_async(lambda: run_in_threadpool(lambda: None), runs),
        }
        for label, request in requests(ids).items():
            await asgi_call(app, request)
            out[f"ASGI app, no socket: {label}"] = await median_ms_async(lambda r=request: asgi_call(app, r), runs)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--settle", type=float, help="also measure over HTTP this many seconds later")
    args = parser.parse_args()
    figures = floor(args.requests)
    ids, http = over_http(args.store, args.requests, args.settle)
    figures.update(http)
    figures.update(asyncio.run(in_process(args.store, ids, args.requests)))
    print("| step | median ms |\n|---|---|")
    for label, ms in figures.items():
        print(f"| {label} | {ms} |")


if __name__ == "__main__":
    main()
