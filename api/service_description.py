"""The SPARQL 1.1 Service Description answered by ``GET /sparql`` without a query.

It tells a client what the endpoint speaks (query, and update when a token is configured),
the result formats it writes, that the default graph is the union of the named graphs, and
which named graphs (documents) there are.
"""
from __future__ import annotations

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.formats import GRAPH, accept, negotiate
from zonekg.api.service import Service
from zonekg.graph.results import write_triples
from zonekg.ontology import RDF

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = (
    "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
    "Turtle", "N-Triples", "JSON-LD", "RDF_XML",
)


def description(endpoint: str, writable: bool, graphs: list[str]) -> list[ox.Triple]:
    """The description of the endpoint at ``endpoint`` holding the named ``graphs``."""
    service = ox.NamedNode(endpoint)
    dataset, default_graph = ox.BlankNode(), ox.BlankNode()

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    a = ox.NamedNode(f"{RDF}type")
    triples = [
        ox.Triple(service, a, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, a, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, a, sd("Graph")),
    ]
    if writable:
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMATS]
    for graph in graphs:
        named = ox.BlankNode()
        triples += [
            ox.Triple(dataset, sd("namedGraph"), named),
            ox.Triple(named, a, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(graph)),
        ]
    return triples


async def describe_service(request: Request, service: Service) -> Response:
    fmt = negotiate(GRAPH, accept(request), request.query_params.get("format"))
    graphs = await run_in_threadpool(service.store.documents)
    endpoint = str(request.url.replace(query=""))
    body = write_triples(description(endpoint, bool(service.settings.token), graphs), fmt.name)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})
