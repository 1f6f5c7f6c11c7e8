"""Stage 6, relations: what lies in and belongs to what.

In a zone's plan every other zone it names is part of it, a project lies in the zone named
right before it in its sentence ("X开发区Y项目") and otherwise in the plan's zone, as an
analyst reads it; the departments, towns and offices a zone's administration names are part
of that administration.
"""
from __future__ import annotations

from zonekg.loaders.extraction import names
from zonekg.loaders.extraction.entities import Entities
from zonekg.loaders.extraction.merge import Scope, is_administration
from zonekg.loaders.extraction.model import Evidence, Fact, Kind, Relation


def relate(book: Entities, scope: Scope, facts: list[Fact]) -> list[Fact]:
    """Part-of and located-in facts, given the ``facts`` the earlier stages stated."""
    zones = book[Kind.ZONE]
    main = zones.resolve(scope.main_zone) if scope.main_zone else None
    out: list[Fact] = []
    if main is not None:
        for z in zones.entities:
            if z is not main and z.evidence:
                out.append(Fact(z.ref, Relation.PART_OF, main.ref, z.evidence[0]))
    for m, ent in book.projects:
        ent = book[Kind.PROJECT].resolve(m.name) or ent
        before = [z for z in names.find(m.sentence) if z.kind is Kind.ZONE and z.end <= m.start]
        zone = zones.resolve(before[-1].name) if before else None
        if zone:
            out.append(Fact(ent.ref, Relation.LOCATED_IN, zone.ref, Evidence(m.sentence.quote, m.sentence.block)))
    administration = book[Kind.AGENCY].resolve(scope.issuer) if scope.issuer else None
    if administration and is_administration(administration.name):
        # Departments, towns and offices named in a zone's plan belong to its administration.
        parented = {f.subject for f in facts + out if f.relation is Relation.PART_OF}
        for agency in book[Kind.AGENCY].entities:
            if agency is not administration and agency.ref not in parented and agency.evidence:
                out.append(Fact(agency.ref, Relation.PART_OF, administration.ref, agency.evidence[0]))
    if main is not None:
        # A project the plan of a zone takes on lies in that zone unless a sentence places it
        # elsewhere: the plan's own area is the default.
        located = {f.subject for f in facts + out if f.relation is Relation.LOCATED_IN}
        for project in book[Kind.PROJECT].entities:
            if project.ref not in located and project.evidence:
                out.append(Fact(project.ref, Relation.LOCATED_IN, main.ref, project.evidence[0]))
    return out
