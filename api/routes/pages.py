"""Browser pages served by the app: the network view."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import get_service
from zonekg.api.service import Service
from zonekg.graph.network import build_network
from zonekg.visualize.page import render

router = APIRouter(tags=["Pages"])


@router.get("/graph", response_class=HTMLResponse, summary="Interactive network page")
async def graph_page(service: Annotated[Service, Depends(get_service)]) -> HTMLResponse:
    network = await run_in_threadpool(build_network, service.catalog)
    return HTMLResponse(await run_in_threadpool(render, network, "zonekg network"))
