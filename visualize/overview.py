"""Which part of the graph a page shows: all of it, an overview, a neighbourhood, or the
co-leadership network.

A page past a few hundred nodes is a hairball nobody reads, so a large graph opens on its
structure (zones, agencies and projects) and the page says so; the other kinds are one
click away, and every node opens its own neighbourhood with everything around it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from zonekg.graph.analysis import UnknownEntity, co_leadership
from zonekg.visualize.style import kind_style

OVERVIEW_LIMIT = 400
"""Above this many entities the whole-graph page shows the overview kinds only."""
OVERVIEW_KINDS = ("Zone", "Agency", "Project")
MAX_DEPTH = 4


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


def _kinds(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in graph.nodes(data="kind"))


def whole(graph: nx.MultiDiGraph, kinds: set[str] | None = None) -> View:
    """The graph, limited to ``kinds`` if given, or to the overview kinds if it is large."""
    if kinds is None and len(graph) > OVERVIEW_LIMIT:
        kinds = set(OVERVIEW_KINDS)
    hidden = {k: n for k, n in _kinds(graph).items() if kinds is not None and k not in kinds}
    if not hidden:
        return View(graph, "zonekg 全图", len(graph))
    shown = graph.subgraph(n for n, k in graph.nodes(data="kind") if k in kinds)
    left_out = "、".join(f"{kind_style(k).name} {n}" for k, n in sorted(hidden.items()))
    note = f"概览：显示全图 {len(graph)} 个实体中的 {len(shown)} 个（未显示：{left_out}）"
    return View(nx.MultiDiGraph(shown), "zonekg 全图概览", len(graph), note, hidden)


def neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int = 2) -> View:
    """``focus`` and everything within ``depth`` relations of it, in either direction."""
    if focus not in graph:
        raise UnknownEntity(focus)
    depth = max(1, min(depth, MAX_DEPTH))
    shown = nx.ego_graph(graph, focus, radius=depth, undirected=True)
    label = graph.nodes[focus]["label"]
    note = f"显示「{label}」{depth} 层关系以内的 {len(shown)} 个实体（全图共 {len(graph)} 个）"
    return View(nx.MultiDiGraph(shown), f"{label} 的关系网络", len(graph), note, focus=focus, depth=depth)


def co_leadership_view(graph: nx.MultiDiGraph) -> View:
    """Agencies joined by one edge per pair that shares projects, labelled with the count."""
    shared = co_leadership(graph)
    view = nx.MultiDiGraph()
    view.add_nodes_from(shared.nodes(data=True))
    for a, b, data in shared.edges(data=True):
        view.add_edge(a, b, relation="sharedProjects", weight=data["weight"], projects=data["projects"])
    agencies = _kinds(graph)["Agency"]
    note = f"{len(view)} 个部门与其他部门共同牵头或参与项目（全图共 {agencies} 个部门）；连线上的数字是共同项目数"
    return View(view, "部门共同参与项目网络", agencies, note)
