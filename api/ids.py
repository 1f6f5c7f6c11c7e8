"""How an entity is named in a URL path (``{id}``), one scheme for every route.

Four forms are accepted, tried in this order, so that both scripts (which hold full IRIs) and people (who type
names) can address an entity:

1. the full IRI, percent-encoded: ``/api/zones/https%3A%2F%2Fw3id.org%2Fzonekg%2Fid%2Fzone%2F滨江新区``;
2. the IRI's path after ``/id/``: ``/api/zones/zone/滨江新区``, ``/api/agencies/agency/滨江新区管委会/经济发展局``;
3. inside a collection, the path after the kind: ``/api/zones/滨江新区``,
   ``/api/agencies/滨江新区管委会/经济发展局``;
4. a name or alias (no ``/``) that exactly one member of the collection has: ``/api/zones/高新区``.

Characters that zonekg escapes inside an IRI (``/`` within a name becomes ``%2F``) are sent
escaped once more (``%252F``), as in any URL.
"""
from __future__ import annotations

from zonekg.graph.catalog import resolve_iri
from zonekg.ontology import ID

KIND_SEGMENT = {
    "zones": "zone",
    "agencies": "agency",
    "companies": "company",
    "industries": "industry",
    "projects": "project",
    "targets": "target",
}
"""The first path segment after ``…/id/`` of each collection's IRIs."""

ID_DESCRIPTION = (
    "The entity: its full IRI (percent-encoded), the IRI's path after `/id/` "
    "(`zone/滨江新区`), within this collection the path after the kind (`滨江新区`), or a "
    "name or alias only one member has (`高新区`)."
)


def entity_iri(collection: str, value: str) -> str:
    """The IRI a path ``{id}`` of ``collection`` names in form 1, 2 or 3 above (form 4 needs
    the store: see the REST routes)."""
    return resolve_iri(value) or f"{ID}{KIND_SEGMENT[collection]}/{value.strip('/')}"
