"""``FILTER(STR(?v) = "c")`` given the engine as a short list of terms to look up.

Why: the on-disk engine evaluates ``?a rdfs:label ?l FILTER(STR(?l) = "c")`` by scanning every
label and decoding each one from RocksDB to compare it (1.5–2.3 s over 1,000 documents),
while the same label written as a term (``?a rdfs:label "c"@zh``) is an index look-up (60–90
ms). Which terms have the string ``c`` is known from the store's literal forms
(:mod:`zonekg.graph.literal_forms`): the simple literal ``"c"``, ``"c"@t`` for each language
tag ``t`` the store may hold, ``"c"^^d`` for each datatype ``d``, and ``<c>`` when ``c`` is an
absolute IRI. ``VALUES ?v { those }`` is put at the start of the FILTER's group; the FILTER
stays.

Why it is the same query: in a group made only of triple patterns, property paths and
FILTERs, a FILTER applies to the group's solutions, and ``?v`` is bound in each of them by a
triple pattern of the group. Every solution the FILTER keeps binds ``?v`` to a term of the
store whose string is ``c``, which the list holds (the forms are a superset of the store's);
the ``VALUES`` join therefore removes only solutions the FILTER removes, and the FILTER, kept,
removes the rest as before. Terms of the list the store lacks join with nothing. The same
holds for ``?v = "c"``, ``sameTerm(?v, "c")`` and ``sameTerm(STR(?v), "c")`` (either side):
each keeps only terms whose string is ``c``.

Left as written: a group holding anything else (``OPTIONAL``, ``UNION``, ``MINUS``, a
subquery, ``BIND``, ``VALUES``, ``GRAPH``, ``SERVICE``, any nested group, ``*`` or ``?`` path
steps, which bind a variable to a term of the query, not of the store), a group opened by
anything but ``WHERE``, ``{``, ``}``, ``.``, ``UNION`` or ``GRAPH x`` (an OPTIONAL's, a
template, EXISTS),
a ``?v`` that no triple pattern of the group binds, a query that uses ``?v`` in an
``OPTIONAL`` anywhere, a string with a tag or a datatype, and any store whose forms are not
known (None).
"""
from __future__ import annotations

import pyoxigraph as ox

from zonekg.graph.literal_forms import LiteralForms
from zonekg.graph.sparql_rewrite import QUERY_FORMS
from zonekg.graph.sparql_text import Token, tokens

_OPENERS = frozenset({"WHERE", "{", "}", ".", "UNION"})
"""What may stand before the ``{`` of a group this rewrites (see the module docstring)."""

_TRIPLE_WORDS = frozenset({"A", "TRUE", "FALSE"})
"""Words a triple pattern may hold (``a``, booleans); any other word ends the rewrite."""

_ZERO_STEPS = frozenset({"*", "?"})


def _shapes() -> set[tuple[str, ...]]:
    """The FILTER expressions handled, as token shapes (V: the variable, S: the string)."""
    shapes: set[tuple[str, ...]] = set()
    for operand in (("V",), ("STR", "(", "V", ")")):
        for core in (("(", *operand, "=", "S", ")"), ("(", "S", "=", *operand, ")")):
            shapes.add(core)
        for call in (("SAMETERM", "(", *operand, ",", "S", ")"), ("SAMETERM", "(", "S", ",", *operand, ")")):
            shapes.update({call, ("(", *call, ")")})
    return shapes


SHAPES = frozenset(_shapes())


def narrowed(query: str, forms: LiteralForms | None) -> str:
    """``query`` with a ``VALUES`` list before each FILTER it can narrow, or ``query`` itself.

    O(tokens) plus O(tags + datatypes) per FILTER narrowed.
    """
    if forms is None or "FILTER" not in query.upper():
        return query
    found = [t for t in tokens(query) if t.kind not in ("space", "comment")]
    form = next((t.text.upper() for t in found if t.kind == "word" and t.text.upper() in QUERY_FORMS), None)
    if form not in ("SELECT", "ASK"):
        return query  # a CONSTRUCT's template (``CONSTRUCT WHERE``'s is its pattern) stays as written
    optional_vars = _in_optionals(found)
    inserts: list[tuple[int, str]] = []
    stack: list[list[int]] = []  # [index of "{", whether a group opened inside it]
    for index, token in enumerate(found):
        if token.kind != "other":
            continue
        if token.text == "{":
            if stack:
                stack[-1][1] = 1
            stack.append([index, 0])
        elif token.text == "}" and stack:
            opened, nested = stack.pop()
            if not nested and _opens_group(found, opened):
                lists = _values(found[opened + 1:index], forms, optional_vars)
                if lists:
                    inserts.append((found[opened].start + 1, " ".join(lists)))
    for at, text in sorted(inserts, reverse=True):
        query = f"{query[:at]} {text} {query[at:]}"
    return query


