"""Wire the single-purpose modules into one Extraction.

Order matters only for merging: names first (suffix-based), then what lists and
responsibility statements add, then abbreviation linking, then relations and targets.
"""
from __future__ import annotations

import re

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction import amounts, context, lexicon, lists, names, responsibility, targets, units
from zonekg.loaders.extraction import industries as industries_mod
from zonekg.loaders.extraction.merge import Registry
from zonekg.loaders.extraction.model import Evidence, Extraction, Fact, Kind, Relation
from zonekg.loaders.extraction.text import Sentence, norm, sentences


def assemble(document: SourceDocument, trace: dict[str, list[str]] | None = None) -> Extraction:
    """The document's Extraction; ``trace``, when given, receives per stage the entities it
    added ("kind: name"), for ``zonekg extract --trace``."""
    sents = sentences(document)
    title = norm(document.title).strip()
    if not sents or title not in sents[0].text:
        sents.insert(0, Sentence(title, 0, -1, -1, heading=True,
                                 raw=document.title.strip() if document.title.strip() != title else None))
        for i, s in enumerate(sents):
            s.index = i
    ctx = context.build(document, sents)
    body = [s for s in sents if s.index not in ctx.chrome]
    regs = {k: Registry(k) for k in Kind}
    facts: list[Fact] = []
    title_zones: list[str] = []
    title_agencies: list[str] = []

    # 1. names by suffix
    project_mentions: list[tuple[names.Mention, object]] = []
    for s in body:
        for m in names.find(s):
            ev = Evidence(s.quote, s.block)
            ent = regs[m.kind].add(m.name, ev)
            if m.alias:
                regs[m.kind].declare(ent, m.alias)  # "X(以下简称Y)"
            if s.text == title or s.index == 0:
                (title_zones if m.kind is Kind.ZONE else title_agencies).append(m.name) \
                    if m.kind in (Kind.ZONE, Kind.AGENCY) else None
            if m.kind is Kind.PROJECT:
                amounts.attach(ent, s, m.start, m.end, sents)
                project_mentions.append((m, ent))

    _trace(trace, "names", regs)

    # 2. lists: bare agency stems, companies, industries, project items
    for s in body:
        ev = Evidence(s.quote, s.block)
        for e in lists.find(s):
            kind = lists.head_kind(e.head)
            clause = e.clause
            partner = any(v in clause for v in ("合作",)) and "与" in clause
            for item in e.items:
                item = item.strip("“”\"' ")
                if not item or len(item) > 20:
                    continue
                known = _known_kind(regs, item)
                if kind == "agency" and known is None and len(item) <= 6:
                    regs[Kind.AGENCY].add(item, ev)
                elif kind == "zone" and known in (None, Kind.PROJECT) and 2 <= len(item) <= 14 \
                        and not names.is_generic_stem(item):
                    regs[Kind.PROJECT].discard(item)
                    regs[Kind.ZONE].add(item, ev)
                elif kind == "company" or (partner and kind is None):
                    if known is None and 2 <= len(item) <= 14 and not names.is_generic_stem(item) \
                            and lists.named_item(e, item):
                        regs[Kind.COMPANY].add(item, ev)
                elif kind == "project" and known is None:
                    for item_kind, name in lists.project_item(e, item):  # works, firms, firms' projects
                        regs[item_kind].add(name, ev)
        for name in industries_mod.find(s):
            if _known_kind(regs, name) in (None, Kind.INDUSTRY):
                regs[Kind.INDUSTRY].add(name, ev)

    for name in industries_mod.inside_longer([e.name for e in regs[Kind.INDUSTRY].entities],
                                             [s.text for s in body]):
        regs[Kind.INDUSTRY].discard(name)

    _trace(trace, "lists", regs)

    # 3. responsibility: tasks and table rows become projects led by agencies (or companies)
    assignments = responsibility.from_sentences(body) + responsibility.from_tables(body)
    first_leads = responsibility.first_unit_leads(body)
    for a in assignments:
        ev = Evidence(a.sentence.quote, a.sentence.block)
        if first_leads and a.unqualified and len(a.lead) > 1:
            a.lead, a.participants = a.lead[:1], a.lead[1:] + a.participants
        if a.extra.get("units_only"):
            for name in a.lead + a.participants:
                _unit(regs, name, ev)
            continue
        facility = _facility(regs[Kind.PROJECT], a.facility) if a.facility else None
        if facility is not None:
            facility.aliases.add(a.task)
        if not a.lead and any(_known_kind(regs, n) not in (None, Kind.PROJECT) for n in a.projects):
            continue  # a facility named in a task that is already a zone or company
        projs = [facility] if facility is not None else \
            [regs[Kind.PROJECT].add(n, ev) for n in (a.projects or [a.task])]
        for proj in projs:
            if a.projects and a.extra.get("task_text") and proj.name != a.task:
                proj.task = proj.task or a.extra["task_text"].strip()
            if len(projs) == 1 and a.extra.get("project_column"):
                # a table's 总投资/建筑面积 column states the row's amounts
                proj.investment_cny = a.investment or proj.investment_cny
                proj.area_m2 = a.area or proj.area_m2
            elif len(projs) == 1:
                proj.investment_cny = proj.investment_cny or a.investment
                proj.area_m2 = proj.area_m2 or a.area
            for role, agencies in ((Relation.LEAD_AGENCY, a.lead),
                                   (Relation.PARTICIPATING_AGENCY, a.participants)):
                for name in agencies:
                    facts.append(Fact(proj.ref, role, _unit(regs, name, ev).ref, ev))

    _tabled_projects_are_no_zones(regs, [p for a in assignments if a.extra.get("project_column")
                                         for p in (a.projects or [a.task])])
    _trace(trace, "responsibility", regs)

    # the issuer: the administration the page credits, else whoever published it
    issuer = _choose_issuer(
        [document.metadata.get("site_owner"), *title_agencies, ctx.issuer],
        lexicon.load("names")["administration_suffixes"],
    )
    site_owner = document.metadata.get("site_owner")
    if issuer and issuer == site_owner and regs[Kind.AGENCY].resolve(issuer) is None:
        # Named only in the page footer: the evidence is that metadata line (block -1).
        regs[Kind.AGENCY].add(issuer, Evidence(f"版权所有：{issuer}", -1))

    # 4. merge spellings
    _scoped_governments(regs[Kind.AGENCY])
    zone_names = [e.name for e in regs[Kind.ZONE].entities]
    for k in Kind:
        regs[k].link_abbreviations(zone_names)
    # facts may point at folded names: re-resolve
    for f in facts:
        f.subject = regs[f.subject.kind].resolve(f.subject.name).ref
        f.object = regs[f.object.kind].resolve(f.object.name).ref

    main_zone = None
    if title_zones:
        z = regs[Kind.ZONE].resolve(title_zones[0])
        main_zone = z.name if z else None
    if main_zone is None and issuer:
        # "X开发办/X管委会" issues the plan of zone X
        z = regs[Kind.ZONE].resolve(_administered_zone(issuer, lexicon.load("names")["administration_suffixes"]))
        main_zone = z.name if z else None
    if main_zone:
        for form in names.bare_zone_abbreviations(body):  # "今年经开区…": the plan's own zone
            regs[Kind.ZONE].adopt_kind_abbreviation(regs[Kind.ZONE].resolve(main_zone), form)
    if issuer:
        ag = regs[Kind.AGENCY].resolve(issuer)
        issuer = ag.name if ag else issuer

    # 5. relations: zones nest in the main zone; projects lie in a zone named with them
    if main_zone:
        mz = regs[Kind.ZONE].resolve(main_zone)
        for z in regs[Kind.ZONE].entities:
            if z is not mz and z.evidence:
                facts.append(Fact(z.ref, Relation.PART_OF, mz.ref, z.evidence[0]))
    for m, ent in project_mentions:
        ent = regs[Kind.PROJECT].resolve(m.name) or ent
        zones_here = [z for z in names.find(m.sentence) if z.kind is Kind.ZONE and z.end <= m.start]
        if zones_here:
            z = regs[Kind.ZONE].resolve(zones_here[-1].name)
            if z:
                facts.append(Fact(ent.ref, Relation.LOCATED_IN, z.ref,
                                  Evidence(m.sentence.quote, m.sentence.block)))
    administration = regs[Kind.AGENCY].resolve(issuer) if issuer else None
    if administration and _is_administration(administration.name, lexicon.load("names")["administration_suffixes"]):
        # Departments, towns and offices named in a zone's plan belong to its administration.
        parented = {f.subject for f in facts if f.relation is Relation.PART_OF}
        for agency in regs[Kind.AGENCY].entities:
            if agency is not administration and agency.ref not in parented and agency.evidence:
                facts.append(Fact(agency.ref, Relation.PART_OF, administration.ref, agency.evidence[0]))
    if main_zone:
        # A project the plan of a zone takes on lies in that zone unless a sentence places it
        # elsewhere: the plan's own area is the default, as an analyst reads it.
        located = {f.subject for f in facts if f.relation is Relation.LOCATED_IN}
        for project in regs[Kind.PROJECT].entities:
            if project.ref not in located and project.evidence:
                facts.append(Fact(project.ref, Relation.LOCATED_IN, mz.ref, project.evidence[0]))

    ex = Extraction(
        entities=[e for k in Kind for e in regs[k].entities],
        facts=_dedupe(facts),
        targets=targets.extract(body, ctx),
        main_zone=main_zone,
        issuer=issuer,
        plan_year=ctx.plan_year,
    )
    if main_zone:
        for t in ex.targets:
            t.zone = t.zone or main_zone
    return ex


