"""Keeping the extraction going while the single writer is busy.

``zonekg ingest``'s writer takes documents as the extraction finishes them, but spends long
stretches in native code (sorting and writing a bulk load's files, a transaction's commit)
during which it takes none. Without a buffer between the two, the extraction processes stop
after the document or two they hold and wait: measured on 1,000 generated documents, one job
took 92 s for 98 CPU-s on two cores, the extraction child idle for about a third of it.
:func:`read_ahead` takes the items on a thread of their own into a buffer bounded in bytes,
so memory stays flat while neither side waits for the other until the buffer is full.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def read_ahead(items: Iterator[T], size_of: Callable[[T], int], limit: int) -> Iterator[T]:
    """``items`` in their order, taken from ``items`` on another thread as far ahead as
    ``limit`` bytes (``size_of`` each; one item more at most) allow.

    An exception raised by ``items`` is raised here once the items before it are taken. If
    the caller stops early, ``items`` is closed on its own thread after the item it is
    producing (a generator's clean-up, such as stopping worker processes, runs) and the
    caller waits for that.
    """
    ready = threading.Condition()
    buffer: deque[tuple[T, int]] = deque()
    held = 0
    finished = stopped = False
    failure: BaseException | None = None

    def room() -> bool:
        return held < limit or stopped

    def fill() -> None:
        nonlocal held, finished, failure
        try:
            for item in items:
                size = size_of(item)
                with ready:
                    ready.wait_for(room)
                    if stopped:
                        break
                    buffer.append((item, size))
                    held += size
                    ready.notify_all()
        except BaseException as exc:  # handed to the consumer, which raises it
            failure = exc
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()
            with ready:
                finished = True
                ready.notify_all()

    thread = threading.Thread(target=fill, name="zonekg-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            with ready:
                ready.wait_for(lambda: buffer or finished)
                if not buffer:
                    break
                item, size = buffer.popleft()
                held -= size
                ready.notify_all()
            yield item
        if failure is not None:
            raise failure
    finally:
        with ready:
            stopped = True
            ready.notify_all()
        thread.join()
