"""Read queries in killable worker processes, with a time limit, a memory cap and a row cap.

Why processes: Oxigraph evaluates a query to completion inside native code, so neither a
thread nor the event loop can interrupt a runaway query. Each worker opens a read-only
*snapshot* of the store (a RocksDB checkpoint: hard links, taken in milliseconds after every
write), so workers never race the writer; a worker that overruns its time limit or its memory
cap is killed and replaced while the others keep answering. A worker whose parent dies
(kill -9 of the server) exits by itself within a second.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from zonekg.graph.bounded import single_pattern
from zonekg.graph.errors import QueryError, QueryOverMemory, QueryStopped, QueryTimeout
from zonekg.graph.lanes import Lanes
from zonekg.graph.literal_forms import LiteralForms
from zonekg.graph.literal_forms import load as load_forms
from zonekg.graph.sparql_narrow import narrowed
from zonekg.graph.sparql_order import OrderedSelect, Unorderable, first_key_values, order_rows, ordered_select
from zonekg.graph.sparql_rewrite import without_trailing_separator
from zonekg.graph.terms import Param, TermTuple, to_tuple
from zonekg.graph.update_reading import UpdateReading
from zonekg.graph.update_reading import read as read_once
from zonekg.graph.update_reading import MAX_DEPTH, depth, rehearsal
from zonekg.ontology import PREFIXES

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_MEMORY_MB = 1024
"""A worker past this resident size is killed (an ORDER BY over a cartesian product reached
3.1 GB in 10 s): one query must not take the machine's memory from everyone else."""

READ_MODEL_MAX_ROWS = 1_000_000
"""Row cap for the read model's own queries and for in-process use; they bound themselves with
LIMIT, so this only guards memory. User SPARQL over HTTP gets the smaller, configurable cap."""

WATCH_INTERVAL = 0.05
"""Seconds between two looks at a busy worker (its answer, its clock, its memory)."""

START_SECONDS = 60.0
"""How long a new worker may take to start (a fresh interpreter importing the engine: about a
second, many on a busy machine). A start is no part of a query's time: the time limit begins
when a started worker is sent the query, so a worker that replaced a killed one does not make
the next query overrun."""

READY = "ready"
"""What a worker says once it has started."""

QUERY, READ_UPDATE = "query", "read-update"
"""What a worker is asked: to answer a query, or to read an update (:meth:`QueryExecutor.read_update`)."""
NOTHING_RUNS = "CLEAR GRAPH <urn:zonekg:no-such-graph>"
"""An operation that always fails. Oxigraph reads a whole update before it runs any of its
operations, so this one put first makes it read the update and run none of it."""

AT_ONCE_ENTRIES = 200
"""The most index entries (``LIMIT`` + ``OFFSET``) of a single-pattern query read on the
calling thread itself, the event loop (:meth:`QueryExecutor.run_at_once`): a default page of
``/api/triples`` (101 rows) costs ~0.1 ms there, less than the hop to a thread and back it
saves (two wake-ups, each up to a scheduler slice on a busy machine), and a thread would hold
the GIL for the same decoding in any case; bounded so the loop is held for a few ms at most."""

ROWS_IN_PROCESS = 1_000
"""The most rows of a single-pattern query read in the server process (:func:`in_process`):
each costs ~25 µs to decode, so an answer costs at most ~25 ms of the server's time; a
pattern with more rows is answered by a worker."""


