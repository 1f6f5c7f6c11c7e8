"""A networkx view of the graph: entities as nodes, relations between them as edges.

RDF is the record; networkx is where centrality, shortest paths and layouts are one call
away. The view is built from the union of all documents with one SPARQL query for nodes and
one for edges.
"""
from __future__ import annotations

import networkx as nx

from zonekg.graph.catalog import Catalog
from zonekg.graph.terms import plain
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
        graph.add_node(iri, kind=plain(row["cls"]).removeprefix(ZK), label=plain(row["label"]) or iri)
    properties = " ".join(f"zk:{p}" for p in EDGE_PROPERTIES)
    for row in catalog.select(
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {properties} }} ?s ?p ?o }}"
    ):
        s, o = plain(row["s"]), plain(row["o"])
        if s in graph and o in graph:
            graph.add_edge(s, o, relation=plain(row["p"]).removeprefix(ZK))
    return graph
