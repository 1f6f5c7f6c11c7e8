"""Query results as bytes in the W3C formats: SPARQL results (JSON, XML, CSV, TSV) for
SELECT/ASK, and RDF syntaxes (Turtle, N-Triples, JSON-LD, RDF/XML) for CONSTRUCT/DESCRIBE.

Kept apart from HTTP so the CLI and the endpoint write exactly the same bytes. Specs followed:
SPARQL 1.1 Query Results JSON, XML, and CSV/TSV formats (CSV carries plain values, TSV carries
N-Triples-style terms; both are defined for SELECT only, so an ASK answer is written as the
one-column table ``_askResult`` that Jena and other servers emit).
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pyoxigraph as ox

from zonekg.graph.executor import AskResult, GraphResult, QueryResult, SelectResult
from zonekg.graph.terms import TermTuple
from zonekg.ontology import PREFIXES

SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ASK_COLUMN = "_askResult"

Tabular = SelectResult | AskResult


def term_json(term: TermTuple) -> dict[str, str]:
    """One binding in the SPARQL JSON results shape."""
    kind, value, language, datatype = term
    entry = {"type": kind, "value": value}
    if language:
        entry["xml:lang"] = language
    if datatype:
        entry["datatype"] = datatype
    return entry


def to_json(result: Tabular) -> bytes:
    """``application/sparql-results+json``; a cut result carries ``"truncated": true``."""
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value}).encode()
    bindings = [
        {name: term_json(term) for name, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    body: dict[str, object] = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    if result.truncated:
        body["truncated"] = True
    return json.dumps(body, ensure_ascii=False).encode()


def _xml_term(parent: ET.Element, term: TermTuple) -> None:
    kind, value, language, datatype = term
    if kind == "uri":
        ET.SubElement(parent, "uri").text = value
    elif kind == "bnode":
        ET.SubElement(parent, "bnode").text = value
    else:  # literals, and quoted triples written as their text
        node = ET.SubElement(parent, "literal")
        node.text = value
        if language:
            node.set(f"{{{XML_NS}}}lang", language)
        elif datatype:
            node.set("datatype", datatype)


def to_xml(result: Tabular) -> bytes:
    """``application/sparql-results+xml``."""
    ET.register_namespace("", SPARQL_RESULTS_NS)
    ns = f"{{{SPARQL_RESULTS_NS}}}"
    root = ET.Element(f"{ns}sparql")
    head = ET.SubElement(root, f"{ns}head")
    if isinstance(result, AskResult):
        ET.SubElement(root, f"{ns}boolean").text = "true" if result.value else "false"
    else:
        for name in result.variables:
            ET.SubElement(head, f"{ns}variable", name=name)
        results = ET.SubElement(root, f"{ns}results")
        for row in result.rows:
            solution = ET.SubElement(results, f"{ns}result")
            for name, term in zip(result.variables, row, strict=True):
                if term is not None:
                    _xml_term(ET.SubElement(solution, f"{ns}binding", name=name), term)
    # ElementTree leaves the children in no namespace; one default namespace covers them all.
    for node in root.iter():
        if not node.tag.startswith(ns):
            node.tag = ns + node.tag
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _table(result: Tabular) -> tuple[list[str], list[tuple[TermTuple | None, ...]]]:
    if isinstance(result, AskResult):
        value = "true" if result.value else "false"
        return [ASK_COLUMN], [(("literal", value, None, f"{PREFIXES['xsd']}boolean"),)]
    return result.variables, result.rows


def _csv_value(term: TermTuple | None) -> str:
    if term is None:
        return ""
    return f"_:{term[1]}" if term[0] == "bnode" else term[1]


def to_csv(result: Tabular) -> bytes:
    """``text/csv``: a header of variable names, then plain values, CRLF line ends."""
    variables, rows = _table(result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_value(term) for term in row] for row in rows)
    return out.getvalue().encode("utf-8")


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def ntriples_term(term: TermTuple) -> str:
    """A term in N-Triples syntax, as TSV results and the triple-pattern API show it."""
    kind, value, language, datatype = term
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    text = '"' + value.translate(_TSV_ESCAPES) + '"'
    if language:
        return f"{text}@{language}"
    if datatype:
        return f"{text}^^<{datatype}>"
    return text


def to_tsv(result: Tabular) -> bytes:
    """``text/tab-separated-values``: ``?var`` header, N-Triples terms, empty when unbound."""
    variables, rows = _table(result)
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines.extend("\t".join("" if t is None else ntriples_term(t) for t in row) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


TABULAR_WRITERS: dict[str, Callable[[Tabular], bytes]] = {
    "json": to_json,
    "xml": to_xml,
    "csv": to_csv,
    "tsv": to_tsv,
}
"""SELECT/ASK writers by short format name."""

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
"""CONSTRUCT/DESCRIBE (and graph) syntaxes by short format name."""


def write_triples(triples: list[ox.Triple], fmt: str) -> bytes:
    """``triples`` in the RDF syntax ``fmt`` (a key of :data:`GRAPH_FORMATS`), with zonekg's prefixes."""
    rdf_format = GRAPH_FORMATS[fmt]
    prefixes = None if rdf_format is ox.RdfFormat.N_TRIPLES else PREFIXES
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def write_graph(result: GraphResult, fmt: str) -> bytes:
    """A CONSTRUCT/DESCRIBE result (N-Triples from the worker) in the syntax ``fmt``."""
    if fmt == "nt":
        return result.ntriples
    return write_triples(list(ox.parse(result.ntriples, format=ox.RdfFormat.N_TRIPLES)), fmt)


def write(result: QueryResult, fmt: str) -> bytes:
    """Any result in ``fmt``; the caller has checked the format suits the result's kind.

    A SELECT/ASK result keeps what it was written as: the answers ``/sparql`` keeps per store
    generation (:mod:`zonekg.graph.answers`) are then written once per format, not once per
    request (3,000 bindings cost ~10 ms of JSON each time). Their memory grows by about a
    third per format asked, on top of the kept rows."""
    if isinstance(result, GraphResult):
        return write_graph(result, fmt)
    body = result.written.get(fmt)
    if body is None:
        body = result.written[fmt] = TABULAR_WRITERS[fmt](result)
    return body
