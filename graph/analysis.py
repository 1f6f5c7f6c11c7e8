"""Network analysis of the graph: who coordinates, who works together, how zones compare,
how two entities are connected.

Everything here works on the networkx view of :func:`zonekg.graph.network.build_network`, so
the API and the pages rank and size agencies from the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

import networkx as nx

from zonekg.graph.errors import EntityNotFound, NotFound

COORDINATION_RELATIONS = ("leadAgency", "participatingAgency")
"""Project → agency relations: an agency coordinates through the projects it leads or joins."""


class UnknownEntity(EntityNotFound):
    """An IRI that is not a node of the graph; ``iri`` names it."""

    def __init__(self, iri: str) -> None:
        super().__init__(f"no entity {iri} in the graph")
        self.iri = iri


class NoPath(NotFound):
    """The two entities are not connected."""


def _require(graph: nx.MultiDiGraph, *iris: str) -> None:
    for iri in iris:
        if iri not in graph:
            raise UnknownEntity(iri)


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
    """Normalised betweenness of every node: exact on small networks, estimated from sampled
    sources on large ones, so its cost stays bounded however large the store grows."""
    links = network.number_of_edges()
    if len(network) * links <= EXACT_VISITS:
        return nx.betweenness_centrality(network, normalized=True)
    pivots = min(len(network), max(MIN_PIVOTS, PIVOT_VISITS // max(links, 1)))
    return nx.betweenness_centrality(network, k=pivots, normalized=True, seed=PIVOT_SEED)


def rank_agencies(graph: nx.MultiDiGraph, *, with_betweenness: bool = True) -> list[AgencyRank]:
    """Agencies, most coordinating first: by degree, then betweenness, then name.

    Betweenness is computed on the project–agency network (normalised), so an agency that
    links otherwise separate groups of projects scores high even with few projects. It is
    the dear part (see :func:`betweenness`); the pages rank by degree alone
    (``with_betweenness=False``: every ``betweenness`` is None) and cost O(links).
    """
    network = coordination_network(graph)
    centrality = betweenness(network) if with_betweenness else {}
    roles = {n: {"leadAgency": set(), "participatingAgency": set()} for n in network}
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
    return sorted(ranks, key=lambda r: (-r.degree, -(r.betweenness or 0.0), r.name, r.id))


@dataclass(eq=False)
class NetworkModel:
    """The networkx view of the graph with its agencies ranked by degree, computed together
    (the service keeps one per store generation): all a page needs, in O(links)."""

    graph: nx.MultiDiGraph
    ranks: list[AgencyRank]
    """Most coordinating first; ``betweenness`` is None (pages do not need it)."""

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> NetworkModel:
        return cls(graph, rank_agencies(graph, with_betweenness=False))

    @cached_property
    def rank_of(self) -> dict[str, AgencyRank]:
        return {r.id: r for r in self.ranks}


def co_leadership(graph: nx.MultiDiGraph) -> nx.Graph:
    """Agencies linked by the projects they share (as lead or participant).

    Edges carry ``projects`` (sorted IRIs) and ``weight`` (how many); agencies that share no
    project with another are left out.
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


def zone_profile(graph: nx.MultiDiGraph, zone: str) -> ZoneProfile:
    _require(graph, zone)
    profile = ZoneProfile()
    for _, obj, relation in graph.out_edges(zone, data="relation"):
        if relation == "focusIndustry":
            profile.industries.add(obj)
        elif relation == "hasTarget":
            profile.metrics.add(graph.nodes[obj]["label"])
    for project, _, relation in graph.in_edges(zone, data="relation"):
        if relation == "locatedIn":
            profile.industries.update(
                o for _, o, r in graph.out_edges(project, data="relation") if r == "industry"
            )
    return profile


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


def compare_zones(graph: nx.MultiDiGraph, a: str, b: str) -> ZoneComparison:
    """Industries (IRIs) and target metrics (names) two zones share and do not share."""
    pa, pb = zone_profile(graph, a), zone_profile(graph, b)
    union = len(pa.industries | pb.industries) + len(pa.metrics | pb.metrics)
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
        similarity=round(shared / union, 6) if union else 0.0,
    )


def zones(graph: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, kind in graph.nodes(data="kind") if kind == "Zone")


def compare_all_zones(graph: nx.MultiDiGraph, with_zone: str | None = None) -> list[ZoneComparison]:
    """Every pair of zones (or ``with_zone`` against each other zone) sharing anything, most
    similar first."""
    if with_zone is not None:
        _require(graph, with_zone)
        pairs = [(with_zone, z) for z in zones(graph) if z != with_zone]
    else:
        pairs = list(combinations(zones(graph), 2))
    found = [compare_zones(graph, a, b) for a, b in pairs]
    return sorted((c for c in found if c.similarity > 0), key=lambda c: (-c.similarity, c.a, c.b))


@dataclass
class PathStep:
    """One edge of a path, in the direction the relation is stated."""

    subject: str
    relation: str
    object: str


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> tuple[list[str], list[PathStep]]:
    """The nodes of a shortest path between two entities, whatever the edges' direction, and
    the relation of each step."""
    _require(graph, source, target)
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), source, target)
    except nx.NetworkXNoPath:
        raise NoPath(f"no path between {source} and {target}") from None
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        forward = graph.get_edge_data(u, v)
        if forward:
            steps.append(PathStep(u, min(d["relation"] for d in forward.values()), v))
        else:
            backward = graph.get_edge_data(v, u)
            steps.append(PathStep(v, min(d["relation"] for d in backward.values()), u))
    return nodes, steps
