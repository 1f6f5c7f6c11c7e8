"""The FastAPI application: REST, SPARQL and pages over one store."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware

from zonekg.api import problems
from zonekg.api.body_limit import BodyLimit
from zonekg.api.kept_answers import KeptAnswers
from zonekg.api.methods import Methods
from zonekg.api.routes import analysis, docs, documents, graph_store, pages, query_page, resource, rest, search, sparql, triples
from zonekg.api.routes.sparql import ROW_LIMIT, TRUNCATED
from zonekg.api.service import Service
from zonekg.api.settings import Settings
from zonekg.api.static_files import Files
from zonekg.api.parameters import declared_parameters
from zonekg.api.target_limit import TargetLimit
from zonekg.graph.analyst import Analyst
from zonekg.graph.catalog import Catalog
from zonekg.graph.memo import GenerationMemo
from zonekg.visualize.compose import co_leadership_drawing, overview_drawing, overview_key, prepared
from zonekg.visualize.style import KINDS

STATIC = Path(__file__).resolve().parent / "static"

DESCRIPTION = """
中国开发区工作要点/工作方案的知识图谱：开发区与园区、部门、企业、产业、项目和目标，每条事实都附有原文出处。

* **REST** (`/api/…`): lists with `items`, `total`, `limit`, `offset`, `next`; filters take a name,
  any alias or an IRI (e.g. `/api/projects?lead=经发局`).
* **SPARQL 1.1** (`/sparql`): query protocol with JSON/XML/CSV/TSV and Turtle/N-Triples/JSON-LD/RDF-XML,
  a time limit and a row cap; updates with the token. Graph Store read side at `/rdf-graphs`.
* **Pages**: `/query` (SPARQL editor with examples), `/graph` (network).

Entity `{id}` in paths: the full IRI percent-encoded, the IRI's path after `/id/`
(`zone/滨江新区`), the path after the kind (`/api/zones/滨江新区`), or a name or alias that only
one member has (`/api/zones/高新区`).
Writes (`POST`/`DELETE /api/documents`, SPARQL update) need `Authorization: Bearer <token>`.
Errors are `application/problem+json`.
"""


PAGES_KEPT = 64
"""Prepared pages kept per store generation (the overview for each choice of kinds, the
co-leadership view, the focus views visited last): a page keeps its data, a few hundred
entities, and shares the embedded scripts with the others."""


def _warm(analyst: Analyst, pages: GenerationMemo, catalog: Catalog, stop: Callable[[], bool]) -> None:
    """Prepare what the first visitor of the pages and of ``/api/analysis`` asks for, after
    the start and after every write (the service runs this in the background): the overview,
    the analysis answers, the co-leadership page and the overview of every kind (the
    overview's "显示全部" link, which shares the overview's region)."""
    pages.get(overview_key(), lambda: prepared(overview_drawing(catalog, keep=pages.get)))
    if not stop():
        analyst.warm(stop)
    if not stop():
        pages.get(("co-leadership", True), lambda: prepared(co_leadership_drawing(analyst)))
    if not stop():
        every = set(KINDS)
        pages.get(overview_key(every), lambda: prepared(overview_drawing(catalog, every, pages.get)))


def create_app(settings: Settings) -> FastAPI:
    """An app serving ``settings.store``; the store opens when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service = app.state.service = Service(settings)
        analyst = app.state.analyst = Analyst(service.catalog, generation=lambda: service.generation)
        pages = app.state.pages = GenerationMemo(lambda: service.generation, PAGES_KEPT)
        service.also_warm(partial(_warm, analyst, pages, service.catalog))
        try:
            yield
        finally:
            app.state.service.close()

    app = FastAPI(
        title="zonekg",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served by api/routes/docs.py, which honours Accept
        dependencies=[Depends(declared_parameters)],
    )
    app.add_middleware(KeptAnswers)  # innermost: what the other middleware does applies to its answers too
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodyLimit, upload_bytes=settings.max_upload_bytes, body_bytes=settings.max_body_bytes)
    app.add_middleware(Methods, router=app.router)  # outside gzip: a HEAD has the GET's headers
    app.add_middleware(TargetLimit)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=[TRUNCATED, ROW_LIMIT, "Location"],
        )
    problems.install(app, private_paths=[settings.store])
    problems.document(app)
    # FastAPI tries the routers in this order, and each of a router's routes in turn (a regular
    # expression and its own bookkeeping each): the routers of one or two fixed paths come
    # first, the collections' twenty (ids in the path) last, so a SPARQL question passes 2
    # routes before its own instead of 33 (~0.05 ms of a 0.35 ms request in the app).
    for module in (sparql, triples, resource, search, documents, graph_store, pages, query_page, docs, analysis, rest):
        app.include_router(module.router)
    app.mount("/static", Files(directory=STATIC), name="static")
    return app
