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
the written graphs state; a whole read what the service's first start would have paid. Both
run a piece at a time (:mod:`~zonekg.graph.model_pieces`), so the ingest's memory does not grow
with the store (the service's does: it serves the model).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

from zonekg.graph import model_pieces, model_snapshot
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.model_pieces import Progress, Write
from zonekg.graph.read_model import Refresh, Select, touched
from zonekg.graph.store import GraphStore
from zonekg.graph.terms import TermTuple

log = logging.getLogger(__name__)

WHOLE_SHARE = 0.5
"""Past this share of the model's members touched, the model is read whole rather than refreshed."""


@runtime_checkable
class Streams(Protocol):
    """A store that streams a SELECT's rows (:meth:`~zonekg.graph.oxigraph_store.OxigraphStore.streamed`)."""

    def streamed(self, sparql: str) -> Iterator[dict[str, TermTuple | None]]: ...


def quiet(done: int, total: int) -> None:
    """Progress told to no one."""


class ModelKeeper:
    """Follows the writes of one writer to ``store`` and saves the read model of what they
    leave (:meth:`save`). Nothing is kept for a store that names no state (a remote one)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        token = store.state()
        self._folder = Path(store.location) if token else None
        self._token = token if self._folder and token and model_snapshot.matches(self._folder, token) else None
        """The token the saved model was saved under, while it is still followed (else None)."""
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
        if self._token is not None:
            for graph in graphs:
                self._touched |= touched(self._store.quads(graph))

    def rewritten(self) -> None:
        """The store was written in a way that names no graphs (a bulk load): the model
        will be read whole."""
        self._token = None

    def save(self, progress: Progress = quiet) -> None:
        """Save the model of what the store holds now under its state, for the service's next
        start, telling ``progress`` of its pieces. A failure is logged, never raised: the
        service then reads the store itself (the previous file stands until the new one is whole)."""
        token = self._store.state()
        if self._folder is None or not token:
            return
        try:
            select: Select = self._store.streamed if isinstance(self._store, Streams) \
                else Catalog(local_runner(self._store)).select
            with model_snapshot.writing(self._folder, token) as write:
                if not self._refreshed(select, write, progress):
                    model_pieces.read(select, self._folder, write, progress)
        except Exception:  # noqa: BLE001 - the writes stand; only the next start's shortcut is lost
            log.exception("could not save the read model beside %s", self._folder)

    def _refreshed(self, select: Select, write: Write, progress: Progress) -> bool:
        """Write the saved model brought up to date; False when it is to be read whole
        instead (none followed, or most of it touched). Reads the saved file twice, a line at a time."""
        if self._folder is None or self._token is None:
            return False
        lines = model_snapshot.saved(self._folder, self._token)
        if lines is None:
            return False
        count, members, were_zones = model_pieces.survey(lines, self._touched)
        if len(self._touched) > WHOLE_SHARE * members:
            return False
        fresh = Refresh.read(select, self._touched, were_zones)
        again = model_snapshot.saved(self._folder, self._token)
        if again is None:
            raise ValueError("the saved model changed while it was brought up to date")
        model_pieces.refresh(again, fresh, write, progress, count)
        return True
