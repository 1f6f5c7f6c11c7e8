"""From the catalog to a finished page: read the graph, choose the view, link it, render it.

The API's ``/graph`` and ``zonekg viz`` both call :func:`graph_page`, so a page written to a
file shows what the served page shows (without links between pages, which a file cannot
follow).
"""
from __future__ import annotations

from urllib.parse import urlencode
from weakref import WeakKeyDictionary

from zonekg.graph.analysis import NetworkModel
from zonekg.graph.catalog import Catalog
from zonekg.graph.network import NodeDetails, build_network, describe_nodes
from zonekg.visualize.overview import MAX_DEPTH, View, co_leadership_view, neighbourhood, overview, whole
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


def choose_view(
    model: NetworkModel, *, focus: str | None = None, depth: int = 2, view: str | None = None,
    kinds: set[str] | None = None,
) -> View:
    """The view a request asks for; raises :class:`~zonekg.graph.analysis.UnknownEntity` for
    a ``focus`` that is not in the graph."""
    if view == "co-leadership":
        return co_leadership_view(model.graph)
    if focus is not None:
        return neighbourhood(model.graph, focus, depth)
    if kinds is not None:
        return whole(model.graph, kinds)
    return overview(model.graph, model.ranks)


def graph_page(
    catalog: Catalog,
    model: NetworkModel | None = None,
    *,
    focus: str | None = None,
    depth: int = 2,
    view: str | None = None,
    kinds: set[str] | None = None,
    linked: bool = True,
) -> str:
    """The page for one view. ``model`` is the network of the catalog's graph (the service
    keeps one per store generation; built here when not given). Details are read for the
    drawn entities only, so a page costs what it draws."""
    model = model or NetworkModel.of(build_network(catalog))
    if focus is None and view is None and kinds is None:
        chosen, details = _overview(catalog, model)
    else:
        chosen = choose_view(model, focus=focus, depth=depth, view=view, kinds=kinds)
        details = describe_nodes(catalog, list(chosen.graph))
    return render(chosen, details, model.rank_of, links(chosen) if linked else None)


_OVERVIEWS: WeakKeyDictionary[NetworkModel, tuple[View, dict[str, NodeDetails]]] = WeakKeyDictionary()
"""The default page's view and details, once per network model (so once per store
generation in the service): every visitor opens it, and choosing it scans every link."""


def _overview(catalog: Catalog, model: NetworkModel) -> tuple[View, dict[str, NodeDetails]]:
    if model not in _OVERVIEWS:
        chosen = choose_view(model)
        _OVERVIEWS[model] = (chosen, describe_nodes(catalog, list(chosen.graph)))
    return _OVERVIEWS[model]
