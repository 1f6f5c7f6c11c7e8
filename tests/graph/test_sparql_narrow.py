"""``FILTER(STR(?v) = "c")`` narrowed to a VALUES list answers exactly as the query written.

The data is generated (a seed): the same strings as simple literals, with several language
tags, with several datatypes (one of them a number Oxigraph stores by value, one of its own),
as IRIs, beside blank nodes, in two graphs. Each narrowed query is compared with the query
as written; each shape that must stay as written is checked to stay so.
"""
from __future__ import annotations

import json
import random
from collections import Counter

import pyoxigraph as ox
import pytest

from zonekg.graph import literal_forms
from zonekg.graph.executor import AskResult, SelectResult, evaluate
from zonekg.graph.sparql_narrow import narrowed

EX = "http://example.org/"
PREFIX = f"PREFIX ex: <{EX}>\n"
XSD = "http://www.w3.org/2001/XMLSchema#"
WORDS = ["园区", "管委会", "7", "07", "a\"b", "x y", f"{EX}w1", f"{EX}w2", "NaN", ""]
TAGS = ["zh", "en", "zh-hans"]
DATATYPES = [f"{XSD}integer", f"{XSD}double", f"{EX}code"]


def _term(draw: random.Random) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    word = draw.choice(WORDS)
    roll = draw.random()
    if roll < 0.25:
        return ox.Literal(word)
    if roll < 0.55:
        return ox.Literal(word, language=draw.choice(TAGS))
    if roll < 0.8:
        return ox.Literal(word, datatype=ox.NamedNode(draw.choice(DATATYPES)))
    if roll < 0.95 and word.startswith(EX):
        return ox.NamedNode(word)
    return ox.BlankNode()


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """400 things with a label, an other label and a kind, in one of two graphs."""
    draw = random.Random(20261202)
    store = ox.Store()
    for i in range(400):
        thing = ox.NamedNode(f"{EX}t{i}")
        graph = ox.NamedNode(f"{EX}g{i % 2}")
        store.add(ox.Quad(thing, ox.NamedNode(EX + "label"), _term(draw), graph))
        store.add(ox.Quad(thing, ox.NamedNode(EX + "alt"), _term(draw), graph))
        store.add(ox.Quad(thing, ox.NamedNode(EX + "kind"), ox.NamedNode(f"{EX}K{i % 3}"), graph))
    store.add(ox.Quad(ox.NamedNode(EX + "t0"), ox.NamedNode(EX + "next"), ox.NamedNode(EX + "t1"),
                      ox.NamedNode(EX + "g0")))
    return store


def _answer(store: ox.Store, query: str, forms: literal_forms.LiteralForms | None) -> object:
    """The answer as a multiset of rows (order aside) or a boolean."""
    result = evaluate(store, PREFIX + query, None, 10_000, forms)
    if isinstance(result, AskResult):
        return result.value
    assert isinstance(result, SelectResult)
    return Counter(result.rows)


def _s(word: str) -> str:
    """``word`` as a SPARQL string (JSON's escapes are SPARQL's)."""
    return json.dumps(word, ensure_ascii=False)


NARROWED = [
    'SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) }} }}',
    'SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s ex:label|ex:alt ?l . FILTER({w} = str(?l)) ?s ex:kind ?k }} }}',
    'SELECT ?s WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(?l = {w}) }} }}',
    'SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s ex:alt ?l FILTER sameTerm(?l, {w}) }} }}',
    'SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s ex:alt ?l FILTER(sameTerm({w}, STR(?l))) }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ {{ ?s ex:label ?l FILTER(STR(?l) = {w}) }} UNION {{ ?s ex:alt ?l }} }} }}',
    'SELECT ?s WHERE {{ GRAPH ?g {{ ?s ex:label ?l ; ex:alt ?m FILTER(STR(?l) = {w}) FILTER(STR(?m) = {w}) }} }}',
    'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?l ^ex:label ?s FILTER(STR(?l) = {w}) }} }}',
    'SELECT ?s WHERE {{ GRAPH ?g {{ ?s ex:alt "园区"@zh ; ex:label ?l FILTER(STR(?l) = {w}) }} }}',
    'ASK WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) }} }}',
]

KEPT = [  # shapes outside the safe one: the query runs as written
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) OPTIONAL {{ ?s ex:alt ?m }} }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) }} OPTIONAL {{ ?t ex:alt ?l }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) BIND(1 AS ?one) }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) VALUES ?s {{ ex:t1 }} }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) MINUS {{ ?s ex:kind ex:K0 }} }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?x }} FILTER(STR(?l) = {w}) }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}@zh) }} }}',
    'SELECT * WHERE {{ ?s ex:label ?l FILTER(STR(?l) = {w}) GRAPH ?g {{ ?s ex:kind ?k }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l }} {{ SELECT ?s WHERE {{ GRAPH ?h {{ ?s ex:kind ?k }} }} }} '
    'FILTER(STR(?l) = {w}) }}',
    # SPARQL binds a zero-length path to the query's own term, which need not be in the store
    'SELECT * WHERE {{ {w}@fr ex:next* ?l FILTER(STR(?l) = {w}) }}',
    'SELECT * WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) {{ ?s ex:kind ?k }} }} }}',
    'CONSTRUCT WHERE {{ GRAPH ?g {{ ?s ex:label ?l FILTER(STR(?l) = {w}) }} }}',
]


@pytest.mark.parametrize("template", NARROWED)
def test_a_narrowed_filter_answers_as_written(store: ox.Store, template: str) -> None:
    forms = literal_forms.scan(store)
    found = 0
    for word in WORDS:
        query = template.format(w=_s(word))
        assert narrowed(query, forms) != query
        written = _answer(store, query, None)
        assert _answer(store, query, forms) == written, word
        found += bool(written)
    assert found >= 3  # the comparisons are about answers, not empty ones


def test_every_form_of_a_string_is_found(store: ox.Store) -> None:
    """The generated store holds the string under every form listed; each is found."""
    forms = literal_forms.scan(store)
    assert forms == literal_forms.LiteralForms(frozenset(TAGS), frozenset(DATATYPES))
    query = 'SELECT ?l WHERE { GRAPH ?g { ?s ex:label|ex:alt ?l FILTER(STR(?l) = "' + EX + 'w1") } }'
    kinds = {(row[0][0], row[0][2] is not None, row[0][3]) for row in _answer(store, query, forms)}
    assert ("uri", False, None) in kinds
    assert ("literal", True, None) in kinds
    assert {d for _, _, d in kinds} >= set(DATATYPES)


@pytest.mark.parametrize("template", KEPT)
def test_a_filter_outside_the_safe_shape_is_left_as_written(store: ox.Store, template: str) -> None:
    forms = literal_forms.scan(store)
    for word in WORDS[:3]:
        query = template.format(w=_s(word))
        assert narrowed(query, forms) == query


def test_unknown_forms_leave_every_query_as_written() -> None:
    query = 'SELECT ?s WHERE { ?s ex:label ?l FILTER(STR(?l) = "园区") }'
    assert narrowed(query, None) == query
