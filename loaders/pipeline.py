"""Ingestion: files and folders in, one named graph per document out, failures reported.

Each document is read, extracted and mapped completely before the store is touched, and then
its graph is replaced in one transaction: a bad file is named and skipped, and nothing is ever
left half-written.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

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


def ingest_file(path: Path, store: GraphStore) -> DocumentSummary:
    """Read, extract, map and store one file; raises UnreadableDocument for bad input."""
    if not path.exists():
        raise UnreadableDocument(path, "no such file")
    document = read_document(path)
    extraction = extract(document)
    quads = to_quads(document, extraction)
    store.replace_document(document_iri(document.name), quads)
    return summarize(document, extraction, len(quads))


def ingest(
    paths: Iterable[Path],
    store: GraphStore,
    *,
    on_file: Callable[[Path, DocumentSummary | None, str | None], None] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; ``on_file`` is told of each outcome (for progress)."""
    report = IngestReport()
    for path in iter_files(paths):
        try:
            summary = ingest_file(path, store)
        except UnreadableDocument as exc:
            report.failed.append((path, exc.reason))
            if on_file:
                on_file(path, None, exc.reason)
            continue
        except Exception as exc:  # a bug on one document must not lose the others
            reason = f"internal error ({type(exc).__name__}: {exc})"
            report.failed.append((path, reason))
            if on_file:
                on_file(path, None, reason)
            continue
        report.ingested.append(summary)
        if on_file:
            on_file(path, summary, None)
    return report
