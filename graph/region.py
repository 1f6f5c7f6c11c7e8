"""Parts of the network read from the store, for pages that draw a part of a large graph.

:func:`zonekg.graph.network.build_network` reads every entity and relation: 330k rows and
160 s through the query workers at 2,000 documents, far past a request's time limit. A page
draws at most a few hundred entities, so the overview and a focus view read only the region
around what they draw: each step is a query bound to a ``VALUES`` list of IRIs read from the
store (so it costs what it returns), and the few queries that look at the whole store are
aggregates answered inside Oxigraph (counts, top-N) that return a handful of rows.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from zonekg.graph.analysis import COORDINATION_RELATIONS, AgencyRank, UnknownEntity
from zonekg.graph.catalog import Catalog
from zonekg.graph.network import EDGE_PROPERTIES, NODE_CLASSES
from zonekg.graph.terms import Param, bound, is_iri, plain
from zonekg.ontology import ZK

CHUNK = 500
"""IRIs per ``VALUES`` list."""
MAX_REGION = 5_000
"""Most entities a focus region reads: a hub's neighbours past this are not followed."""
_CLASSES = ", ".join(f"zk:{c}" for c in NODE_CLASSES)
# Oxigraph joins a VALUES list of predicates or classes with the whole store before the IRIs
# bound the pattern (11 s at 2,000 documents for 400 subjects); FILTER(… IN …) after the
# bound pattern, or a UNION of patterns with a fixed predicate, reads only what it needs
# (0.15 s).


def values_clauses(var: str, iris: Iterable[str]) -> Iterable[str]:
    """``VALUES ?var { … }`` over IRIs read from the store, :data:`CHUNK` at a time."""
    ordered = sorted(set(iris))
    for start in range(0, len(ordered), CHUNK):
        yield f"VALUES ?{var} {{ " + " ".join(f"<{iri}>" for iri in ordered[start:start + CHUNK]) + " }"


@dataclass
class StoreSize:
    """What the note and legend of a partial view say about the whole graph."""

    kinds: dict[str, int]
    """Entities of each kind (class name without prefix)."""
    isolated: int
    """Entities linked to no other entity."""

    @property
    def entities(self) -> int:
        return sum(self.kinds.values())


