"""The read side of the SPARQL 1.1 Graph Store HTTP Protocol (indirect identification).

``GET /rdf-graphs?graph=<document IRI>`` returns that document's named graph;
``GET /rdf-graphs?default`` the default graph, which here is the union of all documents.
Graphs are read from the store whole (no row cap): they are one document each.
"""
from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import GRAPH, negotiate
from zonekg.api.service import Service
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidRequest, NotFound
from zonekg.graph.results import write_triples

router = APIRouter(tags=["SPARQL"])


def _triples(service: Service, graph: str | None) -> list[ox.Triple]:
    """The triples of one named graph, or of the union (each triple once)."""
    seen: dict[ox.Triple, None] = {}
    for quad in service.store.quads(graph):
        seen.setdefault(quad.triple, None)
    return list(seen)


@router.get(
    "/rdf-graphs",
    summary="One document's named graph (or the default graph) as RDF",
    description="Give exactly one of `graph` (a document IRI, or its path after `/id/`) and "
    "`default`. Turtle by default; `Accept` or `?format=` chooses N-Triples, JSON-LD or RDF/XML. "
    "404 for a graph the store does not hold.",
    responses={200: {"content": {f.media_type: {} for f in GRAPH}}},
)
async def rdf_graph(
    request: Request,
    service: ServiceDep,
    graph: Annotated[str | None, Query(description="The graph's IRI",
                                       examples=["https://w3id.org/zonekg/id/document/高新区2024年工作要点.txt"])] = None,
    format: Annotated[str | None, Query(description="ttl, nt, jsonld or rdfxml")] = None,  # noqa: A002
) -> Response:
    default = "default" in request.query_params
    if default == (graph is not None):
        raise InvalidRequest("give exactly one of `graph=<IRI>` and `default`")
    fmt = negotiate(GRAPH, request.headers.get("accept"), format)
    iri = None
    if graph is not None:
        iri = resolve_iri(graph)
        if iri is None or iri not in await run_in_threadpool(service.store.documents):
            raise NotFound(f"no graph {graph}")
    triples = await run_in_threadpool(_triples, service, iri)
    body = await run_in_threadpool(write_triples, triples, fmt.name)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})
