"""Render a :class:`~zonekg.visualize.overview.View` as one self-contained HTML page.

pyvis ships vis-network (the drawing library) and its in-line mode embeds it, but its page
template also links Bootstrap and tom-select from CDNs, and its ``Network.add_edge`` checks
every existing edge (quadratic: seconds at a few thousand edges). So the page embeds the
vis-network build that pyvis ships and uses a template of its own (``assets/``): no request
leaves the app, and the page works offline or as a file.

Every name, alias and quote comes from a document, so none is ever pasted into HTML: the
graph travels as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and
``&`` escaped (a ``</script>`` in a name cannot end the element), and the page script puts
text into the DOM with ``textContent`` only. A Content-Security-Policy with a per-page nonce
is a second wall: a script the page did not bring does not run.
"""
from __future__ import annotations

import html
import json
import math
import re
import secrets
from dataclasses import dataclass, field
from importlib import resources
from functools import cache
from typing import Any

from zonekg.graph.analysis import AgencyRank
from zonekg.graph.network import NodeDetails
from zonekg.visualize import tooltip
from zonekg.visualize.layout import positions
from zonekg.visualize.overview import View
from zonekg.visualize.style import KINDS, kind_style, relation_label

PHYSICS_LIMIT = 100
"""Up to this many nodes the page runs physics until the layout settles, then stops it;
larger graphs keep the precomputed layout (physics can still be switched on). Settling costs
the browser seconds beyond this: 250 nodes drew in 2.9 s with physics and 0.8 s without
(headless Chromium at 1,366×768, on the busy 2-core test machine)."""
VIS_NETWORK = "templates/lib/vis-9.1.2"
"""Where pyvis keeps the vis-network build it embeds in in-line mode."""
NODE_SIZE = 16
AGENCY_SIZE = (12, 40)
"""Smallest and largest agency: agencies are sized by the projects they lead or join."""
EDGE_LABELS = 40
"""Up to this many edges every edge is labelled; beyond, labels pile up at hubs and only the
edge under the pointer shows its label."""
KEY_FONT = {"size": 26}
KEY_FONT_FROM = 60
"""Views of more entities than this enlarge their key labels; smaller ones are drawn at a zoom
where every label reads at its normal size."""
"""Labels of a view's key entities (the overview's zones and agencies, a focus and its first
ring): large enough to stay drawn when the whole view is fitted to the screen."""
RANKED = 5
"""Agencies listed beside the graph as those that coordinate most."""
FONT_FACE = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'
"""Labels on the canvas: the CJK fonts Debian (fonts-noto-cjk, fonts-wqy-microhei), Windows and
macOS ship, then whatever the system maps sans-serif to. Without any CJK font installed the
browser draws every character as an empty box."""


@dataclass
class Links:
    """Where a served page links to. A page written to a file has none: a click on a node
    then centres it instead of opening its page."""

    entity: str
    """Prefix of a node's own page; the node's IRI is appended, URL-encoded, by the page."""
    nav: list[tuple[str, str]] = field(default_factory=list)
    more: list[tuple[str, str]] = field(default_factory=list)
    """Links after the note: the next step when the page shows part of the graph."""
    kinds: dict[str, str] = field(default_factory=dict)
    """For kinds left out of the view, the page that adds them."""


_PLACEHOLDER = re.compile(r"\$(\w+)")


@cache
def _asset(name: str) -> str:
    return resources.files("zonekg.visualize").joinpath("assets", name).read_text(encoding="utf-8")


