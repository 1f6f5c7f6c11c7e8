"""Shared FastAPI dependencies: the running :class:`~zonekg.api.service.Service`."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from zonekg.api.service import Service


def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]
"""A route parameter receiving the service."""
