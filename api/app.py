"""The FastAPI application: REST, SPARQL and pages over one store."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware

from zonekg.api import problems
from zonekg.api.routes import pages, rest, sparql
from zonekg.api.service import Service
from zonekg.api.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    """An app serving ``settings.store``; the store opens when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.service = Service(settings)
        try:
            yield
        finally:
            app.state.service.close()

    app = FastAPI(
        title="zonekg",
        description="Knowledge graph of Chinese development-zone work plans: REST, SPARQL 1.1 and pages.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["*"], allow_headers=["*"])
    problems.install(app)
    app.include_router(rest.router)
    app.include_router(sparql.router)
    app.include_router(pages.router)
    return app