def _unit(regs: dict[Kind, Registry], name: str, ev: Evidence):
    """A responsible unit: a company when it is one (…公司, …集团), else an agency."""
    known = _known_kind(regs, name)
    if known is Kind.COMPANY or known is None and units.is_company(name):
        return regs[Kind.COMPANY].add(name, ev)
    agency = regs[Kind.AGENCY].add(name, ev)
    place = units.government_place(name)
    if place:
        regs[Kind.AGENCY].declare(agency, place)  # "黄埔区、南沙区政府": 黄埔区 is its government
    return agency


def _scoped_governments(agencies: Registry) -> None:
    """"市政府" in the plan of 台州市人民政府 is that government: a government named by its
    level alone is the one full-named government of that level in the document."""
    for ent in list(agencies.entities):
        m = re.fullmatch(r"([省市区县])(?:人民)?政府([\u4e00-\u9fff]*)", ent.name)  # 市政府, 区人民政府办公室
        if not m:
            continue
        full = [e for e in agencies.entities if e is not ent
                and re.fullmatch(rf"[\u4e00-\u9fff]+{m.group(1)}(?:人民)?政府{m.group(2)}", e.name)]
        if len(full) == 1:
            agencies.declare(full[0], ent.name)


def _trace(trace: dict[str, list[str]] | None, stage: str, regs: dict[Kind, Registry]) -> None:
    """Record the entities that exist now and were not there after the earlier stages."""
    if trace is None:
        return
    seen = {x for added in trace.values() for x in added}
    trace[stage] = [f"{k.value}: {e.name}" for k in Kind for e in regs[k].entities
                    if f"{k.value}: {e.name}" not in seen]


