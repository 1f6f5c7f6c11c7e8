"""Which part of the graph a page shows: an overview, all of it, a neighbourhood, or the
co-leadership network.

A page is for reading, so each view draws what answers its question and says what it left
out. The overview shows the zones' structure (zones and their parks) and the agencies that
coordinate most, joined by the projects they lead there; entities linked to nothing are left
out with a count. A focus view follows the links that matter for the focus's kind first (an
agency: its projects, then their zones and co-leads) and reaches structural links (an
agency's parent committee) without going on through them, so a department's page is not
drowned in its sibling departments. Both are bounded (:data:`MAX_DRAWN`, :data:`FOCUS_DRAWN`), whatever the size
of the store: the work of a page grows with what it draws.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from zonekg.graph.analysis import AgencyRank, UnknownEntity
from zonekg.graph.analyst import CoLeadership
from zonekg.graph.region import StoreSize
from zonekg.visualize.style import kind_style

MAX_DEPTH = 4
WHOLE_LIMIT = 150
"""Up to this many entities the default page draws the whole graph: it is readable as it is."""
WHOLE_DRAWN = 2_000
"""Up to this many entities a page of the kinds a reader chose (``?kinds=``) draws the whole
graph; a page of 2,000 entities draws in about a second (``tests/bench/graph_page.py``)."""
MAX_DRAWN = 250
"""Most entities a view draws: beyond a few hundred a network page is a hairball."""
FOCUS_DRAWN = 150
"""Most entities a focus view draws: an entity's neighbourhood reads best small, and a busy
zone's reached 250 entities that took seconds to lay out and draw."""
BUSIEST_AGENCIES = 20
"""Agencies the overview shows: those that lead or join most projects."""
OVERVIEW_ZONES = 12
"""Top-level zones the overview shows with their parks, those with most projects first."""
PROJECTS_PER_AGENCY = 3
"""Projects drawn per shown agency in the overview, linking it to the zones it works in."""
STRUCTURAL = frozenset({"partOf"})
"""Relations that say where something sits rather than what it does. A focus view shows the
whole a part belongs to but does not go on from it (a department's committee, not all the
committee's other departments); going down (a zone's parks) is followed like any relation."""
FOLLOW_FIRST: dict[str, tuple[str, ...]] = {
    "Agency": ("leadAgency", "participatingAgency", "locatedIn", "industry", "involvesCompany"),
    "Zone": ("partOf", "locatedIn", "focusIndustry", "hasTarget", "leadAgency", "participatingAgency"),
    "Project": ("leadAgency", "participatingAgency", "locatedIn", "involvesCompany", "industry"),
    "Company": ("involvesCompany", "locatedIn", "leadAgency", "industry"),
    "Industry": ("focusIndustry", "industry", "locatedIn", "leadAgency"),
    "Target": ("hasTarget", "partOf"),
}
"""For a focus of each kind, the relations its view follows, most telling first; others come
after them, if room is left."""


@dataclass
class View:
    """A subgraph to draw and what the page should say about it."""

    graph: nx.MultiDiGraph
    title: str
    total: int
    """Entities in the graph the view was cut from."""
    note: str | None = None
    """The sentence telling a reader that they see part of a larger graph."""
    hidden: dict[str, int] = field(default_factory=dict)
    """Kinds left out of the view, with how many entities of each the graph has."""
    focus: str | None = None
    depth: int | None = None
    key: set[str] = field(default_factory=set)
    """Entities whose labels the page keeps readable at any zoom (the overview's zones and
    agencies, a focus and its first ring)."""


def _kinds(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in graph.nodes(data="kind"))


def _relation_neighbours(graph: nx.MultiDiGraph, node: str) -> Iterable[tuple[str, str, bool]]:
    """(relation, neighbour, upward) for every edge of ``node``, in either direction;
    ``upward`` when the edge goes from a part to its whole (``node`` partOf neighbour)."""
    for _, other, relation in graph.out_edges(node, data="relation"):
        yield relation, other, relation in STRUCTURAL
    for other, _, relation in graph.in_edges(node, data="relation"):
        yield relation, other, False


