"""From the catalog to a finished page: read the graph, choose the view, link it, render it.

The API's ``/graph`` and ``zonekg viz`` both call :func:`graph_page`, so a page written to a
file shows what the served page shows (without links between pages, which a file cannot
follow).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from zonekg.graph.analysis import COORDINATION_RELATIONS, AgencyRank, NetworkModel
from zonekg.graph.catalog import Catalog
from zonekg.graph.network import NodeDetails, build_network, describe_nodes
from zonekg.graph.region import RegionReader
from zonekg.visualize.overview import (
    BUSIEST_AGENCIES, MAX_DEPTH, OVERVIEW_ZONES, WHOLE_LIMIT, View, co_leadership_view, neighbourhood, overview, whole,
)
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
    network: Callable[[], NetworkModel] | None = None,
    overview_page: Callable[[], Drawn] | None = None,
) -> str:
    """The page for one view; raises :class:`~zonekg.graph.analysis.UnknownEntity` for a
    ``focus`` that is not in the graph.

    The overview and a focus view read only the region they draw (:class:`RegionReader`), so
    they cost what they draw however large the store is. The co-leadership view and
    ``kinds`` need the whole network: ``network`` provides it (the service keeps one per
    store generation), else it is built here. ``overview_page`` is the service's cached
    :func:`overview_drawing` (once per generation: every visitor opens it).
    """
    if view == "co-leadership" or kinds is not None:
        model = network() if network else NetworkModel.of(build_network(catalog))
        chosen = co_leadership_view(model.graph) if view == "co-leadership" else whole(model.graph, kinds or set())
        drawn = Drawn(chosen, describe_nodes(catalog, list(chosen.graph)), model.rank_of)
    elif focus is not None:
        drawn = focus_drawing(catalog, focus, depth)
    else:
        drawn = overview_page() if overview_page else overview_drawing(catalog)
    return render(drawn.view, drawn.details, drawn.ranks, links(drawn.view) if linked else None)


@dataclass
class Drawn:
    """A view with what its page shows about each entity."""

    view: View
    details: dict[str, NodeDetails]
    ranks: dict[str, AgencyRank]


def overview_drawing(catalog: Catalog) -> Drawn:
    """The overview, read as the region around the top zones and the busiest agencies."""
    reader = RegionReader(catalog)
    size = reader.size()
    if size.entities <= WHOLE_LIMIT:  # small enough to draw whole: read it whole
        model = NetworkModel.of(build_network(catalog))
        chosen = overview(model.graph, model.ranks, size)
        return Drawn(chosen, describe_nodes(catalog, list(chosen.graph)), model.rank_of)
    zones = reader.top_zones(OVERVIEW_ZONES)
    agencies = reader.busiest_agencies(BUSIEST_AGENCIES)
    projects = {s for s, relation, o in reader.edges(agencies) if relation in COORDINATION_RELATIONS}
    region = reader.region({*zones, *reader.parks(zones), *agencies, *projects})
    ranks = reader.ranks(region)
    ordered = sorted(ranks.values(), key=lambda r: (-r.degree, r.name, r.id))
    chosen = overview(region, ordered, size)
    return Drawn(chosen, describe_nodes(catalog, list(chosen.graph)), ranks)


def focus_drawing(catalog: Catalog, focus: str, depth: int) -> Drawn:
    reader = RegionReader(catalog)
    depth = max(1, min(depth, MAX_DEPTH))
    chosen = neighbourhood(reader.ball(focus, depth), focus, depth)
    return Drawn(chosen, describe_nodes(catalog, list(chosen.graph)), reader.ranks(chosen.graph))
