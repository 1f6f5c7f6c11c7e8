"""The SPARQL 1.1 Protocol endpoint: queries for everyone, updates for the token holder.

Queries run in the killable query workers (see :mod:`zonekg.graph.executor`) over a
read-only snapshot; updates run on the store itself under the service's write lock and are
published to the workers afterwards. The dataset is fixed (the default graph is the union of
all documents, each document a named graph), so ``default-graph-uri`` and friends are refused.
"""
from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.auth import require_token
from zonekg.api.deps import ServiceDep
from zonekg.api.formats import GRAPH, TABULAR, accept, negotiate
from zonekg.api.parameters import check, form_fields
from zonekg.api.problems import UnsupportedMediaType
from zonekg.api.service_description import describe_service
from zonekg.api.service import Service
from zonekg.graph.answers import within
from zonekg.graph.errors import ClientTimeLimit, InvalidRequest, QueryError, QueryTimeout
from zonekg.graph.executor import GraphResult, QueryResult
from zonekg.graph.results import write
from zonekg.graph.update_reading import MAX_DEPTH, refuse
from zonekg.graph.sparql_text import check_endpoints
from zonekg.ontology import PREFIXES

router = APIRouter(tags=["SPARQL"])

QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
FORM = "application/x-www-form-urlencoded"
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")
FIXED_DATASET = ("the dataset is fixed (default graph = union of all documents); name graphs in the query "
                 "with FROM or GRAPH instead")
REFUSED = f"Not supported (400): {FIXED_DATASET}"
EXAMPLE = "SELECT ?p ?name WHERE { ?p a zk:Project ; rdfs:label ?name }"
FORM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "query": {"type": "string", "description": "The SPARQL query", "example": EXAMPLE},
        "update": {"type": "string", "description": "A SPARQL update (needs the token)"},
        **{name: {"type": "array", "items": {"type": "string"}, "description": REFUSED} for name in DATASET_PARAMS},
    },
    "oneOf": [{"required": ["query"]}, {"required": ["update"]}],
    "additionalProperties": False,
}
"""A form body of POST /sparql (``application/x-www-form-urlencoded``), as documented and as read."""
FORM_TAKES = form_fields(FORM_SCHEMA)
SYNTAX_ERRORS = ("syntax error", "unknown prefix")
"""How :func:`~zonekg.graph.sparql_text.explain_syntax_error` starts its messages."""
WRITE_AT_ONCE = (500, 16 * 1024)
"""An answer of at most this many values (or bytes of triples) is written on the event loop: a
hop to a thread and back costs more (0.1–1 ms, more on a busy machine) than writing it."""
CHECK_AT_ONCE = 16 * 1024
"""A query of at most this many characters has its endpoints checked on the event loop (under a
millisecond); a longer one on a thread: the check reads every token, about 15 µs a character,
so a 13 MB query held the event loop, and every other client, for over a minute."""
TRUNCATED = "X-Zonekg-Truncated"
ROW_LIMIT = "X-Zonekg-Row-Limit"

DESCRIPTION = f"""
SPARQL 1.1 Protocol. A query comes as `?query=` (GET), as a form field `query` (POST
`{FORM}`) or as the body of a POST `{QUERY}`. The prefixes {", ".join(f"`{p}:`" for p in PREFIXES)}
are predeclared; the default graph is the union of all documents, each document being a named
graph (its IRI is `https://w3id.org/zonekg/id/document/<file name>`).

**Formats.** SELECT/ASK: JSON (default), XML, CSV, TSV; CONSTRUCT/DESCRIBE: Turtle (default),
N-Triples, JSON-LD, RDF/XML. Choose with `Accept` or `?format=json|xml|csv|tsv|ttl|nt|jsonld|rdfxml`.

**Limits.** Every query has a time limit (the server's, lowered per request with `?timeout=`
seconds, never raised); past the server's limit the query is stopped and the answer is `503`
with `Retry-After`; past a shorter limit the request set itself, `400` (that limit was its choice). Results are capped at the server's row limit: a cut result has the header
`{TRUNCATED}: true` (and `{ROW_LIMIT}`), and JSON results the top-level member `"truncated": true`.
A query known to run long (it took a second or more before) waits for a free worker while
one worker is kept for short queries. Small answers are kept until the next write, so the same
query asked again (or by many clients at once) is answered once; `Cache-Control: no-cache`
runs it again.

**Updates** (POST `{UPDATE}`, or form field `update`) need `Authorization: Bearer <token>`:
`403` when the server has no token configured, `401` when the token is missing or wrong,
`429` with `Retry-After` once the client has sent too many wrong ones, `204` when applied. An
update nested or chained deeper than {MAX_DEPTH:,} terms (brackets, `UNION`, operators) is
refused with `400`, as is one that takes longer than the time limit to read.

**Federation.** `SERVICE` (and, in updates, `LOAD`) is off unless the operator allows
endpoints (`zonekg serve --allow-service URL`); a query that would call any other address is
refused with `403` before it runs. `LOAD` never reads `file:`.

**Errors** are `application/problem+json`: `400` for a malformed query (line, column and the
text around the error; an unknown prefix is named), `403` for a refused endpoint, `406` for an
unavailable format, `413` for a body over the size limit, `415` for an unknown request body type.

GET with neither `query` nor `update` returns the service description (Turtle by default).

Example: `SELECT ?project ?agency WHERE {{ ?project zk:leadAgency ?agency . ?agency skos:altLabel "经发局"@zh }}`
"""


