"""Node positions computed before the page is sent, so a large graph draws at once.

Measured on the 2-core test machine (``tests/bench/graph_page.py``): vis-network's own
physics needs about 9 s of browser time for 200 iterations on 2,000 nodes, and networkx's
``spring_layout`` about 13 s (its sparse solver, used past 500 nodes, is pure Python). Its
dense solver lays out a few hundred nodes in well under a second, so each connected
component is laid out in two steps: the force model on its best-connected nodes (the
backbone: zones, agencies and hub projects), then every other node next to the neighbours
already placed, leaves spiralling around their hub. Components are packed in rows.
Positions are in pixels, as vis-network takes them.
"""
from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable

import networkx as nx

BACKBONE = 300
"""Nodes per component given to the force model; its dense solver stays fast up to ~500."""
SPACING = 70.0
"""Pixels between neighbours, roughly: room for a node and its label."""
GAP = 120.0
"""Pixels between packed components."""
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SEED = 7
"""Fixed, so the same graph always gets the same picture."""

Point = tuple[float, float]


def positions(graph: nx.Graph) -> dict[Hashable, Point]:
    """Pixel positions for every node of ``graph`` (directed or multi: direction is ignored)."""
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else nx.Graph(graph)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
    return _pack([_component(simple.subgraph(c)) for c in components])


def _component(graph: nx.Graph) -> dict[Hashable, Point]:
    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    backbone = set(ranked[:BACKBONE])
    skeleton = nx.Graph(graph.subgraph(backbone))
    for node in graph:
        if node not in backbone:
            # A node left out still pulls its backbone neighbours together (a project
            # between its agency and its zone), so the backbone keeps the graph's shape.
            hubs = sorted((n for n in graph[node] if n in backbone), key=str)
            skeleton.add_edges_from(zip(hubs, hubs[1:]))
    scale = SPACING * math.sqrt(len(skeleton))
    placed = {
        n: (float(x), float(y))
        for n, (x, y) in nx.spring_layout(skeleton, seed=SEED, scale=scale, iterations=60).items()
    }
    _place_around(graph, placed)
    return placed


def _place_around(graph: nx.Graph, placed: dict[Hashable, Point]) -> None:
    """Place the nodes not yet placed, breadth first from the placed ones."""
    children: dict[Hashable, int] = {}
    queue = deque(n for n in sorted(placed, key=str))
    while queue:
        node = queue.popleft()
        for new in sorted(graph[node], key=str):
            if new in placed:
                continue
            anchors = [placed[n] for n in graph[new] if n in placed]
            hub = node if len(anchors) == 1 else new
            k = children.get(hub, 0)
            children[hub] = k + 1
            cx = sum(x for x, _ in anchors) / len(anchors)
            cy = sum(y for _, y in anchors) / len(anchors)
            # Spiral out (phyllotaxis) so many leaves of one hub do not pile up.
            radius = SPACING * (0.8 + 0.45 * math.sqrt(k)) if len(anchors) == 1 else SPACING * 0.3 * math.sqrt(k)
            placed[new] = (cx + radius * math.cos(k * GOLDEN_ANGLE), cy + radius * math.sin(k * GOLDEN_ANGLE))
            queue.append(new)


def _pack(parts: list[dict[Hashable, Point]]) -> dict[Hashable, Point]:
    """Lay components out in rows, largest first, in a roughly square block."""
    boxes = []
    for part in parts:
        xs = [x for x, _ in part.values()]
        ys = [y for _, y in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + GAP, max(ys) - min(ys) + GAP))
    row_width = max(math.sqrt(sum(w * h for _, _, w, h in boxes)), max((w for *_, w, _ in boxes), default=0))
    result: dict[Hashable, Point] = {}
    x = y = row_height = 0.0
    for part, (left, top, width, height) in zip(parts, boxes):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in part.items():
            result[node] = (round(px - left + x, 1), round(py - top + y, 1))
        x += width
        row_height = max(row_height, height)
    return result
