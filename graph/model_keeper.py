"""The read model saved beside a store by a writer other than the service (an ingest).

Why: the service saves its read model (:mod:`~zonekg.graph.model_snapshot`) only after it has
read it whole at a start, and that read is O(store): the first answer came 115 s after
``zonekg serve`` on a store a 10,000-document ingest had just written. The ingest has the store
open and knows what it wrote, so it leaves the model saved for the state it leaves, and the
service's next start loads it instead (seconds). The model is the one saved before the ingest
brought up to date by re-reading only what the written graphs state before and after
(:func:`~zonekg.graph.read_model.touched`, :meth:`~zonekg.graph.read_model.ReadModel.refreshed`:
what the service does after each of its own writes), or read whole when none was saved for
the store as it was, when the graphs written cannot be told (a bulk load), or when they touch
most of the model (a refresh reads each member through ``VALUES``, dearer per member than the
whole read's scans). The cost moves from the first start to the ingest: a refresh costs what
the written graphs state; a whole read what the service's first start would have paid.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from zonekg.graph import model_snapshot
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.read_model import ReadModel, touched
from zonekg.graph.store import GraphStore

log = logging.getLogger(__name__)

WHOLE_SHARE = 0.5
"""Past this share of the model's members touched, the model is read whole rather than refreshed."""


def members(model: ReadModel) -> int:
    """How many members and document rows ``model`` holds. O(collections)."""
    return sum(len(c.members) for c in model.collections.values()) + len(model.documents.rows)


class ModelKeeper:
    """Follows the writes of one writer to ``store`` and saves the read model of what they
    leave (:meth:`save`). Nothing is kept for a store that names no state (a remote one)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        token = store.state()
        self._folder = Path(store.location) if token else None
        self._model = model_snapshot.load(self._folder, token) if self._folder and token else None
        """The model saved for the store as it was opened (None: none, or no longer followed)."""
        self._touched: set[str] = set()

    @contextmanager
    def writing(self, graphs: Iterable[str]) -> Iterator[None]:
        """Around one write to the document graphs ``graphs``. O(what they state) before and after."""
        chosen = sorted(set(graphs))
        self._note(chosen)
        try:
            yield
        finally:
            self._note(chosen)

    def _note(self, graphs: list[str]) -> None:
        if self._model is not None:
            for graph in graphs:
                self._touched |= touched(self._store.quads(graph))

    def rewritten(self) -> None:
        """The store was written in a way that names no graphs (a bulk load): the model
        will be read whole."""
        self._model = None

    def save(self) -> None:
        """Save the model of what the store holds now under its state, for the service's next
        start. A failure is logged, never raised: the service then reads the store itself."""
        if self._folder is None:
            return
        try:
            select = Catalog(local_runner(self._store)).select
            if self._model is None or len(self._touched) > WHOLE_SHARE * members(self._model):
                model = ReadModel.read(select)
            else:
                model = self._model.refreshed(select, self._touched)
            token = self._store.state()
            if token:
                model_snapshot.save(self._folder, token, model)
        except Exception:  # noqa: BLE001 - the writes stand; only the next start's shortcut is lost
            log.exception("could not save the read model beside %s", self._folder)
