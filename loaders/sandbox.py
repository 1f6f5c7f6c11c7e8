"""Reading documents in child processes that are killed past their time or memory limit.

Why processes: reading and extraction run in Python and native libraries (lxml, lexbor,
pypdf) that no thread can interrupt, and one hostile file (a PDF that decompresses forever, a
text that takes minutes) would otherwise hold the server, its memory and its shutdown. Each
child reads one document at a time with :func:`~zonekg.loaders.pipeline.prepare` under the
limits it can check itself (characters, nesting, unpacked size); the parent watches the
clock and the child's resident memory and kills it past :class:`DocumentLimits`'s
``max_seconds`` or ``max_memory_mb``, answers :class:`~zonekg.graph.errors.TooLarge`, and
starts a fresh child. Children ignore Ctrl+C (the parent decides) and exit when the parent
dies, so a killed server or ingest leaves none behind.

:meth:`ExtractionPool.prepare` serves one document (an upload); :meth:`ExtractionPool.outcomes`
a batch (``zonekg ingest``), as they finish, a bounded number in flight.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zonekg.graph.errors import TooLarge, ZonekgError
from zonekg.graph.executor import cpu_seconds, exit_with_parent, resident_mb
from zonekg.loaders.document import UnreadableDocument, reason_of
from zonekg.loaders.limits import SETTING_NAMES, DocumentLimits

if TYPE_CHECKING:  # the pipeline runs this pool; the child imports the pipeline itself
    from zonekg.loaders.pipeline import Outcome, PreparedDocument

POLL_SECONDS = 0.05
"""How often the parent looks at a busy child's clock and memory."""
IN_FLIGHT_PER_WORKER = 2
"""Documents queued per child in a batch: enough to keep every child busy, few enough that
prepared documents do not pile up in memory when the writer is the slower side."""
WARM_UP_TEXT = "高新区经济发展局牵头推进智能制造产业园项目建设。\n"
"""A first document each child reads when it starts, so the first real one does not pay for
loading the readers, the extraction rules and jieba's dictionary."""
READY = "ready"
WARM_UP_CPU_SECONDS = 60.0
"""Most CPU a new child may spend starting (imports, jieba's dictionary, the warm-up text:
about 4 CPU-s here) before it is taken for broken; a document's clock starts after. A budget
of CPU, not a clock: 120 s of wall clock once failed a good document of an ingest beside a
dozen busy processes, where the child was starved, not stuck."""
WARM_UP_STALL_SECONDS = 60.0
"""How long a starting child may go without using any CPU (stuck, not starved: the scheduler
gives a runnable process some time every second, even at ``nice`` 19)."""


class ChildDidNotStart(Exception):
    """A child died, ran past its CPU budget or stalled before it was ready."""

def _child_main(conn: Connection, limits: DocumentLimits, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)
    from zonekg.loaders.pipeline import prepare

    with tempfile.TemporaryDirectory(prefix="zonekg-warm-") as folder:
        warm = Path(folder) / "warm-up.txt"
        warm.write_text(WARM_UP_TEXT, encoding="utf-8")
        try:
            prepare(warm, limits)
        except ZonekgError:
            pass  # limits set below a sentence: the real documents will say so
    conn.send(READY)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", prepare(Path(path), limits)))
        except ZonekgError as exc:
            conn.send(("error", exc))
        except Exception as exc:  # a bug on one document must reach the caller, not kill the child
            conn.send(("error", UnreadableDocument(Path(path), f"internal error ({type(exc).__name__}: {exc})")))


