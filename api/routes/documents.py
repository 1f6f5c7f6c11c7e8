"""``/api/documents``: what was ingested, with the facts each document states; adding a
document by upload and removing one (both need the write token).

An upload is checked in this order, each step before the costlier next one: the token (before
any of the body is read), the declared body size (:mod:`zonekg.api.body_limit`), the file's
name, then reading, extraction and mapping in a child process under the document limits
(:mod:`zonekg.loaders.sandbox`), outside the write lock. Only the finished document's quads
are written, under the lock, in one transaction: an unreadable or oversized file changes
nothing and holds up no other write. Uploading a file of a name already present replaces
that document; a different name that maps to the same document is refused (409).
"""
from __future__ import annotations

import shutil
import tempfile
import unicodedata
from pathlib import Path, PureWindowsPath
from typing import IO, Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from zonekg.api.auth import WriteAccess
from zonekg.api.deps import ServiceDep
from zonekg.api.formats import produces
from zonekg.api.paging import Limit, Offset, page
from zonekg.api.parameters import check, form_fields
from zonekg.api.service import Service
from zonekg.graph.errors import DocumentNotFound, InvalidParameter
from zonekg.loaders.pipeline import DocumentSummary, land, stored_file_name
from zonekg.loaders.readers import supported_suffix
from zonekg.ontology.iris import document_iri

router = APIRouter(prefix="/api/documents", tags=["Documents"])
JSON = produces("application/json")
"""Every route here but DELETE answers in JSON (a 204 has no body to negotiate)."""

FileName = Annotated[str, PathParam(description="The document's file name", examples=["高新区2024年工作要点.txt"])]
MAX_NAME_BYTES = 255
"""A file name's limit on every common file system, in UTF-8 bytes."""

UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object",
            "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary",
                                    "description": "The document, e.g. 高新区2024年工作要点.docx"}},
            "additionalProperties": False,
        }}},
    }
}
"""The upload's body in the OpenAPI description (the route reads it itself, after the token)."""
UPLOAD_TAKES = form_fields(UPLOAD_BODY["requestBody"]["content"]["multipart/form-data"]["schema"])
"""The upload form's one field, taken once: any other is refused, as an unknown URL parameter is."""


def file_name(given: str | None) -> str:
    """The document name an upload's file name gives: its last path component, checked.

    Refused (422): no name, a hidden name, control characters (NUL included), and a name over
    255 bytes, the longest any file system keeps.
    """
    name = PureWindowsPath(given or "").name  # drops any folder, / or \ alike
    if not name.strip() or name.startswith("."):
        raise InvalidParameter("the upload needs a file name (such as 工作要点.txt)")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in name):
        raise InvalidParameter("the file name contains control characters; rename the file")
    size = len(name.encode("utf-8"))
    if size > MAX_NAME_BYTES:
        raise InvalidParameter(f"the file name is too long: {size} bytes in UTF-8, limit {MAX_NAME_BYTES}")
    return name


def _ingest(service: Service, name: str, content: IO[bytes]) -> DocumentSummary:
    with tempfile.TemporaryDirectory(prefix="zonekg-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            shutil.copyfileobj(content, out)
        prepared = service.extraction.prepare(path)
    with service.writing([prepared.summary.iri]) as store:
        land(prepared, store)
    return prepared.summary


def _remove(service: Service, name: str) -> bool:
    with service.writing([document_iri(name)]) as store:
        if stored_file_name(store, document_iri(name)) != name:
            return False  # none, or another file's document under the same IRI
        return store.remove_document(document_iri(name))


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess, JSON],
    openapi_extra=UPLOAD_BODY,
    summary="Add (or replace) a document by upload",
    description="Multipart upload of one file (field `file`) of any supported type. Answers 201 "
    "with what landed (counts per kind); 422 with the reason when the file cannot be read or its "
    "name cannot be used, 413 when it is over a limit (upload size, characters, nesting, unpacked "
    "size, time or memory to read it), 409 when another file's document has the same IRI; the "
    "store is then unchanged. Needs `Authorization: Bearer <token>`, checked before the body is read.",
)
async def upload(request: Request, service: ServiceDep) -> JSONResponse:
    form = await request.form(max_files=1, max_fields=8)
    try:
        check(UPLOAD_TAKES, form.multi_items(), "the upload", "form field")
        sent = form.get("file")
        if not isinstance(sent, UploadFile):
            raise InvalidParameter("send the document as the multipart/form-data field `file`")
        name = file_name(sent.filename)
        supported_suffix(Path(name))  # before the file is written and a reader started
        summary = await run_in_threadpool(_ingest, service, name, sent.file)
    finally:
        await form.close()
    body = {"file": summary.file, "id": summary.iri, "triples": summary.triples, "counts": summary.counts,
            "warnings": summary.warnings}
    return JSONResponse(body, status_code=201, headers={"Location": f"/api/documents/{quote(summary.file)}"})


@router.get("", summary="List the ingested documents", dependencies=[JSON])
async def list_documents(request: Request, service: ServiceDep, limit: Limit = 50, offset: Offset = 0) -> dict:
    found = service.catalog.documents_at_once(limit, offset)  # from the read model: no hop to a thread
    items, total = found if found is not None else await run_in_threadpool(service.catalog.documents, limit, offset)
    return page(request, items, total, limit, offset)


@router.get(
    "/{file}",
    dependencies=[JSON],
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
    if not await run_in_threadpool(_remove, service, file_name(file)):
        raise DocumentNotFound(f"no document {file}")
    return Response(status_code=204)
