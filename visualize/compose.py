"""From the catalog to a finished page: read the graph, choose the view, link it, render it.

The API's ``/graph`` and ``zonekg viz`` both call :func:`graph_page`, so a page written to a
file shows what the served page shows (without links between pages, which a file cannot
follow).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from zonekg.graph.analysis import COORDINATION_RELATIONS, AgencyRank
from zonekg.graph.analyst import Analyst
from zonekg.graph.catalog import Catalog
from zonekg.graph.network import NodeDetails, build_network, describe_nodes
from zonekg.graph.region import RegionReader, StoreSize
from zonekg.visualize.overview import (
    BUSIEST_AGENCIES, MAX_DEPTH, OVERVIEW_ZONES, WHOLE_DRAWN, WHOLE_LIMIT, View, co_leadership_view, neighbourhood,
    overview, whole, with_kinds,
)
from zonekg.visualize.page import Links, Prepared, prepare
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


Keep = Callable[[Hashable, Callable[[], Any]], Any]
"""``keep(key, compute)``: a prepared page (or a part several pages share), kept while the
store does not change (the service's memo), or computed afresh."""


def _afresh(_: Hashable, compute: Callable[[], Any]) -> Any:
    return compute()


def graph_page(
    catalog: Catalog,
    *,
    focus: str | None = None,
    depth: int = 2,
    view: str | None = None,
    kinds: set[str] | None = None,
    linked: bool = True,
    analyst: Analyst | None = None,
    keep: Keep | None = None,
) -> str:
    """The page for one view; raises :class:`~zonekg.graph.analysis.UnknownEntity` for a
    ``focus`` that is not in the graph.

    Every view reads only the region it draws (:class:`RegionReader`, :class:`Analyst`), so
    it costs what it draws however large the store is; ``keep`` keeps the prepared page, so
    a page asked again before the store changes costs its nonce. ``analyst`` is the
    service's (it keeps the co-leadership network).
    """
    analyst = analyst or Analyst(catalog)
    keep = keep or _afresh
    if view == "co-leadership":
        page = keep(("co-leadership", linked), lambda: prepared(co_leadership_drawing(analyst), linked))
    elif focus is not None:
        depth = max(1, min(depth, MAX_DEPTH))
        page = keep(("focus", focus, depth, linked), lambda: prepared(focus_drawing(catalog, focus, depth), linked))
    else:
        page = keep(overview_key(kinds, linked), lambda: prepared(overview_drawing(catalog, kinds, keep), linked))
    return page.html()


def overview_key(kinds: set[str] | None = None, linked: bool = True) -> tuple:
    return ("overview", frozenset(kinds or ()), linked)


def prepared(drawn: Drawn, linked: bool = True) -> Prepared:
    return prepare(drawn.view, drawn.details, drawn.ranks, links(drawn.view) if linked else None)


@dataclass
class Drawn:
    """A view with what its page shows about each entity."""

    view: View
    details: dict[str, NodeDetails]
    ranks: dict[str, AgencyRank]


def _drawn(reader: RegionReader, view: View) -> Drawn:
    """The view with its entities' details and their agencies' ranks: O(what it draws)."""
    return Drawn(view, describe_nodes(reader.catalog, list(view.graph)), reader.ranks(view.graph))


def overview_drawing(catalog: Catalog, kinds: set[str] | None = None, keep: Keep = _afresh) -> Drawn:
    """The overview, read as the region around the top zones and the busiest agencies; with
    ``kinds``, only those kinds, joined by the entities of those kinds that it links to. A
    store small enough to draw whole (:data:`WHOLE_LIMIT` entities, or :data:`WHOLE_DRAWN`
    when the reader chose the kinds) is read whole.

    The store's size and the overview's region are asked for with ``keep``, so the overview
    and every choice of kinds share them (they look at the whole store: counts and top-N
    aggregates); a choice of kinds then adds what its entities link to, O(what it draws)."""
    reader = RegionReader(catalog)
    size = keep(("store size",), reader.size)
    if size.entities <= (WHOLE_DRAWN if kinds else WHOLE_LIMIT):
        graph = build_network(catalog)
        ranks = reader.ranks(graph)
        ordered = sorted(ranks.values(), key=lambda r: (-r.degree, r.name, r.id))
        return _drawn(reader, whole(graph, kinds) if kinds else overview(graph, ordered, size))
    chosen = keep(("overview region",), lambda: _overview_region(reader, size))
    if kinds:
        chosen = with_kinds(chosen, reader.ring(chosen.graph), kinds, size)
    return _drawn(reader, chosen)


def _overview_region(reader: RegionReader, size: StoreSize) -> View:
    """The overview of a store too large to draw whole, from the region around the top
    zones and the busiest agencies. O(store) for the top-N aggregates, then O(the region)."""
    zones = reader.top_zones(OVERVIEW_ZONES)
    agencies = reader.busiest_agencies(BUSIEST_AGENCIES)
    projects = {s for s, relation, o in reader.edges(agencies) if relation in COORDINATION_RELATIONS}
    region = reader.region({*zones, *reader.parks(zones), *agencies, *projects})
    ranks = reader.ranks(region)
    return overview(region, sorted(ranks.values(), key=lambda r: (-r.degree, r.name, r.id)), size)


def focus_drawing(catalog: Catalog, focus: str, depth: int) -> Drawn:
    reader = RegionReader(catalog)
    reader.require(focus)
    return _drawn(reader, neighbourhood(reader.ball(focus, depth), focus, depth))


def co_leadership_drawing(analyst: Analyst) -> Drawn:
    """The busiest agencies and those they share projects with (:meth:`Analyst.co_leadership`)."""
    return _drawn(analyst.reader, co_leadership_view(analyst.co_leadership(BUSIEST_AGENCIES)))
