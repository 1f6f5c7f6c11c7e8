"""Read queries in killable worker processes, with a time limit and a row cap.

Why processes: Oxigraph evaluates a query to completion inside native code, so neither a
thread nor the event loop can interrupt a runaway query. Each worker opens a read-only
*snapshot* of the store (a RocksDB checkpoint: hard links, taken in milliseconds after every
write), so workers never race the writer; a worker that overruns its time limit is killed and
replaced while the others keep answering.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from zonekg.graph.errors import QueryError, QueryTimeout
from zonekg.graph.terms import Param, TermTuple, to_tuple

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000


@dataclass
class SelectResult:
    variables: list[str]
    rows: list[tuple[TermTuple | None, ...]]
    truncated: bool

    def records(self) -> list[dict[str, TermTuple | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


@dataclass
class AskResult:
    value: bool


@dataclass
class GraphResult:
    """CONSTRUCT/DESCRIBE output as N-Triples, capped at ``max_rows`` triples."""

    ntriples: bytes
    count: int
    truncated: bool


QueryResult = SelectResult | AskResult | GraphResult


def evaluate(store: Any, sparql: str, params: dict[str, Param] | None, max_rows: int) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store and collect at most ``max_rows`` results."""
    import pyoxigraph as ox

    from zonekg.ontology import PREFIXES

    subs = {ox.Variable(k): p.to_term() for k, p in (params or {}).items()}
    try:
        result = store.query(
            sparql, prefixes=PREFIXES, substitutions=subs or None
        )
    except SyntaxError as exc:
        from zonekg.graph.sparql_text import explain_syntax_error

        raise QueryError(explain_syntax_error(sparql, str(exc), PREFIXES)) from None
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[tuple[TermTuple | None, ...]] = []
        for solution in result:
            if len(rows) == max_rows:
                return SelectResult(variables, rows, truncated=True)
            rows.append(tuple(to_tuple(solution[v]) for v in variables))
        return SelectResult(variables, rows, truncated=False)
    triples = []
    truncated = False
    for triple in result:
        if len(triples) == max_rows:
            truncated = True
            break
        triples.append(triple)
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return GraphResult(body, len(triples), truncated)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start a worker with Ctrl+C ignored: an ignored signal stays ignored across the exec of
    a spawned interpreter, and Python then installs no KeyboardInterrupt handler, so a worker
    still importing when Ctrl+C comes prints nothing. Only the main thread may change signal
    handlers; a worker replaced from another thread ignores SIGINT once it runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_main(conn: Connection) -> None:
    """Worker loop: open snapshots as they change and answer one job at a time.

    Ctrl+C in a terminal reaches the whole process group; the worker ignores it, so only the
    service decides when to stop (it kills its workers) and no worker prints a traceback.
    """
    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    opened: tuple[str, Any] | None = None
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        snapshot, sparql, params, max_rows = job
        try:
            if opened is None or opened[0] != snapshot:
                opened = (snapshot, ox.Store.read_only(snapshot))
            conn.send(("ok", evaluate(opened[1], sparql, params, max_rows)))
        except QueryError as exc:
            conn.send(("error", str(exc)))
        except Exception as exc:  # an engine failure must reach the caller, not kill the worker
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context: mp.context.SpawnContext) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child,), daemon=True)
        with _sigint_ignored():
            self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryExecutor:
    """A pool of query workers over the latest snapshot of a store.

    Thread-safe: call :meth:`run` from any thread (the API calls it from a thread pool so the
    event loop stays free).
    """

    def __init__(
        self,
        snapshot: Path,
        *,
        workers: int = 2,
        timeout: float = DEFAULT_TIMEOUT,
        max_rows: int = DEFAULT_MAX_ROWS,
    ) -> None:
        self.timeout = timeout
        self.max_rows = max_rows
        self._snapshot = str(snapshot)
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        for _ in range(max(1, workers)):
            self._idle.put(_Worker(self._context))

    def set_snapshot(self, snapshot: Path) -> None:
        """Point future queries at a newer snapshot (after a write)."""
        self._snapshot = str(snapshot)

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
        limit = self.timeout if timeout is None else min(timeout, self.timeout)
        cap = self.max_rows if max_rows is None else max_rows
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryTimeout(f"all query workers stayed busy for {limit:g} s") from None
        try:
            worker.conn.send((self._snapshot, sparql, params, cap))
            if not worker.conn.poll(limit):
                worker.kill()
                worker = _Worker(self._context)
                raise QueryTimeout(f"query stopped after its time limit of {limit:g} s")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            worker = _Worker(self._context)
            raise QueryError("the query worker died; the query was not answered") from None
        finally:
            if self._closed:
                worker.kill()
            else:
                self._idle.put(worker)
        if status == "error":
            raise QueryError(payload)
        return payload

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