@cache
def _vis(name: str) -> str:
    return resources.files("pyvis").joinpath(VIS_NETWORK, name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survives."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _agency_size(rank: AgencyRank | None, top: AgencyRank | None) -> float:
    if rank is None or top is None:
        return NODE_SIZE
    low, high = AGENCY_SIZE
    share = rank.degree / top.degree if top.degree else 0.0
    return round(low + (high - low) * math.sqrt(share), 1)


def _nodes(view: View, details: dict[str, NodeDetails], ranks: dict[str, AgencyRank]) -> list[dict]:
    where = positions(view.graph)
    large = len(view.graph) > KEY_FONT_FROM
    top = max(ranks.values(), key=lambda r: r.degree, default=None)
    nodes = []
    for node, data in view.graph.nodes(data=True):
        kind, label = data.get("kind", ""), str(data.get("label", node))
        style = kind_style(kind)
        info, rank = details.get(node), ranks.get(node)
        x, y = where[node]
        nodes.append({
            "id": node,
            "label": label,
            "kind": kind,
            "shape": style.shape,
            "color": style.color,
            "size": _agency_size(rank, top) if kind == "Agency" else NODE_SIZE,
            "borderWidth": 4 if node == view.focus else 1,
            "font": KEY_FONT if large and node in view.key else None,
            "x": x,
            "y": y,
            "names": [label, *(info.aliases if info else [])],
            "tip": tooltip.lines(kind, label, info, rank),
        })
    return nodes


def _edges(view: View) -> list[dict]:
    """Each edge with its label as ``text``; the label is drawn only when there are few edges
    (:data:`EDGE_LABELS`), otherwise the page shows it while the pointer is on the edge."""
    edges = []
    for s, o, data in view.graph.edges(data=True):
        relation = data.get("relation", "")
        edge = {"from": s, "to": o, "relation": relation, "text": relation_label(relation)}
        if "weight" in data:
            # The co-leadership view: undirected, thickened by shared projects.
            edge.update(text=f"{edge['text']} {data['weight']}", width=1 + 1.5 * data["weight"],
                        arrows={"to": {"enabled": False}})
        edges.append(edge)
    if len(edges) <= EDGE_LABELS:
        for edge in edges:
            edge["label"] = edge["text"]
    return edges


def _legend(view: View, links: Links | None) -> list[dict]:
    present: dict[str, int] = {}
    for _, kind in view.graph.nodes(data="kind"):
        present[kind] = present.get(kind, 0) + 1
    order = [*KINDS, *sorted(set(present) - set(KINDS))]
    legend = []
    for kind in order:
        style = kind_style(kind)
        entry = {"kind": kind, "name": style.name, "color": style.color}
        if kind in present:
            legend.append({**entry, "count": present[kind]})
        elif kind in view.hidden:
            href = links.kinds.get(kind) if links else None
            legend.append({**entry, "count": view.hidden[kind], "href": href, "hidden": True})
    return legend


def _options(physics: bool) -> dict:
    return {
        "autoResize": True,
        "nodes": {"font": {"size": 14, "face": FONT_FACE, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 11, "face": FONT_FACE, "align": "middle", "color": "#52606d", "strokeWidth": 3},
            "color": {"color": "#9aa5b1", "highlight": "#1f2933", "hover": "#1f2933"},
            "smooth": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"springLength": 110, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
        "layout": {"improvedLayout": False},
    }


@dataclass(frozen=True)
class Prepared:
    """A page with everything but its nonce: laying a view out costs most of a page's time
    (``layout.positions``), so a page many visitors open is prepared once and each response
    only gets a fresh nonce (a Content-Security-Policy nonce must not repeat)."""

    segments: tuple[str | None, ...]
    """The page's text in order, None where the nonce goes; the embedded vis-network, CSS
    and script are the same string objects in every page, so a kept page costs its data."""

    def html(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return "".join(nonce if s is None else s for s in self.segments)


def prepare(
    view: View,
    details: dict[str, NodeDetails] | None = None,
    ranks: dict[str, AgencyRank] | None = None,
    links: Links | None = None,
) -> Prepared:
    """The page, laid out, without its nonce. ``ranks`` (most coordinating first) sizes
    agencies and fills the side list; ``links`` is None for a standalone file."""
    ranks = ranks or {}
    physics = len(view.graph) <= PHYSICS_LIMIT
    data = {
        "title": view.title,
        "note": view.note,
        "focus": view.focus,
        "nodes": _nodes(view, details or {}, ranks),
        "edges": _edges(view),
        "legend": _legend(view, links),
        "ranking": [
            {"id": r.id, "name": r.name, "degree": r.degree}
            for r in sorted(ranks.values(), key=lambda r: (-r.degree, r.name, r.id))
            if r.degree and r.id in view.graph
        ][:RANKED],
        "links": None if links is None else {
            "entity": links.entity,
            "nav": [{"text": t, "href": h} for t, h in links.nav],
            "more": [{"text": t, "href": h} for t, h in links.more],
        },
        "options": _options(physics),
    }
    values = {
        "title": html.escape(view.title),
        "nonce": None,
        "vis_css": _vis("vis-network.css"),
        "vis_js": _vis("vis-network.min.js"),
        "page_css": _asset("page.css"),
        "page_js": _asset("page.js"),
        "data": script_json(data),
    }
    # The template's text and $names alternate (Template's syntax; it has no $$ escapes).
    pieces = _PLACEHOLDER.split(_asset("page.html"))
    return Prepared(tuple(values[p] if i % 2 else p for i, p in enumerate(pieces)))


def render(
    view: View,
    details: dict[str, NodeDetails] | None = None,
    ranks: dict[str, AgencyRank] | None = None,
    links: Links | None = None,
) -> str:
    """The page's HTML (see :func:`prepare`)."""
    return prepare(view, details, ranks, links).html()
