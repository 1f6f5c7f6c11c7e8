"""zonekg's benchmark: ingest, every REST endpoint and page, and /sparql against other engines.

    bench/run --quick            # < 2 minutes; CI runs it and it checks ratios, never times
    bench/run --full             # 1,000 documents: the figures of BENCHMARKS.md
    bench/run --full --documents 10000

For each corpus size it generates plans (bench/corpus.py, seeded), ingests them with
``zonekg ingest`` against jieba's bare cut on the same text, exports N-Triples, serves the
store with ``zonekg serve`` on a free loopback port and measures:

1. every REST endpoint and page alone (1 client), beside the same catalog calls made in-process
   on pyoxigraph (the ceiling);
2. a REST + SPARQL mix at 8 and 32 clients, and the pages at 8 and 32 clients;
3. SPARQL questions against zonekg, rdflib-endpoint (default and Oxigraph stores, loaded from
   the same N-Triples) and pyoxigraph in-process, one client each, same requests.

With two sizes or more it then serves the smallest and the largest store side by side and
times each entity detail on both in alternating rounds (``detail_growth``): the check that a
detail's cost grows slower than the store compares the two under the same load.

Every loop is bounded by a request count and a time budget; every server is stopped by its
process id. Results go to ``--out`` as JSON and are printed as Markdown tables.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import ceiling
import corpus
import detail_growth
import ingest
import load
import page_draw
import servers
import targets
import workload


@dataclass(frozen=True)
class Mode:
    sizes: tuple[int, ...]
    solo_requests: int
    """Requests per endpoint with one client (each bounded by ``solo_seconds`` too)."""
    solo_seconds: float
    mix_seconds: float
    page_seconds: float
    sparql_requests: int
    rdflib_max_triples: int
    """rdflib's in-memory store is loaded only up to this size (it needs ~1 KB per triple)."""
    page_draws: int = 3
    """Loads of each page in Chromium (the median is kept)."""
    compare_jobs: bool = False
    """Ingest the corpus a second time with ``--jobs 2`` (into a store removed afterwards) for
    the speed-up over the first, ``--jobs 1``, ingest."""
    ceiling_call_seconds: float = 120.0
    """Each in-process ceiling call is stopped after this long (its figure is then a lower
    bound): uncached whole-store calls, such as betweenness over every agency, take minutes at
    10,000 documents."""
    query_timeout: float | None = None
    """The served store's query time limit in seconds (None: the service's default, 10 s). On
    10,000 documents choosing the representative entities (a GROUP BY over every zone's
    projects) alone takes longer than the default."""


QUICK = Mode(sizes=(10, 40), solo_requests=20, solo_seconds=3, mix_seconds=4, page_seconds=3,
             sparql_requests=10, rdflib_max_triples=200_000, page_draws=1)
FULL = Mode(sizes=(1000,), solo_requests=50, solo_seconds=30, mix_seconds=60, page_seconds=20,
            sparql_requests=50, rdflib_max_triples=3_000_000, compare_jobs=True)

def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


CEILING_RUNS, CEILING_SECONDS = 5, 5.0
"""The in-process ceiling has no memo, so every call does the whole work: a few runs suffice."""

DETAILS = ("zone detail", "agency detail", "project detail", "company detail", "industry detail", "target detail")