class _Child:
    def __init__(self, context: mp.context.SpawnContext, limits: DocumentLimits) -> None:
        self.conn, there = context.Pipe()
        self.process = context.Process(target=_child_main, args=(there, limits, os.getpid()), daemon=True)
        self.process.start()
        there.close()
        self.ready = False

    def wait_until_ready(self) -> None:
        """Wait for the warm-up to end, however long a busy machine makes it, while the child
        makes progress; :class:`ChildDidNotStart` past :data:`WARM_UP_CPU_SECONDS` of its CPU
        or :data:`WARM_UP_STALL_SECONDS` without any."""
        if self.ready:
            return
        pid = self.process.pid
        used, progressed = cpu_seconds(pid), time.monotonic()
        while not self.conn.poll(POLL_SECONDS * 10):
            if not self.process.is_alive():
                raise ChildDidNotStart(f"it exited while starting (exit code {self.process.exitcode})")
            now = cpu_seconds(pid)
            if now > WARM_UP_CPU_SECONDS:
                raise ChildDidNotStart(f"it used more than {WARM_UP_CPU_SECONDS:g} CPU seconds starting")
            if now > used:
                used, progressed = now, time.monotonic()
            elif time.monotonic() - progressed > WARM_UP_STALL_SECONDS:
                raise ChildDidNotStart(f"it used no CPU for {WARM_UP_STALL_SECONDS:g} seconds while starting")
        try:
            if self.conn.recv() != READY:
                raise ChildDidNotStart("it sent something else than its ready signal")
        except (EOFError, OSError):
            raise ChildDidNotStart(f"it exited while starting (exit code {self.process.exitcode})") from None
        self.ready = True

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class ExtractionPool:
    """``workers`` child processes preparing documents under ``limits``.

    Thread-safe: :meth:`prepare` may be called from any thread; a call waits for a free child.
    Children start when first needed (a service that is never sent a document starts none).
    """

    def __init__(self, limits: DocumentLimits, workers: int = 1) -> None:
        self.limits = limits
        self.workers = max(1, workers)
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue[_Child] = queue.Queue()
        self._all: set[_Child] = set()
        self._lock = threading.Lock()
        self._closed = False

    def _take(self, path: Path) -> _Child:
        """An idle child, a new one while fewer than ``workers`` run, else wait for one."""
        while not self._closed:
            with self._lock:
                if self._idle.empty() and len(self._all) < self.workers:
                    child = _Child(self._context, self.limits)
                    self._all.add(child)
                    return child
            try:
                return self._idle.get(timeout=POLL_SECONDS * 10)
            except queue.Empty:
                continue
        raise UnreadableDocument(path, "not read: the service is shutting down")

    def _retire(self, child: _Child) -> None:
        child.kill()
        with self._lock:
            self._all.discard(child)

    def prepare(self, path: Path) -> PreparedDocument:
        """Read, extract and map ``path`` in a child; raises UnreadableDocument or TooLarge."""
        child = self._take(path)
        answered = False
        try:
            status, payload = self._run(child, path)
            answered = True
        finally:
            if answered and not self._closed:
                self._idle.put(child)  # a refusal the child made itself leaves it fit for more
            else:
                self._retire(child)
        if status == "error":
            raise payload
        return payload

    def _run(self, child: _Child, path: Path) -> tuple[str, Any]:
        """The child's answer: ``("ok", prepared)`` or ``("error", exception)``; raises when
        the child had to be killed or died."""
        try:
            child.wait_until_ready()
        except ChildDidNotStart as exc:
            if self._closed:
                raise UnreadableDocument(path, "not read: the service is shutting down") from None
            raise UnreadableDocument(path, f"not read: the process that reads documents did not start ({exc})") from None
        try:
            child.conn.send(str(path))
            self._watch(child)
            return child.conn.recv()
        except (EOFError, OSError):
            if self._closed:
                raise UnreadableDocument(path, "not read: the service is shutting down") from None
            child.process.join(1)
            code = child.process.exitcode
            raise UnreadableDocument(path, f"the process reading it stopped (exit code {code})") from None

    def _watch(self, child: _Child) -> None:
        """Wait for the child's answer; kill it (and refuse) past the time or memory limit."""
        limits = self.limits
        deadline = time.monotonic() + limits.max_seconds
        while not child.conn.poll(POLL_SECONDS):
            if not child.process.is_alive():
                return  # the caller's recv() reports it
            if time.monotonic() > deadline:
                child.kill()
                raise TooLarge("document", 0, int(limits.max_seconds), "seconds to read and extract",
                               SETTING_NAMES["max_seconds"], more_than=True)
            if resident_mb(child.process.pid) > limits.max_memory_mb:
                child.kill()
                raise TooLarge("document", 0, limits.max_memory_mb, "MB of memory to read and extract",
                               SETTING_NAMES["max_memory_mb"], more_than=True)

    def _outcome(self, path: Path) -> Outcome:
        try:
            return path, self.prepare(path), None
        except ZonekgError as exc:
            return path, None, reason_of(exc)

    def outcomes(self, files: Iterable[Path]) -> Iterator[Outcome]:
        """Each file's outcome as it finishes; a failure (a limit, a bad file) is a reason,
        never the end of the batch."""
        with ThreadPoolExecutor(self.workers, thread_name_prefix="zonekg-extract") as threads:
            pending = iter(files)
            running = {threads.submit(self._outcome, f) for f in islice(pending, self.workers * IN_FLIGHT_PER_WORKER)}
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                running |= {threads.submit(self._outcome, f) for f in islice(pending, len(done))}
                yield from (future.result() for future in done)

    def close(self) -> None:
        """Kill every child, busy ones included (a waiting caller gets a refusal at once)."""
        self._closed = True
        with self._lock:
            children = list(self._all)
        for child in children:
            self._retire(child)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
