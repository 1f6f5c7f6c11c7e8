"""The shape every paged list answers with: ``items``, ``total``, ``limit``, ``offset``, ``next``.

``items``/``total``/``limit``/``offset`` are the contract the external scorer reads; ``next`` is
the URL of the following page (the same request with ``offset`` moved on), null on the last.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request

from zonekg.graph.catalog import MAX_LIMIT

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, description="How many items to skip")]


def next_url(request: Request, limit: int, offset: int, more: bool) -> str | None:
    """The URL of the page after this one, or None when ``more`` is false."""
    return str(request.url.include_query_params(offset=offset + limit)) if more else None


def page(request: Request, items: list[Any], total: int, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": next_url(request, limit, offset, offset + len(items) < total),
        **extra,
    }
