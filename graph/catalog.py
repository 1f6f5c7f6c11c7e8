"""The everyday questions as Python calls: lists and details of zones, agencies, companies,
industries, projects and targets, with the quotes they came from.

Both the REST API and the pages read the graph through this module, so what a user sees on a
page and what a script gets over HTTP are the same facts. Every user value is bound as a
SPARQL parameter (:class:`~zonekg.graph.terms.Param`), never pasted into query text.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zonekg.graph.executor import QueryResult, SelectResult
from zonekg.graph.terms import Param, TermTuple, plain

Runner = Callable[[str, dict[str, Param] | None], QueryResult]
"""Runs a read query: :meth:`QueryExecutor.run` in the service, :func:`local_runner` in-process."""

ENTITY_CLASSES = {
    "zones": "zk:Zone",
    "agencies": "zk:Agency",
    "companies": "zk:Company",
    "industries": "zk:Industry",
    "projects": "zk:Project",
    "targets": "zk:Target",
}

MAX_LIMIT = 500


def local_runner(store: Any) -> Runner:
    """A runner over an open store in this process (CLI, tests); no time limit."""
    from zonekg.graph.executor import DEFAULT_MAX_ROWS, evaluate

    oxigraph = getattr(store, "oxigraph", store)
    return lambda sparql, params=None: evaluate(oxigraph, sparql, params, DEFAULT_MAX_ROWS)


def _number(term: TermTuple | None) -> float | int | None:
    if term is None:
        return None
    value = Decimal(term[1])
    return int(value) if value == value.to_integral() else float(value)


@dataclass
class ListFilter:
    """Optional filters of a list: free text over names, a zone, a document file name."""

    q: str | None = None
    document: str | None = None
    extra: list[str] = field(default_factory=list)
    params: dict[str, Param] = field(default_factory=dict)


class Catalog:
    """Read model over the graph for the REST API and the pages."""

    def __init__(self, run: Runner) -> None:
        self._run = run

    def select(self, sparql: str, params: dict[str, Param] | None = None) -> list[dict[str, TermTuple | None]]:
        result = self._run(sparql, params)
        assert isinstance(result, SelectResult), "catalog queries are SELECT queries"
        return result.records()

    # -- lists ---------------------------------------------------------------------------
    def _where(self, collection: str, flt: ListFilter) -> tuple[str, dict[str, Param]]:
        params = dict(flt.params)
        lines = [f"?e a {ENTITY_CLASSES[collection]} ."]
        if collection != "targets":
            lines.append("?e rdfs:label ?label .")
        else:
            lines.append("?e zk:metric ?label .")
        if flt.q:
            params["q"] = Param(flt.q.lower())
            lines.append(
                "FILTER EXISTS { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } UNION "
                "{ ?e zk:text ?n } FILTER(CONTAINS(LCASE(STR(?n)), ?q)) }"
            )
        if flt.document:
            params["doc"] = Param(flt.document)
            lines.append("FILTER EXISTS { GRAPH ?g { ?e a ?cls } ?g zk:fileName ?doc }")
        lines.extend(flt.extra)
        return "\n".join(lines), params

    def list(self, collection: str, flt: ListFilter, limit: int, offset: int) -> tuple[list[dict], int]:
        """One page of a collection and the total count."""
        where, params = self._where(collection, flt)
        total_rows = self.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {where} }}", params)
        total = int(plain(total_rows[0]["n"]) or 0) if total_rows else 0
        rows = self.select(
            f"SELECT ?e (MIN(STR(?label)) AS ?name) WHERE {{ {where} }} GROUP BY ?e "
            f"ORDER BY ?name ?e LIMIT {int(limit)} OFFSET {int(offset)}",
            params,
        )
        iris = [plain(r["e"]) for r in rows]
        return self.describe(collection, [i for i in iris if i]), total

    # -- details -------------------------------------------------------------------------
    def describe(self, collection: str, iris: list[str]) -> list[dict]:
        """Full REST items for ``iris`` (all of one collection), in the order given."""
        if not iris:
            return []
        values = "VALUES ?e { " + " ".join(f"<{i}>" for i in iris) + " }"
        items = {i: {"id": i, "name": None, "aliases": [], "sources": []} for i in iris}
        for row in self.select(f"SELECT ?e ?label WHERE {{ {values} ?e rdfs:label ?label }}"):
            items[plain(row["e"])]["name"] = plain(row["label"])
        for row in self.select(
            f"SELECT ?e ?alias WHERE {{ {values} ?e skos:altLabel ?alias }} ORDER BY ?alias"
        ):
            items[plain(row["e"])]["aliases"].append(plain(row["alias"]))
        self._add_sources(items, values)
        if collection == "projects":
            self._add_project_details(items, values)
        elif collection == "targets":
            self._add_target_details(items, values)
        return [items[i] for i in iris]

    def _add_sources(self, items: dict[str, dict], values: str) -> None:
        rows = self.select(
            f"""SELECT ?e ?file ?quote ?block WHERE {{ {values}
              GRAPH ?g {{ ?ev a zk:Evidence ; rdf:subject ?e ; zk:quote ?quote ;
                            zk:blockIndex ?block . }}
              ?g zk:fileName ?file .
            }} ORDER BY ?e ?file ?block"""
        )
        seen: set[tuple[str, str]] = set()
        for row in rows:
            key = (plain(row["e"]), plain(row["file"]))
            if key in seen:
                continue
            seen.add(key)
            items[key[0]]["sources"].append({"document": key[1], "quote": plain(row["quote"])})

    def _add_project_details(self, items: dict[str, dict], values: str) -> None:
        for item in items.values():
            item.update(zone=None, lead_agencies=[], participating_agencies=[],
                        industries=[], investment_cny=None, area_m2=None)
        links = {
            "zk:leadAgency": "lead_agencies",
            "zk:participatingAgency": "participating_agencies",
            "zk:industry": "industries",
            "zk:locatedIn": "zone",
        }
        rows = self.select(
            f"""SELECT DISTINCT ?e ?p ?o ?label WHERE {{ {values}
              VALUES ?p {{ {' '.join(links)} }}
              ?e ?p ?o . OPTIONAL {{ ?o rdfs:label ?label }}
            }} ORDER BY ?e ?p ?label"""
        )
        for row in rows:
            key = "zk:" + plain(row["p"]).rsplit("#", 1)[1]
            ref = {"id": plain(row["o"]), "name": plain(row["label"])}
            item = items[plain(row["e"])]
            if links[key] == "zone":
                item["zone"] = item["zone"] or ref
            else:
                item[links[key]].append(ref)
        for row in self.select(
            f"""SELECT ?e ?inv ?area WHERE {{ {values}
              OPTIONAL {{ ?e zk:totalInvestment ?inv }} OPTIONAL {{ ?e zk:floorArea ?area }} }}"""
        ):
            item = items[plain(row["e"])]
            item["investment_cny"] = item["investment_cny"] or _number(row["inv"])
            item["area_m2"] = item["area_m2"] or _number(row["area"])

    def _add_target_details(self, items: dict[str, dict], values: str) -> None:
        for row in self.select(
            f"""SELECT ?e ?metric ?kind ?value ?unit ?year ?text ?zone ?zoneLabel WHERE {{ {values}
              ?e zk:metric ?metric ; zk:targetKind ?kind ; zk:value ?value ; zk:unit ?unit .
              OPTIONAL {{ ?e zk:targetYear ?year }} OPTIONAL {{ ?e zk:text ?text }}
              OPTIONAL {{ ?zone zk:hasTarget ?e ; a zk:Zone ; rdfs:label ?zoneLabel }}
            }}"""
        ):
            item = items[plain(row["e"])]
            item.update(
                name=plain(row["metric"]),
                metric=plain(row["metric"]),
                kind=plain(row["kind"]),
                value=_number(row["value"]),
                unit=plain(row["unit"]),
                year=_number(row["year"]),
                text=plain(row["text"]),
                zone={"id": plain(row["zone"]), "name": plain(row["zoneLabel"])} if row["zone"] else None,
            )
