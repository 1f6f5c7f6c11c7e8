"""Shared FastAPI dependencies: the running :class:`~zonekg.api.service.Service` and its
analyst."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from zonekg.api.service import Service
from zonekg.graph.analyst import Analyst


def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]
"""A route parameter receiving the service."""


def get_analyst(request: Request) -> Analyst:
    return request.app.state.analyst


AnalystDep = Annotated[Analyst, Depends(get_analyst)]
"""A route parameter receiving the analyst (its answers are kept per store generation)."""