def measure_size(documents: int, mode: Mode, seed: int, work: Path, jobs: int | None,
                 existing: Path | None = None) -> dict:
    """Everything measured on one corpus size (or on the ``existing`` store, without ingest)."""
    folder = work / f"corpus-{documents}"
    store = existing or work / f"store-{documents}"
    result: dict = {"documents": documents}
    if existing is None:
        result.update(_generate_and_ingest(folder, store, documents, seed, jobs, mode.compare_jobs))
    nt = work / f"export-{documents}.nt"
    subprocess.run([str(servers.BIN / "zonekg"), "export", "--store", str(store), "--format", "nt", "-o", str(nt)],
                   check=True, stdout=subprocess.DEVNULL)
    result["triples"] = sum(1 for _ in nt.open("rb"))

    command, port = servers.zonekg(store, timeout=mode.query_timeout)
    started = time.perf_counter()
    with servers.serving(command, "/api/health", port) as base:
        result["first_answer_s"] = round(time.perf_counter() - started, 2)
        ids = workload.pick_ids(base)
        rest, pages, sparql = workload.rest(ids), workload.pages(ids), workload.sparql_requests(ids)
        first_list = next(r for r in rest if r.label == "list projects")
        cold = load.run(base, [first_list], clients=1, seconds=120, max_requests=1)[0]
        result["cold_first_projects_ms"] = load.total(cold).summary()["p50_ms"]
        result["solo"] = {}
        for request in [*rest, *pages, *sparql]:
            progress(f"one client: {request.label}")
            stats, _ = load.run(base, [request], clients=1, seconds=mode.solo_seconds, max_requests=mode.solo_requests)
            result["solo"][request.label] = load.total(stats).summary()
        result["mix"], result["pages"] = {}, {}
        for clients in (8, 32):
            progress(f"{clients} clients")
            result["mix"][clients] = _mix(base, [*rest, *sparql], clients, mode.mix_seconds)
            result["pages"][clients] = _mix(base, pages, clients, mode.page_seconds)
        result["sparql"] = {"zonekg": engine(base, workload.sparql_requests(ids, fresh=True), mode)}
        progress("pages drawn in Chromium")
        result["drawn"] = page_draw.draw(base, page_draw.pages(ids.agency, ids.zone), runs=mode.page_draws)
    progress("in-process ceiling")
    memory = ceiling.load(nt)  # after the server stopped: at 10,000 documents both would hold gigabytes
    ceil = ceiling.time_calls({**ceiling.rest_calls(memory, ids), **ceiling.sparql_calls(memory, ids)},
                              repeat=CEILING_RUNS, budget=CEILING_SECONDS, limit=mode.ceiling_call_seconds)
    for label, figures in ceil.items():
        result["solo"][label].update(ceiling_ms=figures["p50_ms"], ceiling_cut=figures.get("cut", False))
    result["sparql"]["pyoxigraph in-process"] = {
        k: {"p50_ms": v["p50_ms"]} for k, v in ceiling.time_calls(
            ceiling.sparql_calls(memory, ids), repeat=mode.sparql_requests, budget=mode.solo_seconds,
            limit=mode.ceiling_call_seconds).items()}
    for store_name in ("default", "Oxigraph"):
        key = f"rdflib-endpoint {store_name}"
        if result["triples"] > mode.rdflib_max_triples * (1 if store_name == "default" else 2):
            result["sparql"][key] = {"skipped": f"{result['triples']} triples > {mode.rdflib_max_triples}"}
            continue
        progress(f"rdflib-endpoint {store_name}")
        command, port = servers.rdflib_endpoint(nt, store_name)
        path = servers.RDFLIB_ENDPOINT_PATH
        with servers.serving(command, path + "?query=ASK%7B%7D", port, start_seconds=1800) as base:
            result["sparql"][key] = engine(base, workload.sparql_requests(ids, path), mode)
    shutil.rmtree(folder, ignore_errors=True)
    return result


def _generate_and_ingest(folder: Path, store: Path, documents: int, seed: int, jobs: int | None,
                         compare_jobs: bool) -> dict:
    """The corpus written to ``folder`` and ingested into ``store`` (with one process when the
    ``--jobs 2`` speed-up is measured too), beside jieba's floor."""
    progress(f"{documents} documents: generating")
    corpus.generate(folder, documents, seed)
    jobs = jobs or (1 if compare_jobs else None)
    progress(f"ingesting (--jobs {jobs or 'default'})")
    result = {"ingest": ingest.ingest(folder, store, jobs=jobs)}
    if compare_jobs:
        progress("ingesting again with --jobs 2")
        second = store.with_name(f"{store.name}-jobs-2")
        result["ingest_jobs_2"] = ingest.ingest(folder, second, jobs=2)
        result["ingest_jobs_2"]["speed_up"] = round(result["ingest"]["seconds"] / result["ingest_jobs_2"]["seconds"], 2)
        shutil.rmtree(second, ignore_errors=True)
    progress("jieba")
    result["jieba"] = ingest.jieba_floor(folder)
    result["ingest"]["x_jieba"] = round(result["ingest"]["seconds"] / max(result["jieba"]["seconds"], 1e-9), 1)
    return result


