"""A SPARQL 1.1 server as the store (Virtuoso, Fuseki, GraphDB, Neptune …), over the standards.

Queries go to the server with the SPARQL 1.1 Protocol, writes as SPARQL 1.1 Update, and
whole graphs are read with the Graph Store HTTP Protocol (``GET ?graph=``), which no row cap
of the server cuts. Open it with :func:`zonekg.graph.store.open_store` and a URL.

**The union.** Servers disagree on their default graph: Virtuoso's is every graph with each
triple repeated once per graph that states it (its own system graphs included), GraphDB's
the same, Fuseki's the real default graph unless configured. So zonekg keeps the union
itself, as on the embedded store: in the named graph :data:`~.union.UNION_GRAPH`, changed in
the same update request as the documents, and each query reads its default graph from there
(:func:`~.sparql_rewrite.reading_default_graph_from`; the protocol's ``default-graph-uri`` would
hide the named graphs on Virtuoso). ``GRAPH ?g`` also meets that graph (and a server's own
graphs): zonekg's queries join ``?g zk:fileName`` to keep to documents.

**Limits.** A query's time limit is the client's: the request is abandoned at the limit (set
the server's own limit too, so it stops working). Memory is the server's business.

Settings (environment): ``ZONEKG_STORE_USER`` / ``ZONEKG_STORE_PASSWORD`` (basic or digest,
whichever the server asks for), ``ZONEKG_STORE_UPDATE_URL`` and ``ZONEKG_STORE_GRAPHS_URL``
when updates or the Graph Store Protocol are served at another URL than queries.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from zonekg.graph import evidence_layout, union
from zonekg.graph.errors import QueryError, QueryTimeout
from zonekg.graph.executor import (
    READ_MODEL_MAX_ROWS, AskResult, GraphResult, LimitedPool, QueryExecutor, QueryResult, SelectResult, capped_graph,
    cost_key,
)
from zonekg.graph.sparql_rewrite import (
    bind_parameters, query_form, reading_default_graph_from,
)
from zonekg.graph.errors import StoreUnavailable
from zonekg.graph.terms import XSD_STRING, Param, TermTuple
from zonekg.graph.update_reading import UpdateReading, refuse
from zonekg.graph.update_reading import read as read_update
from zonekg.ontology import PREFIXES

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for the server to accept a connection before calling it down."""

WRITE_TIMEOUT = 600.0
"""Seconds a write (one document, or a user's update) may take on the server."""

RESULTS_JSON = "application/sparql-results+json"
GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
INCOMING_GRAPH = "urn:x-zonekg:incoming"
"""Where a document's new graph is uploaded before it replaces the old one in one operation."""

PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
"""zonekg's prefixes, declared in the text: a server knows none of them."""


class ServerChosenAuth(httpx.Auth):
    """HTTP basic or digest authentication, whichever the server's first 401 asks for."""

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._schemes = {"basic": httpx.BasicAuth(user, password), "digest": httpx.DigestAuth(user, password)}
        self._chosen: httpx.Auth | None = None
        self._lock = threading.Lock()

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._chosen is None:
            response = yield request
            challenge = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
            if response.status_code != 401 or challenge not in self._schemes:
                return
            with self._lock:
                self._chosen = self._schemes[challenge]
        yield from self._chosen.auth_flow(request)


def _auth() -> httpx.Auth | None:
    user = os.environ.get("ZONEKG_STORE_USER")
    return ServerChosenAuth(user, os.environ.get("ZONEKG_STORE_PASSWORD", "")) if user else None


def _term(binding: dict[str, str]) -> TermTuple:
    """A SPARQL JSON results binding as zonekg's plain term."""
    kind = {"typed-literal": "literal"}.get(binding["type"], binding["type"])
    language = binding.get("xml:lang")
    datatype = binding.get("datatype")
    if kind == "literal" and (language or datatype == XSD_STRING):
        datatype = None
    return (kind, binding["value"], language, datatype)


