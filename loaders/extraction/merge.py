"""Stage 5, merge: every spelling of one entity folded into one, and whose plan it is.

Short forms fold into the fullest name the document uses (经发局 into 经济发展局, 某某高新区
into 某某高新技术产业开发区: :meth:`.registry.Registry.link_abbreviations`), a government
named by its level alone (市政府) into the one full-named government of that level, and the
facts so far follow their entities. Then the document's own zone (the title's first zone,
else the zone its issuing administration is named after) takes the bare kind abbreviations
the plan uses for itself ("今年经开区…"), and the issuer is the administration the page
credits (its footer, its title, its publisher line). A "firm" named by the plan's own place
and a sector (淇原储能 in the plan of 淇原新区) is the place's sector and is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon, names
from zonekg.loaders.extraction.entities import Entities
from zonekg.loaders.extraction.layout import Page
from zonekg.loaders.extraction.model import Entity, Evidence, Fact, Kind
from zonekg.loaders.extraction.registry import Registry


@dataclass(frozen=True)
class Scope:
    """Whose plan it is: the zone it is about and the agency that issued it."""

    main_zone: str | None
    issuer: str | None


def merge(page: Page, book: Entities, facts: list[Fact]) -> Scope:
    """Fold spellings (``facts`` follow their entities) and find the plan's zone and issuer."""
    suffixes = lexicon.load("names")["administration_suffixes"]
    site_owner = page.document.metadata.get("site_owner")
    issuer = _choose_issuer([site_owner, *book.title_agencies, page.context.issuer], suffixes)
    if issuer and issuer == site_owner and book[Kind.AGENCY].resolve(issuer) is None:
        # Named only in the page footer: the evidence is that metadata line (block -1).
        book[Kind.AGENCY].add(issuer, Evidence(f"版权所有：{issuer}", -1))
    _scoped_governments(book[Kind.AGENCY])
    places = names.place_stems([n for k in (Kind.ZONE, Kind.AGENCY) for e in book[k].entities
                                for n in (e.name, *e.aliases)])
    _place_sectors_are_no_firms(book, places)
    _firm_brands(book[Kind.COMPANY], places)
    zone_names = [n for e in book[Kind.ZONE].entities for n in (e.name, *sorted(e.aliases))]
    for k in Kind:
        book[k].link_abbreviations(zone_names)
    for f in facts:  # facts may point at folded names
        f.subject = _registered(book[f.subject.kind], f.subject.name).ref
        f.object = _registered(book[f.object.kind], f.object.name).ref
    main_zone = _main_zone(book, issuer, suffixes)
    if main_zone:
        for form in names.bare_zone_abbreviations(page.body):  # "今年经开区…": the plan's own zone
            book[Kind.ZONE].adopt_kind_abbreviation(_registered(book[Kind.ZONE], main_zone), form)
    if issuer:
        agency = book[Kind.AGENCY].resolve(issuer)
        issuer = agency.name if agency else issuer
    return Scope(main_zone, issuer)


def _registered(registry: Registry, name: str) -> Entity:
    """The entity of a name registered before the merge (a fact's ends, the plan's own zone)."""
    found = registry.resolve(name)
    if found is None:
        raise KeyError(f"{registry.kind.value} {name!r} was never registered")
    return found


def is_administration(name: str) -> bool:
    """X管委会, X开发办 …: the body that administers a zone."""
    return name.endswith(tuple(lexicon.load("names")["administration_suffixes"]))


def _main_zone(book: Entities, issuer: str | None, suffixes: list[str]) -> str | None:
    """The title's first zone, else the zone the issuing administration is named after."""
    if book.title_zones:
        z = book[Kind.ZONE].resolve(book.title_zones[0])
        if z:
            return z.name
    if issuer:
        # "X开发办/X管委会" issues the plan of zone X
        z = book[Kind.ZONE].resolve(_administered_zone(issuer, suffixes))
        return z.name if z else None
    return None


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


def _place_sectors_are_no_firms(book: Entities, places: frozenset[str]) -> None:
    """"淇原储能" in the plan of 淇原新区: a firm named by a place the document's zones and
    agencies are named after (``places``), and a sector, is that place's sector, not a firm; so
    is one named by a zone's words before its kind ("汊湾新材料中试基地" in the plan of 汊湾新材料产业园)."""
    zones = [n for e in book[Kind.ZONE].entities for n in (e.name, *e.aliases)]
    suffixes = lexicon.load("names")["zone_suffixes"]
    for firm in [c.name for c in book[Kind.COMPANY].entities if names.place_and_sector(c.name, places)
                 or any(z.startswith(c.name) and z[len(c.name):] in suffixes for z in zones)]:
        book[Kind.COMPANY].discard(firm)
        _place_sector_parks(book, firm, suffixes)


def _firm_brands(companies: Registry, places: frozenset[str]) -> None:
    """A firm named by a brand and a sector tail, often only as the opening of its project's
    name ("澜盾风电塔筒制造项目", "荇湾芯材电子特气项目"), is called by its brand as well (without
    the place it is named after: 芯材); one whose words before the tail are another firm's
    name ("华烁新材电子级…项目" beside 菡江华烁新材料股份有限公司（华烁新材）) is that firm."""
    for firm in list(companies.entities):
        read = names.firm_brand(firm.name, places)
        if read is None:
            continue
        stem, brand = read
        known = companies.resolve(stem)
        if known is not None and known is not firm:
            companies.declare(known, firm.name)  # (folds the firm into the one it names)
        elif brand is not None:
            companies.declare(firm, brand)


def _place_sector_parks(book: Entities, place_sector: str, suffixes: list[str]) -> None:
    """"芸塘新能源装备产业园" read as the park of a firm "芸塘新能源": once that firm is the
    place's sector, the park named by the place, the sector and a zone word is a development
    zone (the project of building it stays: a task names it too)."""
    for project in list(book[Kind.PROJECT].entities):
        if project.name.startswith(place_sector) and project.name.endswith(tuple(suffixes)) \
                and book[Kind.ZONE].resolve(project.name) is None:
            for evidence in project.evidence:
                book[Kind.ZONE].add(project.name, evidence)


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
        if any(candidate.endswith(s) for s in suffixes):
            return candidate
    return present[0] if present else None