def _parks(graph: nx.MultiDiGraph, zone: str) -> set[str]:
    """The zones that are part of ``zone``, at any depth."""
    found: set[str] = set()
    stack = [zone]
    while stack:
        for part, _, relation in graph.in_edges(stack.pop(), data="relation"):
            if relation in STRUCTURAL and graph.nodes[part].get("kind") == "Zone" and part not in found:
                found.add(part)
                stack.append(part)
    return found


def whole(graph: nx.MultiDiGraph, kinds: set[str]) -> View:
    """Every entity of ``kinds``, as asked for with ``?kinds=`` (no budget: the reader chose)."""
    hidden = {k: n for k, n in _kinds(graph).items() if k not in kinds}
    if not hidden:
        return View(graph, "zonekg 全图", len(graph))
    shown = graph.subgraph(n for n, k in graph.nodes(data="kind") if k in kinds)
    left_out = "、".join(f"{kind_style(k).name} {n}" for k, n in sorted(hidden.items()))
    note = f"显示全图 {len(graph)} 个实体中的 {len(shown)} 个（未显示：{left_out}）"
    return View(nx.MultiDiGraph(shown), "zonekg 全图", len(graph), note, hidden)


def with_kinds(base: View, ring: nx.MultiDiGraph, kinds: set[str], size: StoreSize) -> View:
    """``base`` (the overview of a graph too large to draw) with only the entities of
    ``kinds``, joined by the entities of those kinds its entities link to (``ring``: those
    links, as :meth:`~zonekg.graph.region.RegionReader.ring` reads them), at most
    :data:`MAX_DRAWN` more."""
    graph = nx.MultiDiGraph(base.graph.subgraph(n for n, k in base.graph.nodes(data="kind") if k in kinds))
    added = 0
    for s, o, relation in sorted(ring.edges(data="relation")):
        new = [n for n in (s, o) if n not in graph]
        if not new or any(ring.nodes[n].get("kind") not in kinds for n in (s, o)) or added + len(new) > MAX_DRAWN:
            continue
        graph.add_nodes_from((n, ring.nodes[n]) for n in new)
        graph.add_edge(s, o, relation=relation)
        added += len(new)
    names = "、".join(kind_style(k).name for k in sorted(kinds))
    note = (f"概览中的{names}，及与它们直接相连的{names}，共 {len(graph)} 个实体（全图 {size.entities} 个）。"
            "点击任一实体查看它的关系。")
    hidden = {k: n for k, n in size.kinds.items() if n and k not in kinds}
    return View(graph, "zonekg 全图概览", size.entities, note, hidden, key=base.key & set(graph))


def _top_zones(graph: nx.MultiDiGraph) -> list[str]:
    """Top-level zones (part of no other zone), those with most projects and parks first."""
    weight: Counter[str] = Counter()
    parent_of: dict[str, str] = {}
    for s, o, relation in graph.edges(data="relation"):
        if relation == "partOf" and graph.nodes[s].get("kind") == "Zone" and graph.nodes[o].get("kind") == "Zone":
            parent_of[s] = o
    for _, o, relation in graph.edges(data="relation"):
        if relation in ("locatedIn", "partOf") and graph.nodes[o].get("kind") == "Zone":
            top, seen = o, {o}
            while top in parent_of and parent_of[top] not in seen:
                top = parent_of[top]
                seen.add(top)
            weight[top] += 1
    zones = [n for n, k in graph.nodes(data="kind") if k == "Zone" and n not in parent_of and weight[n]]
    return sorted(zones, key=lambda z: (-weight[z], graph.nodes[z]["label"], z))[:OVERVIEW_ZONES]


