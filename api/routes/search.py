"""``/api/search``: one box that finds any named entity by its name or an alias."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import produces
from zonekg.api.paging import Offset, page

router = APIRouter(prefix="/api", tags=["REST"], dependencies=[produces("application/json")])


@router.get(
    "/search",
    summary="Find zones, agencies, companies, industries and projects by name or alias",
    description="Ranked: exact match, then prefix, then anywhere in a name or alias; shorter names "
    "first within a rank. Each hit says its `kind` (the collection) and how it `match`ed.",
)
async def search(
    request: Request,
    service: ServiceDep,
    q: Annotated[str, Query(min_length=1, description="Text to look for", examples=["经发局"])],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> dict:
    hits, total = await run_in_threadpool(service.catalog.search, q, limit, offset)
    return page(request, hits, total, limit, offset)
