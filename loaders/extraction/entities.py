"""Stage 3, entities: one entity per name, each of one kind, with the sentences it came from.

Names found by their head word come first, in document order (with a short form the document
declares, "X(以下简称Y)", and a project's amounts stated around its name). The items of
、-lists come next, sentence by sentence: the list's head says their kind ("规划、国土等部门":
agencies; "A、B等企业": companies; "推进A、B等项目": works or firms), unless a name is known
already as another kind. Then the industries, and last the industries that only ever occur
inside a longer one the document also names.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from zonekg.loaders.extraction import amounts, industries, lists, units
from zonekg.loaders.extraction.layout import Page
from zonekg.loaders.extraction.mentions import SentenceMentions
from zonekg.loaders.extraction.model import Entity, Evidence, Kind
from zonekg.loaders.extraction.names import Mention
from zonekg.loaders.extraction.registry import DECLARED, Registry
from zonekg.loaders.extraction.vocabulary import is_generic_stem

KNOWN_ORDER = (Kind.ZONE, Kind.AGENCY, Kind.PROJECT, Kind.COMPANY, Kind.INDUSTRY)
"""The kinds a name is looked up in, in order, when asking whether it is known already."""


@dataclass
class Entities:
    """The entities of one document, by kind, and where the first ones were named."""

    registries: dict[Kind, Registry] = field(default_factory=lambda: {k: Registry(k) for k in Kind})
    title_zones: list[str] = field(default_factory=list)  # zones and agencies the title names
    title_agencies: list[str] = field(default_factory=list)
    projects: list[tuple[Mention, Entity]] = field(default_factory=list)  # each project's name as mentioned

    def __getitem__(self, kind: Kind) -> Registry:
        return self.registries[kind]

    def all(self) -> list[Entity]:
        return [e for k in Kind for e in self.registries[k].entities]

    def known_kind(self, name: str) -> Kind | None:
        """The kind of the entity known by this form, if any."""
        for k in KNOWN_ORDER:
            if self.registries[k].resolve(name) is not None:
                return k
        return None

    def unit(self, name: str, evidence: Evidence) -> Entity:
        """A responsible unit: a company when it is one (…公司, …集团), else an agency."""
        declared = DECLARED.match(name)  # "X投资开发有限公司（以下简称园投公司）": X is the unit
        base = declared.group(1) if declared else name
        known = self.known_kind(base)
        if known is Kind.COMPANY or known is None and units.is_company(base):
            return self.registries[Kind.COMPANY].add(name, evidence)
        agency = self.registries[Kind.AGENCY].add(name, evidence)
        place = units.government_place(name)
        if place:
            self.registries[Kind.AGENCY].declare(agency, place)  # "黄埔区、南沙区政府": 黄埔区 is its government
        return agency


def register(page: Page, found: list[SentenceMentions]) -> Entities:
    """The entities the mentions name, kinds settled."""
    book = Entities()
    for sm in found:
        _names(page, book, sm)
    for sm in found:
        _list_items(book, sm)
        for name in sm.industries:
            if book.known_kind(name) in (None, Kind.INDUSTRY):
                book[Kind.INDUSTRY].add(name, _evidence(sm))
    for name in industries.inside_longer([e.name for e in book[Kind.INDUSTRY].entities],
                                         [s.text for s in page.body]):
        book[Kind.INDUSTRY].discard(name)
    return book


def _evidence(sm: SentenceMentions) -> Evidence:
    return Evidence(sm.sentence.quote, sm.sentence.block)


def _names(page: Page, book: Entities, sm: SentenceMentions) -> None:
    """Names found by their head word; the title's zones and agencies noted."""
    s = sm.sentence
    sole = sum(m.kind is Kind.PROJECT for m in sm.names) == 1
    for m in sm.names:
        ent = book[m.kind].add(m.name, _evidence(sm))
        if m.alias:
            book[m.kind].declare(ent, m.alias)  # "X(以下简称Y)"
        if (s.text == page.title or s.index == 0) and m.kind in (Kind.ZONE, Kind.AGENCY):
            (book.title_zones if m.kind is Kind.ZONE else book.title_agencies).append(m.name)
        if m.kind is Kind.PROJECT:
            amounts.attach(ent, s, m.start, m.end, page.sentences, sole)
            book.projects.append((m, ent))


def _list_items(book: Entities, sm: SentenceMentions) -> None:
    """The items of the sentence's 、-lists, of the kind their head announces."""
    ev = _evidence(sm)
    for e in sm.lists:
        kind = lists.head_kind(e.head)
        partner = "合作" in e.clause and "与" in e.clause
        for item in e.items:
            item = item.strip("“”\"' ")
            if not item or len(item) > 20:
                continue
            known = book.known_kind(item)
            if kind == "agency" and known is None and len(item) <= 6:
                book[Kind.AGENCY].add(item, ev)
            elif kind == "zone" and known in (None, Kind.PROJECT) and 2 <= len(item) <= 14 \
                    and not is_generic_stem(item):
                book[Kind.PROJECT].discard(item)
                book[Kind.ZONE].add(item, ev)
            elif kind == "company" or (partner and kind is None):
                if known is None and 2 <= len(item) <= 14 and not is_generic_stem(item) \
                        and lists.named_item(e, item):
                    book[Kind.COMPANY].add(item, ev)
            elif kind == "project" and known is None:
                for item_kind, name in lists.project_item(e, item):  # works, firms, firms' projects
                    book[item_kind].add(name, ev)
