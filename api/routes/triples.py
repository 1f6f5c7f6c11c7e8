"""``/api/triples``: the triple-pattern layer (any of subject, predicate, object fixed)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import ServiceDep
from zonekg.api.paging import Limit, Offset, next_url
from zonekg.graph.catalog import resolve_iri
from zonekg.graph.errors import InvalidRequest
from zonekg.graph.terms import Param

router = APIRouter(prefix="/api", tags=["REST"])

IRI_FORMS = "a full IRI, `<IRI>`, a prefixed name (`zk:leadAgency`) or the path after `/id/`"


def _iri(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    iri = resolve_iri(value)
    if iri is None:
        raise InvalidRequest(f"`{name}` must be {IRI_FORMS.replace('`', '')}; got {value!r}")
    return iri


def object_param(value: str | None) -> Param | None:
    """``o`` is an IRI when it looks like one, else a literal; ``"…"`` forces a literal."""
    if value is None:
        return None
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        return Param(value[1:-1])
    iri = resolve_iri(value)
    return Param.iri(iri) if iri is not None else Param(value)


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
    s: Annotated[str | None, Query(description=f"Subject: {IRI_FORMS}",
                                   examples=["zone/滨江新区"])] = None,
    p: Annotated[str | None, Query(description=f"Predicate: {IRI_FORMS}",
                                   examples=["zk:leadAgency"])] = None,
    o: Annotated[str | None, Query(description="Object: an IRI (as for `s`) or a literal, matched "
                                   'on its text whatever its language; `"…"` forces a literal',
                                   examples=["经发局"])] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict:
    items, more = await run_in_threadpool(
        service.catalog.triples, _iri("s", s), _iri("p", p), object_param(o), limit, offset
    )
    return {"items": items, "limit": limit, "offset": offset, "next": next_url(request, limit, offset, more)}
