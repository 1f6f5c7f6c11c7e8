"""The extraction as a pipeline of stages, each a module with one entry point:

    layout.read        document → Page: sentences and table rows, sections, years, chrome
    mentions.find      Page → names by head word, 、-lists, sectors, per sentence
    entities.register  mentions → Entities: one entity per name, kinds settled
    leads.assign       tasks and table rows → projects with their lead/participating agencies
    merge.merge        short forms folded into full names; the plan's zone and issuer (Scope)
    relations.relate   part-of and located-in
    targets.find       goals and past statistics

Stages pass typed values down; the entities (and the facts already stated) are the one thing
later stages add to. :class:`Trace` records what each stage added, for ``zonekg extract
--trace``.
"""
from __future__ import annotations

import time
from collections.abc import Iterable

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction import entities, layout, leads, mentions, merge, relations, targets
from zonekg.loaders.extraction.entities import Entities
from zonekg.loaders.extraction.layout import Page
from zonekg.loaders.extraction.mentions import SentenceMentions
from zonekg.loaders.extraction.merge import Scope
from zonekg.loaders.extraction.model import Extraction, Fact, Kind, Target


def extract(document: SourceDocument, trace: Trace | None = None) -> Extraction:
    """Everything the document states about zones, agencies, companies, industries,
    projects and targets, each with the sentence (or table row) it was read from."""
    trace = (trace or Trace(enabled=False)).start()
    page = layout.read(document)
    trace.after("layout", page=page)
    found = mentions.find(page)
    trace.after("mentions", found=found)
    book = entities.register(page, found)
    trace.after("entities", book=book)
    facts = leads.assign(page, book)
    trace.after("leads", book=book, facts=facts)
    scope = merge.merge(page, book, facts)
    trace.after("merge", book=book, scope=scope)
    facts += relations.relate(book, scope, facts)
    trace.after("relations", facts=facts)
    goals = targets.find(page, scope.main_zone)
    trace.after("targets", goals=goals)
    return Extraction(entities=book.all(), facts=_unique(facts), targets=goals,
                      main_zone=scope.main_zone, issuer=scope.issuer, plan_year=page.plan_year)


def _unique(facts: list[Fact]) -> list[Fact]:
    """Each fact once (the first evidence), and none relating an entity to itself."""
    seen, out = set(), []
    for f in facts:
        key = (f.subject, f.relation, f.object)
        if key not in seen and f.subject != f.object:
            seen.add(key)
            out.append(f)
    return out


class Trace:
    """What each stage added, one line per item ("zone name: X" for a name found, "zone: X"
    for an entity, "zone: X = Y" for an alias, "leadAgency: P → A", "target: 地区生产总值
    growth_rate 8 % (2024)"); a line shows under the first stage that produced it."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.stages: dict[str, list[str]] = {}
        self.seconds: dict[str, float] = {}  # the time each stage took
        self._seen: set[str] = set()
        self._clock = 0.0

    def start(self) -> Trace:
        """Start the clock of the first stage."""
        if self.enabled:
            self._clock = time.perf_counter()
        return self

    def after(self, stage: str, *, page: Page | None = None, found: list[SentenceMentions] | None = None,
              book: Entities | None = None, facts: list[Fact] | None = None, scope: Scope | None = None,
              goals: list[Target] | None = None) -> None:
        if not self.enabled:
            return
        self.seconds[stage] = time.perf_counter() - self._clock
        lines: list[str] = []
        if page is not None:
            c = page.context
            lines.append(f"{len(page.sentences)} sentences, {len(page.body)} in the body, plan year "
                         f"{c.plan_year}, {len(c.past)} reporting the past")
        for sm in found or ():
            lines += [f"{m.kind.value} name: {m.name}" for m in sm.names]
            lines += [f"list: {'、'.join(e.items)} → {e.head or '-'}" for e in sm.lists]
            lines += [f"sector: {name}" for name in sm.industries]
        if book is not None:
            lines += _entity_lines(book)
        lines += [f"{f.relation.value}: {f.subject.name} → {f.object.name}" for f in facts or ()]
        if scope is not None:
            lines.append(f"plan of {scope.main_zone or '-'}, issued by {scope.issuer or '-'}")
        lines += [f"target: {t.metric} {t.kind.value} {t.value} {t.unit} ({t.year})"
                  + (" [actual]" if t.actual else "") for t in goals or ()]
        self.record(stage, lines)
        self._clock = time.perf_counter()  # (describing a stage is no part of the next one)

    def record(self, stage: str, lines: Iterable[str]) -> None:
        new = [line for line in dict.fromkeys(lines) if line not in self._seen]
        self._seen.update(new)
        self.stages[stage] = new


def _entity_lines(book: Entities) -> list[str]:
    return [line for kind in Kind for e in book[kind].entities
            for line in [f"{kind.value}: {e.name}", *(f"{kind.value}: {e.name} = {a}" for a in sorted(e.aliases))]]
