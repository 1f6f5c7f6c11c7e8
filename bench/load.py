"""A bounded HTTP load generator for loopback servers: N clients, each with one kept-alive
connection from its own loopback address, sending requests from a list until a time or request budget is spent.

Latencies are wall-clock per request (send to last byte read); an error is a failed connection
or any status other than 2xx/3xx. Nothing here retries, so errors show.
"""
from __future__ import annotations

import http.client
import socket
import statistics
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Request:
    """One request of a workload: a label to group results by, a method, a path and a body."""

    label: str
    path: str
    method: str = "GET"
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()


def _ms(ms: float) -> float:
    """Milliseconds to two decimals under 10 ms (the sub-millisecond answers differ in the
    second: 0.8 against 0.3 was no ratio at all), to one above."""
    return round(ms, 2 if ms < 10 else 1)


@dataclass
class Stats:
    """Latencies (seconds) and errors of one label or of a whole run."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def add(self, seconds: float, status: int | None) -> None:
        self.latencies.append(seconds)
        if status is not None:
            self.statuses[status] = self.statuses.get(status, 0) + 1
        if status is None or status >= 400:
            self.errors += 1

    def merge(self, other: Stats) -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        for status, n in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + n

    def quantile(self, q: float) -> float:
        """The ``q`` quantile in milliseconds (nearest rank; 0 when there are no samples)."""
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] * 1000

    def summary(self, seconds: float | None = None) -> dict:
        out = {
            "requests": len(self.latencies),
            "errors": self.errors,
            "min_ms": _ms(self.quantile(0.0)),
            "p50_ms": _ms(self.quantile(0.50)),
            "p95_ms": _ms(self.quantile(0.95)),
            "p99_ms": _ms(self.quantile(0.99)),
            "mean_ms": round(statistics.fmean(self.latencies) * 1000, 1) if self.latencies else 0.0,
        }
        if seconds:
            out["per_s"] = round(len(self.latencies) / seconds, 1)
        return out


def send(conn: http.client.HTTPConnection, request: Request) -> int:
    """Send ``request`` on ``conn`` (connecting first if needed), read the whole answer, return its status."""
    # Nagle's algorithm off: a request written in two segments (head, body) would otherwise
    # wait for the server's delayed ACK, ~40 ms on every request.
    if conn.sock is None:
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn.request(request.method, request.path, body=request.body, headers=dict(request.headers))
    response = conn.getresponse()
    response.read()
    return response.status


def _source_address(host: str, index: int) -> tuple[str, int] | None:
    """Client ``index``'s own loopback address when the server is on loopback: real clients come
    from addresses of their own, and the server's fair share counts SPARQL queries per address
    (``api/fairness.py``), so 32 threads on one address would be one client refused with 429."""
    if not host.startswith("127."):
        return None
    return (f"127.0.{index // 250}.{index % 250 + 2}", 0)


def run(
    base: str,
    requests: Sequence[Request],
    *,
    clients: int = 1,
    seconds: float = 10.0,
    max_requests: int | None = None,
    timeout: float = 60.0,
) -> tuple[dict[str, Stats], float]:
    """Send ``requests`` round-robin (each client starting at its own offset) from ``clients``
    threads until ``seconds`` pass or ``max_requests`` were sent in all; returns stats by label
    and the wall time taken."""
    host = urlsplit(base)
    by_label: dict[str, Stats] = {}
    lock = threading.Lock()
    sent = 0
    deadline = time.perf_counter() + seconds

    def client(index: int) -> None:
        nonlocal sent
        local: dict[str, Stats] = {}
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=timeout,
                                          source_address=_source_address(host.hostname or "", index))
        i = index * max(1, len(requests) // max(1, clients))
        while time.perf_counter() < deadline:
            with lock:
                if max_requests is not None and sent >= max_requests:
                    break
                sent += 1
            request = requests[i % len(requests)]
            i += 1
            start = time.perf_counter()
            try:
                status: int | None = send(conn, request)
            except (OSError, http.client.HTTPException):
                status = None
                conn.close()
            local.setdefault(request.label, Stats()).add(time.perf_counter() - start, status)
        conn.close()
        with lock:
            for label, stats in local.items():
                by_label.setdefault(label, Stats()).merge(stats)

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 5)
    return by_label, time.perf_counter() - began


def total(by_label: dict[str, Stats]) -> Stats:
    """All labels together."""
    out = Stats()
    for stats in by_label.values():
        out.merge(stats)
    return out
