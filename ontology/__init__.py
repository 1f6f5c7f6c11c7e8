"""The zonekg vocabulary: namespaces, the term IRIs code uses, and the Turtle files.

``zonekg.ttl`` is the OWL ontology and ``shapes.ttl`` the SHACL shapes every document graph
passes; :func:`ontology_path` and :func:`shapes_path` locate them inside the installed package.
"""
from __future__ import annotations

from pathlib import Path

ZK = "https://w3id.org/zonekg/ontology#"
"""The ontology namespace (prefix ``zk:``)."""

ID = "https://w3id.org/zonekg/id/"
"""Where entity, document and evidence IRIs live."""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"

PREFIXES: dict[str, str] = {
    "zk": ZK,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dct": DCT,
    "org": ORG,
    "schema": SCHEMA,
}
"""Prefixes every SPARQL query of zonekg may use without declaring them."""


def sparql_prologue() -> str:
    """The PREFIX lines for :data:`PREFIXES`, to put before a query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def ontology_path() -> Path:
    return Path(__file__).with_name("zonekg.ttl")


def shapes_path() -> Path:
    return Path(__file__).with_name("shapes.ttl")
