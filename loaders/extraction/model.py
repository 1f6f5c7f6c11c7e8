"""What extraction reads out of one document: entities, relations and targets, each with the
sentence or table row it came from.

This is the contract between :mod:`zonekg.loaders.extraction` (which fills it) and
:mod:`zonekg.loaders.mapping` (which turns it into RDF). Entities refer to each other by
(kind, canonical name) within one document; the mapping mints the IRIs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    """The entity classes of the ontology (``zk:Zone`` …)."""

    ZONE = "zone"
    AGENCY = "agency"
    COMPANY = "company"
    INDUSTRY = "industry"
    PROJECT = "project"


class Relation(StrEnum):
    """Relations between entities, named after their ontology properties."""

    LEAD_AGENCY = "leadAgency"  # project -> agency
    PARTICIPATING_AGENCY = "participatingAgency"  # project -> agency
    LOCATED_IN = "locatedIn"  # project -> zone
    PART_OF = "partOf"  # zone -> zone; agency -> agency (its administration)
    FOCUS_INDUSTRY = "focusIndustry"  # zone -> industry
    INDUSTRY = "industry"  # project -> industry
    INVOLVES_COMPANY = "involvesCompany"  # project -> company


class TargetKind(StrEnum):
    GROWTH_RATE = "growth_rate"
    LEVEL = "level"
    COUNT = "count"
    SHARE = "share"


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the quoted sentence (or table row) and its block index.

    Block -1 is the page's own metadata (a footer such as 版权所有：…), not a body block.
    """

    quote: str
    block: int


@dataclass(frozen=True)
class Ref:
    """A reference to an entity of the same extraction by kind and canonical name."""

    kind: Kind
    name: str


@dataclass
class Entity:
    """A named thing. ``name`` is the fullest form the document uses; ``aliases`` the others."""

    kind: Kind
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    # Projects only: amounts stated for this project in the document.
    investment_cny: Decimal | None = None
    area_m2: Decimal | None = None
    # Projects only: the task (its text: a numbered task or a table row) that names this project
    # and gives it its leads ("推进A中心、B中心建设" for A中心 and B中心).
    task: str | None = None

    @property
    def ref(self) -> Ref:
        return Ref(self.kind, self.name)


@dataclass
class Fact:
    """A relation between two entities of this extraction, with its evidence."""

    subject: Ref
    relation: Relation
    object: Ref
    evidence: Evidence


@dataclass
class Target:
    """A forward-looking quantitative goal (or, with ``actual=True``, a past statistic).

    ``value`` is in ``unit`` as written (237 with 亿元); ``year`` is the year the goal is due.
    ``zone`` names the zone the goal is set for, when the document says so.
    """

    metric: str
    kind: TargetKind
    value: Decimal
    unit: str
    year: int | None
    text: str
    evidence: Evidence
    zone: str | None = None
    actual: bool = False


@dataclass
class Extraction:
    """Everything read out of one document.

    ``main_zone`` is the zone the document is about, ``issuer`` the agency that issued it and
    ``plan_year`` the year it plans for (the default year of its targets).
    """

    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    main_zone: str | None = None
    issuer: str | None = None
    plan_year: int | None = None

    def of_kind(self, kind: Kind) -> list[Entity]:
        return [e for e in self.entities if e.kind is kind]

    def get(self, ref: Ref) -> Entity | None:
        for entity in self.entities:
            if entity.kind is ref.kind and entity.name == ref.name:
                return entity
        return None

    def related(self, subject: Ref, relation: Relation) -> list[Ref]:
        return [f.object for f in self.facts if f.subject == subject and f.relation is relation]
