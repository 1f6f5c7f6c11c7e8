"""What a benchmark asks a store: every REST endpoint and page with real ids, and the SPARQL
questions compared across engines.

Ids are picked from the store itself (over its own ``/sparql``, untimed) so the same workload
runs on any corpus: the busiest zone, a department written under several spellings, a project,
a firm, an industry, a target and a document.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from load import Request

PREFIXES = """PREFIX zk: <https://w3id.org/zonekg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@dataclass
class Ids:
    zone: str
    zone_name: str
    agency: str
    agency_name: str
    project: str
    company: str
    industry: str
    industry_name: str
    target: str
    document: str
    document_file: str
    other_zone: str


SETUP_TRIES = 5
"""Picking ids is setup, not measured: a query the busy server answers 503 (its time limit,
while the warm-up after start shares the cores) is asked again after its Retry-After."""


def _sparql(base: str, query: str) -> list[dict[str, str]]:
    body = urllib.parse.urlencode({"query": PREFIXES + query}).encode()
    request = urllib.request.Request(base + "/sparql", data=body,
                                     headers={"Accept": "application/sparql-results+json"})
    for attempt in range(SETUP_TRIES):
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                rows = json.load(response)["results"]["bindings"]
            return [{k: v["value"] for k, v in row.items()} for row in rows]
        except urllib.error.HTTPError as error:
            if error.code != 503 or attempt == SETUP_TRIES - 1:
                raise
            time.sleep(float(error.headers.get("Retry-After") or 5))
    raise AssertionError("unreachable")


def pick_ids(base: str) -> Ids:
    """Representative entities of the store behind ``base``."""
    busiest = _sparql(base, """SELECT ?z ?name (COUNT(?p) AS ?n) WHERE {
        ?z a zk:Zone ; rdfs:label ?name . ?p zk:locatedIn ?z } GROUP BY ?z ?name ORDER BY DESC(?n) ?z LIMIT 2""")
    agency = _sparql(base, """SELECT ?a ?name (COUNT(?p) AS ?n) WHERE {
        ?p zk:leadAgency ?a . ?a rdfs:label ?name } GROUP BY ?a ?name ORDER BY DESC(?n) ?a LIMIT 1""")[0]
    project = _sparql(base, f"""SELECT ?p WHERE {{ ?p a zk:Project ; zk:leadAgency ?a ; zk:locatedIn <{busiest[0]['z']}> }}
        ORDER BY ?p LIMIT 1""")[0]
    company = _sparql(base, "SELECT ?c WHERE { ?c a zk:Company } ORDER BY ?c LIMIT 1")[0]
    industry = _sparql(base, """SELECT ?i ?name WHERE { ?i a zk:Industry ; rdfs:label ?name }
        ORDER BY ?i LIMIT 1""")[0]
    target = _sparql(base, "SELECT ?t WHERE { ?t a zk:Target } ORDER BY ?t LIMIT 1")[0]
    document = _sparql(base, "SELECT ?d ?f WHERE { ?d a zk:Document ; zk:fileName ?f } ORDER BY ?f LIMIT 1")[0]
    return Ids(
        zone=busiest[0]["z"], zone_name=busiest[0]["name"],
        agency=agency["a"], agency_name=agency["name"],
        project=project["p"], company=company["c"],
        industry=industry["i"], industry_name=industry["name"], target=target["t"],
        document=document["d"], document_file=document["f"],
        other_zone=busiest[-1]["z"],
    )


def _q(path: str, **params: str) -> str:
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


def _id(iri: str) -> str:
    return urllib.parse.quote(iri.split("/id/", 1)[1], safe="/")


