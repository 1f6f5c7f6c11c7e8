"""The REST layer: lists and details of zones, agencies, companies, industries, projects and
targets, read through :class:`~zonekg.graph.catalog.Catalog`.

Each list returns ``{"items", "total", "limit", "offset", "next"}`` (plus ``facets`` for
projects and targets); each item carries ``id``, ``name``, ``aliases`` and ``sources``
(document file name and quote). Entity filters (``zone``, ``lead``, ``participant``,
``industry``, ``administration``) take a name, any alias, or an IRI.
"""
# No ``from __future__ import annotations`` here: the route factories below put closure
# variables (the filter dependency, the example id) into annotations FastAPI must evaluate.
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import produces
from zonekg.api.ids import ID_DESCRIPTION, KIND_SEGMENT, entity_iri
from zonekg.api.paging import Limit, Offset, page
from zonekg.api.service import Service
from zonekg.graph.catalog import FACETS, ListFilter
from zonekg.graph.errors import AmbiguousName, EntityNotFound, Starting

router = APIRouter(prefix="/api", tags=["REST"], dependencies=[produces("application/json")])

COLLECTIONS: dict[str, tuple[str, str]] = {
    "zones": ("开发区与园区", "滨江新区"),
    "agencies": ("部门与单位", "滨江新区管委会/经济发展局"),
    "companies": ("企业", "华芯电池有限公司"),
    "industries": ("产业", "智能制造"),
    "projects": ("项目", "滨江新区/滨江物流中心"),
    "targets": ("目标（指标）", "高新区2024年工作要点.txt/0123456789ab"),
}
"""Each collection's Chinese title and an example ``{id}`` (after the kind) for the docs."""

ENTITY = "a name, any alias, or an IRI"


async def common_filters(
    q: Annotated[str | None, Query(description="Text in a name or alias", examples=["经发局"])] = None,
    zone: Annotated[str | None, Query(description=f"Belongs to this zone or its parks: {ENTITY}",
                                      examples=["高新区"])] = None,
    document: Annotated[str | None, Query(description="Stated in this document (file name or IRI)",
                                          examples=["高新区2024年工作要点.txt"])] = None,
) -> ListFilter:
    return ListFilter(q=q, zone=zone, document=document)


async def project_filters(
    common: Annotated[ListFilter, Depends(common_filters)],
    lead: Annotated[str | None, Query(description=f"Led by this agency: {ENTITY}", examples=["经发局"])] = None,
    administration: Annotated[str | None, Query(
        description=f"Only lead agencies of this administration: {ENTITY}", examples=["高新区管委会"])] = None,
    participant: Annotated[str | None, Query(description=f"With this participating agency: {ENTITY}",
                                             examples=["科创局"])] = None,
    industry: Annotated[str | None, Query(description=f"Of this industry: {ENTITY}", examples=["智能制造"])] = None,
) -> ListFilter:
    common.lead, common.administration = lead, administration
    common.participant, common.industry = participant, industry
    return common


async def _page(request: Request, service: Service, collection: str, flt: ListFilter, limit: int, offset: int) -> dict:
    def read() -> dict:
        items, total = service.catalog.list(collection, flt, limit, offset)
        extra = {"facets": service.catalog.facets(collection, flt)} if collection in FACETS else {}
        return page(request, items, total, limit, offset, **extra)

    return await run_in_threadpool(read)


def _lister(collection: str, filters: Callable[..., Awaitable[ListFilter]]) -> Callable[..., Any]:
    async def list_items(
        request: Request,
        service: ServiceDep,
        flt: Annotated[ListFilter, Depends(filters)],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict:
        return await _page(request, service, collection, flt, limit, offset)

    return list_items


def _find(service: Service, collection: str, value: str) -> str:
    """The IRI of the member of ``collection`` that path ``{id}`` ``value`` names; 404 if none.

    An IRI form is tried first; a bare name or alias is accepted when exactly one member has it.
    """
    if not value.strip():
        raise EntityNotFound(f"the path gives an empty {KIND_SEGMENT[collection]} id: put an IRI, the IRI's path "
                             f"after /id/ or a name after /api/{collection}/")
    iri = entity_iri(collection, value)
    if collection in service.catalog.kinds(iri):
        return iri
    named = service.catalog.refs(collection, ListFilter(name=value), 2) if "/" not in value else []
    if len(named) == 1 and named[0]["id"]:
        return named[0]["id"]
    if named:
        raise AmbiguousName(f"{value!r} names several {collection}; use an IRI: "
                            + ", ".join(str(r["id"]) for r in named))
    raise EntityNotFound(f"no {KIND_SEGMENT[collection]} {iri}")


def _detail(collection: str, example: str) -> Callable[..., Any]:
    async def get_item(
        service: ServiceDep,
        id: Annotated[str, Path(description=ID_DESCRIPTION, examples=[example])],  # noqa: A002
    ) -> dict:
        iri = await run_in_threadpool(_find, service, collection, id)
        if collection == "zones":
            item = await run_in_threadpool(service.catalog.zone, iri)
        else:
            item = await run_in_threadpool(service.catalog.entity, collection, iri)
        if item is None:
            raise EntityNotFound(f"no {KIND_SEGMENT[collection]} {iri}")
        return item

    return get_item


async def _to_list(request: Request) -> RedirectResponse:
    """``/api/projects/`` is the list (it looked for the project named '', which "names several
    projects"): redirected as the framework redirects every other path with a trailing slash."""
    return RedirectResponse(str(request.url.replace(path=request.url.path.rstrip("/"))), status_code=307)


@router.get("/health", summary="Is the service ready?",
            description="200 once the service answers lists at once; 503 with `Retry-After` while it "
            "is still reading its store's names and counts (after a start on a large store).")
async def health(service: ServiceDep) -> dict:
    if not service.model.ready:
        raise Starting("the service is reading its store's names and counts")
    first = service.catalog.documents_at_once(1, 0)  # from the read model: no hop to a thread
    _, documents = first if first is not None else await run_in_threadpool(service.catalog.documents, 1, 0)
    return {"status": "ok", "documents": documents}  # counted as /api/documents counts them


@router.get(
    "/agencies/{id:path}/projects",
    summary="Projects an agency leads or takes part in",
    description="Paged like every list; `role` narrows to the projects it leads or joins.",
)
async def agency_projects(
    request: Request,
    service: ServiceDep,
    id: Annotated[str, Path(description=ID_DESCRIPTION, examples=["高新区管委会/经济发展局"])],  # noqa: A002
    role: Annotated[Literal["any", "lead", "participant"], Query(description="Which role")] = "any",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    iri = await run_in_threadpool(_find, service, "agencies", id)
    flt = ListFilter(**{"agency" if role == "any" else role: iri})
    return await _page(request, service, "projects", flt, limit, offset)


for _collection, (_title, _example) in COLLECTIONS.items():
    router.add_api_route(
        f"/{_collection}",
        _lister(_collection, project_filters if _collection == "projects" else common_filters),
        methods=["GET"],
        summary=f"List {_collection} ({_title})",
        operation_id=f"list_{_collection}",
    )
    router.add_api_route(f"/{_collection}/", _to_list, methods=["GET"], include_in_schema=False,
                         response_class=RedirectResponse)
    router.add_api_route(
        f"/{_collection}/{{id:path}}",
        _detail(_collection, _example),
        methods=["GET"],
        summary=f"One of the {_collection} ({_title})"
        + (": with its parks, industries, agencies, projects and targets" if _collection == "zones" else ""),
        operation_id=f"get_{KIND_SEGMENT[_collection]}",
    )