def overview(graph: nx.MultiDiGraph, ranks: list[AgencyRank], size: StoreSize | None = None) -> View:
    """The zones' structure and the busiest agencies, joined by the projects they lead there;
    a graph of up to :data:`WHOLE_LIMIT` entities whole. ``graph`` may be the whole graph or
    the region read around the top zones and agencies (:class:`~zonekg.graph.region.RegionReader`);
    ``size`` then says how large the whole graph is."""
    if size is None:
        size = StoreSize(dict(_kinds(graph)), sum(1 for n in graph if graph.degree(n) == 0))
    if size.entities <= WHOLE_LIMIT:
        return whole(graph, set(_kinds(graph)))
    zones = _top_zones(graph)
    shown: set[str] = set(zones)
    for zone in zones:
        shown.update(_parks(graph, zone))
    agencies = [r.id for r in ranks if r.degree][:BUSIEST_AGENCIES]
    key = shown | set(agencies)
    shown.update(agencies)
    for agency in agencies:
        projects = sorted(
            (p for relation, p, _ in _relation_neighbours(graph, agency)
             if relation in ("leadAgency", "participatingAgency")),
            # A project in a shown zone, and with other shown agencies, tells most.
            key=lambda p: (-sum(n in key for n in nx.all_neighbors(graph, p)), graph.nodes[p]["label"], p),
        )
        shown.update(projects[:PROJECTS_PER_AGENCY])
        if len(shown) >= MAX_DRAWN:
            break
    view = nx.MultiDiGraph(graph.subgraph(shown))
    view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0 and n not in key])
    note = (
        f"概览：{len(zones)} 个开发区及其园区、协调项目最多的 {len(agencies)} 个部门和它们牵头或参与的项目，"
        f"共 {len(view)} 个实体（全图 {size.entities} 个"
        + (f"，其中 {size.isolated} 个与其他实体没有关系" if size.isolated else "")
        + "）。点击任一实体查看它的关系。"
    )
    hidden = {k: n for k, n in size.kinds.items() if n and k not in _kinds(view)}
    return View(view, "zonekg 全图概览", size.entities, note, hidden, key=key & set(view))


def neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int = 2) -> View:
    """``focus`` and what is within ``depth`` relations of it, following the relations that
    matter for its kind first (:data:`FOLLOW_FIRST`), never through a structural relation, and
    at most :data:`FOCUS_DRAWN` entities."""
    if focus not in graph:
        raise UnknownEntity(focus)
    depth = max(1, min(depth, MAX_DEPTH))
    order = FOLLOW_FIRST.get(graph.nodes[focus].get("kind", ""), ())
    rank = {relation: i for i, relation in enumerate(order)}
    reached = {focus: 0}
    frontier = [focus]
    full = False
    for level in range(1, depth + 1):
        steps = sorted(
            (upward, rank.get(relation, len(order)), graph.nodes[other]["label"], other)
            for node in frontier
            for relation, other, upward in _relation_neighbours(graph, node)
            if other not in reached
        )
        frontier = []
        for upward, _, _, other in steps:
            if other in reached:
                continue
            if len(reached) >= FOCUS_DRAWN:
                full = True
                break
            reached[other] = level
            if not upward:
                frontier.append(other)
    shown = nx.MultiDiGraph(graph.subgraph(reached))
    label = graph.nodes[focus]["label"]
    note = f"显示「{label}」{depth} 层关系以内的 {len(shown)} 个实体"
    if full:
        note += f"；最多显示 {FOCUS_DRAWN} 个，最相关的关系优先"
    key = {n for n, level in reached.items() if level <= 1}
    return View(shown, f"{label} 的关系网络", len(graph), note, focus=focus, depth=depth, key=key)


def co_leadership_view(found: CoLeadership) -> View:
    """The busiest agencies (``found.seeds``) and the agencies they share projects with, one
    edge per pair weighted by the count: at most :data:`MAX_DRAWN` agencies, the seeds first,
    then their partners sharing most with them."""
    shared = found.graph
    strength = dict(shared.degree(weight="weight"))
    partners = sorted(set(shared) - set(found.seeds), key=lambda n: (-strength[n], shared.nodes[n]["label"], n))
    kept = [*found.seeds, *partners][:MAX_DRAWN]
    view = nx.MultiDiGraph()
    view.add_nodes_from((n, shared.nodes[n]) for n in kept)
    for a, b, data in shared.subgraph(kept).edges(data=True):
        view.add_edge(a, b, relation="sharedProjects", weight=data["weight"], projects=data["projects"])
    seeds = sum(1 for n in found.seeds if n in view)
    left_out = f"（另有 {len(shared) - len(kept)} 个未显示）" if len(kept) < len(shared) else ""
    note = (f"协调项目最多的 {seeds} 个部门和与它们共同牵头或参与项目的 {len(view) - seeds} 个部门{left_out}，"
            f"全图共 {found.agencies} 个部门；连线越粗，共同项目越多")
    return View(view, "部门共同参与项目网络", found.agencies, note, key=set(found.seeds[:BUSIEST_AGENCIES]))