class RegionReader:
    """Reads regions of the network (nodes with ``kind`` and ``label``, edges with
    ``relation``, as :func:`build_network` builds them) through a catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def require(self, *iris: str) -> dict[str, str]:
        """The kind of each of ``iris``; :class:`UnknownEntity` for one that is no entity of the
        graph (or no IRI at all). A request's IRI is bound as a parameter, never pasted into
        the query, so after this it is known to be an IRI of the store. O(1) per IRI."""
        kinds: dict[str, str] = {}
        for iri in iris:
            if not is_iri(iri):
                raise UnknownEntity(iri)
            rows = self.catalog.select(
                f"SELECT ?cls ?e WHERE {{ ?e a ?cls . FILTER(?cls IN ({_CLASSES})) }} LIMIT 1", {"e": Param.iri(iri)}
            )
            if not rows:
                raise UnknownEntity(iri)
            kinds[iri] = bound(rows[0]["cls"]).removeprefix(ZK)
        return kinds

    def add_nodes(self, graph: nx.MultiDiGraph, iris: Iterable[str]) -> None:
        for values in values_clauses("e", iris):
            for row in self.catalog.select(
                f"""SELECT ?e ?cls (SAMPLE(?l) AS ?label) WHERE {{ {values} ?e a ?cls . FILTER(?cls IN ({_CLASSES}))
                      OPTIONAL {{ ?e rdfs:label ?l }} OPTIONAL {{ ?e zk:metric ?l }}
                    }} GROUP BY ?e ?cls"""
            ):
                iri = plain(row["e"])
                graph.add_node(iri, kind=bound(row["cls"]).removeprefix(ZK), label=plain(row["label"]) or iri)

    def edges(self, iris: Iterable[str], sides: tuple[str, ...] = ("s", "o"),
              relations: tuple[str, ...] = EDGE_PROPERTIES) -> set[tuple[str, str, str]]:
        """(subject, relation, object) of every relation (of ``relations``) whose subject
        (``"s"``) or object (``"o"``) is in ``iris``. An entity states few relations itself;
        many may point at it (every project of an industry), so reading only the subjects'
        side is bounded."""
        found: set[tuple[str, str, str]] = set()
        chosen = ", ".join(f"zk:{r}" for r in relations)
        for side in sides:
            for values in values_clauses(side, iris):
                for row in self.catalog.select(
                    f"SELECT DISTINCT ?s ?p ?o WHERE {{ {values} ?s ?p ?o . FILTER(?p IN ({chosen})) }}"
                ):
                    found.add((bound(row["s"]), bound(row["p"]).removeprefix(ZK), bound(row["o"])))
        return found

    def region(self, iris: Iterable[str]) -> nx.MultiDiGraph:
        """The entities ``iris`` and the relations among them."""
        graph = nx.MultiDiGraph()
        self.add_nodes(graph, iris)
        for s, relation, o in self.edges(graph, sides=("s",)):
            if s in graph and o in graph:
                graph.add_edge(s, o, relation=relation)
        return graph

    def ring(self, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
        """The relations the entities of ``graph`` state (a project its industry, firms and
        zone; a zone its targets and focus industries) and the entities they lead to, with
        ``kind`` and ``label``. O(relations stated by ``graph``'s entities): an entity states
        few, however many point at it."""
        ring = nx.MultiDiGraph()
        links = self.edges(graph, sides=("s",))
        self.add_nodes(ring, {o for _, _, o in links} - set(graph))
        ring.add_nodes_from(graph.nodes(data=True))
        for s, relation, o in links:
            if o in ring:
                ring.add_edge(s, o, relation=relation)
        return ring

    def ball(self, focus: str, depth: int) -> nx.MultiDiGraph:
        """Everything within ``depth`` relations of ``focus``, not going on from the whole a
        part belongs to (``partOf`` followed upward), at most :data:`MAX_REGION` entities."""
        reached = {focus}
        frontier = {focus}
        for _ in range(depth):
            next_frontier: set[str] = set()
            for s, relation, o in sorted(self.edges(frontier)):
                other = o if s in frontier else s
                if other in reached or len(reached) >= MAX_REGION:
                    continue
                reached.add(other)
                if not (relation == "partOf" and s in frontier):
                    next_frontier.add(other)
            frontier = next_frontier
        return self.region(reached)

    def top_zones(self, limit: int) -> list[str]:
        """Zones with most projects in them or in their parks (one level up: a park's park
        counts for its park). ``partOf*`` in the query walked every project's zone chain:
        2.6 s at 2,000 documents, 0.45 s this way."""
        rows = self.catalog.select(
            f"""SELECT ?top (COUNT(?p) AS ?n) WHERE {{ ?p zk:locatedIn ?z .
                  OPTIONAL {{ ?z zk:partOf ?up . ?up a zk:Zone }} BIND(COALESCE(?up, ?z) AS ?top) }}
                GROUP BY ?top ORDER BY DESC(?n) LIMIT {int(limit)}"""
        )
        return [z for _, z in sorted((-int(bound(r["n"])), bound(r["top"])) for r in rows)]

    def parks(self, zones: list[str]) -> set[str]:
        found: set[str] = set()
        for values in values_clauses("z", zones):
            rows = self.catalog.select(f"SELECT DISTINCT ?park WHERE {{ {values} ?park zk:partOf+ ?z . ?park a zk:Zone }}")
            found.update(bound(r["park"]) for r in rows)
        return found

    def busiest_agencies(self, limit: int) -> list[str]:
        """Agencies that lead or join most projects."""
        either = " UNION ".join(f"{{ ?p zk:{r} ?a }}" for r in COORDINATION_RELATIONS)
        # No tie-break on ?a in the query: ordering by an IRI as well took 6 s instead of 0.4 s
        # at 2,000 documents.
        rows = self.catalog.select(
            f"""SELECT ?a (COUNT(DISTINCT ?p) AS ?n) WHERE {{ {either} }}
                GROUP BY ?a ORDER BY DESC(?n) LIMIT {int(limit)}"""
        )
        return [a for _, a in sorted((-int(bound(r["n"])), bound(r["a"])) for r in rows)]

    def ranks(self, graph: nx.MultiDiGraph) -> dict[str, AgencyRank]:
        """How many projects each agency of ``graph`` leads and joins, in the whole store."""
        agencies = [n for n, kind in graph.nodes(data="kind") if kind == "Agency"]
        counts: dict[str, dict[str, set[str]]] = {a: {r: set() for r in COORDINATION_RELATIONS} for a in agencies}
        relations = ", ".join(f"zk:{r}" for r in COORDINATION_RELATIONS)
        for values in values_clauses("a", agencies):
            for row in self.catalog.select(f"SELECT ?a ?r ?p WHERE {{ {values} ?p ?r ?a . FILTER(?r IN ({relations})) }}"):
                counts[bound(row["a"])][bound(row["r"]).removeprefix(ZK)].add(bound(row["p"]))
        ranks = {}
        for agency, roles in counts.items():
            lead, joined = roles["leadAgency"], roles["participatingAgency"] - roles["leadAgency"]
            ranks[agency] = AgencyRank(agency, graph.nodes[agency]["label"], len(lead), len(joined), None)
        return ranks

    def size(self) -> StoreSize:
        kinds = {
            bound(r["cls"]).removeprefix(ZK): int(bound(r["n"]))
            for r in self.catalog.select(
                f"SELECT ?cls (COUNT(?e) AS ?n) WHERE {{ ?e a ?cls . FILTER(?cls IN ({_CLASSES})) }} GROUP BY ?cls"
            )
        }
        ends = " UNION ".join(f"{{ ?e zk:{p} ?x }} UNION {{ ?x zk:{p} ?e }}" for p in EDGE_PROPERTIES)
        linked = int(bound(self.catalog.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {ends} }}")[0]["n"]))
        return StoreSize(kinds, sum(kinds.values()) - linked)
