"""The running service's state: the store, its read snapshots and the query workers.

The service is the only writer of its store. After every write it takes a fresh snapshot and
points the query workers at it, so readers always see whole documents and never block writes.
Each publication bumps :attr:`Service.generation`, so caches of the read model can be keyed by
it: a value computed at generation N stays true until the generation changes.
"""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from zonekg.api.settings import Settings
from zonekg.graph.catalog import READ_MODEL_MAX_ROWS, Catalog
from zonekg.graph.executor import QueryExecutor
from zonekg.graph.oxigraph_store import OxigraphStore
from zonekg.loaders.sandbox import ExtractionPool

SNAPSHOTS_DIR = "snapshots"
WARM_STOP_SECONDS = 5.0
"""How long closing waits for a background warm-up to finish its current query."""
KEEP_SNAPSHOTS = 3
"""Older snapshots stay a while: a worker may still be reading one when a newer one is taken."""


class Service:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = OxigraphStore(settings.store)
        self._snapshots = settings.store / SNAPSHOTS_DIR
        shutil.rmtree(self._snapshots, ignore_errors=True)
        self._snapshots.mkdir(parents=True)
        self._write_lock = threading.Lock()
        self._closing = threading.Event()
        self._generation = 0
        self.executor = QueryExecutor(
            self._take_snapshot(),
            workers=settings.workers,
            timeout=settings.query_timeout,
            max_rows=settings.max_rows,
        )
        self.extraction = ExtractionPool(settings.document_limits)
        """Reads uploads in a child process under the document limits."""
        self.catalog = Catalog(
            lambda sparql, params=None: self.executor.run(sparql, params, max_rows=READ_MODEL_MAX_ROWS),
            generation=lambda: self.generation,
        )
        self._warm()

    def _take_snapshot(self) -> Path:
        target = self._snapshots / f"{time.time_ns()}"
        self.store.snapshot(target)
        for old in sorted(self._snapshots.iterdir())[:-KEEP_SNAPSHOTS]:
            shutil.rmtree(old, ignore_errors=True)
        return target

    def after_write(self) -> None:
        """Publish the store's current state to the query workers, then bump the generation."""
        self.executor.set_snapshot(self._take_snapshot())
        self._generation += 1
        self._warm()

    def _warm(self) -> None:
        """Fill the read model's memo for this generation in the background (first pages,
        orders, facets), so the first visitor after a start or a write does not wait for it."""
        self._warmer = threading.Thread(target=self._warm_quietly, name="zonekg-warm", daemon=True)
        self._warmer.start()

    def _warm_quietly(self) -> None:
        try:
            self.catalog.warm(stop=self._closing.is_set)
        except Exception:  # a query hit its limit, or the service is closing: requests will retry
            return

    @property
    def generation(self) -> int:
        """How many writes have been published since start-up; grows by one after each write,
        once readers see it (so a cache entry keyed by the old value is never served after)."""
        return self._generation

    @property
    def write_lock(self) -> threading.Lock:
        """Held while a write and its snapshot happen, so writes are serial."""
        return self._write_lock

    def close(self) -> None:
        self._closing.set()
        self._warmer.join(WARM_STOP_SECONDS)
        self.extraction.close()
        self.executor.close()
        self.store.close()
        shutil.rmtree(self._snapshots, ignore_errors=True)
