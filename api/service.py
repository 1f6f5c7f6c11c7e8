"""The running service's state: the store, its query pools and the single writer.

The service is the only writer of its store: every write goes through :meth:`Service.writing`,
which holds the write lock and afterwards publishes the new state to the readers (a fresh
snapshot on the embedded store). Each publication bumps :attr:`Service.generation`, so caches
of the read model can be keyed by it: a value computed at generation N stays true until the
generation changes.

Reads have two pools with capacity of their own, so the REST API and the pages never queue
behind user SPARQL: ``reads`` answers the read model (:class:`~zonekg.graph.catalog.Catalog`),
``executor`` answers ``/sparql`` (through :attr:`Service.sparql`, which keeps small answers per
store generation). In each pool a query known to be long may use all workers but one
(:mod:`~zonekg.graph.lanes`), so short queries keep answering while long ones run.

What every list, count and facet needs about each member (:mod:`~zonekg.graph.read_model`) is
read whole once, in the background after start (``/api/health`` answers 503 until then), and
afterwards brought up to date by each write before it is published: a write re-reads only
the entities of the graphs it wrote, so no request after a write waits for a scan. On a store
that names its contents (the embedded one) the model is saved beside it after that read and
when the service closes (:mod:`~zonekg.graph.model_snapshot`), and a start that finds it
saved for the same contents loads it instead of reading the store.
"""
from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from zonekg.api.fairness import ClientSlots
from zonekg.api.lockout import Lockout
from zonekg.api.settings import Settings
from zonekg.graph.answers import SparqlAnswers
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph import model_snapshot
from zonekg.graph.errors import QueryError
from zonekg.graph.executor import READ_MODEL_MAX_ROWS
from zonekg.graph.read_model import Current, ReadModel, touched
from zonekg.graph.store import GraphStore, open_store
from zonekg.loaders.sandbox import ExtractionPool

log = logging.getLogger(__name__)

WARM_STOP_SECONDS = 5.0
"""How long closing waits for a background warm-up to finish its current query."""
MODEL_POLL_SECONDS = 0.5
"""How often a waiting warm-up looks whether the read model is in place (or the service closing)."""


