"""Wrong write tokens, limited per client: guessing the token costs time, not just requests.

Without a limit a client could try tokens as fast as the server answers. A client (IP address)
that has sent ``limit`` wrong credentials within ``window`` seconds is answered 429 with
``Retry-After`` on every write until the oldest of them is ``window`` old; meanwhile its
credentials are not even compared, so guesses sent then test nothing. A request with no
``Authorization`` at all guesses nothing and is not counted; the right token clears the count
(a mistyped token then the right one leaves nothing behind). Behind a reverse proxy every client
has the proxy's address, so there the limit applies to all of them together.

Memory is bounded: at most ``limit`` times per client, and at most :data:`MAX_CLIENTS` clients,
the longest quiet forgotten first (a flood from many addresses cannot grow it).
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from zonekg.graph.errors import Overloaded

MAX_CLIENTS = 65_536
"""Clients whose failures are remembered at once (a few MB at most)."""


class Lockout:
    """Counts each client's recent authentication failures; refuses it past ``limit``."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = max(1, limit), window, clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Overloaded (429) while ``client`` has ``limit`` failures within the window."""
        with self._lock:
            failures = self._recent(client)
            if len(failures) < self.limit:
                return
            wait = failures[0] + self.window - self.clock()
        raise Overloaded(f"{self.limit} wrong credentials from this client within {self.window:g} s: "
                         "writes are refused until the oldest is that old", retry_after=max(1, math.ceil(wait)))

    def failed(self, client: str) -> None:
        """Remember one wrong credential of ``client``."""
        with self._lock:
            failures = self._recent(client)
            failures.append(self.clock())
            self._failures[client] = failures
            self._failures.move_to_end(client)
            while len(self._failures) > MAX_CLIENTS:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)

    def _recent(self, client: str) -> deque[float]:
        """``client``'s failures within the window (older ones dropped), at most ``limit``."""
        failures = self._failures.get(client, deque(maxlen=self.limit))
        while failures and failures[0] <= self.clock() - self.window:
            failures.popleft()
        if not failures:
            self._failures.pop(client, None)
        return failures