def _opens_group(found: list[Token], opened: int) -> bool:
    """Whether the ``{`` at ``found[opened]`` opens a group this rewrites: one after
    :data:`_OPENERS`, or ``GRAPH <g> {`` / ``GRAPH ?g {`` (whose terms the forms cover too)."""
    before = found[opened - 1] if opened else None
    if before is not None and before.text.upper() in _OPENERS:
        return True
    return (opened >= 2 and before is not None and before.kind in ("iri", "pname", "var")
            and found[opened - 2].text.upper() == "GRAPH")


def _in_optionals(found: list[Token]) -> set[str]:
    """Variables written anywhere inside an ``OPTIONAL { … }``."""
    names: set[str] = set()
    depth = 0  # > 0 while inside an OPTIONAL's braces
    for before, token in zip([None, *found], found):
        if token.kind == "other" and token.text in "{}":
            if depth:
                depth += 1 if token.text == "{" else -1
            elif token.text == "{" and before is not None and before.text.upper() == "OPTIONAL":
                depth = 1
        elif depth and token.kind == "var":
            names.add(token.text[1:])
    return names


def _values(body: list[Token], forms: LiteralForms, optional_vars: set[str]) -> list[str]:
    """The ``VALUES`` lists for a group's body (tokens between its braces); none when the
    group holds anything but triple patterns, paths and FILTERs."""
    bound: set[str] = set()
    filters: list[list[Token]] = []
    at = 0
    while at < len(body):
        token = body[at]
        if token.kind == "word" and token.text.upper() == "FILTER":
            end = _filter_end(body, at + 1)
            if end is None:
                return []
            filters.append(body[at + 1:end])
            at = end
            continue
        tag = at > 0 and body[at - 1].text == "@"  # "c"@zh: the lexer reads the tag as a word
        if token.kind == "word" and token.text.upper() not in _TRIPLE_WORDS and not tag:
            return []
        if token.kind == "other" and token.text in _ZERO_STEPS:
            return []
        if token.kind == "var":
            bound.add(token.text[1:])
        at += 1
    lists = []
    for expression in filters:
        matched = _match(expression)
        if matched is not None and matched[0] in bound and matched[0] not in optional_vars:
            terms = candidates(matched[1], forms)
            lists.append(f"VALUES ?{matched[0]} {{ {' '.join(terms)} }}")
    return lists


def _filter_end(body: list[Token], at: int) -> int | None:
    """Index after the FILTER constraint starting at ``body[at]``: a bracketted expression or
    a function call (``sameTerm(…)``, ``regex(…)``); None for anything else."""
    if at < len(body) and body[at].kind in ("word", "pname", "iri"):
        at += 1
    if at >= len(body) or body[at].text != "(":
        return None
    depth = 0
    for index in range(at, len(body)):
        if body[index].kind == "other" and body[index].text in "()":
            depth += 1 if body[index].text == "(" else -1
            if depth == 0:
                return index + 1
    return None


def _match(expression: list[Token]) -> tuple[str, Token] | None:
    """(variable name, string token) when ``expression`` is one of :data:`SHAPES`."""
    shape: list[str] = []
    variable = string = None
    for index, token in enumerate(expression):
        if token.kind == "var":
            shape.append("V")
            variable = token.text[1:]
        elif token.kind == "string":
            following = expression[index + 1].text if index + 1 < len(expression) else ""
            shape.append("S" if following not in ("@", "^") else "tagged")
            string = token
        else:
            shape.append(token.text.upper())
    if tuple(shape) not in SHAPES or variable is None or string is None:
        return None
    return variable, string


def candidates(string: Token, forms: LiteralForms) -> list[str]:
    """Every term whose string is the value of the SPARQL string token ``string`` that a
    store with ``forms`` may hold, written as SPARQL terms (serialised by pyoxigraph)."""
    value = _string_value(string.text)
    terms: list[ox.NamedNode | ox.Literal] = [ox.Literal(value)]
    terms += [ox.Literal(value, language=tag) for tag in sorted(forms.languages)]
    terms += [ox.Literal(value, datatype=ox.NamedNode(iri)) for iri in sorted(forms.datatypes)]
    try:
        terms.append(ox.NamedNode(value))  # only an absolute IRI is accepted
    except ValueError:
        pass
    return [str(term) for term in terms]


def _string_value(text: str) -> str:
    """The value of a SPARQL string token: read by Oxigraph's Turtle parser, whose four quote
    forms and escapes are SPARQL's, so the value is the one the engine compares with."""
    triple = next(ox.parse(f"<x:s> <x:p> {text} .", format=ox.RdfFormat.TURTLE))
    return triple.object.value
