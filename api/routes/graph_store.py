"""The read side of the SPARQL 1.1 Graph Store HTTP Protocol (indirect identification).

``GET /rdf-graphs?graph=<document IRI>`` returns that document's named graph;
``GET /rdf-graphs?default`` the default graph, which here is the union of all documents.
Both are answered like a CONSTRUCT on ``/sparql``: in a query worker, under the time limit
and the row cap (a cut graph says so in ``X-Zonekg-Truncated``), so the whole store cannot be
pulled through one request.
"""
from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import GRAPH
from zonekg.api.routes.sparql import TRUNCATED, answer
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidRequest, NotFound

router = APIRouter(tags=["SPARQL"])


@router.get(
    "/rdf-graphs",
    summary="One document's named graph (or the default graph) as RDF",
    description="Give exactly one of `graph` (a document IRI, or its path after `/id/`) and "
    "`default`. Turtle by default; `Accept` or `?format=` chooses N-Triples, JSON-LD or RDF/XML. "
    f"404 for a graph the store does not hold. Capped at the row limit like `/sparql` (`{TRUNCATED}`).",
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
    if graph is None:
        return await answer(request, service, "CONSTRUCT WHERE { ?s ?p ?o }", format, None)
    iri = resolve_iri(graph)
    if iri is None or iri not in await run_in_threadpool(service.store.documents):
        raise NotFound(f"no graph {graph}")
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {ox.NamedNode(iri)} {{ ?s ?p ?o }} }}"
    return await answer(request, service, construct, format, None)