def _tabled_projects_are_no_zones(regs: dict[Kind, Registry], tabled: list[str]) -> None:
    """A park a project table lists in its 项目名称 column ("X产业园", "X产业园二期") is built
    as a project: a zone read only from such a row's name is that project, not a zone."""
    for zone in list(regs[Kind.ZONE].entities):
        rows = [p for p in tabled if zone.name in p]
        if rows and all(any(p in norm(ev.quote) for p in rows) for ev in zone.evidence):
            regs[Kind.ZONE].discard(zone.name)


def _is_administration(name: str, suffixes: list[str]) -> bool:
    return any(name.endswith(suffix) for suffix in suffixes)


def _administered_zone(administration: str, suffixes: list[str]) -> str:
    """The zone an administration's name carries: 某某科技城开发办 → 某某科技城."""
    for suffix in suffixes:
        if administration.endswith(suffix):
            return administration[: -len(suffix)]
    return administration


def _choose_issuer(candidates: list[str | None], suffixes: list[str]) -> str | None:
    """The first administration among the candidates (site owner, title, publisher), else the
    first candidate: a 发布单位 such as 经发局 only published the page for its administration."""
    present = [c for c in candidates if c]
    for candidate in present:
        if _is_administration(candidate, suffixes):
            return candidate
    return present[0] if present else None


def _facility(projects: Registry, name: str):
    """The project a task heading builds: "建设X" → X, or X's works named elsewhere (X主体工程)."""
    found = projects.resolve(name)
    if found is None:
        longer = [p for p in projects.entities if p.name.startswith(name) and len(p.name) - len(name) <= 6]
        found = longer[0] if len(longer) == 1 else None
    return found


def _known_kind(regs: dict[Kind, Registry], name: str) -> Kind | None:
    for k in (Kind.ZONE, Kind.AGENCY, Kind.PROJECT, Kind.COMPANY, Kind.INDUSTRY):
        if regs[k].resolve(name) is not None:
            return k
    return None


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.subject, f.relation, f.object)
        if key not in seen and f.subject != f.object:
            seen.add(key)
            out.append(f)
    return out
