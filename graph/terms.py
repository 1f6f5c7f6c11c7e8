"""Plain, picklable forms of RDF terms and query parameters.

Query workers run in other processes; pyoxigraph terms cannot cross a process boundary, so
results travel as :data:`TermTuple` (the shape of a SPARQL JSON results binding) and user
values travel as :class:`Param`, to be bound by the worker as real SPARQL substitutions,
never pasted into query text.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

TermTuple = tuple[str, str, str | None, str | None]
"""(type, value, language, datatype) with type one of ``uri``, ``literal``, ``bnode``, ``triple``."""


def is_iri(value: str) -> bool:
    """Whether ``value`` is an IRI at all: a request's id with a control character or a space
    names no entity, and is answered so, not bound into a query that would refuse it."""
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Param:
    """A user value to bind to a query variable."""

    value: str
    is_iri: bool = False
    language: str | None = None
    datatype: str | None = None

    @classmethod
    def iri(cls, value: str) -> Param:
        return cls(value, is_iri=True)

    def to_term(self) -> ox.NamedNode | ox.Literal:
        if self.is_iri:
            return ox.NamedNode(self.value)
        if self.language:
            return ox.Literal(self.value, language=self.language)
        if self.datatype:
            return ox.Literal(self.value, datatype=ox.NamedNode(self.datatype))
        return ox.Literal(self.value)


def to_tuple(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> TermTuple | None:
    """The plain form of a pyoxigraph term (None stays None: an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value, None, None)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value, None, None)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return ("literal", term.value, term.language, None)
        return ("literal", term.value, None, None if datatype == XSD_STRING else datatype)
    return ("triple", str(term), None, None)


def plain(term: TermTuple | None) -> str | None:
    """Just the lexical value, for code that does not care about the term's type."""
    return None if term is None else term[1]


def bound(term: TermTuple | None) -> str:
    """The lexical value of a variable the query always binds (a required pattern, a group
    key, a count): unbound there is a mistake in the query, raised here rather than passed on
    as None into names, keys and sorts."""
    if term is None:
        raise LookupError("a variable the query always binds came back unbound")
    return term[1]
