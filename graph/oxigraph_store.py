"""The embedded default store: Oxigraph on RocksDB in a directory of the user's choice.

Oxigraph answers SPARQL more than ten times faster than rdflib's in-memory store on this kind
of data and keeps it on disk, so a second ``zonekg demo`` reuses what the first one built.

Each document's facts live in its own named graph; the store's default graph is kept as their
union, as a *set* (see :mod:`.union`). Oxigraph's own union mode repeats a triple once per
graph that states it, so a fact found in three documents would come back three times and every
join over shared entities would multiply.

Open it with :func:`zonekg.graph.store.open_store`.
"""
from __future__ import annotations

import io
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from pyoxigraph import Quad

from zonekg.graph import evidence_layout, literal_forms, union
from zonekg.graph.errors import QueryError
from zonekg.graph.literal_forms import LiteralForms
from zonekg.graph.executor import READ_MODEL_MAX_ROWS, GraphResult, QueryExecutor, QueryResult, evaluate
from zonekg.graph.sparql_rewrite import syntax_error_in, without_trailing_separator
from zonekg.graph.update_reading import UpdateReading, refuse
from zonekg.graph.update_reading import read as read_update
from zonekg.graph.errors import NoStore, StoreError, StoreInUse
from zonekg.graph.terms import Param, TermTuple, to_tuple
from zonekg.ontology import PREFIXES, ZK

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ZK_DOCUMENT = f"{ZK}Document"

BULK_LOAD_BATCH_BYTES = 64 * 2**20
"""N-Quads (with the union) handed to one call of Oxigraph's bulk loader. A call holds what it
has parsed until it ends, so one call for a whole corpus grows with the corpus (peak RSS 441 MB
for 100 generated documents, 1.5 GB for 400); calls of this size keep a first ingest's memory
flat (521 MB for 400) at the same speed, each document still streamed as it is prepared."""
DATA_DIR = "oxigraph"
"""Sub-directory of the store directory that holds the RocksDB files."""

LOADING_DIR = "oxigraph.loading"
"""Where a bulk load builds the store; it replaces :data:`DATA_DIR` once complete."""

COMPLETE = "COMPLETE"
"""File written in :data:`LOADING_DIR` once its load is complete and flushed."""

SNAPSHOTS_DIR = "snapshots"
"""Sub-directory of the store directory that holds the read snapshots of a running service."""

STATE_FILE = "state"
"""File of the store directory holding its state token (:meth:`OxigraphStore.state`)."""

FLUSH_EVERY_TRIPLES = 20_000
"""Write RocksDB's memory tables to disk after this many written triples: without it a long
ingest holds everything it wrote in memory (measured: 450 MB after 100 sample documents,
220 MB with flushing), so memory would grow with the corpus instead of the document."""