class Service:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = open_store(settings.store)
        self._readers = self.store.readers()
        self._write_lock = threading.Lock()
        self._closing = threading.Event()
        self._generation = 0
        self._saved: int | None = None
        """The generation whose read model is saved beside the store (None: none saved)."""
        self._warmers: list[Callable[[Callable[[], bool]], None]] = []
        self._warming: list[threading.Thread] = []
        pool = functools.partial(self._readers.pool, timeout=settings.query_timeout,
                                 memory_mb=settings.query_memory_mb)
        self.executor = pool(workers=settings.workers, max_rows=settings.max_rows)
        self.reads = pool(workers=settings.read_workers, max_rows=READ_MODEL_MAX_ROWS)
        self.sparql = SparqlAnswers(self.executor, lambda: self.generation)
        """User SPARQL: answers kept per generation, identical queries asked at once run once."""
        self.client_slots = ClientSlots(settings.client_queries)
        self.lockout = Lockout(settings.auth_failures, settings.auth_window)
        """Clients that sent wrong write tokens too often are refused for a while."""
        self.model = Current()
        """The read model (orders, facets, document list), up to date with the last write."""
        self.catalog = Catalog(lambda sparql, params: self.reads.run(sparql, params),
                               generation=lambda: self.generation, model=self.model,
                               at_once=lambda sparql, params: self.reads.run_at_once(sparql, params))
        self._live = Catalog(local_runner(self.store))
        """Reads the store itself, in this process and without a time limit: the read model
        is read from there (the whole of it at start, a write's part after each write)."""
        self.extraction = ExtractionPool(settings.document_limits)
        """Reads uploads in a child process under the document limits."""
        self._read_model()
        self._warm()

    @contextmanager
    def writing(self, graphs: Iterable[str] | None = None) -> Iterator[GraphStore]:
        """The store, for one write to the document graphs ``graphs`` (None: graphs that
        cannot be told). Writes are serial; each is published when it ends (also when it
        fails: a backend may have applied part of a multi-request write), after the read
        model has been brought up to date from what those graphs held before and after it."""
        with self._write_lock:
            written = None if graphs is None or not self.model.ready else sorted(set(graphs))
            before = None if written is None else self._touched(written)
            refused = False
            try:
                yield self.store
            except QueryError:
                refused = True  # the store refused the request as a whole: nothing was written
                raise
            finally:
                model = self.model.get(0) if refused and self.model.ready else self._followed(written, before)
                self._readers.publish()
                if model is not None:
                    self.model.install(model)
                self._generation += 1
                if model is None:
                    self._read_model()
                self._warm()

    def _touched(self, graphs: list[str]) -> set[str]:
        return set().union(*(touched(self.store.quads(g)) for g in graphs))

    def _followed(self, graphs: list[str] | None, before: set[str] | None) -> ReadModel | None:
        """The read model after a write (None when it must be read again whole: the graphs
        written cannot be told, or following them failed). O(what the graphs state)."""
        if graphs is None or before is None:
            self.model.clear()
            return None
        try:
            return self.model.get(0).refreshed(self._live.select, before | self._touched(graphs))
        except Exception:  # the store failed under us: read the model again rather than guess
            log.exception("could not bring the read model up to date after a write; reading it again")
            self.model.clear()
            return None

    def _read_model(self) -> None:
        """Read the whole read model in the background, holding the write lock (a write
        meanwhile would make it half old, half new); requests wait for it (bounded). The
        model saved for the store's current state is loaded instead when there is one, and
        a model read is saved for the next start."""
        def read() -> None:
            with self._write_lock:
                if self._closing.is_set():
                    return
                token = self.store.state()
                try:
                    saved = model_snapshot.load(Path(self.store.location), token) if token else None
                    model = saved or ReadModel.read(self._live.select)
                    self.model.install(model)
                except Exception:
                    log.exception("could not read the read model from the store")
                    return
                if saved is not None:
                    self._saved = self.generation
                elif token:
                    self._save(token, model)

        threading.Thread(target=read, name="zonekg-read-model", daemon=True).start()

    def _save(self, token: str, model: ReadModel) -> None:
        """Keep ``model`` beside the store as what it holds under ``token`` (called holding the
        write lock, so no write runs between reading the token and what it names)."""
        model_snapshot.save(Path(self.store.location), token, model)
        self._saved = self.generation

    def also_warm(self, warm: Callable[[Callable[[], bool]], None]) -> None:
        """Run ``warm(stop)`` in the background now and after every write, after the catalog's
        own warm-up: it fills another cache of the read model (the pages, the analysis)."""
        self._warmers.append(warm)
        self._warm([warm])

    def _warm(self, warmers: list[Callable[[Callable[[], bool]], None]] | None = None) -> None:
        """Fill the read model's memos for this generation in the background (first pages,
        orders, facets, then whatever :meth:`also_warm` added), so the first visitor after a
        start or a write does not wait for them."""
        chosen = [self.catalog.warm, *self._warmers] if warmers is None else warmers
        thread = threading.Thread(target=self._warm_quietly, args=(chosen,), name="zonekg-warm", daemon=True)
        self._warming = [t for t in self._warming if t.is_alive()] + [thread]
        thread.start()

    def _warm_quietly(self, warmers: list[Callable[[Callable[[], bool]], None]]) -> None:
        while not self.model.wait(MODEL_POLL_SECONDS):
            if self._closing.is_set():
                return
        for warm in warmers:
            if self._closing.is_set():
                return
            try:
                warm(self._closing.is_set)
            except Exception:  # a query hit its limit, or the service is closing: requests will retry
                continue

    @property
    def generation(self) -> int:
        """How many writes have been published since start-up; grows by one after each write,
        once readers see it (so a cache entry keyed by the old value is never served after)."""
        return self._generation

    def close(self) -> None:
        """Stop the background work, save the read model if writes changed it since it was
        last saved, and release the store."""
        self._closing.set()
        for thread in self._warming:
            thread.join(WARM_STOP_SECONDS)
        # A write or the start's whole read still running is not waited for: nothing is saved.
        if self._write_lock.acquire(timeout=WARM_STOP_SECONDS):
            try:
                token = self.store.state() if self.model.ready and self._saved != self.generation else None
                if token:
                    self._save(token, self.model.get(0))
            finally:
                self._write_lock.release()
        self.extraction.close()
        self._readers.close()
        self.store.close()