@dataclass
class SelectResult:
    variables: list[str]
    rows: list[tuple[TermTuple | None, ...]]
    truncated: bool
    written: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    """The result in the formats it was written in (:func:`zonekg.graph.results.write`): a
    kept answer is written once per format, not once per request."""

    def records(self) -> list[dict[str, TermTuple | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


@dataclass
class AskResult:
    value: bool
    written: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class GraphResult:
    """CONSTRUCT/DESCRIBE output as N-Triples, capped at ``max_rows`` triples."""

    ntriples: bytes
    count: int
    truncated: bool


QueryResult = SelectResult | AskResult | GraphResult


def evaluate(store: Any, sparql: str, params: dict[str, Param] | None, max_rows: int,
             forms: LiteralForms | None = None) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store and collect at most ``max_rows`` results.

    A ``FILTER(STR(?v) = "c")`` is first given the engine as the terms to look up, when the
    store's literal ``forms`` are known (:mod:`zonekg.graph.sparql_narrow`); a query that then
    fails to parse is run as written, so its syntax error is explained on the user's text.
    """
    narrow = narrowed(sparql, forms)
    if narrow != sparql:
        try:
            return _evaluate(store, narrow, params, max_rows)
        except QueryError:
            pass
    return _evaluate(store, sparql, params, max_rows)


def _evaluate(store: Any, sparql: str, params: dict[str, Param] | None, max_rows: int) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store and collect at most ``max_rows`` results.

    A SELECT ending in ``ORDER BY ?var …`` is evaluated without it and ordered here when its
    keys allow (:mod:`zonekg.graph.sparql_order`: the on-disk engine decodes both terms at every
    comparison); with a ``LIMIT``, first narrowed to the solutions of the first key's lowest
    values (:func:`_narrowed_to_first_key`). Otherwise, or when a key's value turns out to be
    one ordered only by the engine, the engine runs the query as written.
    """
    import pyoxigraph as ox

    subs = {ox.Variable(k): p.to_term() for k, p in (params or {}).items()} or None
    plan = ordered_select(sparql)
    if plan is not None:
        try:
            query = plan.unordered
            if plan.counted is not None and subs is None:
                query = _narrowed_to_first_key(store, plan, max_rows)
            solutions = _run(store, query, subs)
            if isinstance(solutions, ox.QuerySolutions):
                variables = [v.value for v in solutions.variables]
                rows, truncated = order_rows(plan, variables, _rows(solutions, variables), max_rows)
                return SelectResult(variables, rows, truncated)
        except (Unorderable, QueryError):
            pass  # the engine orders (or explains the error in) the query as written
    result = _run(store, sparql, subs)
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = list(islice(_rows(result, variables), max_rows + 1))
        return SelectResult(variables, rows[:max_rows], truncated=len(rows) > max_rows)
    return capped_graph(result, max_rows)


def in_process(store: Any, sparql: str, params: dict[str, Param] | None, max_rows: int) -> SelectResult | None:
    """The answer to a single-pattern query (:func:`~zonekg.graph.bounded.single_pattern`), read
    lazily on ``store`` in this thread; None for any other query, and for one with more than
    :data:`ROWS_IN_PROCESS` rows that the row cap would take (those cost a worker's time).

    Every row is one index entry read, so this reads at most ``OFFSET`` + ROWS_IN_PROCESS + 1
    entries: the time limit holds without a process to stop, and so does memory.
    """
    import pyoxigraph as ox

    if single_pattern(sparql) is None:
        return None
    subs = {ox.Variable(k): p.to_term() for k, p in (params or {}).items()} or None
    solutions = _run(store, sparql, subs)
    variables = [v.value for v in solutions.variables]
    take = min(max_rows, ROWS_IN_PROCESS) + 1
    rows = list(islice(_rows(solutions, variables), take))
    if len(rows) == take and take <= max_rows:
        return None  # more rows may follow that the cap lets through
    return SelectResult(variables, rows[:max_rows], truncated=len(rows) > max_rows)


def _narrowed_to_first_key(store: Any, plan: OrderedSelect, max_rows: int) -> str:
    """``plan``'s unordered query kept to the first key's values that hold the rows it keeps
    (:func:`~zonekg.graph.sparql_order.first_key_values`), or as it is when a solution leaves
    the key unbound. (Not with parameters: Oxigraph binds only projected variables, and the
    counting query projects the key alone.)"""
    assert plan.counted is not None
    counted = _run(store, plan.counted, None)
    groups = ((to_tuple(value), int(count.value), str(value)) for value, count in counted)
    values = first_key_values(plan, groups, max_rows)
    return plan.unordered if values is None else plan.restricted(values)


def _run(store: Any, sparql: str, subs: dict[Any, Any] | None) -> Any:
    """The engine's lazy answer to ``sparql``; a syntax error explained as a :class:`QueryError`."""
    from zonekg.ontology import PREFIXES

    try:
        return store.query(sparql, prefixes=PREFIXES, substitutions=subs)
    except SyntaxError as exc:
        from zonekg.graph.sparql_text import explain_syntax_error

        raise QueryError(explain_syntax_error(sparql, str(exc), PREFIXES)) from None


def _rows(solutions: Iterable[Any], variables: list[str]) -> Iterator[tuple[TermTuple | None, ...]]:
    """Each solution as plain term tuples, in ``variables``' order."""
    for solution in solutions:
        yield tuple(to_tuple(solution[v]) for v in variables)


def capped_graph(triples: Iterable[Any], max_rows: int) -> GraphResult:
    """At most ``max_rows`` of ``triples`` (pyoxigraph triples), written as N-Triples."""
    import pyoxigraph as ox

    taken = list(islice(triples, max_rows + 1))
    body = ox.serialize(taken[:max_rows], format=ox.RdfFormat.N_TRIPLES) or b""
    return GraphResult(body, min(len(taken), max_rows), truncated=len(taken) > max_rows)


def read_update(update: str) -> UpdateReading:
    """What the service needs of ``update`` (:func:`~zonekg.graph.update_reading.read`), and
    ``update`` rehearsed as the store will run it, on an empty store (:func:`rehearse`). Deep
    nesting or a long chain of operators (100,000 ``{`` or ``+1``) overflows the engine parser's
    stack and kills the process that reads it: a worker, rather than the service. A syntax
    error is the store's to explain (it reads the update as the user wrote it)."""
    if depth(update) <= MAX_DEPTH:  # (a deeper one the service refuses unread)
        rehearse(update)  # first: it fails in a second where rdflib's parse may take minutes
    return read_once(update)


REHEARSAL_STACK_SHARE = 2
"""A rehearsal runs on a thread with this fraction of the stack the service's threads have."""

FALLBACK_STACK_BYTES = 8 * 2**20
"""The stack a thread gets when the process's stack size is unlimited (glibc's default then)."""


def rehearse(update: str) -> None:
    """Run ``update`` on an empty in-memory store, where it changes nothing that matters.

    Why: the engine plans and evaluates an update's patterns recursively and some shapes no
    depth measure sees cost without bound: 10,000 sibling groups ``{…}{…}``, 10,000 OPTIONALs or
    FILTERs or 3,000 MINUS overflowed its stack (a segfault) while being run, not parsed, and
    planning 150 triple patterns of one group took 53 s (n⁴ growth: 100 took 11 s), on any data
    or none. Run here first, in a worker stopped at the time limit, what would crash or hang the
    service crashes or overruns the worker instead, and the service refuses it with a 400. The
    thread has half the service's stack so an update that only just fits here fits there with
    room. An update that reaches outside (``LOAD``, ``SERVICE``) is only parsed: a rehearsal
    would fetch (:func:`~zonekg.graph.update_reading.rehearsal`)."""
    import resource

    import pyoxigraph as ox

    text = rehearsal(update)
    runnable = f"{NOTHING_RUNS}\n;\n{without_trailing_separator(update)}" if text is None else text

    def run() -> None:
        try:
            ox.Store().update(runnable, prefixes=PREFIXES)
        except (SyntaxError, RuntimeError, OSError):
            pass

    limit = resource.getrlimit(resource.RLIMIT_STACK)[0]
    size = limit if 0 < limit != resource.RLIM_INFINITY else FALLBACK_STACK_BYTES
    previous = threading.stack_size(size // REHEARSAL_STACK_SHARE)
    try:
        thread = threading.Thread(target=run, name="zonekg-rehearsal")
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()


def exit_with_parent(parent_pid: int, interval: float = 0.5) -> None:
    """Start a thread that ends this process once its parent is gone.

    A child blocked on a pipe (a query worker between jobs, an ingest worker waiting for its
    next file) would otherwise outlive a parent killed with SIGKILL forever. Polling the parent
    id is portable and, unlike ``PR_SET_PDEATHSIG``, does not depend on which of the parent's
    threads started the child.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker_main(conn: Connection, parent_pid: int) -> None:
    """Worker loop: open snapshots as they change and answer one job at a time.

    Ctrl+C in a terminal reaches the whole process group; the worker ignores it, so only the
    service decides when to stop (it kills its workers) and no worker prints a traceback.
    """
    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    exit_with_parent(parent_pid)
    conn.send(READY)
    opened: tuple[str, Any, LiteralForms | None] | None = None
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        snapshot, operation, sparql, params, max_rows = job
        try:
            if operation == READ_UPDATE:
                conn.send(("ok", read_update(sparql)))
                continue
            if opened is None or opened[0] != snapshot:
                opened = (snapshot, ox.Store.read_only(snapshot), load_forms(Path(snapshot)))
            conn.send(("ok", evaluate(opened[1], sparql, params, max_rows, opened[2])))
        except QueryError as exc:
            conn.send(("error", str(exc)))
        except Exception as exc:  # an engine failure must reach the caller, not kill the worker
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def cpu_seconds(pid: int | None) -> float:
    """CPU time process ``pid`` has used so far, user and system (0 where /proc cannot tell).
    A budget in CPU seconds holds on a busy machine, where a wall clock would fail a process
    only for being starved."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            # after the command name in brackets: state is field 3, utime 14 and stime 15
            fields = stat.read().rpartition(b")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def resident_mb(pid: int | None) -> float:
    """Resident memory of process ``pid`` in MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


class _Worker:
    def __init__(self, context: mp.context.SpawnContext) -> None:
        self.snapshot = ""
        """The snapshot this worker was last sent (and so holds open)."""
        self.started = False
        """Whether the worker has said :data:`READY`."""
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, os.getpid()), daemon=True)
        # Born with Ctrl+C blocked (a mask survives exec): a SIGINT to the process group while
        # it still imports would print a traceback; the worker ignores it once it runs. The
        # resource tracker is started first: starting it unblocks SIGINT in this thread.
        resource_tracker.ensure_running()
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        child.close()


    def wait_started(self, seconds: float) -> bool:
        """Whether the worker has started, waiting up to ``seconds`` for it (False when it
        died while starting)."""
        if not self.started and self.conn.poll(seconds):
            try:
                self.started = self.conn.recv() == READY
            except (EOFError, OSError):
                return False
        return self.started

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class LimitedPool:
    """What every query pool shares: a time limit a caller may lower but never raise, and
    the lanes that keep known-long queries off the last free worker."""

    def __init__(self, workers: int, timeout: float) -> None:
        self.timeout = timeout
        self.lanes = Lanes(workers)

    def time_limit(self, timeout: float | None) -> float:
        """Seconds a query may run: the pool's limit, or the caller's when that is lower."""
        return self.timeout if timeout is None else min(timeout, self.timeout)

    def run_at_once(self, sparql: str, params: dict[str, Param] | None = None) -> QueryResult | None:
        """The answer read on the calling thread without waiting, when the query's cost allows
        it to hold that thread (the event loop); None: ask :meth:`run` on a thread of its own.
        A pool with no store in this process has none to give."""
        return None


def cost_key(sparql: str, params: dict[str, Param] | None) -> tuple[str, tuple[tuple[str, Param], ...]]:
    """What a query's cost is remembered by: its text and the values bound to it."""
    return sparql, tuple(sorted((params or {}).items()))


class QueryExecutor(LimitedPool):
    """A pool of query workers over the latest snapshot of a store.

    Thread-safe: call :meth:`run` from any thread (the API calls it from a thread pool so the
    event loop stays free). A query whose cost is bounded by its text (:func:`in_process`) is
    answered on the calling thread from the same snapshot, opened read-only in this process,
    at most ``workers`` of them at once: no worker, no hop to another process.
    """

    def __init__(
        self,
        snapshot: Path,
        *,
        workers: int = 2,
        timeout: float = DEFAULT_TIMEOUT,
        max_rows: int = DEFAULT_MAX_ROWS,
        memory_mb: int = DEFAULT_MEMORY_MB,
    ) -> None:
        super().__init__(max(1, workers), timeout)
        self.max_rows = max_rows
        self.memory_mb = memory_mb
        self._snapshot = str(snapshot)
        self._reading: Counter[str] = Counter()
        self._snapshot_lock = threading.Lock()
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._local: tuple[str, Any] | None = None
        """The snapshot this process reads single-pattern queries from, opened read-only."""
        self._local_slots = threading.BoundedSemaphore(max(1, workers))
        self.workers = max(1, workers)
        for _ in range(self.workers):
            self._idle.put(_Worker(self._context))

    def busy(self) -> int:
        """How many workers are answering a query now: what a test waits on to know that a
        query holds a worker, instead of sleeping and hoping it does."""
        return self.workers - self._idle.qsize()

    def set_snapshot(self, snapshot: Path) -> None:
        """Point future queries at a newer snapshot (after a write)."""
        with self._snapshot_lock:
            self._snapshot = str(snapshot)

    def snapshots_in_use(self) -> set[str]:
        """The snapshot future queries open and those a worker has open (or is opening): the
        ones that must not be deleted yet."""
        with self._snapshot_lock:
            return {self._snapshot, *self._reading}

    def run(
        self,
        sparql: str,
        params: dict[str, Param] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a read query; raises :class:`QueryError` or :class:`QueryTimeout`.

        ``max_rows`` defaults to the service's cap for user queries; the service's own read
        model passes a larger one (its queries bound themselves with LIMIT).
        ``params`` are bound as SPARQL substitutions. Oxigraph binds only variables that a
        SELECT projects, so a SELECT must list every parameter variable in its projection
        (and its GROUP BY, when it aggregates).
        """
        limit = self.time_limit(timeout)
        cap = self.max_rows if max_rows is None else max_rows
        answer = self._in_process(sparql, params, cap, limit)
        if answer is not None:
            return answer
        key = cost_key(sparql, params)
        with self.lanes.admitted(key, limit):
            worker = self._started(limit)
            with self.lanes.timed(key, limit):
                return self._answer(worker, (QUERY, sparql, params, cap), limit)

    def read_update(self, update: str) -> UpdateReading:
        """Have a worker read ``update`` (:func:`read_update`) before the store runs it in the
        service's own process; QueryError when the worker died of it or overran the time limit
        (a 10,000-deep collection takes the parser minutes, rdflib's ~11 ms a chained term)."""
        worker = self._started(self.timeout)  # all busy: 503, as for a query
        try:
            return self._answer(worker, (READ_UPDATE, update, None, 0), self.timeout)
        except QueryStopped as exc:  # the update's own cost: a 400, no use asking again
            raise QueryError(f"the update was not run: the worker reading it was stopped ({exc})") from None
        except QueryError:
            raise QueryError("the update was not run: reading it crashed the worker that read it "
                             "(nested too deep, or too long a chain of operators)") from None

    def _started(self, limit: float) -> _Worker:
        """An idle worker that has started, waiting at most ``limit`` seconds for one."""
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryTimeout(f"all query workers stayed busy for {limit:g} s") from None
        if not worker.wait_started(START_SECONDS):
            self._idle.put(self._replace(worker))
            worker.kill()
            raise QueryStopped(f"a query worker did not start within {START_SECONDS:g} s")
        return worker

    def run_at_once(self, sparql: str, params: dict[str, Param] | None = None) -> QueryResult | None:
        """A single-pattern query whose ``LIMIT`` + ``OFFSET`` is at most :data:`AT_ONCE_ENTRIES`,
        read here when the latest snapshot is open in this process already (opening one after a
        write is a thread's work) and one of the in-process slots is free now (the event loop
        never waits for one); None for any other, or when every slot is taken."""
        window = single_pattern(sparql)
        if window is None or window[0] is None or window[0] + window[1] > AT_ONCE_ENTRIES:
            return None
        if not self._latest_open() or not self._local_slots.acquire(blocking=False):
            return None
        return self._read_locally(sparql, params, self.max_rows)

    def _latest_open(self) -> bool:
        with self._snapshot_lock:
            return self._local is not None and self._local[0] == self._snapshot

    def _in_process(
        self, sparql: str, params: dict[str, Param] | None, cap: int, limit: float
    ) -> SelectResult | None:
        """The answer :func:`in_process` gives on the latest snapshot (None: a worker's to give).
        Waiting for one of the in-process slots counts against the time limit."""
        if single_pattern(sparql) is None:
            return None
        if not self._local_slots.acquire(timeout=limit):
            raise QueryTimeout(f"every in-process read stayed busy for {limit:g} s")
        return self._read_locally(sparql, params, cap)

    def _read_locally(self, sparql: str, params: dict[str, Param] | None, cap: int) -> SelectResult | None:
        """:func:`in_process` on the latest snapshot, in one of the in-process slots, which the
        caller took and this gives back."""
        try:
            snapshot, store = self._local_store()
            try:
                return in_process(store, sparql, params, cap)
            except QueryError:
                raise
            except Exception as exc:  # as a worker reports an engine failure
                raise QueryError(f"{type(exc).__name__}: {exc}") from None
            finally:
                with self._snapshot_lock:
                    self._release(snapshot)
        finally:
            self._local_slots.release()

    def _local_store(self) -> tuple[str, Any]:
        """The latest snapshot and its read-only store in this process, opened when it changed;
        counted as read (so not deleted) until the caller releases it."""
        import pyoxigraph as ox

        with self._snapshot_lock:
            if self._local is None or self._local[0] != self._snapshot:
                self._local = (self._snapshot, ox.Store.read_only(self._snapshot))
            self._reading[self._local[0]] += 1
            return self._local

    def _answer(self, worker: _Worker, job: tuple[str, str, dict[str, Param] | None, int], limit: float) -> Any:
        """``worker``'s answer to ``job`` (operation, text, parameters, row cap); the worker goes
        back to the idle ones, or is replaced when it had to be stopped."""
        with self._snapshot_lock:
            snapshot = self._snapshot
            self._reading[snapshot] += 1  # until the worker opens another one
            self._release(worker.snapshot)
            worker.snapshot = snapshot
        try:
            worker.conn.send((snapshot, *job))
            stopped = self._watch(worker, limit)
            if stopped is not None:
                worker.kill()
                worker = self._replace(worker)
                raise stopped
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            worker = self._replace(worker)
            raise QueryError("the query worker died; the query was not answered") from None
        finally:
            if self._closed:
                worker.kill()
            else:
                self._idle.put(worker)
        if status == "error":
            raise QueryError(payload)
        return payload

    def _replace(self, dead: _Worker) -> _Worker:
        """A new worker in the place of a killed one (which no longer holds its snapshot)."""
        with self._snapshot_lock:
            self._release(dead.snapshot)
        return _Worker(self._context)

    def _release(self, snapshot: str) -> None:
        """One worker fewer holds ``snapshot`` (call with the snapshot lock held)."""
        self._reading[snapshot] -= 1
        if self._reading[snapshot] <= 0:
            del self._reading[snapshot]

    def _watch(self, worker: _Worker, limit: float) -> QueryStopped | None:
        """Wait for ``worker``'s answer; the reason to stop it when it overruns a limit."""
        deadline = time.monotonic() + limit
        while not worker.conn.poll(min(WATCH_INTERVAL, max(0.0, deadline - time.monotonic()))):
            if self._closed:
                return QueryStopped("the service is shutting down")
            if resident_mb(worker.process.pid) > self.memory_mb:
                return QueryOverMemory(f"query stopped: it needed more than {self.memory_mb} MB of memory")
            if time.monotonic() >= deadline:
                return QueryTimeout(f"query stopped after its time limit of {limit:g} s")
        return None

    def close(self) -> None:
        self._closed = True
        self._local = None
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
