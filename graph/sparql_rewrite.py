"""What a store adds to a user's SPARQL text, done on tokens so that nothing inside a string,
an IRI or a comment is touched: the union's upkeep around an update, parameters filled in for
a server that has no parameter binding, the default graph read from a named graph.

Built on :func:`zonekg.graph.sparql_text.tokens`, the lexer that also guards SERVICE and LOAD.
"""
from __future__ import annotations

import re
from typing import Any

from zonekg.graph.sparql_text import explain_syntax_error, tokens
from zonekg.graph.terms import Param
from zonekg.ontology import PREFIXES


def without_trailing_separator(update: str) -> str:
    """``update`` without a final ``;`` (allowed at the end of a request, not before more)."""
    code = [t for t in tokens(update) if t.kind not in ("space", "comment")]
    if code and code[-1].text == ";":
        return update[: code[-1].start] + update[code[-1].start + 1 :]
    return update


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form (None for text that has none)."""
    for token in tokens(query):
        if token.kind == "word" and token.text.upper() in QUERY_FORMS:
            return token.text.upper()
    return None


def reading_default_graph_from(query: str, graph: str) -> str:
    """``query`` with its default graph read from the named graph ``graph``.

    The query's pattern becomes ``{ GRAPH <graph> { pattern } }``: triple patterns outside any
    ``GRAPH`` now match ``graph``, while ``GRAPH`` blocks inside still reach the named graphs
    (an inner GRAPH replaces the active graph), and subqueries and EXISTS read ``graph`` too.
    Plain SPARQL 1.1, unlike the protocol's ``default-graph-uri``, which on some servers also
    hides the named graphs. A query that names its own dataset (``FROM``), the short
    ``CONSTRUCT WHERE`` form and a DESCRIBE without a pattern are left as they are.
    """
    form, depth, after_where, groups = None, 0, False, 0
    opening = closing = None
    for token in tokens(query):
        kind, text = token.kind, token.text
        if kind == "word" and depth == 0:
            word = text.upper()
            if word == "FROM":
                return query
            if word in QUERY_FORMS and form is None:
                form = word
            after_where = after_where or word == "WHERE"
        elif kind == "other" and text == "{":
            if depth == 0:
                groups += 1
                template = form == "CONSTRUCT" and groups == 1 and not after_where
                short_construct = form == "CONSTRUCT" and groups == 1 and after_where
                if short_construct:
                    return query
                if not template and opening is None:
                    opening = token.start + 1
            depth += 1
        elif kind == "other" and text == "}":
            depth -= 1
            if depth == 0 and opening is not None and closing is None:
                closing = token.start
    if opening is None or closing is None:
        return query
    return f"{query[:opening]} GRAPH <{graph}> {{{query[opening:closing]}}} {query[closing:]}"


def bind_parameters(query: str, params: dict[str, Param]) -> str:
    """``query`` with each parameter variable replaced by its value, written as an RDF term.

    For servers with no parameter binding. The value is serialised by pyoxigraph (so quotes
    and escapes in it stay inside the literal) and goes only where the variable was: a
    variable the SELECT projects stays a result column, as ``(value AS ?name)``, and in
    ``GROUP BY`` or ``ORDER BY`` it becomes the constant expression ``(value)``.
    """
    terms = {name: str(param.to_term()) for name, param in params.items()}
    out: list[str] = []
    clause, depth, previous = "body", 0, ""
    for token in tokens(query):
        kind, text = token.kind, token.text
        if kind == "word":
            word = text.upper()
            if word == "SELECT":
                clause, depth = "projection", 0
            elif word in ("WHERE", "FROM") and clause == "projection":
                clause = "body"
            elif word == "BY" and previous in ("GROUP", "ORDER"):
                clause, depth = "modifier", 0
            elif word in ("HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES") and clause == "modifier":
                clause = "body"
            previous = word
        elif kind == "other":
            if text in "{}":
                clause = "body"
            depth += {"(": 1, ")": -1}.get(text, 0)
        elif kind == "var" and text[1:] in terms:
            term = terms[text[1:]]
            if clause == "projection" and depth == 0:
                text = f"({term} AS {text})"
            elif clause == "modifier" and depth == 0:
                text = f"({term})"
            else:
                text = term
        out.append(text)
    return "".join(out)


class DefaultGraphWrite(ValueError):
    """The update writes to the default graph, which zonekg derives from the documents."""


def written_graphs(operations: list[Any] | None) -> frozenset[str] | None:
    """The named graphs an update writes to, given rdflib's algebra of its ``operations``
    (:func:`~zonekg.graph.update_reading.parsed`), or None when that cannot be told.

    None for a graph given by a variable, ``CLEAR ALL``/``NAMED``, or text rdflib does not
    read (``operations`` None: the store's own parser then has the last word). Raises
    :class:`DefaultGraphWrite` for an operation that writes the default graph: it is the union
    of the documents, so a triple written there would belong to no document.
    """
    from rdflib.term import URIRef

    if operations is None:
        return None
    written: set[str] = set()

    def graph(term: object) -> None:
        if term == "DEFAULT":
            raise DefaultGraphWrite(
                "this update writes to the default graph, which is the union of the documents' "
                "graphs: name the document's graph with GRAPH <…> or WITH <…>"
            )
        if not isinstance(term, URIRef):
            raise LookupError(term)
        written.add(str(term))

    def field(part: dict, key: str) -> Any:  # rdflib's CompValue.get answers a missing key with the key
        return part[key] if key in part else None

    try:
        for op in operations:
            if op.name in ("InsertData", "DeleteData", "DeleteWhere"):
                templates = [op]
            elif op.name == "Modify":
                templates = [t for t in (field(op, "delete"), field(op, "insert")) if t]
            else:  # graph management: the graph(s) named, the default graph when none is
                targets = field(op, "graph") or [field(op, "graphiri") or "DEFAULT"]
                for target in targets[1:] if op.name in ("Add", "Copy") else targets:
                    graph(target)
                continue
            for template in templates:
                for name in field(template, "quads") or {}:
                    graph(name)
                if field(template, "triples"):
                    graph(field(op, "withClause") or "DEFAULT")
    except LookupError:
        return None
    return frozenset(written)


_POSITION = re.compile(r"^error at (\d+):")


def syntax_error_in(update: str, message: str, lines_before: int) -> str:
    """The parser's ``message`` about a request that had ``lines_before`` lines of the store's
    own in front of the user's ``update``, explained against the user's text alone."""
    shifted = _POSITION.sub(lambda m: f"error at {int(m.group(1)) - lines_before}:", message)
    return explain_syntax_error(update, shifted, PREFIXES)
