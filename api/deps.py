"""Shared FastAPI dependencies: the running :class:`~zonekg.api.service.Service` and its
analyst.

Every dependency is ``async def`` though it never awaits: FastAPI runs a plain function on a
worker thread, a hop there and back per dependency and request that cost more than the
dependency (``tests/api/test_request_path.py`` counts the hops)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from zonekg.api.service import Service
from zonekg.graph.analyst import Analyst


async def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]
"""A route parameter receiving the service."""


async def get_analyst(request: Request) -> Analyst:
    return request.app.state.analyst


AnalystDep = Annotated[Analyst, Depends(get_analyst)]
"""A route parameter receiving the analyst (its answers are kept per store generation)."""
