"""Browser pages served by the app: the network views.

``/graph`` alone shows the whole graph (an overview when it is large), ``?focus=IRI&depth=N``
the neighbourhood of one entity, ``?view=co-leadership`` the agencies that share projects.
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from zonekg.api.formats import produces
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidParameter
from zonekg.visualize.compose import graph_page, parse_kinds
from zonekg.visualize.overview import MAX_DEPTH

router = APIRouter(tags=["Pages"], dependencies=[produces("text/html")])


@router.get("/graph", response_class=HTMLResponse, summary="Interactive network page")
async def graph(
    request: Request,
    service: ServiceDep,
    focus: Annotated[str | None, Query(description="Entity to centre on: IRI or path after /id/")] = None,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Relations around the focus")] = 2,
    view: Annotated[Literal["co-leadership"] | None, Query(description="Another view of the graph")] = None,
    kinds: Annotated[str | None, Query(description="Kinds to show, e.g. Zone,Agency, or all")] = None,
) -> HTMLResponse:
    if focus is not None:
        focus = resolve_iri(focus) or focus
    try:
        shown = parse_kinds(kinds)
    except ValueError as exc:
        raise InvalidParameter(str(exc)) from None
    state = request.app.state
    page = await run_in_threadpool(
        graph_page, service.catalog, focus=focus, depth=depth, view=view, kinds=shown,
        analyst=state.analyst, keep=state.pages.get,
    )
    return HTMLResponse(page)
