"""The read side of the SPARQL 1.1 Graph Store HTTP Protocol (indirect identification).

``GET /rdf-graphs?graph=<document IRI>`` returns that document's named graph;
``GET /rdf-graphs?default`` the default graph, which here is the union of all documents.
Both are capped at the row limit (a cut graph says so in ``X-Zonekg-Truncated``), so the whole
store cannot be pulled through one request.

One document's graph is read from the store as it is (``GraphStore.document_graph``: written
by Oxigraph from one index range on the embedded store, the Graph Store Protocol on a server),
in a thread, without a SPARQL worker: it costs the size of one document, so it need not queue
behind user SPARQL (on 1,000 documents every one of its 503s came from waiting behind
7-second queries). O(the document's triples): neither the document list nor a Python object
per triple is built. The default graph
is the whole store: it is a CONSTRUCT on ``/sparql``'s workers, under the time limit.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import GRAPH
from zonekg.api.routes.sparql import TRUNCATED, answer, respond
from zonekg.api.service import Service
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidRequest, NotFound
from zonekg.graph.executor import GraphResult

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
    default: Annotated[str | None, Query(description="Present (with any value or none): the default graph, "
                                         "the union of all documents")] = None,
    format: Annotated[str | None, Query(description="ttl, nt, jsonld or rdfxml")] = None,  # noqa: A002
) -> Response:
    if (default is None) == (graph is None):
        raise InvalidRequest("give exactly one of `graph=<IRI>` and `default`")
    if graph is None:
        return await answer(request, service, "CONSTRUCT WHERE { ?s ?p ?o }", format, None)
    iri = resolve_iri(graph)
    if iri is None:
        raise NotFound(f"no graph {graph}")
    return await respond(request, await run_in_threadpool(_document_graph, service, iri), format,
                         service.executor.max_rows)


def _document_graph(service: Service, iri: str) -> GraphResult:
    """The document graph ``iri`` (at most the row cap), read through the store interface."""
    found = service.store.document_graph(iri, service.executor.max_rows)
    if found is None:
        raise NotFound(f"no graph {iri}")
    return found
