"""Shared FastAPI dependencies: the running :class:`~zonekg.api.service.Service` and the
network model of its current generation."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from zonekg.api.service import Service
from zonekg.graph.analysis import AgencyRank, NetworkModel


def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]
"""A route parameter receiving the service."""


def get_network(request: Request) -> NetworkModel:
    """A plain function: FastAPI runs it in a worker thread, off the event loop."""
    return request.app.state.network.get(request.app.state.service.generation)


NetworkDep = Annotated[NetworkModel, Depends(get_network)]
"""A route parameter receiving the network of the store's current generation (cached)."""


def get_agency_ranks(request: Request) -> list[AgencyRank]:
    """Agencies ranked with betweenness (the dear part), once per generation, on first use."""
    return request.app.state.agency_ranks.get(request.app.state.service.generation)


AgencyRanksDep = Annotated[list[AgencyRank], Depends(get_agency_ranks)]
