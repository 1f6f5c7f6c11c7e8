"""How an entity's detail costs on a larger store, measured like with like in one run.

The small and the large store are served at the same time, and each round asks both for the
same kind of detail, one right after the other (which goes first alternates). Whatever else the
machine runs at that moment falls on both requests of a round, so a round's ratio, the large
store's time over the small one's, is the growth and not the load. The median of the rounds
is kept: a request preempted for a few time slices moves one round, not the median.

Measuring each store alone minutes apart, as the benchmark's one-client figures are, compared
two moments of a shared machine: the fastest of 20 answers was 3.9 ms on one store and 14.7 ms
on the other while their medians were 23.5 and 24.0 ms, so the check failed on load alone.
"""
from __future__ import annotations

import http.client
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import load
import servers
import workload

ROUNDS = 40
"""Paired rounds per detail: a median of 40 ratios held within 0.9-1.7 under a load average
of 16 on 2 cores; each round is two cached detail answers, so this adds seconds."""
NOISE_MS = 5.0
"""Added to both sides of a ratio: differences of a few ms are scheduling, not growth."""

WARM_UP = ("/graph", "/api/analysis/agencies", "/api/analysis/co-leadership", "/api/analysis/zones",
           "/graph?view=co-leadership", "/graph?kinds=all")
"""What the service prepares in the background after its start, in the order it does: asked
once (untimed) before the rounds, each waits for the background's computation of it or does
it, so the rounds never share the cores with one store's warm-up."""


class Client:
    """One kept-alive connection to one server, timing one request at a time."""

    def __init__(self, base: str, timeout: float) -> None:
        parts = urlsplit(base)
        self._conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)

    def seconds(self, request: load.Request) -> float:
        """Wall time from send to the last byte of a 2xx answer (anything else raises)."""
        started = time.perf_counter()
        status = load.send(self._conn, request)
        spent = time.perf_counter() - started
        if status >= 300:
            raise RuntimeError(f"{request.label}: {request.path} answered {status}")
        return spent

    def close(self) -> None:
        self._conn.close()


def rounds(small: Client, large: Client, pairs: Sequence[tuple[load.Request, load.Request]],
           count: int) -> dict[str, dict]:
    """``count`` rounds per pair of requests (same label, one per store): the medians of each
    store and the median of the rounds' ratios."""
    out = {}
    for small_request, large_request in pairs:
        small_ms, large_ms = [], []
        for n in range(count):
            if n % 2:
                large_ms.append(large.seconds(large_request) * 1000)
                small_ms.append(small.seconds(small_request) * 1000)
            else:
                small_ms.append(small.seconds(small_request) * 1000)
                large_ms.append(large.seconds(large_request) * 1000)
        ratios = [(b + NOISE_MS) / (a + NOISE_MS) for a, b in zip(small_ms, large_ms)]
        out[small_request.label] = {"rounds": count, "small_p50_ms": round(statistics.median(small_ms), 1),
                                    "large_p50_ms": round(statistics.median(large_ms), 1),
                                    "ratio": round(statistics.median(ratios), 2)}
    return out


def measure(small_store: Path, large_store: Path, labels: Sequence[str], count: int = ROUNDS,
            timeout: float | None = None) -> dict[str, dict]:
    """The details named by ``labels`` (labels of :func:`workload.rest`), each store's own
    representative entity, ``count`` paired rounds each (see the module's docstring)."""
    small_command, small_port = servers.zonekg(small_store, timeout=timeout)
    large_command, large_port = servers.zonekg(large_store, timeout=timeout)
    with servers.serving(small_command, "/api/health", small_port) as small_base, \
            servers.serving(large_command, "/api/health", large_port) as large_base:
        chosen = []
        for base in (small_base, large_base):
            for path in WARM_UP:
                load.run(base, [load.Request("warm-up", path)], max_requests=1, seconds=600, timeout=600)
            by_label = {r.label: r for r in workload.rest(workload.pick_ids(base))}
            chosen.append([by_label[label] for label in labels])
        small, large = Client(small_base, 60), Client(large_base, 60)
        try:
            return rounds(small, large, list(zip(*chosen)), count)
        finally:
            small.close()
            large.close()
