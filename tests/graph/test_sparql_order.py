"""A SELECT's ORDER BY done on decoded rows gives Oxigraph's own order, or is left to Oxigraph.

The data is generated (a seed): keys with many ties, unbound values, IRIs beside strings,
prefixes of one another, code points from ASCII to CJK and beyond the BMP, language tags.
"""
from __future__ import annotations

import random
from collections import Counter

import pyoxigraph as ox
import pytest

from zonekg.graph.executor import SelectResult, evaluate
from zonekg.graph.sparql_order import Unorderable, order_rows, ordered_select
from zonekg.graph.terms import to_tuple

EX = "http://example.org/"
PREFIX = f"PREFIX ex: <{EX}>\n"
WORDS = ["", "a", "ab", "abc", "B", "b", "园区", "园区管委会", "商务局", "z\U0001f600", "Ω", "a b"]
TAGS = ["zh", "en", "zh-hans"]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """300 things: a name (a string, an IRI or none), a tagged label, a number, a blank node,
    and a key holding simple and tagged strings together."""
    draw = random.Random(20261202)
    store = ox.Store()
    p = {name: ox.NamedNode(EX + name) for name in ("kind", "name", "tag", "n", "b", "mixed")}
    for i in range(300):
        thing = ox.NamedNode(f"{EX}t{i % 250}/{i}")
        store.add(ox.Quad(thing, p["kind"], ox.NamedNode(EX + "Thing")))
        roll = draw.random()
        if roll < 0.6:
            store.add(ox.Quad(thing, p["name"], ox.Literal(draw.choice(WORDS))))
        elif roll < 0.8:
            store.add(ox.Quad(thing, p["name"], ox.NamedNode(EX + draw.choice(WORDS[1:4]))))
        store.add(ox.Quad(thing, p["tag"], ox.Literal(draw.choice(WORDS), language=draw.choice(TAGS))))
        store.add(ox.Quad(thing, p["n"], ox.Literal(str(draw.randint(-5, 5)), datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer"))))
        store.add(ox.Quad(thing, p["b"], ox.BlankNode()))
        tagged = draw.random() < 0.5
        store.add(ox.Quad(thing, p["mixed"], ox.Literal(draw.choice(WORDS), language="zh" if tagged else None)))
    return store


THINGS = "?s ex:kind ex:Thing OPTIONAL { ?s ex:name ?name } OPTIONAL { ?s ex:tag ?tag }"

ORDERED_HERE = [
    f"SELECT ?s ?name WHERE {{ {THINGS} }} ORDER BY ?name",
    f"SELECT ?s ?name WHERE {{ {THINGS} }} ORDER BY ?name ?s",
    f"SELECT ?name ?s WHERE {{ {THINGS} }} ORDER BY DESC(?name) LIMIT 40",
    f"SELECT ?s ?name WHERE {{ {THINGS} }} order by desc(?name) asc(?s) limit 17 offset 5",
    f"SELECT ?s ?name WHERE {{ {THINGS} }} ORDER BY ?name OFFSET 250 LIMIT 30",
    f"SELECT ?tag ?s WHERE {{ {THINGS} }} ORDER BY ?tag LIMIT 60",
    f"SELECT ?tag ?name WHERE {{ {THINGS} }} ORDER BY DESC(?tag) ?name OFFSET 7",
    f"SELECT DISTINCT ?name WHERE {{ {THINGS} }} ORDER BY DESC(?name)",
    f"SELECT * WHERE {{ {THINGS} }} ORDER BY ?name LIMIT 50",
    f"SELECT ?name (COUNT(?s) AS ?n) WHERE {{ {THINGS} }} GROUP BY ?name ORDER BY ?name",
    f"SELECT ?s ?name WHERE {{ {THINGS} }} ORDER BY ?name LIMIT 0",
]


def _here(store: ox.Store, query: str, max_rows: int = 10_000) -> tuple[list, bool]:
    plan = ordered_select(PREFIX + query)
    assert plan is not None, query
    solutions = store.query(plan.unordered)
    variables = [v.value for v in solutions.variables]
    return order_rows(plan, variables, (tuple(to_tuple(s[v]) for v in variables) for s in solutions), max_rows)


def _engine(store: ox.Store, query: str) -> list:
    solutions = store.query(PREFIX + query)
    return [tuple(to_tuple(s[v]) for v in solutions.variables) for s in solutions]


def _key_values(query: str, rows: list) -> list[tuple]:
    """Each row's keys as written (term and all), which two right answers must share."""
    plan = ordered_select(PREFIX + query)
    assert plan is not None
    variables = [v.value for v in ox.Store().query(PREFIX + query).variables]
    columns = [variables.index(name) for name, _ in plan.keys]
    return [tuple(row[c] for c in columns) for row in rows]


@pytest.mark.parametrize("query", ORDERED_HERE)
def test_the_order_made_here_is_oxigraphs(store: ox.Store, query: str) -> None:
    rows, truncated = _here(store, query)
    expected = _engine(store, query)
    assert not truncated
    assert _key_values(query, rows) == _key_values(query, expected)
    # rows with equal keys may come in any order, so an OFFSET or a LIMIT cutting through equal
    # keys may keep other rows of the first or the last key of the page: only those may differ
    keys = _key_values(query, rows)
    cut = {keys[0], keys[-1]} if keys else set()
    assert Counter(r for r, k in zip(rows, keys, strict=True) if k not in cut) == \
        Counter(r for r, k in zip(expected, _key_values(query, expected), strict=True) if k not in cut)
    every = Counter(_engine(store, query.split(" ORDER BY")[0].split(" order by")[0]))
    assert not Counter(rows) - every


def test_the_data_has_what_the_order_must_get_right(store: ox.Store) -> None:
    names = [row[1] for row in _engine(store, f"SELECT ?s ?name WHERE {{ {THINGS} }}")]
    assert None in names and any(n and n[0] == "uri" for n in names) and any(n and n[0] == "literal" for n in names)
    assert len(set(names)) < len(names) / 10  # ties


def test_a_row_cap_keeps_the_first_rows_of_the_order(store: ox.Store) -> None:
    query = f"SELECT ?s ?name WHERE {{ {THINGS} }} ORDER BY DESC(?name) ?s"
    rows, truncated = _here(store, query, max_rows=25)
    assert truncated and rows == _engine(store, query)[:25]  # ?s breaks every tie
    assert evaluate(store, PREFIX + query, None, 25) == SelectResult(["s", "name"], rows, True)


LEFT_TO_THE_ENGINE = [
    "SELECT ?s ?n WHERE { ?s ex:n ?n } ORDER BY ?n ?s LIMIT 20",  # numbers
    "SELECT ?s ?b WHERE { ?s ex:b ?b } ORDER BY ?b ?s",  # blank nodes
    "SELECT ?s ?m WHERE { ?s ex:mixed ?m } ORDER BY ?m ?s",  # simple and tagged strings in one key
    f"SELECT ?s WHERE {{ {THINGS} }} ORDER BY ?name ?s LIMIT 30",  # a key not returned
]


@pytest.mark.parametrize("query", LEFT_TO_THE_ENGINE)
def test_what_is_not_ordered_here_is_answered_by_the_engine(store: ox.Store, query: str) -> None:
    with pytest.raises(Unorderable):
        _here(store, query)
    result = evaluate(store, PREFIX + query, None, 10_000)
    assert isinstance(result, SelectResult) and result.rows == _engine(store, query)


@pytest.mark.parametrize("query", [
    "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?n) LIMIT 3",  # computed key
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY STR(?s)",  # an expression
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY (?s)",
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3 VALUES ?s { ex:a }",
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3 LIMIT 4",
    "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3 } }",  # a subquery's own
    'SELECT ?s WHERE { ?s ?p "ORDER BY ?s" } # ORDER BY ?s',
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s",
])
def test_only_a_last_order_by_plain_variables_is_taken(query: str) -> None:
    assert ordered_select(PREFIX + query) is None


def test_the_split_keeps_the_query_and_reads_its_slice() -> None:
    query = ("PREFIX ex: <http://example.org/order#>  # ORDER BY ?x in a comment\n"
             'SELECT ?a ?b WHERE { ?a ex:p ?b FILTER(?b != "ORDER BY ?b") }\n'
             "ORDER BY ?b DESC ( ?a ) OFFSET 12 LIMIT 100")
    plan = ordered_select(query)
    assert plan is not None
    assert plan.unordered == query[: query.index("\nORDER BY") + 1]
    assert plan.keys == (("b", False), ("a", True))
    assert (plan.limit, plan.offset) == (100, 12)


FIRST_KEY_NARROWED = [
    "SELECT ?s ?tag WHERE { ?s ex:tag ?tag } ORDER BY ?tag ?s LIMIT 40",
    "SELECT ?s ?tag WHERE { ?s ex:tag ?tag } ORDER BY DESC(?tag) ?s LIMIT 17 OFFSET 5",
    "SELECT ?name ?s WHERE { ?s ex:name ?name } ORDER BY ?name DESC(?s) LIMIT 30",
    "SELECT * WHERE { ?s ex:name ?name ; ex:tag ?tag } ORDER BY ?name ?tag ?s LIMIT 25 OFFSET 60",
    "SELECT ?s ?name ?tag WHERE { ?s ex:name ?name OPTIONAL { ?s ex:tag ?tag } } ORDER BY ?name ?s LIMIT 9",
    "SELECT ?s ?tag WHERE { ?s ex:tag ?tag FILTER(?tag != \"a\"@en) } ORDER BY ASC(?tag) ?s LIMIT 1",
    "SELECT ?s ?tag WHERE { ?s ex:tag ?tag } ORDER BY ?tag ?s LIMIT 5000",
    f"SELECT ?s ?name WHERE {{ {THINGS} }} ORDER BY ?name ?s LIMIT 40",  # unbound names: not narrowed
]


@pytest.mark.parametrize("query", FIRST_KEY_NARROWED)
def test_a_limit_narrowed_to_the_first_keys_lowest_values_gives_oxigraphs_rows(store: ox.Store, query: str) -> None:
    """``?s`` breaks every tie, so the rows themselves must be Oxigraph's, under a row cap too."""
    plan = ordered_select(PREFIX + query)
    assert plan is not None and plan.counted is not None
    expected = _engine(store, query)
    assert expected
    result = evaluate(store, PREFIX + query, None, 10_000)
    assert isinstance(result, SelectResult) and result.rows == expected and not result.truncated
    capped = evaluate(store, PREFIX + query, None, 7)
    assert isinstance(capped, SelectResult) and capped.rows == expected[:7] and capped.truncated == (len(expected) > 7)


@pytest.mark.parametrize("query", [
    "SELECT DISTINCT ?tag WHERE { ?s ex:tag ?tag } ORDER BY ?tag LIMIT 4",  # rows are not solutions
    "SELECT REDUCED ?tag WHERE { ?s ex:tag ?tag } ORDER BY ?tag LIMIT 4",
    "SELECT ?tag WHERE { ?s ex:tag ?tag } GROUP BY ?tag ORDER BY ?tag LIMIT 4",
    "SELECT ?s ?tag WHERE { ?s ex:tag ?tag } ORDER BY ?tag ?s",  # no LIMIT: every row is decoded anyway
    "SELECT ?s WHERE { ?s ex:tag ?tag } ORDER BY ?tag LIMIT 4",  # the key is not returned
])
def test_what_is_not_narrowed_to_the_first_key(query: str) -> None:
    plan = ordered_select(PREFIX + query)
    assert plan is not None and plan.counted is None