class RemoteStore:
    """A :class:`~zonekg.graph.store.GraphStore` on a SPARQL 1.1 server at ``url``."""

    def __init__(self, url: str) -> None:
        self.location = url
        self.update_url = os.environ.get("ZONEKG_STORE_UPDATE_URL") or url
        self.graphs_url = os.environ.get("ZONEKG_STORE_GRAPHS_URL") or url
        self._client = httpx.Client(auth=_auth(), timeout=httpx.Timeout(WRITE_TIMEOUT, connect=CONNECT_TIMEOUT))
        self._settle_interrupted_update()  # also tells at once a server that is down or refuses us
        evidence_layout.migrate(self._rows, self._update, union.UNION_GRAPH)

    def _send(self, method: str, url: str, *, timeout: float, **request: Any) -> httpx.Response:
        """One request; a server that is down or refuses the credentials is StoreUnavailable,
        naming it; a query or update it rejects is a QueryError with its message."""
        try:
            response = self._client.request(method, url, timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT), **request)
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                raise StoreUnavailable(f"the SPARQL server at {url} did not answer within {CONNECT_TIMEOUT:g} s") from None
            raise QueryTimeout(f"query stopped after its time limit of {timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"cannot reach the SPARQL server at {url}: {exc}") from None
        if response.status_code in (401, 403):
            given = "the credentials in ZONEKG_STORE_USER / ZONEKG_STORE_PASSWORD"
            raise StoreUnavailable(
                f"the SPARQL server at {url} refused {given if _auth() else 'a request without credentials'} "
                f"(HTTP {response.status_code}){'' if _auth() else ': set ZONEKG_STORE_USER and ZONEKG_STORE_PASSWORD'}"
            )
        if response.status_code in (502, 503, 504):
            raise StoreUnavailable(f"the SPARQL server at {url} is unavailable (HTTP {response.status_code})")
        if response.status_code >= 400 and not (method == "GET" and response.status_code == 404):
            raise QueryError(f"the SPARQL server at {url} says: {response.text.strip()[:2000]}")
        return response

    def select(
        self, sparql: str, params: dict[str, Param] | None = None, *,
        timeout: float = WRITE_TIMEOUT, max_rows: int = READ_MODEL_MAX_ROWS,
    ) -> QueryResult:
        """Run a read query on the server (what :meth:`query` and the query pools use)."""
        text = reading_default_graph_from(bind_parameters(sparql, params) if params else sparql, union.UNION_GRAPH)
        accept = GRAPH_TYPES if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else RESULTS_JSON
        response = self._send(
            "POST", self.location, data={"query": PROLOGUE + text}, headers={"Accept": accept}, timeout=timeout
        )
        if response.headers.get("content-type", "").startswith(RESULTS_JSON):
            body = json.loads(response.content)
            if "boolean" in body:
                return AskResult(bool(body["boolean"]))
            variables = body["head"]["vars"]
            bindings = body["results"]["bindings"]
            rows = [tuple(_term(b[v]) if v in b else None for v in variables) for b in bindings[:max_rows]]
            return SelectResult(variables, rows, truncated=len(bindings) > max_rows)
        fmt = ox.RdfFormat.from_media_type(response.headers.get("content-type", "text/turtle").split(";")[0])
        triples = [q.triple for q in ox.parse(response.content, format=fmt or ox.RdfFormat.TURTLE)]
        body = ox.serialize(triples[:max_rows], format=ox.RdfFormat.N_TRIPLES) or b""
        return GraphResult(body, min(len(triples), max_rows), truncated=len(triples) > max_rows)

    def query(self, sparql: str, params: dict[str, Param] | None = None) -> QueryResult:
        return self.select(sparql, params)

    def _rows(self, select: str) -> list[tuple[str, ...]]:
        """A SELECT's rows as the values' text (every value bound)."""
        result = self.select(select)
        assert isinstance(result, SelectResult)
        return [tuple(term[1] if term else "" for term in row) for row in result.rows]

    def _update(self, update: str) -> None:
        self._send("POST", self.update_url, data={"update": PROLOGUE + update}, timeout=WRITE_TIMEOUT)

    def replace_document(self, document_iri: str, quads: Iterable[ox.Quad]) -> None:
        """The new graph goes up with one Graph Store Protocol PUT (the server's own loader reads
        it: far faster than an INSERT DATA, which Virtuoso compiles to SQL) into a graph of its
        own, then one ``MOVE`` puts it in place, so readers see the old document or the new one;
        the union follows, journaled like any update."""
        body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""

        def write() -> None:
            self._send("PUT", self.graphs_url, params={"graph": INCOMING_GRAPH}, content=body,
                       headers={"Content-Type": "application/n-triples"}, timeout=WRITE_TIMEOUT)
            self._update(f"MOVE SILENT <{INCOMING_GRAPH}> TO <{document_iri}>")

        self._journaled(frozenset({document_iri}), write)

    def bulk_load(self, documents: Iterable[tuple[str, bytes]]) -> bool:
        """Never here: a server's own bulk loader is the tool for that; zonekg sends documents
        one request each, so each lands whole."""
        return False

    def remove_document(self, document_iri: str) -> bool:
        if document_iri not in self.documents():
            return False
        self._journaled(frozenset({document_iri}), lambda: self._update(f"DROP SILENT GRAPH <{document_iri}>"))
        return True

    def update(self, sparql_update: str, reading: UpdateReading | None = None) -> None:
        reading = reading or read_update(sparql_update)
        refuse(reading)
        self._journaled(reading.graphs, lambda: self._update(sparql_update))

    def _journaled(self, touched: frozenset[str] | None, write: Callable[[], object]) -> None:
        """``write`` the graphs ``touched``, then bring the union up to date. Three requests: the
        journal (what the graphs held), the write, the union's upkeep; if this process dies
        between them, the next one to open the store finishes the upkeep."""
        self._update(union.stash(touched))
        try:
            write()
        finally:
            self._update(union.settle(touched, union.UNION_GRAPH))

    def _settle_interrupted_update(self) -> None:
        """Finish the union's upkeep of a write a previous run did not see through."""
        result = self.select(union.journaled())
        assert isinstance(result, SelectResult)
        if result.rows:
            self._update(union.settle(frozenset(row[0][1] for row in result.rows if row[0]), union.UNION_GRAPH))

    def documents(self) -> list[str]:
        result = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a zk:Document } }")
        assert isinstance(result, SelectResult)
        return sorted(row[0][1] for row in result.rows if row[0])

    def _graph(self, graph_iri: str) -> Iterator[ox.Triple]:
        """One graph, whole, by the Graph Store Protocol (no server row cap applies)."""
        response = self._send(
            "GET", self.graphs_url, params={"graph": graph_iri},
            headers={"Accept": "application/n-triples"}, timeout=WRITE_TIMEOUT,
        )
        if response.status_code == 404:  # the protocol's answer for a graph that holds nothing
            return iter(())
        return (q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))

    def quads(self, graph_iri: str | None = None) -> Iterator[ox.Quad]:
        for iri in [graph_iri] if graph_iri else self.documents():
            graph = ox.NamedNode(iri)
            yield from (ox.Quad(t.subject, t.predicate, t.object, graph) for t in self._graph(iri))

    def document_graph(self, document_iri: str, max_rows: int) -> GraphResult | None:
        """An ASK for the document, then its graph by the Graph Store Protocol, cut at the cap."""
        known = self.select("ASK { GRAPH ?g { ?g a zk:Document } }", {"g": Param.iri(document_iri)})
        if not (isinstance(known, AskResult) and known.value):
            return None
        return capped_graph(self._graph(document_iri), max_rows)

    def union_triples(self) -> Iterator[ox.Triple]:
        return self._graph(union.UNION_GRAPH)

    def state(self) -> None:
        """None: nothing ties a token to the server's contents (others may write to it), so
        nothing derived from them is saved."""
        return None

    def readers(self) -> RemoteReaders:
        return RemoteReaders(self)

    def close(self) -> None:
        self._client.close()


