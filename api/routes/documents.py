"""``/api/documents``: what was ingested, with the facts each document states; adding a
document by upload and removing one (both need the write token).

An upload is read, extracted and mapped completely before the store is touched (that is how
:func:`~zonekg.loaders.pipeline.ingest_file` works), so an unreadable file changes nothing.
Uploading a file of a name already present replaces that document.
"""
from __future__ import annotations

import tempfile
from pathlib import Path, PureWindowsPath
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from zonekg.api.auth import WriteAccess
from zonekg.api.deps import ServiceDep
from zonekg.api.paging import Limit, Offset, page
from zonekg.api.service import Service
from zonekg.graph.errors import DocumentNotFound, InvalidParameter
from zonekg.loaders.pipeline import DocumentSummary, ingest_file
from zonekg.ontology.iris import document_iri

router = APIRouter(prefix="/api/documents", tags=["Documents"])

FileName = Annotated[str, PathParam(description="The document's file name", examples=["高新区2024年工作要点.txt"])]


def _ingest(service: Service, name: str, content: bytes) -> DocumentSummary:
    with tempfile.TemporaryDirectory(prefix="zonekg-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        with service.write_lock:
            summary = ingest_file(path, service.store)
            service.after_write()
    return summary


def _remove(service: Service, name: str) -> bool:
    with service.write_lock:
        removed = service.store.remove_document(document_iri(name))
        if removed:
            service.after_write()
    return removed


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess],
    summary="Add (or replace) a document by upload",
    description="Multipart upload of one file (field `file`) of any supported type. Answers 201 "
    "with what landed (counts per kind); 422 with the reason when the file cannot be read, and "
    "then the store is unchanged. Needs `Authorization: Bearer <token>`.",
)
async def upload(
    service: ServiceDep,
    file: Annotated[UploadFile, File(description="The document, e.g. 高新区2024年工作要点.docx")],
) -> JSONResponse:
    name = PureWindowsPath(file.filename or "").name  # drops any folder, / or \ alike
    if not name or name.startswith("."):
        raise InvalidParameter("the upload needs a file name (such as 工作要点.txt)")
    content = await file.read()
    summary = await run_in_threadpool(_ingest, service, name, content)
    body = {"file": summary.file, "id": summary.iri, "triples": summary.triples, "counts": summary.counts}
    return JSONResponse(body, status_code=201, headers={"Location": f"/api/documents/{quote(summary.file)}"})


@router.get("", summary="List the ingested documents")
async def list_documents(request: Request, service: ServiceDep, limit: Limit = 50, offset: Offset = 0) -> dict:
    items, total = await run_in_threadpool(service.catalog.documents, limit, offset)
    return page(request, items, total, limit, offset)


@router.get(
    "/{file}",
    summary="One document: metadata, counts per kind, and every fact with its quote",
)
async def get_document(service: ServiceDep, file: FileName) -> dict:
    document = await run_in_threadpool(service.catalog.document, file)
    if document is None:
        raise DocumentNotFound(f"no document {file}")
    return document


@router.delete(
    "/{file}",
    status_code=204,
    dependencies=[WriteAccess],
    summary="Remove a document (its named graph)",
    description="Needs `Authorization: Bearer <token>`. 404 when there is no such document.",
)
async def delete_document(service: ServiceDep, file: FileName) -> Response:
    if not await run_in_threadpool(_remove, service, file):
        raise DocumentNotFound(f"no document {file}")
    return Response(status_code=204)
