"""Which literal forms (language tags, datatypes) a store may hold: a superset kept by its writes.

Why: ``FILTER(STR(?l) = "c")`` makes the on-disk engine decode every label it scans to compare
it; knowing every tag and datatype the store can hold, :mod:`zonekg.graph.sparql_narrow` lists
the few terms whose string is ``c`` so the engine looks them up instead. The list must hold
every such term the store has, and may hold more (a term the store lacks matches nothing), so
what is kept here is a *superset*: every write adds the forms it brings, nothing is ever taken
away (removing a document leaves its forms listed, still exact). Reading it never scans the
store; only a write whose forms cannot be known (a SPARQL update inserting computed values)
makes them unknown, and then :func:`scan` recomputes them when the store is next opened for
writing.

Kept as a small JSON file beside the store and copied into each read snapshot, so a query
worker reads the forms of exactly the snapshot it answers from (or later ones: a superset).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
PLAIN = frozenset({XSD_STRING, RDF_LANG_STRING})
"""Datatypes of the simple and language-tagged strings, which every list names anyway."""

FILE = "literal-forms.json"
"""Name of the file in a store's folder (and in each of its snapshots)."""


@dataclass(frozen=True)
class LiteralForms:
    """Language tags (as Oxigraph writes them: lower case) and datatypes other than the
    plain strings' that literals of the store may have."""

    languages: frozenset[str] = frozenset()
    datatypes: frozenset[str] = frozenset()

    def __or__(self, other: LiteralForms) -> LiteralForms:
        return LiteralForms(self.languages | other.languages, self.datatypes | other.datatypes)


NOTHING = LiteralForms()


def of_terms(terms: Iterable[Any]) -> LiteralForms:
    """The forms of the literals among ``terms`` (pyoxigraph terms). O(terms)."""
    languages: set[str] = set()
    datatypes: set[str] = set()
    for term in terms:
        if isinstance(term, ox.Literal):
            if term.language:
                languages.add(term.language)
            elif term.datatype.value not in PLAIN:
                datatypes.add(term.datatype.value)
    return LiteralForms(frozenset(languages), frozenset(datatypes))


_TAG = re.compile(rb'"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)')
_DATATYPE = re.compile(rb'"\^\^<([^>\s]*)>')


def of_nquads(nquads: bytes) -> LiteralForms:
    """The forms of the literals of N-Quads text, read by two regular expressions (C speed,
    no term built). Every literal ends in ``"`` followed by its tag or datatype, so each is
    found; a ``\\"@x`` inside a string may add a tag that no literal has, which a superset
    allows. Tags are lowered as Oxigraph lowers them when it stores them. O(bytes)."""
    languages = {tag.decode("ascii").lower() for tag in set(_TAG.findall(nquads))}
    datatypes = {iri.decode("utf-8", "replace") for iri in set(_DATATYPE.findall(nquads))}
    return LiteralForms(frozenset(languages), frozenset(datatypes - PLAIN))


def of_update(operations: list[Any] | None) -> LiteralForms | None:
    """The forms a SPARQL update may add, given rdflib's algebra of its ``operations``
    (:func:`~zonekg.graph.update_reading.parsed`), or None when they cannot be known before it runs.

    Known: data written out (``INSERT DATA``), templates without variables, deletions, graph
    management (``ADD``/``COPY``/``MOVE`` copy terms the store has). Unknown: an ``INSERT``
    template with a variable (its ``WHERE`` may compute a new literal: ``STRLANG``, ``BIND``),
    ``LOAD``, and any text rdflib cannot read (``operations`` None).
    """
    from rdflib.term import Literal, Variable

    if operations is None:
        return None
    inserted: list[Any] = []
    for op in operations:
        if op.name == "Load":
            return None
        template = op if op.name == "InsertData" else op["insert"] if op.name == "Modify" and "insert" in op else None
        if template is not None:
            # (rdflib's CompValue.get answers a missing key with the key itself)
            inserted.extend(template["triples"] if "triples" in template and template["triples"] else [])
            for graph_triples in (template["quads"] if "quads" in template and template["quads"] else {}).values():
                inserted.extend(graph_triples)
    if any(isinstance(obj, Variable) for _, _, obj in inserted):
        return None  # a literal a WHERE clause computes
    languages = {obj.language.lower() for _, _, obj in inserted if isinstance(obj, Literal) and obj.language}
    datatypes = {str(obj.datatype) for _, _, obj in inserted
                 if isinstance(obj, Literal) and not obj.language and obj.datatype is not None}
    return LiteralForms(frozenset(languages), frozenset(datatypes - PLAIN))


SCAN = ("SELECT DISTINCT (LANG(?o) AS ?language) (DATATYPE(?o) AS ?datatype) "
        "WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) }")
"""Every named graph's literals (the default graph is their union). O(quads): ~14 CPU-s for
1,000 documents, so only run when a store's forms are unknown, never on a read path."""


def scan(store: Any) -> LiteralForms:
    """The forms of every literal in a pyoxigraph ``store``, exactly."""
    languages: set[str] = set()
    datatypes: set[str] = set()
    for language, datatype in store.query(SCAN):
        if language.value:
            languages.add(language.value)
        elif datatype.value not in PLAIN:
            datatypes.add(datatype.value)
    return LiteralForms(frozenset(languages), frozenset(datatypes))


def load(folder: Path) -> LiteralForms | None:
    """The forms kept in ``folder``; None when unknown (no file, a store written before forms
    were kept, or one marked unknown)."""
    try:
        kept = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("unknown", True):
        return None
    return LiteralForms(frozenset(kept["languages"]), frozenset(kept["datatypes"]))


def save(folder: Path, forms: LiteralForms | None) -> None:
    """Keep ``forms`` (None: unknown) in ``folder``, atomically: a crash leaves the old file or
    the new one. Called *before* the write that needs it, so the file always covers the store."""
    kept = ({"unknown": True} if forms is None else
            {"unknown": False, "languages": sorted(forms.languages), "datatypes": sorted(forms.datatypes)})
    path = folder / FILE
    temporary = path.with_name(f"{FILE}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as fh:
        json.dump(kept, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)