class RemotePool(LimitedPool):
    """At most ``workers`` queries at once on the server, each abandoned at its time limit."""

    def __init__(self, store: RemoteStore, *, workers: int, timeout: float, max_rows: int, memory_mb: int) -> None:
        super().__init__(max(1, workers), timeout)
        self.max_rows = max_rows
        self._store = store
        self._slots = threading.BoundedSemaphore(max(1, workers))
        self._memory_mb = memory_mb
        self._reader: QueryExecutor | None = None
        self._reader_lock = threading.Lock()

    def run(
        self,
        sparql: str,
        params: dict[str, Param] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        limit = self.time_limit(timeout)
        key = cost_key(sparql, params)
        with self.lanes.admitted(key, limit):
            if not self._slots.acquire(timeout=limit):
                raise QueryTimeout(f"all query slots stayed busy for {limit:g} s")
            try:
                with self.lanes.timed(key, limit):
                    return self._store.select(sparql, params, timeout=limit, max_rows=max_rows or self.max_rows)
            finally:
                self._slots.release()

    def read_update(self, update: str) -> UpdateReading:
        """The update read by a worker process of its own (started at the first update), under
        the time and memory limits, as the embedded store's pools read it: the server runs the
        update, but reading it here would run rdflib's parser in this process (seconds of the
        GIL for a chain of a few hundred terms) and the engine's rehearsal, which a wide update
        crashes (:func:`~zonekg.graph.executor.rehearse`)."""
        with self._reader_lock:
            if self._reader is None:
                self._reader = QueryExecutor(Path(os.devnull), workers=1, timeout=self.timeout,
                                             memory_mb=self._memory_mb)
        return self._reader.read_update(update)

    def close(self) -> None:
        """Stop the update reader, if one was started."""
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()


class RemoteReaders:
    """The read side on a server: every query sees the latest writes, so publishing is free."""

    def __init__(self, store: RemoteStore) -> None:
        self._store = store
        self._pools: list[RemotePool] = []

    def pool(self, *, workers: int, timeout: float, max_rows: int, memory_mb: int) -> RemotePool:
        pool = RemotePool(self._store, workers=workers, timeout=timeout, max_rows=max_rows, memory_mb=memory_mb)
        self._pools.append(pool)
        return pool

    def publish(self) -> None:
        """Nothing to do: queries go to the live server."""

    def close(self) -> None:
        """Stop the pools' update readers."""
        for pool in self._pools:
            pool.close()
