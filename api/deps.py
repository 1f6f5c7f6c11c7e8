"""Shared FastAPI dependencies: the running :class:`~zonekg.api.service.Service`."""
from __future__ import annotations

from fastapi import Request

from zonekg.api.service import Service


def get_service(request: Request) -> Service:
    return request.app.state.service
