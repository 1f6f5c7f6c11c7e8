"""A networkx view of the graph: entities as nodes, relations between them as edges.

RDF is the record; networkx is where centrality, shortest paths and layouts are one call
away. The view is built from the union of all documents with one SPARQL query for nodes and
one for edges. :func:`describe_nodes` adds what a page shows about the nodes it draws
(aliases, amounts, the quote and document it came from) in a handful of grouped queries bound
to those nodes, so a page costs the same few queries however large the store is.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from zonekg.graph.catalog import Catalog
from zonekg.graph.terms import bound, plain
from zonekg.ontology import ZK

NODE_CLASSES = ("Zone", "Agency", "Company", "Industry", "Project", "Target")
EDGE_PROPERTIES = (
    "leadAgency",
    "participatingAgency",
    "locatedIn",
    "partOf",
    "focusIndustry",
    "industry",
    "involvesCompany",
    "hasTarget",
)
_SEPARATOR = "\n"
"""Joins grouped values in one SPARQL result; names and file names never contain a newline."""


def build_network(catalog: Catalog) -> nx.MultiDiGraph:
    """Nodes carry ``kind`` (class name) and ``label``; edges carry ``relation``."""
    graph = nx.MultiDiGraph()
    classes = " ".join(f"zk:{c}" for c in NODE_CLASSES)
    for row in catalog.select(
        f"""SELECT ?e ?cls (SAMPLE(?l) AS ?label) WHERE {{
              VALUES ?cls {{ {classes} }} ?e a ?cls .
              OPTIONAL {{ ?e rdfs:label ?l }} OPTIONAL {{ ?e zk:metric ?l }}
            }} GROUP BY ?e ?cls"""
    ):
        iri = plain(row["e"])
        graph.add_node(iri, kind=bound(row["cls"]).removeprefix(ZK), label=plain(row["label"]) or iri)
    properties = " ".join(f"zk:{p}" for p in EDGE_PROPERTIES)
    for row in catalog.select(
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {properties} }} ?s ?p ?o }}"
    ):
        s, o = plain(row["s"]), plain(row["o"])
        if s in graph and o in graph:
            graph.add_edge(s, o, relation=bound(row["p"]).removeprefix(ZK))
    return graph


@dataclass
class NodeDetails:
    """What a tooltip says about one entity beyond its kind and name."""

    aliases: list[str] = field(default_factory=list)
    investment_cny: str | None = None
    area_m2: str | None = None
    value: str | None = None
    unit: str | None = None
    year: str | None = None
    quote: str | None = None
    document: str | None = None


DESCRIBE_CHUNK = 500
"""Entities described per round of queries (a ``VALUES`` list of IRIs read from the store)."""


def describe_nodes(catalog: Catalog, iris: list[str]) -> dict[str, NodeDetails]:
    """Details of the entities ``iris`` that have any, keyed by IRI (amounts as their lexical
    form). Four grouped queries per :data:`DESCRIBE_CHUNK` entities, each bound to their IRIs,
    so describing what a page draws costs the same however large the store is."""
    details: dict[str, NodeDetails] = {}
    for start in range(0, len(iris), DESCRIBE_CHUNK):
        values = "VALUES ?e { " + " ".join(f"<{iri}>" for iri in iris[start:start + DESCRIBE_CHUNK]) + " }"
        _describe(catalog, values, details)
    return details


def _describe(catalog: Catalog, values: str, details: dict[str, NodeDetails]) -> None:
    def of(row: dict) -> NodeDetails:
        return details.setdefault(bound(row["e"]), NodeDetails())

    for row in catalog.select(
        f"""SELECT ?e (GROUP_CONCAT(DISTINCT STR(?a); separator="\\n") AS ?aliases)
            WHERE {{ {values} ?e skos:altLabel ?a }} GROUP BY ?e"""
    ):
        of(row).aliases = sorted(bound(row["aliases"]).split(_SEPARATOR))
    for row in catalog.select(
        f"""SELECT ?e (SAMPLE(?i) AS ?inv) (SAMPLE(?a) AS ?area) WHERE {{ {values}
             ?e a zk:Project . OPTIONAL {{ ?e zk:totalInvestment ?i }} OPTIONAL {{ ?e zk:floorArea ?a }}
             FILTER(BOUND(?i) || BOUND(?a)) }} GROUP BY ?e"""
    ):
        item = of(row)
        item.investment_cny, item.area_m2 = plain(row["inv"]), plain(row["area"])
    for row in catalog.select(
        f"""SELECT ?e (SAMPLE(?v) AS ?value) (SAMPLE(?u) AS ?unit) (SAMPLE(?y) AS ?year) WHERE {{ {values}
             ?e a zk:Target ; zk:value ?v ; zk:unit ?u . OPTIONAL {{ ?e zk:targetYear ?y }} }} GROUP BY ?e"""
    ):
        item = of(row)
        item.value, item.unit, item.year = plain(row["value"]), plain(row["unit"]), plain(row["year"])
    # An entity's own quote is the evidence of its rdf:type; a target's is that of the link
    # that set it. MIN over "file\nquote" picks one document and its quote together. One
    # query per role: Oxigraph does not carry the VALUES into a UNION's branches, and the
    # UNION of both scanned every evidence node of the store (30 s at 300 documents).
    sources: dict[str, str] = {}
    for role in ("rdf:subject ?e ; rdf:predicate rdf:type", "rdf:object ?e ; rdf:predicate zk:hasTarget"):
        for row in catalog.select(
            f"""SELECT ?e (MIN(?src) AS ?source) WHERE {{ {values}
                 GRAPH ?g {{ ?ev {role} ; zk:passage/zk:quote ?q }}
                 ?g zk:fileName ?f . BIND(CONCAT(STR(?f), "\\n", STR(?q)) AS ?src) }} GROUP BY ?e"""
        ):
            iri, source = bound(row["e"]), bound(row["source"])
            sources[iri] = min(source, sources.get(iri, source))
    for iri, source in sources.items():
        item = details.setdefault(iri, NodeDetails())
        item.document, item.quote = source.split(_SEPARATOR, 1)
