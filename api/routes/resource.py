"""``/api/resource``: everything about one IRI, as JSON or as RDF (JSON-LD, Turtle, …)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import GRAPH, Format, accept, negotiate
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import EntityNotFound, InvalidRequest
from zonekg.graph.results import write_graph

router = APIRouter(prefix="/api", tags=["REST"])

JSON = Format("json", "application/json")
CHOICES = (JSON, *GRAPH)


@router.get(
    "/resource",
    summary="Any resource by IRI: its item, statements and incoming links",
    description="JSON by default: the REST item when the IRI is an entity (with `kinds`), plus "
    "`properties` (its statements) and `incoming` (statements pointing to it). With `Accept: "
    "application/ld+json` (or `text/turtle`, `application/n-triples`, `application/rdf+xml`, or "
    "`?format=jsonld|ttl|nt|rdfxml`) its statements as RDF.",
    responses={200: {"content": {f.media_type: {} for f in GRAPH}}},
)
async def resource(
    request: Request,
    service: ServiceDep,
    id: Annotated[str, Query(min_length=1, description="A full IRI or the path after `/id/`",  # noqa: A002
                             examples=["zone/滨江新区"])],
    format: Annotated[str | None, Query(description="json, jsonld, ttl, nt or rdfxml")] = None,  # noqa: A002
) -> Response:
    fmt = negotiate(CHOICES, accept(request), format)
    iri = resolve_iri(id)
    if iri is None:
        raise InvalidRequest(f"`id` must be an IRI or the path after /id/ (zone/…); got {id!r}")
    item = await run_in_threadpool(service.catalog.resource, iri)
    if item is None:
        raise EntityNotFound(f"nothing is known about {iri}")
    if fmt is JSON:
        return JSONResponse(item)
    result = await run_in_threadpool(service.catalog.statements_about, iri)
    body = await run_in_threadpool(write_graph, result, fmt.name)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})
