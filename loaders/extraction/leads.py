"""Stage 4, leads: who leads which project, read from tasks and table rows.

:mod:`.responsibility` finds the assignments (a numbered task with its 牵头/责任 statement, a
row of a responsibility or project table); this stage makes their projects and units
entities and relates them: each project a task names (or the task itself, or the facility
its heading builds) gets the task's leads and participants. A table's 总投资/建筑面积 columns
give its row's amounts. Unqualified 责任单位 are all leads unless the document says the first
one leads.
"""
from __future__ import annotations

import re

from zonekg.loaders.extraction import amounts, lexicon, responsibility
from zonekg.loaders.extraction.entities import Entities
from zonekg.loaders.extraction.layout import Page
from zonekg.loaders.extraction.model import Entity, Evidence, Fact, Kind, Relation
from zonekg.loaders.extraction.registry import Registry
from zonekg.loaders.extraction.responsibility import Assignment
from zonekg.loaders.extraction.tasks import ends_like_a_work
from zonekg.loaders.extraction.text import norm


def assign(page: Page, book: Entities) -> list[Fact]:
    """The lead and participating agencies of every project the assignments name."""
    projects = book[Kind.PROJECT]
    assignments = responsibility.from_sentences(page.body, lambda text: _named_in(projects, text)) \
        + responsibility.from_tables(page.body)
    first_leads = responsibility.first_unit_leads(page.body)
    facts: list[Fact] = []
    for a in assignments:
        if first_leads and a.unqualified and len(a.lead) > 1:
            a.lead, a.participants = a.lead[:1], a.lead[1:] + a.participants
        facts += _assignment(book, a)
    _tabled_projects_are_no_zones(book, [p for a in assignments if a.extra.get("project_column")
                                         for p in (a.projects or [a.task])])
    _contents_are_no_projects(book, [a for a in assignments if a.extra.get("project_column") and "content" in a.extra])
    _units_are_no_projects(book, facts)
    _amounts_after_names(page, book)
    return facts


def _amounts_after_names(page: Page, book: Entities) -> None:
    """A project a task lists ("加快推进A项目、B项目建设") has its amounts in a later sentence
    that names it again ("其中，A项目总投资三十二亿元，B项目总投资8.6亿元"): read right after
    its name, for a project that has none yet."""
    for proj in book[Kind.PROJECT].entities:
        for s in page.body:
            if proj.investment_cny is not None or proj.area_m2 is not None:
                break
            if proj.name in s.text:
                proj.investment_cny, proj.area_m2 = amounts.right_after(s.text, proj.name)


def _named_in(projects: Registry, text: str) -> list[str]:
    """The known projects a sentence names, longest first, none that is part of another
    (O(projects × sentence length))."""
    found = sorted((p.name for p in projects.entities if p.name in text), key=len, reverse=True)
    return [n for i, n in enumerate(found) if not any(n in longer for longer in found[:i])]


def _assignment(book: Entities, a: Assignment) -> list[Fact]:
    ev = Evidence(a.sentence.quote, a.sentence.block)
    if a.extra.get("units_only"):
        for name in a.lead + a.participants:
            book.unit(name, ev)
        return []
    if "refers_back" in a.extra:
        return _referred_back(book, a, ev)
    facility = _facility(book[Kind.PROJECT], a.facility) if a.facility else None
    if facility is None and a.facility and ends_like_a_work(a.facility) \
            and (book.known_kind(a.facility) is not Kind.ZONE or "建" in a.task):
        # "2.推进X信息平台上线运行。", "推进X产业园建设": the heading builds a facility or a park no
        # sentence named as a project: it is the project, the task its alias ("建成X驿站主体工程":
        # the works of a project named before are that project); a zone the plan only develops
        # ("打造X科技城", no 建 word) keeps the task's name
        named = [p for p in book[Kind.PROJECT].entities if a.facility.startswith(p.name)]
        facility = max(named, key=lambda p: len(p.name)) if named else book[Kind.PROJECT].add(a.facility, ev)
    if facility is not None:
        facility.aliases.add(a.task)
    if not a.lead and any(book.known_kind(n) not in (None, Kind.PROJECT) for n in a.projects):
        return []  # a facility named in a task that is already a zone or company
    projs = [facility] if facility is not None else \
        [book[Kind.PROJECT].add(n, ev) for n in (a.projects or [a.task])]
    facts = []
    for proj in projs:
        _project_details(proj, a, alone=len(projs) == 1)
        for role, agencies in ((Relation.LEAD_AGENCY, a.lead), (Relation.PARTICIPATING_AGENCY, a.participants)):
            for name in agencies:
                facts.append(Fact(proj.ref, role, book.unit(name, ev).ref, ev))
    return facts