def _mix(base: str, requests: list[load.Request], clients: int, seconds: float) -> dict:
    """``clients`` clients sending a mix of ``requests``: all together, then per request."""
    by_label, spent = load.run(base, requests, clients=clients, seconds=seconds)
    return {"all": load.total(by_label).summary(spent), **{k: v.summary() for k, v in sorted(by_label.items())}}


def engine(base: str, sparql: list[load.Request], mode: Mode) -> dict:
    out = {}
    for request in sparql:
        stats, seconds = load.run(base, [request], clients=1, seconds=mode.solo_seconds * 2,
                                  max_requests=mode.sparql_requests, timeout=300)
        out[request.label] = load.total(stats).summary(seconds)
    return out


# -- checks ---------------------------------------------------------------------------------
def checks(results: list[dict], growth: dict[str, dict] | None = None) -> list[tuple[str, bool, str]]:
    """Ratios that must hold on any machine, however busy (CI runs them on --quick); ``growth``
    is :func:`detail_growth.measure` on the smallest and the largest store."""
    found = []
    for r in results:
        n = r["documents"]
        solo_errors = sum(v["errors"] for v in r["solo"].values())
        found.append((f"{n} docs: no errors with 1 client", solo_errors == 0, f"{solo_errors} errors"))
        mix_errors = sum(r["mix"][c]["all"]["errors"] for c in r["mix"])
        found.append((f"{n} docs: no errors in the REST+SPARQL mix at 8 and 32 clients", mix_errors == 0,
                      f"{mix_errors} errors"))
        zonekg = r["sparql"]["zonekg"]
        default = r["sparql"].get("rdflib-endpoint default", {})
        if default and "skipped" not in default:
            ours = sum(v["mean_ms"] for v in zonekg.values())
            theirs = sum(v["mean_ms"] for k, v in default.items())
            found.append((f"{n} docs: /sparql faster than rdflib-endpoint's default store", ours < theirs,
                          f"{theirs / ours:.1f}x"))
    if growth:
        times = results[-1]["triples"] / results[0]["triples"]
        for label, figures in growth.items():
            found.append((f"{label}: cost grows slower than the store ({times:.1f}x triples)",
                          figures["ratio"] < max(2.0, times / 2),
                          f"{figures['ratio']:.1f}x (median of {figures['rounds']} paired rounds; "
                          f"p50 {figures['small_p50_ms']} -> {figures['large_p50_ms']} ms)"))
    return found


