"""``/api/triples``: the triple-pattern layer (any of subject, predicate, object fixed)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.formats import produces
from zonekg.api.paging import Limit, Offset, next_url
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidRequest
from zonekg.graph.terms import Param, is_iri

router = APIRouter(prefix="/api", tags=["REST"], dependencies=[produces("application/json")])

IRI_FORMS = "a full IRI, `<IRI>`, a prefixed name (`zk:leadAgency`) or the path after `/id/`"


def _iri(name: str, value: str | None) -> str | None:
    return None if value is None else _iri_of(name, value)


def _iri_of(name: str, value: str) -> str:
    """The IRI ``value`` names; an InvalidRequest when it names none, or only looks like it
    does (``zone/%FF``, ``<>``): the engine's own words were 'ValueError: Invalid IRI'."""
    iri = resolve_iri(value)
    if iri is None or not is_iri(iri):
        raise InvalidRequest(f"`{name}` must be {IRI_FORMS.replace('`', '')}; got {value!r}")
    return iri


def object_param(value: str | None) -> Param | None:
    """``o`` is an IRI when it looks like one, else a literal; ``"…"`` forces a literal."""
    if value is None:
        return None
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        return Param(value[1:-1])
    return Param.iri(_iri_of("o", value)) if resolve_iri(value) is not None else Param(value)


@router.get(
    "/triples",
    summary="Triples matching a pattern",
    description="Leave out any of `s`, `p`, `o` to match anything there. Items are "
    "`{s, p, o}` terms in the SPARQL JSON results shape, in the store's index order (the same from "
    "page to page while the store is unchanged; a page costs the page, not a sort of every match); "
    "the default graph is the union of all documents. There is no `total` (counting every triple "
    "would cost more than the page): follow `next` until it is null.",
)
async def triples(
    request: Request,
    service: ServiceDep,
    s: Annotated[str | None, Query(min_length=1, description=f"Subject: {IRI_FORMS}",
                                   examples=["zone/滨江新区"])] = None,
    p: Annotated[str | None, Query(min_length=1, description=f"Predicate: {IRI_FORMS}",
                                   examples=["zk:leadAgency"])] = None,
    o: Annotated[str | None, Query(description="Object: an IRI (as for `s`) or a literal, matched "
                                   'on its text whatever its language; `"…"` forces a literal',
                                   examples=["经发局"])] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict:
    pattern = (_iri("s", s), _iri("p", p), object_param(o), limit, offset)
    page = service.catalog.triples_at_once(*pattern)  # a small page: no hop to a thread
    items, more = page if page is not None else await run_in_threadpool(service.catalog.triples, *pattern)
    return {"items": items, "limit": limit, "offset": offset, "next": next_url(request, limit, offset, more)}