class OxigraphStore:
    """A :class:`~zonekg.graph.store.GraphStore` on an on-disk Oxigraph database."""

    def __init__(self, directory: Path | str, *, create: bool = False) -> None:
        self.directory = Path(directory)
        self.location = str(self.directory)
        self._unflushed = 0
        self._token_seen = True
        """Whether the state token may have been seen since it was last replaced: the next
        write replaces it first. True at open (another process may have seen it)."""
        data = self.directory / DATA_DIR
        _finish_bulk_load(self.directory)
        if not create and not data.is_dir():
            raise NoStore(
                f"there is no zonekg store in {self.directory}: create one with "
                f"`zonekg ingest FILES --store {self.directory}` (or try `zonekg demo`)"
            )
        try:
            data.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(data))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreInUse(
                    f"the store {self.directory} is open in another process (a running `zonekg serve`?)"
                ) from exc
            raise StoreError(f"cannot open the store {self.directory}: {exc}") from exc
        if not self._has_union() and next(self._store.named_graphs(), None) is not None:
            self._changing()
            self._store.update(union.rebuild(None))
        evidence_layout.migrate(self._rows, self._migrating, None)
        self._forms = literal_forms.load(self.directory)
        if self._forms is None:
            # A store written before forms were kept, or after an update that could not tell:
            # recomputed once here, on the writer's side, never by a read.
            self._forms = literal_forms.scan(self._store)
            literal_forms.save(self.directory, self._forms)

    def state(self) -> str:
        """A token naming what the store holds: it is replaced before any write that follows
        this call (in any process), so something saved beside the store under the token
        describes the store for as long as the token stays the same. Writes made by a version
        of zonekg that did not keep a token are not seen. O(1): one small file."""
        self._token_seen = True
        try:
            return (self.directory / STATE_FILE).read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return self._new_token()

    def _changing(self) -> None:
        """Called before every write: a fresh token if the current one may have been seen."""
        if self._token_seen:
            self._new_token()
            self._token_seen = False

    def _new_token(self) -> str:
        """Replace the token atomically (a crash leaves the old one or the new one, both
        correct: the old store with the new token only costs a snapshot's rebuild)."""
        token = uuid.uuid4().hex
        path = self.directory / STATE_FILE
        temporary = path.with_name(f"{STATE_FILE}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="ascii") as fh:
            fh.write(token)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
        _sync_folder(self.directory)
        return token

    def _rows(self, select: str) -> list[tuple[str, ...]]:
        """A SELECT's rows as the values' text (every value bound)."""
        return [tuple(term.value for term in row) for row in self._store.query(select)]  # type: ignore[union-attr]

    def _migrating(self, update: str) -> None:
        self._changing()
        self._store.update(update)

    def _has_union(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None

    def _adding(self, forms: LiteralForms | None) -> None:
        """Called before a write that may bring literals of ``forms`` (None: not known): the
        kept forms cover the store before the write can make it hold them."""
        if self._forms is None or forms is None:
            if self._forms is not None:
                literal_forms.save(self.directory, None)
            self._forms = None
        elif not (forms.languages <= self._forms.languages and forms.datatypes <= self._forms.datatypes):
            self._forms |= forms
            literal_forms.save(self.directory, self._forms)

    def replace_document(self, document_iri: str, quads: Iterable[Quad]) -> None:
        graph = ox.NamedNode(document_iri)
        triples = [q.triple for q in quads]
        self._changing()
        self._adding(literal_forms.of_terms(t.object for t in triples))
        if not self._store.contains_named_graph(graph):
            # A new document (every document of a first ingest): its quads and its share of
            # the union go in as quads, in one transaction, with no SPARQL text to build or parse.
            self._store.extend(
                [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
                + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
            )
        else:
            # One SPARQL update is one Oxigraph transaction: the old graph and its share of the
            # union go, the new graph and its triples come, together or not at all.
            body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            self._store.update(
                union.withdraw(document_iri, None)
                + f" ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}}} }} ;\nINSERT DATA {{\n{body}}}"
            )
        self._unflushed += len(triples)
        if self._unflushed >= FLUSH_EVERY_TRIPLES:
            self._store.flush()
            self._unflushed = 0

    def bulk_load(self, documents: Iterable[tuple[str, bytes]]) -> bool:
        """Load every document at once into a store that holds nothing yet: all or nothing.

        The fastest way in: no transaction per document, and each byte is written to disk
        about once (transactions write it several times over as RocksDB compacts its levels).
        The store is built beside the empty one and put in its place when complete, so a
        crash leaves the store as it was, empty. False, with ``documents`` untouched, when the
        store already holds something (then documents are replaced one by one).

        The N-Quads are parsed leniently (their IRIs are not checked again): they are what
        :func:`~zonekg.loaders.pipeline.prepare` wrote, which checked every IRI it minted, and
        checking them again was ~11 % of the load's CPU (this process is the single writer a
        ``--jobs`` ingest waits on). Bad syntax still fails the load.
        """
        if next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is not None:
            return False
        self._changing()
        loading = self.directory / LOADING_DIR
        shutil.rmtree(loading, ignore_errors=True)
        target = ox.Store(str(loading))
        forms = [literal_forms.NOTHING]

        def read(nquads: bytes) -> bytes:
            forms[0] |= literal_forms.of_nquads(nquads)
            return nquads

        chunks = (chunk for iri, nquads in documents for chunk in (read(nquads), union_of(iri, nquads)))
        try:
            while (batch := _batch(chunks, BULK_LOAD_BATCH_BYTES)) is not None:
                target.bulk_load(io.BufferedReader(_Chunks(batch)), format=ox.RdfFormat.N_QUADS, lenient=True)
            target.flush()
            self._adding(forms[0])  # before the load is marked complete (and so can take the store's place)
        except BaseException:
            del target
            shutil.rmtree(loading, ignore_errors=True)
            raise
        del target
        (loading / COMPLETE).touch()
        del self._store  # releases the lock on the empty store, which the complete one replaces
        _finish_bulk_load(self.directory)
        self._store = ox.Store(str(self.directory / DATA_DIR))
        return True

    def remove_document(self, document_iri: str) -> bool:
        if not self._store.contains_named_graph(ox.NamedNode(document_iri)):
            return False
        self._changing()
        self._store.update(union.withdraw(document_iri, None))
        return True

    def update(self, sparql_update: str, reading: UpdateReading | None = None) -> None:
        """Run a user's SPARQL update and bring the union up to date, in one transaction.

        Only the union's share of the graphs the update writes is recomputed; an update that
        writes the default graph (the union itself), or nests too deep to run here, is refused
        with a :class:`QueryError` (:func:`~zonekg.graph.update_reading.refuse`).
        """
        reading = reading or read_update(sparql_update)
        refuse(reading)
        touched = reading.graphs
        self._changing()
        known = self._forms
        self._adding(reading.forms)
        before = f"{union.stash(touched)}\n;\n"
        text = f"{before}{without_trailing_separator(sparql_update)}\n;\n{union.settle(touched, None)}"
        try:
            self._store.update(text, prefixes=PREFIXES)
        except (SyntaxError, RuntimeError) as exc:  # nothing was changed: the forms known before hold
            if known is not None and self._forms is None:
                self._forms = known
                literal_forms.save(self.directory, known)
            if isinstance(exc, SyntaxError):
                raise QueryError(syntax_error_in(sparql_update, str(exc), before.count("\n"))) from None
            raise QueryError(str(exc)) from None  # well-formed but not applicable

    def documents(self) -> list[str]:
        graphs = self._store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(ZK_DOCUMENT), None)
        return sorted(q.subject.value for q in graphs
                      if isinstance(q.subject, ox.NamedNode) and q.graph_name == q.subject)

    def query(self, sparql: str, params: dict[str, Param] | None = None) -> QueryResult:
        return evaluate(self._store, sparql, params, READ_MODEL_MAX_ROWS, self._forms)

    def streamed(self, sparql: str) -> Iterator[dict[str, TermTuple | None]]:
        """A SELECT's rows one at a time as the engine finds them, with no row cap: for a
        reader that bounds its own memory (:mod:`~zonekg.graph.model_pieces`), where
        :meth:`query` holds every row at once."""
        solutions = self._store.query(sparql, prefixes=PREFIXES)
        assert isinstance(solutions, ox.QuerySolutions), "a SELECT query"
        variables = [v.value for v in solutions.variables]
        for solution in solutions:
            yield {v: to_tuple(solution[v]) for v in variables}

    def quads(self, graph_iri: str | None = None) -> Iterator[ox.Quad]:
        if graph_iri:
            return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
        return (
            q for q in self._store.quads_for_pattern(None, None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        )

    def document_graph(self, document_iri: str, max_rows: int) -> GraphResult | None:
        """Written by Oxigraph itself (``Store.dump`` of the one graph) into a sink that stops
        the dump once it holds more than ``max_rows`` lines: no Python object per triple, and
        never more than the cap (plus one chunk) in memory."""
        graph = ox.NamedNode(document_iri)
        typed = self._store.quads_for_pattern(graph, ox.NamedNode(RDF_TYPE), ox.NamedNode(ZK_DOCUMENT), graph)
        if next(typed, None) is None:
            return None
        sink = _LineCap(max_rows)
        try:
            self._store.dump(sink, format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        except _Full:
            pass
        return sink.result()

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every triple of any document, once."""
        return (q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def readers(self) -> SnapshotReaders:
        return SnapshotReaders(self)

    def snapshot(self, target: Path) -> None:
        """A consistent read-only copy at ``target`` (hard links, so cheap) for query workers."""
        self._store.flush()
        self._store.backup(str(target))
        if self._forms is not None:  # the forms the snapshot's workers narrow FILTERs with
            literal_forms.save(target, self._forms)

    def close(self) -> None:
        self._store.flush()
        del self._store


def union_of(document_iri: str, nquads: bytes) -> bytes:
    """The triples of a document's N-Quads in the default graph (its share of the union): each
    line without its graph term. An N-Quads line without one states the triple in the default
    graph.

    The writer runs this for every document of a first ingest, so it is one ``bytes.replace``
    of the document's graph term at the ends of the lines (C, no Python per line: 0.5 against
    1.0 CPU-s for 300 generated documents). A literal holds no raw line break, so
    ``<graph> .`` and the line's end only meet at the graph term; N-Quads with a line in
    another graph (not what :func:`~zonekg.loaders.pipeline.prepare` writes) are split line
    by line instead.
    """
    ending = f" <{document_iri}> .\n".encode()
    triples = nquads.replace(ending, b" .\n")
    if nquads.endswith(b"\n") and len(nquads) - len(triples) == (len(ending) - 3) * nquads.count(b"\n"):
        return triples
    return b"".join(line[: line.rindex(b" <")] + b" .\n" for line in nquads.splitlines() if line.strip())


def _batch(chunks: Iterator[bytes], limit: int) -> Iterator[bytes] | None:
    """The next chunks of ``chunks``, as they come, until ``limit`` bytes have passed (a whole
    chunk more at most); None when ``chunks`` is exhausted."""
    first = next(chunks, None)
    if first is None:
        return None

    def upto() -> Iterator[bytes]:
        size, chunk = 0, first
        while True:
            yield chunk
            size += len(chunk)
            following = next(chunks, None) if size < limit else None
            if following is None:
                return
            chunk = following

    return upto()


class _Chunks(io.RawIOBase):
    """A readable stream over an iterator of byte chunks (to bulk-load as they are produced)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        while not self._left:
            following = next(self._chunks, None)
            if following is None:
                return 0
            self._left = memoryview(following)  # (sliced below without copying what is left)
        view = memoryview(buffer).cast("B")
        size = min(len(view), len(self._left))
        view[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


class _Full(Exception):
    """Raised by :class:`_LineCap` to stop a dump that has written enough."""


class _LineCap(io.BytesIO):
    """A sink for N-Triples (one triple per line) that stops the writer past ``max_rows`` lines."""

    def __init__(self, max_rows: int) -> None:
        super().__init__()
        self._max = max_rows
        self._lines = 0

    def write(self, chunk: WriteableBuffer) -> int:
        written = super().write(chunk)
        self._lines += bytes(chunk).count(b"\n")
        if self._lines > self._max:
            raise _Full
        return written

    def result(self) -> GraphResult:
        body = self.getvalue()
        if self._lines <= self._max:
            return GraphResult(body, self._lines, truncated=False)
        end = -1
        for _ in range(self._max):
            end = body.index(b"\n", end + 1)
        return GraphResult(body[:end + 1], self._max, truncated=True)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _finish_bulk_load(directory: Path) -> None:
    """Put a complete bulk load in place of the store it replaces; drop an incomplete one."""
    loading = directory / LOADING_DIR
    if not loading.is_dir():
        return
    if (loading / COMPLETE).exists():
        shutil.rmtree(directory / DATA_DIR, ignore_errors=True)
        (loading / COMPLETE).unlink()
        loading.rename(directory / DATA_DIR)
    else:
        shutil.rmtree(loading)


class SnapshotReaders:
    """Query pools over read-only snapshots of an :class:`OxigraphStore`.

    Oxigraph evaluates a query to completion inside native code, so only a process can be
    stopped at a time or memory limit; each pool's workers open the latest snapshot (a RocksDB
    checkpoint, hard links taken in milliseconds), so they never race the writer.
    """

    def __init__(self, store: OxigraphStore) -> None:
        self._store = store
        self._folder = store.directory / SNAPSHOTS_DIR
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder.mkdir(parents=True)
        self._pools: list[QueryExecutor] = []
        self._latest = self._take()

    def _take(self) -> Path:
        target = self._folder / f"{time.time_ns()}"
        self._store.snapshot(target)
        return target

    def pool(self, *, workers: int, timeout: float, max_rows: int, memory_mb: int) -> QueryExecutor:
        pool = QueryExecutor(self._latest, workers=workers, timeout=timeout, max_rows=max_rows, memory_mb=memory_mb)
        self._pools.append(pool)
        return pool

    def publish(self) -> None:
        self._latest = self._take()
        for pool in self._pools:
            pool.set_snapshot(self._latest)
        # A worker that has opened a snapshot keeps reading it after its folder goes (the
        # files stay while open); only one still to be opened by a running query must stay.
        needed = {str(self._latest)}.union(*(pool.snapshots_in_use() for pool in self._pools))
        for old in self._folder.iterdir():
            if str(old) not in needed:
                shutil.rmtree(old, ignore_errors=True)

    def close(self) -> None:
        for pool in self._pools:
            pool.close()
        shutil.rmtree(self._folder, ignore_errors=True)