def rest(ids: Ids) -> list[Request]:
    """Every REST endpoint, once each, with filters people use."""
    lists = [Request(f"list {c}", _q(f"/api/{c}", limit="50"))
             for c in ("zones", "agencies", "companies", "industries", "projects", "targets")]
    details = [
        Request("zone detail", "/api/zones/" + _id(ids.zone)),
        Request("agency detail", "/api/agencies/" + _id(ids.agency)),
        Request("project detail", "/api/projects/" + _id(ids.project)),
        Request("company detail", "/api/companies/" + _id(ids.company)),
        Request("industry detail", "/api/industries/" + _id(ids.industry)),
        Request("target detail", "/api/targets/" + _id(ids.target)),
    ]
    return [
        Request("health", "/api/health"),
        *lists,
        Request("projects?lead=name", _q("/api/projects", lead=ids.agency_name)),
        Request("projects?zone=name", _q("/api/projects", zone=ids.zone_name)),
        Request("projects?industry=name", _q("/api/projects", industry=ids.industry_name)),
        Request("projects?q=text", _q("/api/projects", q="中心")),
        Request("agencies?q=text", _q("/api/agencies", q="商务")),
        Request("targets?zone=name", _q("/api/targets", zone=ids.zone_name)),
        Request("projects offset 500", _q("/api/projects", limit="50", offset="500")),
        *details,
        Request("agency projects", f"/api/agencies/{_id(ids.agency)}/projects"),
        Request("search", _q("/api/search", q=ids.agency_name)),
        Request("triples?s=", _q("/api/triples", s=ids.project)),
        Request("resource", _q("/api/resource", id=ids.zone)),
        Request("documents", "/api/documents"),
        Request("document detail", "/api/documents/" + urllib.parse.quote(ids.document_file)),
        Request("rdf-graphs", _q("/rdf-graphs", graph=ids.document), headers=(("Accept", "application/n-triples"),)),
        Request("analysis agencies", "/api/analysis/agencies"),
        Request("analysis co-leadership", "/api/analysis/co-leadership"),
        Request("analysis co-leadership?agency=", _q("/api/analysis/co-leadership", agency=ids.agency)),
        Request("analysis zones", "/api/analysis/zones"),
        Request("analysis zones?a=", _q("/api/analysis/zones", a=ids.zone)),
        Request("analysis zones?a=&b=", _q("/api/analysis/zones", a=ids.zone, b=ids.other_zone)),
        Request("analysis path", _q("/api/analysis/path", **{"from": ids.project, "to": ids.zone})),
    ]


def pages(ids: Ids) -> list[Request]:
    return [
        Request("page /graph", "/graph"),
        Request("page /graph?focus", _q("/graph", focus=ids.zone, depth="2")),
        Request("page co-leadership", _q("/graph", view="co-leadership")),
        Request("page /graph?kinds=all", _q("/graph", kinds="all")),
        Request("page /query", "/query"),
    ]


def questions(ids: Ids) -> dict[str, str]:
    """SPARQL questions asked of every engine (full PREFIXes: rdflib-endpoint declares none)."""
    return {
        "count by class": "SELECT ?c (COUNT(?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c ORDER BY ?c",
        "lead pairs (100)": """SELECT ?project ?lead WHERE { ?p zk:leadAgency ?a . ?p rdfs:label ?project .
            ?a rdfs:label ?lead } ORDER BY ?lead ?project LIMIT 100""",
        "projects led by a name": f"""SELECT ?p ?project WHERE {{ ?a rdfs:label|skos:altLabel ?l .
            FILTER(STR(?l) = "{ids.agency_name}") ?p zk:leadAgency ?a ; rdfs:label ?project }}""",
        "one entity's statements": f"SELECT ?p ?o WHERE {{ <{ids.project}> ?p ?o }}",
        "industries by projects": """SELECT ?i (COUNT(?p) AS ?n) WHERE { ?p zk:industry ?i }
            GROUP BY ?i ORDER BY DESC(?n) ?i LIMIT 20""",
    }


FRESH = (("Cache-Control", "no-cache"),)
"""Asks zonekg to run the query again rather than answer from the answers it keeps until the
next write: what a comparison of engines must measure (other servers ignore it)."""


def sparql_requests(ids: Ids, path: str = "/sparql", *, fresh: bool = False) -> list[Request]:
    """The questions as SPARQL protocol requests (form-encoded POST, JSON results) to ``path``;
    ``fresh``: each one evaluated again (see :data:`FRESH`)."""
    accept = "application/sparql-results+json"
    return [
        Request(f"sparql {label}", path, "POST", urllib.parse.urlencode({"query": PREFIXES + q}).encode(),
                (("Content-Type", "application/x-www-form-urlencoded"), ("Accept", accept), *(FRESH if fresh else ())))
        for label, q in questions(ids).items()
    ]
