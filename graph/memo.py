"""Answers of the read model kept while the store does not change.

The store changes only when a document is written, and the service counts those writes (its
*generation*). An answer computed at generation N stays true until the count moves, so the
catalog keeps recent answers keyed by what was asked and drops them all when the generation
changes. Many clients asking the same thing at once compute it once: the others wait for it.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

MAX_ANSWERS = 2048
"""Answers kept per generation (least recently used go first): pages, counts, facets,
details. Each is a page of at most 500 items, so this bounds memory to tens of MB."""


class GenerationMemo:
    """``get(key, compute)``: the answer for ``key`` at the current generation."""

    def __init__(
        self, generation: Callable[[], int], max_answers: int = MAX_ANSWERS,
        keep: Callable[[Any], bool] = lambda value: True,
    ) -> None:
        self._generation = generation
        self._max = max_answers
        self._keep = keep
        """Which answers are kept (the others are computed once per caller group and dropped)."""
        self._lock = threading.Lock()
        self._seen = -1
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._pending: dict[Hashable, threading.Lock] = {}

    def peek(self, key: Hashable) -> Any | None:
        """The answer kept for ``key`` at the current generation, or None (computing nothing)."""
        full = (self._generation(), key)
        with self._lock:
            if full[0] != self._seen or full not in self._answers:
                return None
            self._answers.move_to_end(full)
            return self._answers[full]

    def get(self, key: Hashable, compute: Callable[[], Any], wait: float | None = None) -> Any:
        """The answer for ``key``; ``compute()`` when there is none. While another caller
        computes it, wait for that (at most ``wait`` seconds, then :class:`TimeoutError`)."""
        generation = self._generation()
        full = (generation, key)
        with self._lock:
            if generation != self._seen:
                self._answers.clear()
                self._seen = generation
            if full in self._answers:
                self._answers.move_to_end(full)
                return self._answers[full]
            pending = self._pending.setdefault(full, threading.Lock())
        if not pending.acquire(timeout=-1 if wait is None else max(0.0, wait)):
            raise TimeoutError(f"another caller's computation of the same answer took over {wait:g} s")
        try:  # one computes, the others wait and then find its answer
            with self._lock:
                if full in self._answers:
                    return self._answers[full]
            try:
                value = compute()
            finally:  # also when it raised (an unknown entity): no lock is left behind per key
                with self._lock:
                    self._pending.pop(full, None)
            with self._lock:
                if generation == self._seen and self._keep(value):
                    self._answers[full] = value
                    while len(self._answers) > self._max:
                        self._answers.popitem(last=False)
            return value
        finally:
            pending.release()
