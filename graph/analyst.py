"""The answers of ``/api/analysis/…`` and of the co-leadership page, read from the store in
bounded steps.

Nothing here reads the whole network (at 2,000 documents that took 160 s through the query
workers). A question about the whole store (which agencies coordinate most, which zones are
busiest) is an aggregate answered inside the store that returns a few rows; everything else
is read as a region around the entities the question is about, each step a query bound to a
``VALUES`` list of IRIs, so it costs what it returns (:class:`~zonekg.graph.region.RegionReader`).
Each method states its cost. With a ``generation`` every answer is kept until the store
changes, and :meth:`Analyst.warm` computes the ones asked by default, so after a write the
first visitor does not wait for them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from zonekg.graph.analysis import (
    COORDINATION_RELATIONS, AgencyRank, NoPath, PathStep, ZoneComparison, ZoneProfile, co_leadership,
    compare_profiles, rank_agencies, similarity,
)
from zonekg.graph.catalog import Catalog
from zonekg.graph.errors import InvalidParameter
from zonekg.graph.memo import GenerationMemo
from zonekg.graph.region import RegionReader
from zonekg.graph.terms import bound

DEFAULT_AGENCIES = 50
"""Agencies ranked when the request does not say how many."""
DEFAULT_SEEDS = 20
"""Busiest agencies whose co-leadership is shown when the request does not say how many."""
ZONE_POOL = 100
"""Zones compared pairwise when no zone is given: those with most projects and targets."""
DEFAULT_COMPARISONS = 50
PATH_DEPTH = 8
"""Longest path searched, in relations."""
PATH_VISITS = 20_000
"""Most entities a path search reaches before it gives up: hubs (an industry of thousands of
projects) make a blind search read the whole store."""
TIE_MARGIN = 2
"""Agencies read per ranked one: those tied on degree at the cut are then ordered by betweenness."""
Reached = dict[str, tuple[int, str | None, tuple[str, str, str] | None]]
"""A path search's side: each entity reached, its distance, and the entity and step towards
that side's end (None at the end itself)."""


@dataclass
class CoLeadership:
    """Agencies linked by the projects they share: ``graph`` (nodes with ``kind`` and
    ``label``; edges with ``projects`` and ``weight``), grown from ``seeds``."""

    graph: nx.Graph
    seeds: list[str]
    """The agencies the network was read around, most coordinating first. Every link has a
    seed at one end and counts all the projects the two share."""
    agencies: int
    """Agencies in the whole store."""
    projects: dict[str, str]
    """Name of every project on a link."""


@dataclass
class Path:
    nodes: list[str]
    steps: list[PathStep]
    entities: nx.MultiDiGraph
    """The path's entities with their ``kind`` and ``label``."""


