"""The SPARQL 1.1 query endpoint (read-only)."""
from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.deps import get_service
from zonekg.api.service import Service
from zonekg.graph.executor import AskResult, GraphResult, QueryResult

router = APIRouter(tags=["SPARQL"])


def results_json(result: QueryResult) -> bytes:
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value}).encode()
    assert not isinstance(result, GraphResult)
    bindings = []
    for row in result.rows:
        binding = {}
        for name, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            kind, value, language, datatype = term
            entry = {"type": kind, "value": value}
            if language:
                entry["xml:lang"] = language
            if datatype:
                entry["datatype"] = datatype
            binding[name] = entry
        bindings.append(binding)
    return json.dumps(
        {"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False
    ).encode()


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query")
async def sparql(request: Request, service: Annotated[Service, Depends(get_service)]) -> Response:
    query = request.query_params.get("query")
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        if content_type == "application/sparql-query":
            query = (await request.body()).decode("utf-8")
        else:
            query = (await request.form()).get("query")
    if not query:
        raise HTTPException(400, "give a SPARQL query in the `query` parameter")
    result = await run_in_threadpool(service.executor.run, str(query))
    if isinstance(result, GraphResult):
        return Response(result.ntriples, media_type="application/n-triples")
    return Response(results_json(result), media_type="application/sparql-results+json")
