"""The running service's state: the store, its query pools and the single writer.

The service is the only writer of its store: every write goes through :meth:`Service.writing`,
which holds the write lock and afterwards publishes the new state to the readers (a fresh
snapshot on the embedded store). Each publication bumps :attr:`Service.generation`, so caches
of the read model can be keyed by it: a value computed at generation N stays true until the
generation changes.

Reads have two pools with capacity of their own, so the REST API and the pages never queue
behind user SPARQL: ``reads`` answers the read model (:class:`~zonekg.graph.catalog.Catalog`),
``executor`` answers ``/sparql``.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from zonekg.api.fairness import ClientSlots
from zonekg.api.settings import Settings
from zonekg.graph.catalog import Catalog
from zonekg.graph.executor import READ_MODEL_MAX_ROWS
from zonekg.graph.store import GraphStore, open_store
from zonekg.loaders.sandbox import ExtractionPool

WARM_STOP_SECONDS = 5.0
"""How long closing waits for a background warm-up to finish its current query."""


class Service:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = open_store(settings.store)
        self._readers = self.store.readers()
        self._write_lock = threading.Lock()
        self._closing = threading.Event()
        self._generation = 0
        self._warmers: list[Callable[[Callable[[], bool]], None]] = []
        self._warming: list[threading.Thread] = []
        limits = {"timeout": settings.query_timeout, "memory_mb": settings.query_memory_mb}
        self.executor = self._readers.pool(workers=settings.workers, max_rows=settings.max_rows, **limits)
        self.reads = self._readers.pool(workers=settings.read_workers, max_rows=READ_MODEL_MAX_ROWS, **limits)
        self.client_slots = ClientSlots(settings.client_queries)
        self.catalog = Catalog(lambda sparql, params=None: self.reads.run(sparql, params),
                               generation=lambda: self.generation)
        self.extraction = ExtractionPool(settings.document_limits)
        """Reads uploads in a child process under the document limits."""
        self._warm()

    @contextmanager
    def writing(self) -> Iterator[GraphStore]:
        """The store, for one write; writes are serial, and each is published when it ends
        (also when it fails: a backend may have applied part of a multi-request write)."""
        with self._write_lock:
            try:
                yield self.store
            finally:
                self._readers.publish()
                self._generation += 1
                self._warm()

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
        self._closing.set()
        for thread in self._warming:
            thread.join(WARM_STOP_SECONDS)
        self.extraction.close()
        self._readers.close()
        self.store.close()
