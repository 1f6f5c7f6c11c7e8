"""read_ahead: the writer's buffer between the extraction and the store (loaders/read_ahead.py)."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from zonekg.loaders.read_ahead import read_ahead


def test_every_item_comes_in_order() -> None:
    assert list(read_ahead(iter(range(500)), lambda _: 10, 100)) == list(range(500))


def test_the_producer_stays_within_the_limit_while_the_consumer_is_slow() -> None:
    produced = 0
    most_ahead = 0

    def items() -> Iterator[int]:
        nonlocal produced
        for i in range(60):
            produced += 1
            yield i

    for consumed, _ in enumerate(read_ahead(items(), lambda _: 10, 50), start=1):
        most_ahead = max(most_ahead, produced - consumed)
        time.sleep(0.002)  # a writer busy in native code
    # at most 50 bytes held (5 items), one more being sized, and the one just produced
    assert 0 < most_ahead <= 7
    assert produced == 60


def test_a_failure_comes_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("document 3 broke the reader")

    seen = []
    with pytest.raises(ValueError, match="document 3"):
        for item in read_ahead(items(), lambda _: 1, 100):
            seen.append(item)
    assert seen == [1, 2]


def test_stopping_early_closes_the_source_on_its_own_thread() -> None:
    closed_on: list[str] = []
    stop_producing = threading.Event()

    def items() -> Iterator[int]:
        try:
            yield from range(10_000)
        finally:
            closed_on.append(threading.current_thread().name)
            stop_producing.set()

    for item in read_ahead(items(), lambda _: 1, 10):
        if item == 3:
            break
    assert closed_on == ["zonekg-read-ahead"]
    assert stop_producing.is_set()