class Analyst:
    """Answers the analysis questions through a catalog; ``generation`` turns on keeping
    answers per store generation (the service's write counter)."""

    def __init__(self, catalog: Catalog, generation: Callable[[], int] | None = None) -> None:
        self.catalog = catalog
        self.reader = RegionReader(catalog)
        self._memo = GenerationMemo(generation) if generation else None

    def _cached(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        return self._memo.get(key, compute) if self._memo is not None else compute()

    def warm(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Compute the answers asked by default (the ranking, the co-leadership network, the
        zone pairs), so no request pays for them; ``stop`` is checked between them."""
        for compute in (lambda: self.rank_agencies(DEFAULT_AGENCIES), lambda: self.co_leadership(DEFAULT_SEEDS),
                        lambda: self.compare_zones(limit=DEFAULT_COMPARISONS)):
            if stop():
                return
            compute()

    def entities(self, iris: Iterable[str]) -> nx.MultiDiGraph:
        """The entities ``iris`` with their ``kind`` and ``label`` (for naming what an answer
        refers to). O(len(iris))."""
        chosen = frozenset(iris)

        def compute() -> nx.MultiDiGraph:
            graph = nx.MultiDiGraph()
            self.reader.add_nodes(graph, chosen)
            return graph
        return self._cached(("entities", chosen), compute)

    # -- agencies ------------------------------------------------------------------------
    def agency_count(self) -> int:
        """Agencies in the store: a count on the type index."""
        return self._cached(("agencies",), lambda: int(bound(
            self.catalog.select("SELECT (COUNT(?a) AS ?n) WHERE { ?a a zk:Agency }")[0]["n"])))

    def busiest(self, limit: int) -> list[str]:
        """The ``2 × limit`` agencies that lead or join most projects (ties at the cut in the
        store's order): enough to rank ``limit`` with ties broken by betweenness. One
        aggregate over the coordination links inside the store, O(links) there, 2 × limit
        rows out."""
        return self.reader.busiest_agencies(TIE_MARGIN * limit)

    def coordination_region(self, agencies: Iterable[str]) -> nx.MultiDiGraph:
        """``agencies`` (with ``kind`` and ``label``), every project they lead or join, and the
        lead and participation links of those projects (so their other agencies too).
        O(the agencies' projects × agencies per project)."""
        agencies = list(agencies)
        region = nx.MultiDiGraph()
        self.reader.add_nodes(region, agencies)
        projects = {s for s, _, _ in self.reader.edges(agencies, ("o",), COORDINATION_RELATIONS)}
        for s, relation, o in self.reader.edges(projects, ("s",), COORDINATION_RELATIONS):
            region.add_edge(s, o, relation=relation)
        return region

    def rank_agencies(self, limit: int = DEFAULT_AGENCIES) -> tuple[list[AgencyRank], int]:
        """The ``limit`` agencies that coordinate most, and how many agencies the store has.

        Ranked by degree (projects led or joined: exact, of :meth:`busiest`), then by
        betweenness, then by name. Betweenness is computed in the coordination network of the
        region (:meth:`coordination_region` of the ranked agencies): on a small store that
        is the whole network and the figure is the usual one; on a large one it is local, it
        counts the shortest paths through an agency between its projects and their other
        agencies, not bridges further out (those would need the whole network). Agencies
        with no project come last, by name. O(the ranked agencies' projects × their agencies).
        """
        def compute() -> tuple[list[AgencyRank], int]:
            busiest = self.busiest(limit)
            ranks = rank_agencies(self.coordination_region(busiest))[:limit]
            if len(ranks) < limit:  # every busy agency is in: fill up with idle ones, by name
                order, busy = self.catalog.order("agencies"), set(busiest)
                idle = (a for a in order.iris if a not in busy)
                ranks += [AgencyRank(a, order.names[a], 0, 0, 0.0) for _, a in zip(range(limit - len(ranks)), idle)]
            return ranks, self.agency_count()
        return self._cached(("rank", limit), compute)

    # -- co-leadership ---------------------------------------------------------------------
    def co_leadership(self, limit: int = DEFAULT_SEEDS, agency: str | None = None) -> CoLeadership:
        """Who shares projects with the ``limit`` busiest agencies (or with ``agency``): each
        link between a seed and another agency counts every project the two share; links
        between two agencies that are not seeds are not read. O(the seeds' projects ×
        agencies per project)."""
        def compute() -> CoLeadership:
            if agency is not None:
                if self.reader.require(agency)[agency] != "Agency":
                    raise InvalidParameter(f"{agency} is not an agency")
                seeds = [agency]
            else:
                seeds = [r.id for r in self.rank_agencies(limit)[0] if r.degree]
            region = self.coordination_region(seeds)
            self.reader.add_nodes(region, list(region))
            shared = co_leadership(region)
            chosen = set(seeds)
            shared.remove_edges_from([(a, b) for a, b in shared.edges() if a not in chosen and b not in chosen])
            shared.remove_nodes_from([n for n, degree in list(shared.degree()) if degree == 0])
            projects = {p: region.nodes[p].get("label", p) for *_, d in shared.edges(data=True) for p in d["projects"]}
            return CoLeadership(shared, [s for s in seeds if s in shared], self.agency_count(), projects)
        return self._cached(("co-leadership", limit, agency), compute)

    # -- zones -------------------------------------------------------------------------------
    def profiles(self, zones: Iterable[str]) -> dict[str, ZoneProfile]:
        """Each zone's industries (its focus industries and those of the projects located in
        it) and target metrics, from the read model's index. O(their sizes)."""
        index = self.catalog.zone_profiles()
        return {z: ZoneProfile(set(index.industries.get(z, ())), set(index.metrics.get(z, ()))) for z in zones}

    def _zone(self, iri: str) -> str:
        if self.reader.require(iri)[iri] != "Zone":
            raise InvalidParameter(f"{iri} is not a zone")
        return iri

    def compare_zones(self, a: str | None = None, b: str | None = None,
                      limit: int = DEFAULT_COMPARISONS) -> list[ZoneComparison]:
        """Both zones: that pair (O(their profiles)). Only ``a``: the ``limit`` zones most like
        it (:meth:`similar_zones`). Neither: the ``limit`` most similar pairs among the
        :data:`ZONE_POOL` busiest zones (O(their profiles) + ZONE_POOL² set operations).
        Pairs that share nothing are left out; most similar first."""
        if a is not None and b is not None:
            profiles = self.profiles([self._zone(a), self._zone(b)])
            return [compare_profiles(a, profiles[a], b, profiles[b])]
        if a is not None:
            return self.similar_zones(self._zone(a), limit)

        def compute() -> list[ZoneComparison]:
            profiles = self.profiles(self.busiest_zones(ZONE_POOL))
            zones = sorted(profiles)
            pairs = [compare_profiles(x, profiles[x], y, profiles[y])
                     for i, x in enumerate(zones) for y in zones[i + 1:]]
            return sorted((c for c in pairs if c.similarity > 0), key=lambda c: (-c.similarity, c.a, c.b))[:limit]
        return self._cached(("zone pairs", limit), compute)

    def busiest_zones(self, limit: int) -> list[str]:
        """Zones with most projects and targets (ties at the cut in the store's order): an
        aggregate inside the store, O(projects + targets) there, ``limit`` rows out."""
        rows = self.catalog.select(
            f"""SELECT ?z (COUNT(?x) AS ?n) WHERE {{ {{ ?x zk:locatedIn ?z }} UNION {{ ?z zk:hasTarget ?x }} ?z a zk:Zone }}
                GROUP BY ?z ORDER BY DESC(?n) LIMIT {int(limit)}"""
        )
        return sorted(bound(r["z"]) for r in rows)

    def similar_zones(self, zone: str, limit: int = DEFAULT_COMPARISONS) -> list[ZoneComparison]:
        """The ``limit`` zones most like ``zone`` (Jaccard index over industries and metrics).

        Found from ``zone``'s own industries and metrics outward in the read model's index:
        how many each other zone shares, then its size. O(Σ zones per industry and metric of
        ``zone`` + the best ``limit`` profiles): what the answer ranks, however large the
        store (a metric every plan sets, 新建道路, still makes that most zones)."""
        def compute() -> list[ZoneComparison]:
            index = self.catalog.zone_profiles()
            own = self.profiles([zone])[zone]
            shared: Counter[str] = Counter()
            for by, values in ((index.zones_by_industry, own.industries), (index.zones_by_metric, own.metrics)):
                for value in values:
                    shared.update(by.get(value, {}).keys())
            shared.pop(zone, None)

            def size(z: str) -> int:
                return len(index.industries.get(z, ())) + len(index.metrics.get(z, ()))
            best = sorted(shared, key=lambda z: (-similarity(shared[z], own.size, size(z)), z))[:limit]
            profiles = self.profiles(best)
            return [compare_profiles(zone, own, z, profiles[z]) for z in best]
        return self._cached(("similar zones", zone, limit), compute)

    # -- paths -------------------------------------------------------------------------------
    def shortest_path(self, source: str, target: str) -> Path:
        """A shortest path between two entities, whatever the relations' direction.

        Searched from both ends at once, one level of the smaller side at a time, each level a
        query bound to its frontier: O(entities within half the path's length of either end),
        at most :data:`PATH_VISITS` entities and :data:`PATH_DEPTH` relations."""
        self.reader.require(source, target)

        def compute() -> Path:
            nodes, triples = self._search(source, target)
            entities = nx.MultiDiGraph()
            self.reader.add_nodes(entities, nodes)
            return Path(nodes, [PathStep(*t) for t in triples], entities)
        return self._cached(("path", source, target), compute)

    def _search(self, source: str, target: str) -> tuple[list[str], list[tuple[str, str, str]]]:
        # For each side, every entity reached: its distance and the step towards that side's end.
        reached: tuple[Reached, Reached] = ({source: (0, None, None)}, {target: (0, None, None)})
        frontiers = [[source], [target]]
        while source != target:
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            mine, theirs = reached[side], reached[1 - side]
            depth = mine[frontiers[side][0]][0] + 1 if frontiers[side] else 0
            total = max(v[0] for v in reached[0].values()) + max(v[0] for v in reached[1].values())
            if not frontiers[side] or total >= PATH_DEPTH or len(mine) + len(theirs) > PATH_VISITS:
                bound = "" if not frontiers[side] else f" within {PATH_DEPTH} relations and {PATH_VISITS} entities"
                raise NoPath(f"no path between {source} and {target}{bound}")
            here = set(frontiers[side])
            frontier: list[str] = []
            for s, relation, o in sorted(self.reader.edges(here)):
                for near, far in ((s, o), (o, s)):
                    if near in here and far not in mine:
                        mine[far] = (depth, near, (s, relation, o))
                        frontier.append(far)
            frontiers[side] = frontier
            meetings = [n for n in frontier if n in theirs]
            if meetings:
                meet = min(meetings, key=lambda n: (theirs[n][0], n))
                return self._join(reached, meet)
        return [source], []

    @staticmethod
    def _join(reached: tuple[Reached, Reached], meet: str) -> tuple[list[str], list[tuple[str, str, str]]]:
        """The path from the source's end through ``meet`` to the target's end."""
        halves = []
        for side in (0, 1):
            nodes: list[str] = [meet]
            steps: list[tuple[str, str, str]] = []
            _, node, step = reached[side][meet]
            while node is not None and step is not None:  # (None, None) at the side's end
                nodes.append(node)
                steps.append(step)
                _, node, step = reached[side][node]
            halves.append((nodes, steps))
        (to_source, source_steps), (to_target, target_steps) = halves
        return to_source[::-1] + to_target[1:], source_steps[::-1] + target_steps
