"""An update's depth, read in one pass of its tokens: chains and nesting count, data does not;
and what no depth tells, an update too wide for the engine to run, found by rehearsing it."""
from __future__ import annotations

import subprocess
import sys
from typing import Any, cast

import pytest

from zonekg.graph.errors import QueryError
from zonekg.graph.executor import NOTHING_RUNS
from zonekg.graph.remote_store import RemotePool
from zonekg.graph.update_reading import MAX_DEPTH, depth, read, rehearsal


def test_data_of_any_length_is_shallow() -> None:
    triples = ' <x:s> <x:p> -1.5, "a"^^<x:t>, "b"@en ; <x:q> (1 2 3) .' * 5_000
    assert depth(f"INSERT DATA {{ GRAPH <x:g> {{{triples} }} }}") == 3
    assert not read(f"INSERT DATA {{ GRAPH <x:g> {{{triples} }} }}").too_deep


def test_chains_and_nesting_count_every_term() -> None:
    where = "DELETE { ?s ?p ?o } WHERE { "
    assert depth(where + "?s ?p ?o FILTER(?o" + "+1.5" * 2_000 + ") }") == 2_002
    assert depth(where + "?s ?p ?o FILTER(?o" + " || true" * 2_000 + ") }") == 4_002  # || counts twice
    assert depth(where + "{ ?s ?p ?o }" + " UNION { ?s ?p ?o }" * 2_000 + " }") == 2_002
    assert depth(where + "?s <x:p>" + "/<x:p>" * 2_000 + " ?o }") == 2_001
    assert depth(where + "{" * 2_000 + "?s ?p ?o" + "}" * 2_000 + " }") == 2_001


def test_too_deep_an_update_is_not_read_further() -> None:
    chain = "INSERT DATA { GRAPH <x:g> { <x:a> <x:b> " + "(" * MAX_DEPTH + ")" * MAX_DEPTH + " } }"
    reading = read(chain)
    assert reading.too_deep and reading.graphs is None and reading.forms is None
    assert read("INSERT DATA { GRAPH <x:g> { <x:a> <x:b> (()) } }").graphs == {"x:g"}


WIDE = {  # a few brackets deep at most: the depth measure lets each through
    "sibling groups": "{ ?s ?p ?o }" * 10_000,
    "OPTIONAL chain": "?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 10_000,
    "MINUS chain": "?s ?p ?o " + "MINUS { ?s ?p ?o } " * 10_000,
    "FILTERs": "?s ?p ?o " + "FILTER(true) " * 10_000,
}
WHERE = "DELETE { GRAPH <x:g> { ?s ?p ?o } } WHERE { "


PARSE_ONLY = f"""import pyoxigraph as ox, sys
try:
    ox.Store().update("{NOTHING_RUNS} ; " + sys.stdin.read())
except RuntimeError:
    pass
"""
RUN = "import pyoxigraph as ox, sys\nox.Store().update(sys.stdin.read())"
READ = "import sys\nfrom zonekg.graph.executor import read_update\nread_update(sys.stdin.read())"


def _ends(code: str, update: str) -> int:
    """The exit status of ``code`` given ``update`` in a fresh interpreter (negative: killed by a signal)."""
    return subprocess.run([sys.executable, "-c", code], input=update.encode(), capture_output=True,
                          timeout=300).returncode


@pytest.mark.parametrize("body", list(WIDE.values()), ids=list(WIDE))
def test_a_wide_update_that_the_engine_parses_but_crashes_running_dies_in_its_reader(body: str) -> None:
    """The engine reads the update whole (what a parse-only read checked) and overflows its
    stack running it, as the service's process would; the rehearsal runs it, so the reader
    (a worker in the service) dies instead."""
    update = WHERE + body + " }"
    assert depth(update) < MAX_DEPTH
    assert _ends(PARSE_ONLY, update) == 0
    assert _ends(RUN, update) < 0
    assert _ends(READ, update) < 0


def test_a_rehearsal_runs_every_operation_and_fetches_nothing() -> None:
    update = "DROP GRAPH <x:a> ; clear graph <x:b>; CLEAR SILENT GRAPH <x:c> ; MOVE <x:d> TO <x:e>"
    assert rehearsal(update) == ("DROP SILENT GRAPH <x:a> ; clear SILENT graph <x:b>; CLEAR SILENT GRAPH <x:c> ; "
                                 "MOVE SILENT <x:d> TO <x:e>")
    assert rehearsal('INSERT DATA { GRAPH <x:g> { <x:s> <x:p> "DROP GRAPH" } }') == \
        'INSERT DATA { GRAPH <x:g> { <x:s> <x:p> "DROP GRAPH" } }'
    assert rehearsal("LOAD <http://example.org/x.ttl>") is None
    assert rehearsal(WHERE + "SERVICE <http://example.org/sparql> { ?s ?p ?o } }") is None


def test_an_operation_after_one_that_fails_on_an_empty_store_is_rehearsed() -> None:
    """``DROP GRAPH <g>`` fails on the empty store (no such graph) and would end the rehearsal
    there, while the service's store, which has ``<g>``, goes on to the next operation."""
    update = "DROP GRAPH <x:g> ; " + WHERE + WIDE["MINUS chain"] + " }"
    assert _ends(READ, update) < 0


def test_a_remote_store_s_pool_reads_updates_in_a_worker() -> None:
    """The remote store's server runs the update, but its pool read it in the service's process:
    this one would have ended the process (here: the test run)."""
    pool = RemotePool(cast(Any, None), workers=1, timeout=120, max_rows=10, memory_mb=1024)
    try:
        assert pool.read_update("INSERT DATA { GRAPH <x:g> { <x:a> <x:b> <x:c> } }").graphs == {"x:g"}
        with pytest.raises(QueryError, match="crashed the worker"):
            pool.read_update(WHERE + WIDE["MINUS chain"] + " }")
        assert pool.read_update("DROP GRAPH <x:h>").graphs == {"x:h"}  # a new worker took its place
    finally:
        pool.close()
