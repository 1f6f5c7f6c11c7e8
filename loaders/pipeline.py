"""Ingestion: files and folders in, one named graph per document out, failures reported.

Each document is read, extracted and mapped completely before the store is touched, and then
its graph is replaced in one transaction: a bad file is named and skipped, and nothing is ever
left half-written.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from zonekg.graph.errors import DocumentCollision, DuplicateContent, ZonekgError
from zonekg.graph.executor import SelectResult
from zonekg.graph.model_keeper import ModelKeeper, quiet
from zonekg.graph.model_pieces import Progress
from zonekg.graph.store import GraphStore
from zonekg.graph.terms import Param
from zonekg.loaders.document import SourceDocument, UnreadableDocument, reason_of
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Extraction, Kind
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits
from zonekg.loaders.mapping import to_nquads
from zonekg.loaders.read_ahead import read_ahead
from zonekg.loaders.readers import SUPPORTED_SUFFIXES, read_document
from zonekg.loaders.sandbox import ExtractionPool
from zonekg.ontology.iris import document_iri


READ_AHEAD_BYTES = 64 * 2**20
"""N-Quads of prepared documents the writer may hold that it has not yet taken (see
:mod:`zonekg.loaders.read_ahead`): about a bulk load's batch, so the extraction runs on while
the writer loads one, and memory stays flat whatever the corpus."""

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
    warnings: list[str] = field(default_factory=list)


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
    return DocumentSummary(document.name, document_iri(document.name), triples, counts, document.warnings)


@dataclass
class PreparedDocument:
    """A document read, extracted and mapped, ready to land: its summary, its quads and the
    digest of its content (:meth:`SourceDocument.content_digest`)."""

    summary: DocumentSummary
    nquads: bytes
    digest: str = ""


def prepare(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> PreparedDocument:
    """Read, extract and map one file without touching a store (so it can run in a worker).

    Raises UnreadableDocument for bad input and TooLarge past one of ``limits`` (those that
    can be checked as it reads; :mod:`zonekg.loaders.sandbox` adds time and memory).
    """
    if not path.exists():
        raise UnreadableDocument(path, "no such file")
    document = read_document(path, limits)
    extraction = extract(document)
    body, count = to_nquads(document, extraction)
    return PreparedDocument(summarize(document, extraction, count), body, document.content_digest())


def stored_file_name(store: GraphStore, document_iri: str) -> str | None:
    """The file name of the document stored under ``document_iri``, or None if there is none."""
    result = store.query("SELECT ?g ?file WHERE { GRAPH ?g { ?g zk:fileName ?file } }",
                         {"g": Param.iri(document_iri)})
    assert isinstance(result, SelectResult)
    return next((row[1][1] for row in result.rows if row[1]), None)


def refuse_collision(summary: DocumentSummary, existing: str | None) -> None:
    """Raise :class:`DocumentCollision` when ``existing``, another file, holds the document IRI."""
    if existing is not None and existing != summary.file:
        raise DocumentCollision(
            f"{summary.file} would be stored as the same document as {existing} (the names differ only "
            f"in spaces or in full-width forms); rename it, or delete {existing} first")


def same_content_file(store: GraphStore, digest: str, document_iri: str) -> str | None:
    """The file name of another stored document with this content digest, if there is one."""
    if not digest:
        return None
    result = store.query("SELECT ?d ?g ?file WHERE { GRAPH ?g { ?g zk:contentDigest ?d ; zk:fileName ?file } }",
                         {"d": Param(digest)})  # (a bound variable is projected)
    assert isinstance(result, SelectResult)
    return next((row[2][1] for row in result.rows if row[1] and row[2] and row[1][1] != document_iri), None)


def refuse_duplicate(summary: DocumentSummary, twin: str | None) -> None:
    """Raise :class:`DuplicateContent` when ``twin``, another file, holds the same text."""
    if twin is not None and twin != summary.file:
        raise DuplicateContent(
            f"same content as {twin}, already in the store: not stored twice (delete {twin} first "
            f"to keep this file instead)")


def land(prepared: PreparedDocument, store: GraphStore) -> None:
    """Replace the document's graph in the store, in one transaction.

    Different file names can map to one document IRI (``collide.txt``, ``col lide.txt`` and
    ``ｃｏｌｌｉｄｅ.txt`` fold to the same one); a file never silently replaces another
    file's document: that raises :class:`~zonekg.graph.errors.DocumentCollision`. Nor is the
    same text stored twice under two names (plan.docx and plan.html, a likely slip): that
    raises :class:`~zonekg.graph.errors.DuplicateContent` naming the file already stored.
    """
    refuse_collision(prepared.summary, stored_file_name(store, prepared.summary.iri))
    refuse_duplicate(prepared.summary, same_content_file(store, prepared.digest, prepared.summary.iri))
    store.replace_document(prepared.summary.iri, ox.parse(prepared.nquads, format=ox.RdfFormat.N_QUADS))


def ingest_file(path: Path, store: GraphStore) -> DocumentSummary:
    """Read, extract, map and store one file; raises UnreadableDocument for bad input."""
    prepared = prepare(path)
    land(prepared, store)
    return prepared.summary


Outcome = tuple[Path, PreparedDocument | None, str | None]
"""A file and what became of it: its prepared document, or the reason it has none."""


def prepare_or_reason(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> Outcome:
    """:func:`prepare`, with failures turned into a reason (a bad file must not stop a batch)."""
    try:
        return path, prepare(path, limits), None
    except ZonekgError as exc:
        return path, None, reason_of(exc)
    except Exception as exc:  # a bug on one document must not lose the others
        return path, None, f"internal error ({type(exc).__name__}: {exc})"


def outcomes(
    files: list[Path], jobs: int = 1, limits: DocumentLimits | None = None, scheduler: str | None = None
) -> Iterator[Outcome]:
    """Each file's outcome, as they finish: in this process, or, with ``limits`` or more than
    one job, in ``jobs`` child processes that are killed past the time and memory limits, or
    on the dask cluster ``scheduler`` names."""
    if scheduler:
        from zonekg.loaders.distributed import on_cluster

        yield from on_cluster(files, scheduler, limits or DEFAULT_LIMITS)
        return
    if limits is None and jobs <= 1:
        yield from map(prepare_or_reason, files)
        return
    with ExtractionPool(limits or DEFAULT_LIMITS, jobs) as pool:
        yield from pool.outcomes(files)


def read_ahead_outcomes(
    files: list[Path], jobs: int = 1, limits: DocumentLimits | None = None, scheduler: str | None = None
) -> Iterator[Outcome]:
    """:func:`outcomes`, prepared ahead of the writer (up to :data:`READ_AHEAD_BYTES`)."""
    def size(outcome: Outcome) -> int:
        return len(outcome[1].nquads) if outcome[1] is not None else 0

    return read_ahead(outcomes(files, jobs, limits, scheduler), size, READ_AHEAD_BYTES)


def ingest(
    paths: Iterable[Path],
    store: GraphStore,
    *,
    jobs: int = 1,
    limits: DocumentLimits | None = None,
    scheduler: str | None = None,
    on_file: Callable[[Path, DocumentSummary | None, str | None], None] | None = None,
    on_model: Progress = quiet,
) -> IngestReport:
    """Ingest every file under ``paths``, telling ``on_file`` each outcome and ``on_model`` the saved model's pieces.

    With ``jobs`` > 1 or ``limits`` (``zonekg ingest`` gives them), reading and extraction run
    in child processes under those limits (or on a dask ``scheduler``) while this process, the
    store's one writer, lands each finished document: into a store that holds nothing yet, all
    of them in one bulk load (all or nothing); otherwise one transaction each. The read model of what the
    store then holds is saved beside it (:class:`~zonekg.graph.model_keeper.ModelKeeper`) for the service's next start.
    """
    files = list(iter_files(paths))
    landed: dict[Path, DocumentSummary] = {}
    failed: dict[Path, str] = {}

    def told(path: Path, summary: DocumentSummary | None, reason: str | None) -> None:
        if summary is not None:
            landed[path] = summary
        else:
            failed[path] = reason or "unknown error"
        if on_file:
            on_file(path, summary, reason)

    def for_bulk_load() -> Iterator[tuple[str, bytes]]:
        files_of: dict[str, str] = {}
        file_of_digest: dict[str, str] = {}
        for path, prepared, reason in read_ahead_outcomes(files, jobs, limits, scheduler):
            if prepared is not None:
                summary = prepared.summary
                try:
                    refuse_collision(summary, files_of.get(summary.iri))
                    refuse_duplicate(summary, file_of_digest.get(prepared.digest) if prepared.digest else None)
                    files_of[summary.iri] = file_of_digest[prepared.digest] = summary.file
                except DocumentCollision as exc:
                    prepared, reason = None, str(exc)
            told(path, prepared.summary if prepared else None, reason)
            if prepared is not None:
                yield prepared.summary.iri, prepared.nquads

    keeper = ModelKeeper(store)
    try:
        bulk = store.bulk_load(for_bulk_load())
    except Exception as exc:  # nothing landed: every document that was to land failed
        reason = f"could not be stored ({type(exc).__name__}: {exc})"
        failed.update((path, reason) for path in landed)
        landed.clear()
        bulk = True
    if bulk:
        keeper.rewritten()
    else:
        _land_each(read_ahead_outcomes(files, jobs, limits, scheduler), store, told, keeper)
    keeper.save(on_model)
    return IngestReport([landed[f] for f in files if f in landed], [(f, failed[f]) for f in files if f in failed])


def _land_each(
    finished: Iterable[Outcome],
    store: GraphStore,
    told: Callable[[Path, DocumentSummary | None, str | None], None],
    keeper: ModelKeeper,
) -> None:
    """One transaction per document (the store held documents already, so no bulk load): a
    document the store refuses is told as failed and the others go on."""
    for path, prepared, reason in finished:
        if prepared is not None:
            try:
                with keeper.writing([prepared.summary.iri]):
                    land(prepared, store)
            except DocumentCollision as exc:
                prepared, reason = None, str(exc)
            except Exception as exc:  # the store refused this document; keep going
                prepared, reason = None, f"could not be stored ({type(exc).__name__}: {exc})"
        told(path, prepared.summary if prepared else None, reason)
