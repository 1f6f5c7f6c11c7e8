"""The ceiling: the same questions answered in this process by pyoxigraph, no HTTP, no query
workers, no caches, over an in-memory store loaded from ``zonekg export --format nt``.

For a REST endpoint the "same question" is the catalog calls its route makes; for SPARQL, the
query text itself. A server within a small factor of these figures spends its time answering,
not on the way there.
"""
from __future__ import annotations

import multiprocessing
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from workload import Ids, questions

from zonekg.graph.analyst import Analyst
from zonekg.graph.catalog import Catalog, ListFilter
from zonekg.graph.executor import READ_MODEL_MAX_ROWS, evaluate


def load(ntriples: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
    return store


def _listing(catalog: Catalog, collection: str, flt: ListFilter, offset: int = 0) -> Callable[[], object]:
    def call() -> object:
        page = catalog.list(collection, flt, 50, offset)
        return page, catalog.facets(collection, flt)
    return call


def rest_calls(store: ox.Store, ids: Ids) -> dict[str, Callable[[], object]]:
    """The catalog calls behind each REST label of :func:`workload.rest`."""
    catalog = Catalog(lambda sparql, params=None: evaluate(store, sparql, params, READ_MODEL_MAX_ROWS))
    calls: dict[str, Callable[[], object]] = {
        f"list {c}": _listing(catalog, c, ListFilter())
        for c in ("zones", "agencies", "companies", "industries", "projects", "targets")
    }
    calls.update({
        "projects?lead=name": _listing(catalog, "projects", ListFilter(lead=ids.agency_name)),
        "projects?zone=name": _listing(catalog, "projects", ListFilter(zone=ids.zone_name)),
        "projects?industry=name": _listing(catalog, "projects", ListFilter(industry=ids.industry_name)),
        "projects?q=text": _listing(catalog, "projects", ListFilter(q="中心")),
        "agencies?q=text": _listing(catalog, "agencies", ListFilter(q="商务")),
        "targets?zone=name": _listing(catalog, "targets", ListFilter(zone=ids.zone_name)),
        "projects offset 500": _listing(catalog, "projects", ListFilter(), 500),
        "zone detail": lambda: catalog.zone(ids.zone),
        "agency detail": lambda: catalog.entity("agencies", ids.agency),
        "project detail": lambda: catalog.entity("projects", ids.project),
        "company detail": lambda: catalog.entity("companies", ids.company),
        "industry detail": lambda: catalog.entity("industries", ids.industry),
        "target detail": lambda: catalog.entity("targets", ids.target),
        "agency projects": _listing(catalog, "projects", ListFilter(agency=ids.agency)),
        "search": lambda: catalog.search(ids.agency_name, 50, 0),
        "triples?s=": lambda: catalog.triples(ids.project, None, None, 100, 0),
        "resource": lambda: catalog.resource(ids.zone),
        "documents": lambda: catalog.documents(50, 0),
        "document detail": lambda: catalog.document(ids.document_file),
        "analysis agencies": lambda: Analyst(catalog).rank_agencies(),
        "analysis co-leadership": lambda: Analyst(catalog).co_leadership(),
        "analysis co-leadership?agency=": lambda: Analyst(catalog).co_leadership(agency=ids.agency),
        "analysis zones": lambda: Analyst(catalog).compare_zones(),
        "analysis zones?a=": lambda: Analyst(catalog).compare_zones(ids.zone),
        "analysis zones?a=&b=": lambda: Analyst(catalog).compare_zones(ids.zone, ids.other_zone),
        "analysis path": lambda: Analyst(catalog).shortest_path(ids.project, ids.zone),
    })
    return calls


def sparql_calls(store: ox.Store, ids: Ids) -> dict[str, Callable[[], object]]:
    from workload import PREFIXES

    def ask(query: str) -> Callable[[], object]:
        return lambda: list(store.query(PREFIXES + query))
    return {f"sparql {label}": ask(q) for label, q in questions(ids).items()}


def time_calls(calls: dict[str, Callable[[], object]], *, repeat: int, budget: float,
               limit: float | None = None) -> dict[str, dict]:
    """Median milliseconds of each call over ``repeat`` runs (fewer past ``budget`` s).

    With ``limit``, each label runs in a forked child that is killed after ``limit`` seconds:
    the store's uncached whole-store calls take minutes each at 10,000 documents and an
    engine's query cannot be interrupted from Python. A killed label's figure is the limit, a
    lower bound, marked ``"cut": True``.
    """
    return {label: (_timed(call, repeat, budget) if limit is None else _timed_in_child(call, repeat, budget, limit))
            for label, call in calls.items()}


def _timed(call: Callable[[], object], repeat: int, budget: float) -> dict:
    runs: list[float] = []
    deadline = time.perf_counter() + budget
    while len(runs) < repeat and (not runs or time.perf_counter() < deadline):
        began = time.perf_counter()
        call()
        runs.append(time.perf_counter() - began)
    return {"p50_ms": round(statistics.median(runs) * 1000, 2), "runs": len(runs)}


def _timed_in_child(call: Callable[[], object], repeat: int, budget: float, limit: float) -> dict:
    """:func:`_timed` in a forked child (it shares the loaded store copy-on-write), killed past ``limit``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=lambda: send.send(_timed(call, repeat, budget)), daemon=True)
    child.start()
    try:
        if receive.poll(limit):
            return receive.recv()
        return {"p50_ms": round(limit * 1000, 2), "runs": 0, "cut": True}
    finally:
        child.kill()
        child.join()
