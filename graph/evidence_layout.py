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

from collections.abc import Callable

from zonekg.graph.store import StoreError
from zonekg.graph.union import in_union
from zonekg.ontology import PROV, RDF, ZK
from zonekg.ontology.iris import PASSAGE_KEY_SEPARATOR

OLD_GRAPHS = (
    f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?ev <{RDF}type> <{ZK}Evidence> ; <{ZK}quote> ?quote }} "
    f"?g <{ZK}fileName> ?file }}"
)
"""The document graphs still in the old layout. O(1) on a store in the new layout: no node
there has the type ``zk:Evidence``."""

_OLD = (f"?ev <{RDF}type> <{ZK}Evidence> ; <{ZK}quote> ?quote ; <{ZK}blockIndex> ?block ; "
        f"<{PROV}wasQuotedFrom> ?document .")
_NEW = (f"?ev <{ZK}passage> ?passage . ?passage <{RDF}type> <{ZK}Passage> ; <{ZK}quote> ?quote ; "
        f"<{ZK}blockIndex> ?block ; <{PROV}wasQuotedFrom> ?document .")
_PASSAGE_IRI = (f'IRI(CONCAT(STR(?document), "/passage/", '
                f'SUBSTR(SHA1(CONCAT(STR(?block), "{PASSAGE_KEY_SEPARATOR}", STR(?quote))), 1, 12)))')
""":func:`~zonekg.ontology.iris.passage_iri` in SPARQL: the document's IRI (the evidence's
``prov:wasQuotedFrom``) and the first 12 hex digits of the SHA-1 of "block/quote"."""


def migration(document_iri: str, union: str | None) -> str:
    """The update rewriting one document graph's evidence into passages, union included."""
    graph = f"<{document_iri}>"
    return (
        f"DELETE {{ GRAPH {graph} {{ {_OLD} }} {in_union(union, _OLD)} }}\n"
        f"INSERT {{ GRAPH {graph} {{ {_NEW} }} {in_union(union, _NEW)} }}\n"
        f"WHERE {{ GRAPH {graph} {{ {_OLD} }} BIND({_PASSAGE_IRI} AS ?passage) }}"
    )


def migrate(graphs: Callable[[str], list[str]], update: Callable[[str], None], union: str | None) -> int:
    """Rewrite every document graph in the old layout (``graphs`` runs a SELECT and gives its
    first column, ``update`` runs an update on the store); how many were rewritten."""
    old = graphs(OLD_GRAPHS)
    for document_iri in old:
        update(migration(document_iri, union))
    left = graphs(OLD_GRAPHS)
    if left:
        raise StoreError(
            f"{len(left)} document graph(s) hold evidence in the layout before passages that could not be "
            f"migrated (evidence without a zk:blockIndex or prov:wasQuotedFrom), e.g. {left[0]}: re-ingest "
            "those documents (`zonekg ingest FILES --store STORE` replaces each document's graph)"
        )
    return len(old)
