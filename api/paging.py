"""The shape every paged list answers with: ``items``, ``total``, ``limit``, ``offset``, ``next``.

``items``/``total``/``limit``/``offset`` are the contract the external scorer reads; ``next`` is
the URL of the following page (the same request with ``offset`` moved on), null on the last.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request

from zonekg.graph.catalog import MAX_LIMIT

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT})")]
MAX_OFFSET = 10**9
"""The largest ``offset`` taken: far past any store's items (15 M triples at 10,000 documents),
and a number every engine reads (Oxigraph's parser refused an OFFSET over 2^64 with a syntax
error that quoted the query)."""

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"How many items to skip (0–{MAX_OFFSET:,})")]


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