# -- report ---------------------------------------------------------------------------------
def markdown(results: list[dict]) -> str:
    lines = []
    lines += ["| documents | characters | triples | ingest s | docs/s | chars/s | jieba cut s | ingest / jieba "
              "| peak RSS MB | store MB | first answer s | cold first list ms |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in (r for r in results if "ingest" in r):
        i = r["ingest"]
        lines.append(f"| {r['documents']} | {i['characters']:,} | {r['triples']:,} | {i['seconds']} | "
                     f"{i['documents_per_s']} | {i['characters_per_s']:,} | {r['jieba']['seconds']} | "
                     f"{i['x_jieba']}x | {i['peak_rss_mb']} | {i['store_mb']} | {r['first_answer_s']} | "
                     f"{r['cold_first_projects_ms']} |")
    for r in (r for r in results if "ingest_jobs_2" in r):
        j = r["ingest_jobs_2"]
        lines.append(f"| {r['documents']} with --jobs 2 | | | {j['seconds']} | {j['documents_per_s']} | "
                     f"{j['characters_per_s']:,} | | {j['speed_up']}x faster | {j['peak_rss_mb']} | {j['store_mb']} | | |")
    for r in (r for r in results if "ingest" not in r):
        lines.append(f"| {r['documents']} (existing store) | | {r['triples']:,} | | | | | | | | {r['first_answer_s']} | "
                     f"{r['cold_first_projects_ms']} |")
    sizes = [r["documents"] for r in results]
    lines += ["", "One client, per endpoint (ms): p50 / p99, and the same calls in-process on pyoxigraph",
              "", "| endpoint | " + " | ".join(f"{n} docs p50 / p99 (in-process)" for n in sizes) + " |",
              "|---" * (len(sizes) + 1) + "|"]
    for label in results[0]["solo"]:
        cells = []
        for r in results:
            s = r["solo"][label]
            ceil = f" ({'> ' if s.get('ceiling_cut') else ''}{s['ceiling_ms']})" if "ceiling_ms" in s else ""
            err = f" **{s['errors']} err**" if s["errors"] else ""
            cells.append(f"{s['p50_ms']} / {s['p99_ms']}{ceil}{err}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Network pages in headless Chromium at 1,366×768 (median of 3): server's answer and drawn",
              "", "| documents | page | entities drawn | answer ms | drawn ms |", "|---|---|---|---|---|"]
    for r in results:
        for label, d in r.get("drawn", {}).items():
            if "error" in d:
                lines.append(f"| {r['documents']} | {label} | **{d['error']}** | | |")
            else:
                lines.append(f"| {r['documents']} | {label} | {d['nodes']} | {d['answer_ms']} | {d['drawn_ms']} |")
    for kind in ("mix", "pages"):
        lines += ["", f"{'REST + SPARQL mix' if kind == 'mix' else 'Pages'} under load",
                  "", "| documents | clients | requests/s | p50 ms | p95 ms | p99 ms | errors |", "|---|---|---|---|---|---|---|"]
        for r in results:
            for clients, figures in r[kind].items():
                a = figures["all"]
                lines.append(f"| {r['documents']} | {clients} | {a.get('per_s')} | {a['p50_ms']} | {a['p95_ms']} | "
                             f"{a['p99_ms']} | {a['errors']} |")
    for r in results:
        engines = list(r["sparql"])
        lines += ["", f"SPARQL, {r['documents']} documents: mean ms per request, one client", "",
                  "| question | " + " | ".join(engines) + " |", "|---" * (len(engines) + 1) + "|"]
        for label in r["sparql"]["zonekg"]:
            cells = []
            for engine in engines:
                figures = r["sparql"][engine]
                value = figures.get(label, {})
                cells.append("skipped" if "skipped" in figures else str(value.get("mean_ms", value.get("p50_ms", ""))))
            lines.append(f"| {label.removeprefix('sparql ')} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict:
    import os
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "load_average": os.getloadavg()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--quick", action="store_true", help="two small corpora, short runs, checks (CI)")
    which.add_argument("--full", action="store_true", help="1,000 documents (or --documents), full runs")
    parser.add_argument("--documents", type=int, nargs="+", help="corpus sizes instead of the mode's")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--jobs", type=int, help="zonekg ingest --jobs")
    parser.add_argument("--out", type=Path, default=Path("bench-results"), help="folder for the JSON results")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed)")
    parser.add_argument("--timeout", type=float, help="the served store's query time limit in seconds "
                        "(default: the service's, 10 s; a 10,000-document store needs ~120)")
    parser.add_argument("--ceiling-seconds", type=float, help="stop each in-process ceiling call after this long "
                        "(default 120; its figure is then a lower bound)")
    parser.add_argument("--store", type=Path, help="measure this existing store (of --documents documents) "
                        "instead of generating and ingesting one")
    args = parser.parse_args()
    mode = QUICK if args.quick else FULL
    if args.documents:
        mode = Mode(**{**asdict(mode), "sizes": tuple(args.documents)})
    if args.timeout:
        mode = Mode(**{**asdict(mode), "query_timeout": args.timeout})
    if args.ceiling_seconds:
        mode = Mode(**{**asdict(mode), "ceiling_call_seconds": args.ceiling_seconds})
    work = args.work or Path(tempfile.mkdtemp(prefix="zonekg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = [measure_size(n, mode, args.seed, work, args.jobs, args.store) for n in mode.sizes]
        growth = None
        if len(mode.sizes) >= 2 and args.store is None:
            progress("detail growth: the smallest and the largest store side by side")
            growth = detail_growth.measure(work / f"store-{mode.sizes[0]}", work / f"store-{mode.sizes[-1]}",
                                           DETAILS, timeout=mode.query_timeout)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    name = f"{'quick' if args.quick else 'full'}-{'-'.join(map(str, mode.sizes))}.json"
    report = {"machine": machine(), "mode": asdict(mode), "results": results, "detail_growth": growth}
    (args.out / name).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(markdown(results))
    print("\nIssue 9's targets (absolute figures for the 2-core reference machine; never a failure)\n")
    print(targets.markdown(results))
    print()
    failed = 0
    for title, ok, detail in checks(results, growth):
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {title}: {detail}")
    print(f"results in {args.out / name}")
    return 1 if failed and args.quick else 0


if __name__ == "__main__":
    sys.exit(main())
