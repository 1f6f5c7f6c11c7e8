"""Values of the read model computed once per store generation.

The network behind the pages and the analysis (every entity and relation, the agencies'
ranks) costs a scan of the whole store; it changes only when a document is written, and
:attr:`Service.generation <zonekg.api.service.Service.generation>` says when that happened.
So it is computed on first use after a write and then served from memory.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerGeneration(Generic[T]):
    """One value for the current generation; ``compute`` runs once per generation even when
    many requests ask at once (the others wait for it rather than repeat the work)."""

    def __init__(self, compute: Callable[[int], T]) -> None:
        self._compute = compute
        self._lock = threading.Lock()
        self._value: tuple[int, T] | None = None

    def get(self, generation: int) -> T:
        with self._lock:
            if self._value is None or self._value[0] != generation:
                # The caller read the generation before asking: a write landing meanwhile
                # bumps it, so the value is recomputed on the next call, never served stale.
                self._value = (generation, self._compute(generation))
            return self._value[1]
