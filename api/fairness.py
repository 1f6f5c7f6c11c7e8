"""A fair share of the SPARQL workers for every client.

A few hostile queries (cartesian products, each running to its time limit) from one client
would otherwise hold every worker and make everyone else wait. Each client, told apart by its
IP address, may have only so many queries running at once; one more is refused at once with
429 and ``Retry-After`` instead of queueing. Behind a reverse proxy every client has the
proxy's address, so there the limit applies to all of them together.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from zonekg.graph.errors import Overloaded


class ClientSlots:
    """Counts the queries each client has running; refuses one past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def hold(self, client: str) -> Iterator[None]:
        """A slot for one query of ``client``, for as long as the block runs."""
        with self._lock:
            if self._running[client] >= self.limit:
                raise Overloaded(
                    f"this client already runs {self.limit} SPARQL "
                    f"quer{'y' if self.limit == 1 else 'ies'} at once: wait for an answer, then ask again"
                )
            self._running[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[client] -= 1
                if not self._running[client]:
                    del self._running[client]