def _refuse_dataset(given: list[str]) -> None:
    if given:
        raise InvalidRequest(f"{', '.join(given)} is not supported: {FIXED_DATASET}")


async def query_dataset(
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri", description=REFUSED)] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri", description=REFUSED)] = None,
) -> list[str]:
    """The dataset parameters a query may give in its URL (SPARQL 1.1 Protocol §2.1), declared
    so that they are documented, and refused with the reason."""
    return [name for name, value in zip(DATASET_PARAMS, (default_graph_uri, named_graph_uri)) if value is not None]


async def any_dataset(
    given: Annotated[list[str], Depends(query_dataset)],
    using_graph_uri: Annotated[list[str] | None, Query(alias="using-graph-uri", description=REFUSED)] = None,
    using_named_graph_uri: Annotated[list[str] | None, Query(alias="using-named-graph-uri",
                                                             description=REFUSED)] = None,
) -> list[str]:
    """The dataset parameters a POST may give in its URL: a query's, and an update's (§2.2)."""
    using = zip(DATASET_PARAMS[2:], (using_graph_uri, using_named_graph_uri))
    return given + [name for name, value in using if value is not None]


async def _operation(request: Request, max_bytes: int) -> tuple[str | None, str | None, list[str]]:
    """``(query, update, dataset fields given)`` from a POST's body: a form or the operation
    itself. A form field may be as long as a body may (``max_bytes``), not the framework's 1 MB."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == QUERY:
        return await _utf8(request), None, []
    if content_type == UPDATE:
        return None, await _utf8(request), []
    if content_type == FORM:
        form = await request.form(max_part_size=max_bytes)
        check(FORM_TAKES, form.multi_items(), "the form of POST /sparql", "form field")
        return _field(form.get("query")), _field(form.get("update")), [p for p in DATASET_PARAMS if p in form]
    raise UnsupportedMediaType(f"send a query as {QUERY} or {FORM}, an update as {UPDATE}; got {content_type!r}")


async def _utf8(request: Request) -> str:
    """The body as text: the SPARQL protocol sends queries and updates in UTF-8, so other
    bytes are the client's mistake (400), not the server's (they were a 500)."""
    body = await request.body()
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRequest(f"the body is not UTF-8: byte {exc.start} is {body[exc.start]:#04x}") from None


def _field(value: object) -> str | None:
    return value if isinstance(value, str) else None


def wants_fresh(request: Request) -> bool:
    """Whether the client asked for the query to be run again (``Cache-Control: no-cache``,
    ``max-age=0`` or ``Pragma: no-cache``) rather than answered from the kept answers."""
    directives = {d.strip().lower() for d in request.headers.get("cache-control", "").split(",")}
    return bool(directives & {"no-cache", "no-store", "max-age=0"}) or "no-cache" in request.headers.get("pragma", "")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def kept_answer(request: Request, service: Service, query: str, fmt_name: str | None) -> Response | None:
    """The answer kept for ``query`` at this generation, as negotiated, or None when none is
    kept or the client asked for a fresh run. Found on the event loop inside the client's
    fair-share slot: no check (the query's endpoints were checked when it ran), no thread."""
    with service.client_slots.hold(_client(request)):
        result = None if wants_fresh(request) else service.sparql.kept(query)
    return None if result is None else await respond(request, result, fmt_name, service.executor.max_rows)


async def answer(
    request: Request, service: Service, query: str, fmt_name: str | None, timeout: float | None
) -> Response:
    """A read query's answer under the user limits (time, rows, endpoints), as negotiated."""
    if (kept := await kept_answer(request, service, query, fmt_name)) is not None:
        return kept
    check = partial(check_endpoints, query, PREFIXES, service.settings.allowed_services)
    remote = []
    try:
        with service.client_slots.hold(_client(request)):
            # within the client's slot: one client cannot have many long checks running at once
            remote = check() if len(query) <= CHECK_AT_ONCE else await run_in_threadpool(check)
            result = await run_in_threadpool(service.sparql.run, query, timeout=timeout, fresh=wants_fresh(request))
    except QueryTimeout as exc:
        if timeout is not None and timeout < service.executor.timeout:
            raise ClientTimeLimit(
                f"{exc}: the limit this request set with timeout=; "
                f"the server allows up to {service.executor.timeout:g} s"
            ) from None
        raise
    except QueryError as exc:
        if remote and not str(exc).startswith(SYNTAX_ERRORS):
            # the engine's text would tell an open port from a closed one
            raise QueryError("a federated SERVICE call failed: the endpoint gave no SPARQL results") from None
        raise
    return await respond(request, result, fmt_name, service.executor.max_rows)


async def respond(request: Request, result: QueryResult, fmt_name: str | None, max_rows: int) -> Response:
    """``result`` in the format the request negotiated; a cut result says so (at ``max_rows``)."""
    graph = isinstance(result, GraphResult)
    fmt = negotiate(GRAPH if graph else TABULAR, accept(request), fmt_name)
    if within(result, *WRITE_AT_ONCE):
        body = write(result, fmt.name)
    else:
        body = await run_in_threadpool(write, result, fmt.name)
    headers = {"Vary": "Accept"}
    if getattr(result, "truncated", False):
        headers[TRUNCATED] = "true"
        headers[ROW_LIMIT] = str(max_rows)
    return Response(body, media_type=fmt.media_type, headers=headers)


def _apply_update(service: Service, update: str) -> None:
    remote = check_endpoints(update, PREFIXES, service.settings.allowed_services)
    reading = service.executor.read_update(update)  # an update that would crash its reader crashes a worker
    refuse(reading)
    with service.writing(reading.graphs) as store:
        try:
            store.update(update, reading)  # a syntax error comes explained (line, column, text around)
        except OSError:
            if not remote:
                raise
            raise QueryError("LOAD or SERVICE failed: the endpoint gave no RDF") from None


QueryText = Annotated[str | None, Query(description="The SPARQL query", examples=[EXAMPLE])]
FormatName = Annotated[str | None, Query(description="json, xml, csv, tsv | ttl, nt, jsonld, rdfxml")]
Timeout = Annotated[float | None, Query(gt=0, description="Seconds, below the server's limit")]


async def sparql_get(
    request: Request,
    service: ServiceDep,
    dataset: Annotated[list[str], Depends(query_dataset)],
    query: QueryText = None,
    format: FormatName = None,  # noqa: A002
    timeout: Timeout = None,
) -> Response:
    _refuse_dataset(dataset)
    if query:
        return await answer(request, service, query, format, timeout)
    return await describe_service(request, service)


async def sparql_post(
    request: Request,
    service: ServiceDep,
    dataset: Annotated[list[str], Depends(any_dataset)],
    format: FormatName = None,  # noqa: A002
    timeout: Timeout = None,
) -> Response:
    text, update, in_form = await _operation(request, service.settings.max_body_bytes)
    _refuse_dataset(dataset + in_form)
    if text and update:
        raise InvalidRequest("send either a query or an update, not both")
    if update:
        require_token(request, service)
        await run_in_threadpool(_apply_update, service, update)
        return Response(status_code=204)
    if text:
        return await answer(request, service, text, format, timeout)
    raise InvalidRequest("give a SPARQL query (`query`) or update (`update`)")


RESPONSES: dict[int | str, dict] = {
    200: {"content": {f.media_type: {} for f in (*TABULAR, *GRAPH)}},
    204: {"description": "Update applied"},
}
router.add_api_route("/sparql", sparql_get, methods=["GET"], summary="SPARQL 1.1 query (or service description)",
                     description=DESCRIPTION, responses=RESPONSES, operation_id="sparql_get")
router.add_api_route("/sparql", sparql_post, methods=["POST"], summary="SPARQL 1.1 query or update",
                     description=DESCRIPTION, responses=RESPONSES, operation_id="sparql_post",
                     openapi_extra={"requestBody": {"required": True, "content": {
                         FORM: {"schema": FORM_SCHEMA},
                         QUERY: {"schema": {"type": "string"}, "example": EXAMPLE},
                         UPDATE: {"schema": {"type": "string"}},
                     }}})
