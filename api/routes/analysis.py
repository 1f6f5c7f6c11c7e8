"""``/api/analysis/…``: the network analysis behind the pages, as JSON.

Each call analyses the current graph (the same networkx view the pages draw, built once per
store generation);
entities are given as full IRIs or as the path after ``/id/`` (``zone/苏州工业园区``).
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Query

from zonekg.api.deps import AgencyRanksDep, NetworkDep
from zonekg.graph import analysis
from zonekg.graph.analysis import UnknownEntity
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidParameter

router = APIRouter(prefix="/api/analysis", tags=["Analysis"])

Entity = Annotated[str, Query(description="A full IRI or the path after /id/", examples=["zone/苏州工业园区"])]




def _iri(value: str) -> str:
    return resolve_iri(value) or value


def _ref(graph: nx.MultiDiGraph, iri: str) -> dict:
    return {"id": iri, "name": graph.nodes[iri]["label"], "kind": graph.nodes[iri]["kind"]}


@router.get("/agencies", summary="Agencies ranked by how much they coordinate")
def agencies(
    ranks: AgencyRanksDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
) -> dict:
    """Degree (projects led + joined) and betweenness over the lead/participate network
    (estimated from sampled nodes on large networks: see ``graph.analysis.betweenness``)."""
    items = [
        {**asdict(r), "degree": r.degree, "rank": i} for i, r in enumerate(ranks[:limit], start=1)
    ]
    return {"items": items, "total": len(ranks)}


@router.get("/co-leadership", summary="Agencies linked by the projects they share")
def co_leadership(network: NetworkDep) -> dict:
    graph = network.graph
    shared = analysis.co_leadership(graph)
    edges = [
        {"a": _ref(graph, a), "b": _ref(graph, b), "weight": d["weight"],
         "projects": [_ref(graph, p) for p in d["projects"]]}
        for a, b, d in shared.edges(data=True)
    ]
    edges.sort(key=lambda e: (-e["weight"], e["a"]["name"], e["b"]["name"]))
    return {"agencies": [_ref(graph, n) for n in sorted(shared)], "edges": edges}


def _comparison(graph: nx.MultiDiGraph, c: analysis.ZoneComparison) -> dict:
    result = asdict(c)
    result["a"], result["b"] = _ref(graph, c.a), _ref(graph, c.b)
    for key in ("shared_industries", "only_a_industries", "only_b_industries"):
        result[key] = [_ref(graph, i) for i in result[key]]
    return result


@router.get("/zones", summary="Zones compared: shared industries and target metrics")
def zones(network: NetworkDep, a: Entity | None = None, b: Entity | None = None) -> dict:
    """Both ``a`` and ``b``: that pair. Only ``a``: it against every other zone. Neither:
    every pair that shares anything, most similar first."""
    graph = network.graph
    chosen = [_iri(v) for v in (a, b) if v is not None]
    for iri in chosen:
        if iri not in graph:
            raise UnknownEntity(iri)
        if graph.nodes[iri]["kind"] != "Zone":
            raise InvalidParameter(f"{iri} is not a zone")
    if len(chosen) == 2:
        pairs = [analysis.compare_zones(graph, *chosen)]
    else:
        pairs = analysis.compare_all_zones(graph, chosen[0] if chosen else None)
    return {"items": [_comparison(graph, c) for c in pairs]}


@router.get("/path", summary="The shortest path between two entities")
def path(
    network: NetworkDep,
    source: Annotated[str, Query(alias="from", description="A full IRI or the path after /id/")],
    target: Annotated[str, Query(alias="to", description="A full IRI or the path after /id/")],
) -> dict:
    """Relations are followed in either direction; each step says which way it is stated."""
    graph = network.graph
    nodes, steps = analysis.shortest_path(graph, _iri(source), _iri(target))
    return {
        "length": len(steps),
        "nodes": [_ref(graph, n) for n in nodes],
        "steps": [asdict(s) for s in steps],
    }
