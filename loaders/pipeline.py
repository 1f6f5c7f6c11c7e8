"""Ingestion: files and folders in, one named graph per document out, failures reported.

Each document is read, extracted and mapped completely before the store is touched, and then
its graph is replaced in one transaction: a bad file is named and skipped, and nothing is ever
left half-written.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from zonekg.graph.store import GraphStore
from zonekg.loaders.document import SourceDocument, UnreadableDocument
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Extraction, Kind
from zonekg.loaders.mapping import to_quads
from zonekg.loaders.readers import SUPPORTED_SUFFIXES, read_document
from zonekg.ontology.iris import document_iri


COLLECTION_OF_KIND = {
    Kind.ZONE: "zones",
    Kind.AGENCY: "agencies",
    Kind.COMPANY: "companies",
    Kind.INDUSTRY: "industries",
    Kind.PROJECT: "projects",
}


@dataclass
class DocumentSummary:
    """What landed for one document: counts per kind, for reports and the upload API."""

    file: str
    iri: str
    triples: int
    counts: dict[str, int]


@dataclass
class IngestReport:
    ingested: list[DocumentSummary] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and every supported file under the folders named, in a stable order.

    Files named explicitly are yielded whatever their suffix (so an unsupported one is reported);
    inside folders only supported suffixes are taken, hidden files are skipped.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not any(
                    part.startswith(".") for part in rel.parts
                ):
                    yield child
        else:
            yield path


def summarize(document: SourceDocument, extraction: Extraction, triples: int) -> DocumentSummary:
    counts = {collection: 0 for collection in COLLECTION_OF_KIND.values()}
    for entity in extraction.entities:
        counts[COLLECTION_OF_KIND[entity.kind]] += 1
    counts["targets"] = sum(1 for t in extraction.targets if not t.actual)
    counts["lead_pairs"] = sum(1 for f in extraction.facts if f.relation.value == "leadAgency")
    return DocumentSummary(document.name, document_iri(document.name), triples, counts)


@dataclass
class PreparedDocument:
    """A document read, extracted and mapped, ready to land: its summary and its quads."""

    summary: DocumentSummary
    nquads: bytes


def prepare(path: Path) -> PreparedDocument:
    """Read, extract and map one file without touching a store (so it can run in a worker).

    Raises UnreadableDocument for bad input.
    """
    if not path.exists():
        raise UnreadableDocument(path, "no such file")
    document = read_document(path)
    extraction = extract(document)
    quads = to_quads(document, extraction)
    body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    return PreparedDocument(summarize(document, extraction, len(quads)), body)


def land(prepared: PreparedDocument, store: GraphStore) -> None:
    """Replace the document's graph in the store, in one transaction."""
    store.replace_document(prepared.summary.iri, ox.parse(prepared.nquads, format=ox.RdfFormat.N_QUADS))


def ingest_file(path: Path, store: GraphStore) -> DocumentSummary:
    """Read, extract, map and store one file; raises UnreadableDocument for bad input."""
    prepared = prepare(path)
    land(prepared, store)
    return prepared.summary


def _prepare_or_reason(path: Path) -> tuple[PreparedDocument | None, str | None]:
    """:func:`prepare`, with failures turned into a reason (picklable, for worker processes)."""
    try:
        return prepare(path), None
    except UnreadableDocument as exc:
        return None, exc.reason
    except Exception as exc:  # a bug on one document must not lose the others
        return None, f"internal error ({type(exc).__name__}: {exc})"


def _prepared(files: list[Path], jobs: int) -> Iterator[tuple[PreparedDocument | None, str | None]]:
    """Prepared documents in file order, from ``jobs`` worker processes when more than one."""
    if jobs <= 1 or len(files) <= 1:
        yield from map(_prepare_or_reason, files)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_prepare_or_reason, files)


def ingest(
    paths: Iterable[Path],
    store: GraphStore,
    *,
    jobs: int = 1,
    on_file: Callable[[Path, DocumentSummary | None, str | None], None] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; ``on_file`` is told of each outcome (for progress).

    With ``jobs`` > 1, reading and extraction run in that many worker processes while this
    process writes each finished document to the store (the store has one writer).
    """
    report = IngestReport()
    files = list(iter_files(paths))
    for path, (prepared, reason) in zip(files, _prepared(files, jobs), strict=True):
        if prepared is not None:
            try:
                land(prepared, store)
            except Exception as exc:  # the store refused this document; keep going
                prepared, reason = None, f"could not be stored ({type(exc).__name__}: {exc})"
        if prepared is None:
            report.failed.append((path, reason or "unknown error"))
        else:
            report.ingested.append(prepared.summary)
        if on_file:
            on_file(path, prepared.summary if prepared else None, reason)
    return report
