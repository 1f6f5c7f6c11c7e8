"""An update's depth, read in one pass of its tokens: chains and nesting count, data does not."""
from __future__ import annotations

from zonekg.graph.update_reading import MAX_DEPTH, depth, read


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
