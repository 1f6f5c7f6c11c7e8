"""The REST layer: lists of zones, agencies, companies, industries, projects and targets.

Each list returns ``{"items", "total", "limit", "offset"}``; each item carries ``id``,
``name``, ``aliases`` and ``sources`` (document file name and quote).
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import get_service
from zonekg.api.service import Service
from zonekg.graph.catalog import MAX_LIMIT, ListFilter

router = APIRouter(prefix="/api", tags=["REST"])

Collection = Literal["zones", "agencies", "companies", "industries", "projects", "targets"]


@router.get("/health", summary="Is the service ready?")
async def health(service: Annotated[Service, Depends(get_service)]) -> dict:
    documents = await run_in_threadpool(service.store.documents)
    return {"status": "ok", "documents": len(documents)}


@router.get("/{collection}", summary="List entities of one kind")
async def list_collection(
    collection: Collection,
    service: Annotated[Service, Depends(get_service)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    q: Annotated[str | None, Query(description="Text in a name or alias, e.g. 经发局")] = None,
    document: Annotated[str | None, Query(description="Only entities of this document (file name)")] = None,
) -> dict:
    flt = ListFilter(q=q, document=document)
    items, total = await run_in_threadpool(service.catalog.list, collection, flt, limit, offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}
