"""Export the whole store: RDF in the common syntaxes, or GraphML for network tools.

Triple formats (Turtle, N-Triples) get the union of all documents as plain triples; dataset
formats (N-Quads, TriG, JSON-LD) keep one named graph per document.
"""
from __future__ import annotations

from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from zonekg.graph.catalog import Catalog
from zonekg.graph.network import build_network
from zonekg.graph.store import GraphStore
from zonekg.ontology import PREFIXES

RDF_FORMATS = {
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}
FORMATS = (*RDF_FORMATS, "graphml")


def export(store: GraphStore, catalog: Catalog, fmt: str, out: BinaryIO) -> None:
    """Write the store in ``fmt`` (one of :data:`FORMATS`) to ``out``."""
    if fmt == "graphml":
        nx.write_graphml(build_network(catalog), out, encoding="utf-8")
        return
    rdf_format, dataset = RDF_FORMATS[fmt]
    source = store.quads() if dataset else store.union_triples()
    ox.serialize(source, out, rdf_format, prefixes=PREFIXES)