def _referred_back(book: Entities, a: Assignment, ev: Evidence) -> list[Fact]:
    """"A、B这两个项目…，X要牵头…": the projects named in the paragraph before the reference
    are led by its units; a park the sentence counts among "这两个项目" is a project too (a park's
    build-out, as a project table lists it)."""
    def named_in(text: str, kind: Kind) -> list[Entity]:
        return [e for e in book[kind].entities if any(norm(n) in text for n in (e.name, *e.aliases))]

    named = named_in(norm(a.extra["refers_back"]), Kind.PROJECT)
    named += [book[Kind.PROJECT].add(n, ev) for n in _branded_projects(book, norm(a.extra["refers_back"]))
              if not any(n == p.name or n in p.aliases for p in named)]
    named += [book[Kind.PROJECT].add(z.name, ev) for z in named_in(norm(a.extra.get("counted", "")), Kind.ZONE)]
    return [Fact(p.ref, role, book.unit(name, ev).ref, ev) for p in named
            for role, agencies in ((Relation.LEAD_AGENCY, a.lead), (Relation.PARTICIPATING_AGENCY, a.participants))
            for name in agencies]


def _branded_projects(book: Entities, text: str) -> list[str]:
    """"新加坡丰和集团投资的丰和润滑油添加剂项目…。以上项目由X牵头": a 项目 the text names after a
    firm's brand (the firm known to the document) is one of the projects referred back to,
    whatever the dictionary makes of the brand's characters (丰 an adjective, 和 a conjunction)."""
    abroad = tuple(sorted(lexicon.words("names", "foreign_prefixes"), key=len, reverse=True))
    brands = set()
    for firm in book[Kind.COMPANY].entities:
        own = firm.name[len(next((f for f in abroad if firm.name.startswith(f)), "")):]
        if len(own) >= 4:
            brands.add(own[:2])
    return [m.group() for b in sorted(brands) for m in re.finditer(rf"{re.escape(b)}(?:(?!的)[\u4e00-\u9fff]){{2,16}}?项目", text)
            if not any(m.group().startswith(f.name) for f in book[Kind.COMPANY].entities)]


def _project_details(proj: Entity, a: Assignment, alone: bool) -> None:
    """The task a named project belongs to, and the amounts of a project its row states."""
    if a.projects and a.extra.get("task_text") and proj.name != a.task:
        proj.task = proj.task or a.extra["task_text"].strip()
    if alone and a.extra.get("project_column"):
        # a table's 总投资/建筑面积 column states the row's amounts
        proj.investment_cny = a.investment or proj.investment_cny
        proj.area_m2 = a.area or proj.area_m2
    elif alone:
        proj.investment_cny = proj.investment_cny or a.investment
        proj.area_m2 = proj.area_m2 or a.area


def _facility(projects: Registry, name: str) -> Entity | None:
    """The project a task heading builds: "建设X" → X, or X's works named elsewhere (X主体工程)."""
    found = projects.resolve(name)
    if found is None:
        longer = [p for p in projects.entities if p.name.startswith(name) and len(p.name) - len(name) <= 6]
        found = longer[0] if len(longer) == 1 else None
    return found


def _units_are_no_projects(book: Entities, facts: list[Fact]) -> None:
    """A name read as a project only where the document also names it as a unit ("★经发局、金融
    服务中心" in a 责任单位 cell: the same paragraphs or tables), and led by no one, is the unit,
    not a project of its own: one name is one thing in a document."""
    subjects = {f.subject for f in facts}
    for proj in list(book[Kind.PROJECT].entities):
        unit = book[Kind.AGENCY].resolve(proj.name)
        if unit is not None and proj.ref not in subjects \
                and {ev.block for ev in proj.evidence} <= {ev.block for ev in unit.evidence}:
            book[Kind.PROJECT].discard(proj.name)


def _contents_are_no_projects(book: Entities, rows: list[Assignment]) -> None:
    """The works a project table's 建设内容 cell names ("建设站前广场、公交换乘中心及地下停车场")
    are parts of the row's project: a project read only from such cells is none of its own."""
    cells = {norm(a.sentence.quote): (norm(a.extra["content"]), norm(a.task)) for a in rows}
    for proj in list(book[Kind.PROJECT].entities):
        if proj.evidence and all(norm(ev.quote) in cells and proj.name in cells[norm(ev.quote)][0]
                                 and proj.name not in cells[norm(ev.quote)][1] for ev in proj.evidence):
            book[Kind.PROJECT].discard(proj.name)


def _tabled_projects_are_no_zones(book: Entities, tabled: list[str]) -> None:
    """A park a project table lists in its 项目名称 column ("X产业园", "X产业园二期") is built
    as a project: a zone read only from such a row's name is that project, not a zone. A row
    that names a work of its own after the park ("X产业园冷链物流中心") builds inside it: the
    park stays a zone."""
    for zone in list(book[Kind.ZONE].entities):
        rows = [p for p in tabled if zone.name in p and not _work_inside(zone.name, p)]
        if rows and all(any(p in norm(ev.quote) for p in rows) for ev in zone.evidence):
            book[Kind.ZONE].discard(zone.name)


def _work_inside(park: str, project: str) -> bool:
    """Does ``project`` open with the park ``park`` (X园, X园区) and go on with a work's own name
    ("冷链物流中心"), not the park's phase or build-out ("二期", "二期工程", "扩建项目")?"""
    if not park.endswith(tuple(lexicon.words("names", "park_ends"))):
        return False
    rest = project[len(park):] if project.startswith(park) else ""
    build_out = lexicon.pattern("names", "park_phase").fullmatch(rest) or \
        lexicon.pattern("names", "project_extension").fullmatch(rest)
    return len(rest) >= 2 and not build_out and ends_like_a_work(rest)
