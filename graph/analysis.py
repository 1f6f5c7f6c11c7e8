"""Network analysis on a part of the graph: who coordinates, who works together, how zones
compare, how a path reads.

These functions work on a networkx graph (nodes with ``kind`` and ``label``, edges with
``relation``, as :mod:`zonekg.graph.region` reads them): a region read from the store around
what is asked about, never the whole store. :class:`zonekg.graph.analyst.Analyst` chooses the
region for each question; the pages use the same functions, so they rank and size agencies
from the same numbers as the API.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from zonekg.graph.errors import EntityNotFound, NotFound

COORDINATION_RELATIONS = ("leadAgency", "participatingAgency")
"""Project → agency relations: an agency coordinates through the projects it leads or joins."""


class UnknownEntity(EntityNotFound):
    """An IRI that is not an entity of the graph; ``iri`` names it."""

    def __init__(self, iri: str) -> None:
        super().__init__(f"no entity {iri} in the graph")
        self.iri = iri


class NoPath(NotFound):
    """The two entities are not connected (within the search's bounds)."""


def coordination_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Projects and agencies, linked when an agency leads or joins a project.

    Every agency is a node, also one with no project, so it ranks (last) rather than vanishes.
    """
    network = nx.Graph()
    network.add_nodes_from(n for n, kind in graph.nodes(data="kind") if kind == "Agency")
    for project, agency, relation in graph.edges(data="relation"):
        if relation in COORDINATION_RELATIONS:
            network.add_edge(project, agency)
    return network


@dataclass
class AgencyRank:
    """How much an agency coordinates: projects it leads and joins, and its betweenness."""

    id: str
    name: str
    lead: int
    participate: int
    betweenness: float | None
    """None when not computed (see :func:`rank_agencies`)."""

    @property
    def degree(self) -> int:
        return self.lead + self.participate


EXACT_VISITS = 1_000_000
"""Exact betweenness (Brandes: one breadth-first search from every node, nodes × links link
visits) up to this much work: about 10 s of networkx on the busy 2-core test machine."""
PIVOT_VISITS = 1_000_000
"""Beyond it, betweenness is estimated from sampled source nodes (Brandes & Pich 2007): as
many as keep the work near this many link visits, at least :data:`MIN_PIVOTS`. The estimate
is unbiased. Measured against the exact figures on generated networks of 1,300 and 2,600
nodes (``tests/bench/graph_page.py``'s graph): largest error on any agency 0.005 and 0.010
(normalised; the largest exact value was 0.041 and 0.028), 7 and 5 of the exact top ten in
the estimated top ten, at half and a seventh of the exact time. Good enough for a tie-break
after degree, which is all the ranking uses it for; not a figure to quote to three places."""
MIN_PIVOTS = 32
PIVOT_SEED = 11
"""Fixed, so the same graph always gets the same figures."""


def betweenness(network: nx.Graph) -> dict[str, float]:
    """Normalised betweenness of every node, one connected component at a time (a shortest
    path never leaves its component): exact on small components, estimated from sampled
    sources on large ones, so its cost stays bounded however large the network grows. A
    network of many small components (a region read around agencies of many zones) costs
    little more than its links."""
    n = len(network)
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0  # networkx's normalisation for the whole network
    result: dict[str, float] = {}
    for nodes in nx.connected_components(network):
        part = network.subgraph(nodes).copy()  # a view makes every step of the searches slow
        links = part.number_of_edges()
        if len(part) * links <= EXACT_VISITS:
            raw = nx.betweenness_centrality(part, normalized=False)
        else:
            pivots = min(len(part), max(MIN_PIVOTS, PIVOT_VISITS // max(links, 1)))
            raw = nx.betweenness_centrality(part, k=pivots, normalized=False, seed=PIVOT_SEED)
        result.update((node, value * scale) for node, value in raw.items())
    return result


def rank_order(rank: AgencyRank) -> tuple:
    """Most coordinating first: by degree, then betweenness, then name."""
    return -rank.degree, -(rank.betweenness or 0.0), rank.name, rank.id


def rank_agencies(graph: nx.MultiDiGraph, *, with_betweenness: bool = True) -> list[AgencyRank]:
    """The agencies of ``graph`` (nodes of kind Agency), most coordinating first.

    Degree counts the projects of ``graph`` an agency leads or joins: exact for an agency
    whose projects are all in it. Betweenness is computed on the graph's project–agency
    network (normalised), so an agency that links otherwise separate groups of projects
    scores high even with few projects; it is the dear part (see :func:`betweenness`), and
    with ``with_betweenness=False`` every ``betweenness`` is None and the cost is O(links).
    """
    network = coordination_network(graph)
    centrality = betweenness(network) if with_betweenness else {}
    roles: dict[str, dict[str, set[str]]] = {n: {r: set() for r in COORDINATION_RELATIONS} for n in network}
    for project, agency, relation in graph.edges(data="relation"):
        if relation in COORDINATION_RELATIONS:
            roles[agency][relation].add(project)
    ranks = [
        AgencyRank(
            id=node,
            name=graph.nodes[node]["label"],
            lead=len(roles[node]["leadAgency"]),
            participate=len(roles[node]["participatingAgency"] - roles[node]["leadAgency"]),
            betweenness=round(centrality[node], 6) if with_betweenness else None,
        )
        for node, kind in graph.nodes(data="kind")
        if kind == "Agency"
    ]
    return sorted(ranks, key=rank_order)


def co_leadership(graph: nx.MultiDiGraph) -> nx.Graph:
    """Agencies linked by the projects of ``graph`` they share (as lead or participant).

    Edges carry ``projects`` (sorted IRIs) and ``weight`` (how many); agencies that share no
    project with another are left out. O(Σ agencies per project²).
    """
    network = coordination_network(graph)
    shared = nx.Graph()
    for project, kind in graph.nodes(data="kind"):
        if kind != "Project" or project not in network:
            continue
        for a, b in combinations(sorted(network[project]), 2):
            if not shared.has_edge(a, b):
                shared.add_edge(a, b, projects=[])
            shared[a][b]["projects"].append(project)
    for _, _, data in shared.edges(data=True):
        data["projects"].sort()
        data["weight"] = len(data["projects"])
    for node in shared:
        shared.nodes[node].update(graph.nodes[node])
    return shared


@dataclass
class ZoneProfile:
    """What a zone is about: its industries (focus and of its projects) and target metrics."""

    industries: set[str] = field(default_factory=set)
    metrics: set[str] = field(default_factory=set)

    @property
    def size(self) -> int:
        return len(self.industries) + len(self.metrics)


@dataclass
class ZoneComparison:
    a: str
    b: str
    shared_industries: list[str]
    only_a_industries: list[str]
    only_b_industries: list[str]
    shared_metrics: list[str]
    only_a_metrics: list[str]
    only_b_metrics: list[str]
    similarity: float
    """Jaccard index over industries and metrics together."""


def similarity(shared: int, size_a: int, size_b: int) -> float:
    """Jaccard index of two profiles from their sizes and how much they share."""
    union = size_a + size_b - shared
    return round(shared / union, 6) if union else 0.0


def compare_profiles(a: str, pa: ZoneProfile, b: str, pb: ZoneProfile) -> ZoneComparison:
    """Industries (IRIs) and target metrics (names) two zones share and do not share."""
    shared = len(pa.industries & pb.industries) + len(pa.metrics & pb.metrics)
    return ZoneComparison(
        a=a,
        b=b,
        shared_industries=sorted(pa.industries & pb.industries),
        only_a_industries=sorted(pa.industries - pb.industries),
        only_b_industries=sorted(pb.industries - pa.industries),
        shared_metrics=sorted(pa.metrics & pb.metrics),
        only_a_metrics=sorted(pa.metrics - pb.metrics),
        only_b_metrics=sorted(pb.metrics - pa.metrics),
        similarity=similarity(shared, pa.size, pb.size),
    )


@dataclass
class PathStep:
    """One edge of a path, in the direction the relation is stated."""

    subject: str
    relation: str
    object: str
