"""``/api/analysis/…``: the network analysis behind the pages, as JSON.

Each answer is read from the part of the graph it is about (:class:`~zonekg.graph.analyst.Analyst`)
and kept until the store changes; entities are given as full IRIs or as the path after
``/id/`` (``zone/苏州工业园区``).
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import AnalystDep
from zonekg.api.formats import produces
from zonekg.graph import analysis
from zonekg.graph.analyst import DEFAULT_AGENCIES, DEFAULT_COMPARISONS, DEFAULT_SEEDS
from zonekg.graph.catalog import resolve_iri

router = APIRouter(prefix="/api/analysis", tags=["Analysis"], dependencies=[produces("application/json")])

Entity = Annotated[str, Query(description="A full IRI or the path after /id/", examples=["zone/苏州工业园区"])]


def _iri(value: str) -> str:
    return resolve_iri(value) or value


def _ref(graph: nx.Graph, iri: str) -> dict:
    data = graph.nodes[iri] if iri in graph else {}
    return {"id": iri, "name": data.get("label", iri), "kind": data.get("kind")}


@router.get("/agencies", summary="Agencies ranked by how much they coordinate")
async def agencies(analyst: AnalystDep, limit: Annotated[int, Query(ge=1, le=1000)] = DEFAULT_AGENCIES) -> dict:
    """Degree (projects led + joined) and betweenness over the lead/participate network
    around the ranked agencies (see ``graph.analyst.Analyst.rank_agencies``); ``total`` is
    the number of agencies in the store."""
    ranks, total = await run_in_threadpool(analyst.rank_agencies, limit)
    items = [{**asdict(r), "degree": r.degree, "rank": i} for i, r in enumerate(ranks, start=1)]
    return {"items": items, "total": total}


@router.get("/co-leadership", summary="Agencies linked by the projects they share")
async def co_leadership(
    analyst: AnalystDep,
    limit: Annotated[int, Query(ge=1, le=500, description="How many of the busiest agencies to start from")] = DEFAULT_SEEDS,
    agency: Annotated[str | None, Query(description="Only this agency's partners: IRI or path after /id/")] = None,
) -> dict:
    """The agencies that share projects with the ``limit`` busiest agencies (or with
    ``agency``), and one edge per pair with the projects they share; every edge has one of
    those agencies at an end (``seeds``)."""
    found = await run_in_threadpool(analyst.co_leadership, limit, None if agency is None else _iri(agency))
    graph = found.graph
    edges = [
        {"a": _ref(graph, a), "b": _ref(graph, b), "weight": d["weight"],
         "projects": [{"id": p, "name": found.projects[p], "kind": "Project"} for p in d["projects"]]}
        for a, b, d in graph.edges(data=True)
    ]
    edges.sort(key=lambda e: (-e["weight"], e["a"]["name"], e["b"]["name"]))
    return {"agencies": [_ref(graph, n) for n in sorted(graph)], "edges": edges,
            "seeds": [_ref(graph, s) for s in found.seeds], "total_agencies": found.agencies}


def _comparison(graph: nx.Graph, c: analysis.ZoneComparison) -> dict:
    result = asdict(c)
    result["a"], result["b"] = _ref(graph, c.a), _ref(graph, c.b)
    for key in ("shared_industries", "only_a_industries", "only_b_industries"):
        result[key] = [_ref(graph, i) for i in result[key]]
    return result


@router.get("/zones", summary="Zones compared: shared industries and target metrics")
async def zones(
    analyst: AnalystDep, a: Entity | None = None, b: Entity | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = DEFAULT_COMPARISONS,
) -> dict:
    """Both ``a`` and ``b``: that pair. Only ``a``: the ``limit`` zones most like it. Neither:
    the ``limit`` most similar pairs among the busiest zones. Most similar first."""
    chosen = [_iri(v) for v in (a, b) if v is not None]

    def compare() -> dict:
        first, second = (*chosen, None, None)[:2]
        pairs = analyst.compare_zones(first, second, limit=limit)
        named = analyst.entities(iri for c in pairs for iri in (
            c.a, c.b, *c.shared_industries, *c.only_a_industries, *c.only_b_industries))
        return {"items": [_comparison(named, c) for c in pairs]}
    return await run_in_threadpool(compare)


@router.get("/path", summary="The shortest path between two entities")
async def path(
    analyst: AnalystDep,
    source: Annotated[str, Query(alias="from", description="A full IRI or the path after /id/")],
    target: Annotated[str, Query(alias="to", description="A full IRI or the path after /id/")],
) -> dict:
    """Relations are followed in either direction; each step says which way it is stated."""
    found = await run_in_threadpool(analyst.shortest_path, _iri(source), _iri(target))
    return {
        "length": len(found.steps),
        "nodes": [_ref(found.entities, n) for n in found.nodes],
        "steps": [asdict(s) for s in found.steps],
    }
