"""Two lanes through a query pool, by what each query cost the last time it ran.

Oxigraph cannot pause or share out a query: once a worker runs one, it is that query's until
the answer or the time limit. A pool of N workers behind a few queries that each take seconds
(an ``ORDER BY`` over every project–lead pair took 7 s on 1,000 documents) is a pool whose
every worker is busy, and a one-row lookup behind them waits seconds for what costs
milliseconds. So a query known to be long (it ran for :data:`LONG_SECONDS` or more the last
time, or ran out of time) may use at most N − 1 workers: the last one stays free for the
others. A query never seen before goes in the short lane; if it turns out long, its next run
goes in the long lane. What a query costs is remembered per text and parameters (the latest
:data:`REMEMBERED` texts), and measured from the moment a worker takes it, so time spent
queueing on a busy machine does not make a short query look long.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

from zonekg.graph.errors import QueryTimeout

LONG_SECONDS = 1.0
"""A query that ran this long (seconds) is long the next time: every short REST or SPARQL
answer measured on 1,000 documents takes well under it, the long ones take seconds."""

REMEMBERED = 4096
"""Query texts whose last cost is kept (least recently run go first)."""


class Lanes:
    """Admits a pool's queries: at most ``workers - 1`` known-long ones at once (at least 1)."""

    def __init__(self, workers: int, *, long_seconds: float = LONG_SECONDS) -> None:
        self.long_seconds = long_seconds
        self._long = threading.BoundedSemaphore(max(1, workers - 1))
        self._costs: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def is_long(self, key: Hashable) -> bool:
        with self._lock:
            return self._costs.get(key, 0.0) >= self.long_seconds

    @contextmanager
    def admitted(self, key: Hashable, limit: float) -> Iterator[None]:
        """Hold the query ``key`` until its lane has room (a long one waits for at most
        ``limit`` seconds, then :class:`QueryTimeout`), for as long as the block runs."""
        if not self.is_long(key):
            yield
            return
        if not self._long.acquire(timeout=limit):
            raise QueryTimeout(
                f"the workers that long queries may use stayed busy for {limit:g} s "
                "(one is kept for short queries)"
            )
        try:
            yield
        finally:
            self._long.release()

    def record(self, key: Hashable, seconds: float) -> None:
        """What the query ``key`` cost this time (from a worker taking it to its answer)."""
        with self._lock:
            self._costs[key] = seconds
            self._costs.move_to_end(key)
            while len(self._costs) > REMEMBERED:
                self._costs.popitem(last=False)

    @contextmanager
    def timed(self, key: Hashable, limit: float) -> Iterator[None]:
        """Record the block's duration as ``key``'s cost; a time-out counts as the whole limit."""
        started = time.monotonic()
        try:
            yield
        except QueryTimeout:
            self.record(key, max(limit, time.monotonic() - started))
            raise
        self.record(key, time.monotonic() - started)
