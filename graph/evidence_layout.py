"""A store written before passages: found when a writer opens it, and migrated in place.

Before, every evidence node carried its sentence itself (``a zk:Evidence``, ``zk:quote``,
``zk:blockIndex``, ``prov:wasQuotedFrom``); now a fact's evidence links by ``zk:passage`` to a
``zk:Passage`` holding them once per sentence (:mod:`zonekg.loaders.mapping`). Every reader
asks for the passage, so an old store would answer each provenance question with nothing, and
a document re-ingested into it would mix the two layouts. Instead each document graph still in
the old layout is rewritten by one update, which changes its share of the union in step (the
old evidence triples and the new passage triples are the document's own: their subjects are
minted under its IRI), minting each passage's IRI as :func:`~zonekg.ontology.iris.passage_iri`
does. The quote, block and document move to the passage; only the evidence's type goes, which
the new layout does not write. A graph the update cannot rewrite (evidence without a block or
document) stops the open with what to do rather than being left half read.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

import pyoxigraph as ox

from zonekg.graph.errors import StoreError
from zonekg.graph.union import in_union
from zonekg.ontology import PROV, RDF, ZK
from zonekg.ontology.iris import passage_iri

log = logging.getLogger(__name__)

Rows = Callable[[str], list[tuple[str, ...]]]
"""Runs a SELECT on the store and gives each row's values as text."""

OLD_GRAPHS = (
    f"SELECT DISTINCT ?g ?file WHERE {{ GRAPH ?g {{ ?ev <{RDF}type> <{ZK}Evidence> ; <{ZK}quote> ?quote }} "
    f"?g <{ZK}fileName> ?file }}"
)
"""The document graphs still in the old layout, with their file names. O(1) on a store in the
new layout: no node there has the type ``zk:Evidence``."""

_OLD = (f"?ev <{RDF}type> <{ZK}Evidence> ; <{ZK}quote> ?quote ; <{ZK}blockIndex> ?block ; "
        f"<{PROV}wasQuotedFrom> ?document .")
_NEW = (f"?ev <{ZK}passage> ?passage . ?passage <{RDF}type> <{ZK}Passage> ; <{ZK}quote> ?quote ; "
        f"<{ZK}blockIndex> ?block ; <{PROV}wasQuotedFrom> ?document .")


def _sentences(document_iri: str) -> str:
    """The distinct sentences an old graph's evidence quotes (a few dozen a document)."""
    return f"SELECT DISTINCT ?block ?quote WHERE {{ GRAPH <{document_iri}> {{ {_OLD} }} }}"


def migration(document_iri: str, file: str, sentences: list[tuple[str, str]], union: str | None) -> str:
    """The update rewriting one document graph's evidence into passages, union included.
    Each passage's IRI is minted here, by the function the mapping mints it with, and joined
    on the quote and block (``VALUES``): a server's SHA-1 of a language-tagged text is not
    always that of its UTF-8 (Virtuoso's is not), so the IRI is not computed in SPARQL."""
    rows = " ".join(f"({int(block)} {ox.Literal(quote, language='zh')} <{passage_iri(file, int(block), quote)}>)"
                    for block, quote in sentences)
    graph = f"<{document_iri}>"
    return (
        f"DELETE {{ GRAPH {graph} {{ {_OLD} }} {in_union(union, _OLD)} }}\n"
        f"INSERT {{ GRAPH {graph} {{ {_NEW} }} {in_union(union, _NEW)} }}\n"
        f"WHERE {{ VALUES (?block ?quote ?passage) {{ {rows} }} GRAPH {graph} {{ {_OLD} }} }}"
    )


def migrate(rows: Rows, update: Callable[[str], None], union: str | None) -> None:
    """Rewrite every document graph in the old layout (``update`` runs an update on the store)."""
    old = rows(OLD_GRAPHS)
    if old:
        log.warning("migrating %d document graph(s) to one zk:Passage per quoted sentence", len(old))
    for document_iri, file in old:
        update(migration(document_iri, file, [(block, quote) for block, quote in rows(_sentences(document_iri))], union))
    left = rows(OLD_GRAPHS)
    if left:
        raise StoreError(
            f"{len(left)} document graph(s) hold evidence in the layout before passages that could not be "
            f"migrated (evidence without a zk:blockIndex or prov:wasQuotedFrom), e.g. {left[0][0]}: re-ingest "
            "those documents (`zonekg ingest FILES --store STORE` replaces each document's graph)"
        )
