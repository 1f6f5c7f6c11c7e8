"""Hand-made extractions: the one builder of every test corpus that skips extraction.

Tests of the API, the analysis and the pages assert on facts they state themselves, so
their corpus is an :class:`Extraction` written here and mapped with :func:`to_quads` as
ingestion maps one (extraction changes under other work; these facts do not). Every entity,
fact and target gets a quote in a block of its own, numbered in the order they are added.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from zonekg.graph.store import open_store
from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction.model import (
    Entity, Evidence, Extraction, Fact, Kind, Ref, Relation, Target, TargetKind,
)
from zonekg.loaders.mapping import to_quads
from zonekg.ontology import iris


class Plan:
    """Collects the entities, facts and targets of one document."""

    def __init__(self, main_zone: str, issuer: str, year: int = 2024) -> None:
        self.extraction = Extraction(main_zone=main_zone, issuer=issuer, plan_year=year)
        self._block = 0

    def _evidence(self, quote: str) -> Evidence:
        self._block += 1
        return Evidence(quote, self._block)

    def add(self, kind: Kind, name: str, *aliases: str, quote: str | None = None,
            **amounts: Decimal) -> Ref:
        """An entity (``investment_cny``/``area_m2`` as amounts), quoted by ``quote``."""
        evidence = self._evidence(quote or f"{name}是本计划的重点。")
        entity = Entity(kind, name, set(aliases), [evidence], **amounts)
        self.extraction.entities.append(entity)
        return entity.ref

    def link(self, subject: Ref, relation: Relation, obj: Ref, quote: str | None = None) -> Fact:
        fact = Fact(subject, relation, obj,
                    self._evidence(quote or f"{subject.name}{relation.value}{obj.name}。"))
        self.extraction.facts.append(fact)
        return fact

    def belong_to(self, administration: Ref, *agencies: Ref) -> None:
        """Departments of a zone's administration (extraction states this as zk:partOf)."""
        for agency in agencies:
            self.link(agency, Relation.PART_OF, administration,
                      f"{administration.name}{agency.name}。")

    def target(self, metric: str, kind: TargetKind, value: str, unit: str,
               year: int | None = None, text: str | None = None) -> None:
        text = text or f"{metric}达到{value}{unit}"
        self.extraction.targets.append(Target(metric, kind, Decimal(value), unit,
                                              year or self.extraction.plan_year, text,
                                              self._evidence(text.rstrip("。") + "。")))


def document(name: str, title: str | None = None, **metadata: str) -> SourceDocument:
    """The source of a hand-made plan: its file name, title and metadata (no body to read)."""
    title = title or name.removesuffix(".txt")
    return SourceDocument(Path(name), title, [Paragraph(title)], metadata=metadata)


def write_store(directory: Path, plans: Iterable[tuple[SourceDocument, Extraction]]) -> Path:
    """A store at ``directory`` holding each plan as one document, written as ingestion does."""
    store = open_store(directory, create=True)
    try:
        for source, extraction in plans:
            store.replace_document(iris.document_iri(source.name), to_quads(source, extraction))
    finally:
        store.close()
    return directory
