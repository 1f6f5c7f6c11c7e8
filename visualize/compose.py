"""From the catalog to a finished page: read the graph, choose the view, link it, render it.

The API's ``/graph`` and ``zonekg viz`` both call :func:`graph_page`, so a page written to a
file shows what the served page shows (without links between pages, which a file cannot
follow).
"""
from __future__ import annotations

from urllib.parse import urlencode

from zonekg.graph.analysis import rank_agencies
from zonekg.graph.catalog import Catalog
from zonekg.graph.network import build_network, describe_nodes
from zonekg.visualize.overview import MAX_DEPTH, View, co_leadership_view, neighbourhood, whole
from zonekg.visualize.page import Links, render
from zonekg.visualize.style import KINDS

PAGE = "/graph"
ALL_KINDS = "all"


def parse_kinds(text: str | None) -> set[str] | None:
    """``Zone,Agency`` → that set; ``all`` → every kind; None → let the view decide."""
    if not text:
        return None
    if text == ALL_KINDS:
        return set(KINDS)
    kinds = {k.strip() for k in text.split(",") if k.strip()}
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {', '.join(sorted(unknown))}; use some of {', '.join(KINDS)} or {ALL_KINDS}")
    return kinds


def _href(**params: str | int) -> str:
    return f"{PAGE}?{urlencode(params)}"


def links(view: View) -> Links:
    """Navigation, the next step after a partial view, and how to load a left-out kind."""
    result = Links(
        entity=f"{PAGE}?focus=",
        nav=[("全图", PAGE), ("部门共同参与项目网络", _href(view="co-leadership"))],
    )
    if view.focus is not None and view.depth is not None and view.depth < MAX_DEPTH:
        result.more.append(("扩大一层", _href(focus=view.focus, depth=view.depth + 1)))
    if view.hidden:
        shown = [k for k in KINDS if k not in view.hidden]
        result.kinds = {k: _href(kinds=",".join([*shown, k])) for k in view.hidden}
        result.more.append(("显示全部", _href(kinds=ALL_KINDS)))
    return result


def graph_page(
    catalog: Catalog,
    *,
    focus: str | None = None,
    depth: int = 2,
    view: str | None = None,
    kinds: set[str] | None = None,
    linked: bool = True,
) -> str:
    """The page for one view; raises :class:`~zonekg.graph.analysis.UnknownEntity` for a
    ``focus`` that is not in the graph."""
    graph = build_network(catalog)
    if view == "co-leadership":
        chosen = co_leadership_view(graph)
    elif focus is not None:
        chosen = neighbourhood(graph, focus, depth)
    else:
        chosen = whole(graph, kinds)
    ranks = {r.id: r for r in rank_agencies(graph)}
    return render(chosen, describe_nodes(catalog), ranks, links(chosen) if linked else None)
