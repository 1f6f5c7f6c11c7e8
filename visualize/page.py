"""Render a networkx graph of zonekg entities as a self-contained pyvis HTML page.

pyvis's in-line mode still links Bootstrap from a CDN; those tags are removed so the page
makes no request outside the app. Labels and tooltips come from documents, so every one is
escaped before it reaches HTML.
"""
from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

STYLE = {
    "Zone": {"color": "#4e79a7", "shape": "dot"},
    "Agency": {"color": "#f28e2b", "shape": "diamond"},
    "Company": {"color": "#59a14f", "shape": "square"},
    "Industry": {"color": "#b07aa1", "shape": "triangle"},
    "Project": {"color": "#e15759", "shape": "dot"},
    "Target": {"color": "#9c755f", "shape": "star"},
}
EDGE_LABELS = {
    "leadAgency": "牵头",
    "participatingAgency": "参与",
    "locatedIn": "位于",
    "partOf": "隶属",
    "focusIndustry": "聚焦产业",
    "industry": "产业",
    "involvesCompany": "企业",
    "hasTarget": "目标",
}
_CDN = re.compile(r'<(link|script)[^>]+(https?:)?//[^>]+>(\s*</script>)?', re.IGNORECASE)


def render(graph: nx.MultiDiGraph, title: str = "zonekg") -> str:
    """The page's HTML."""
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        kind = data.get("kind", "")
        style = STYLE.get(kind, {"color": "#bab0ac", "shape": "dot"})
        net.add_node(
            node,
            label=html.escape(str(data.get("label", node))),
            title=html.escape(f"{kind}: {data.get('label', node)}"),
            **style,
        )
    for s, o, data in graph.edges(data=True):
        relation = data.get("relation", "")
        net.add_edge(s, o, label=EDGE_LABELS.get(relation, relation))
    page = net.generate_html()
    page = _CDN.sub("", page)
    return page.replace("<title>", f"<title>{html.escape(title)} ", 1) if "<title>" in page else page
