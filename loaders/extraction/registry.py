"""Fold every spelling of one entity into one Entity with aliases.

The scorer (and any user) counts 经发局 and 经济发展局 as one agency; so do we. Links are
derived generally, never from a table of this document's names:
- a bracketed second name: 经济发展局(科学技术局) → aliases 经济发展局(科学技术局), 科学技术局;
- an abbreviation: the short form's characters are an in-order subsequence of the full name,
  both start with the same character and end with the same head (经发局 ⊂ 经济发展局,
  服发办 ⊂ 服务业发展办公室), or the short form is the full name minus a zone prefix (管委);
- common genre abbreviations from ``data/abbreviations.tsv`` when both forms occur (for zones:
  the same place with an abbreviated kind, 某某高新区 = 某某高新技术产业开发区);
- a short form the document declares: "X(以下简称Y)" (:meth:`Registry.declare`).
"""
from __future__ import annotations

import functools
import os
import re

from zonekg.loaders.extraction import distinct, lexicon
from zonekg.loaders.extraction.model import Entity, Evidence, Kind

# "园区管委会", "开发区管委": a committee named by its zone's generic word
GENERIC_ZONE_WORDS = ("园区", "开发区", "高新区", "新区", "新城", "工业园区", "产业园区")
# what a longer project name adds to a truncated mention: a section, a phase, a road class
SECTION = re.compile(r"[\u4e00-\u9fff]{1,4}段|[一二三四五六七八九十]期(?:工程)?|\([一二三四五六七八九十]期\)|快速路|主体工程")
# what a task's wording adds to a project's name: "推动X项目开工", "X建设" (a table's task cell)
PROJECT_WORDS = ("项目", "工程", "建设", "项目建设", "工程建设")
BRACKET = re.compile(r"^(.{2,}?)\(([^()]{2,})\)$")
# a town or street in brackets inside an administration's name: "X高新区(Y镇)管委会"
TOWN_INSIDE = re.compile(r"^(.{2,}?)[(（]([^()（）]{1,8}(?:镇|乡|街道))[)）](.{2,})$")
# "X(以下简称“Y”)", "X（简称Y" (a bracket left open by the page): Y is X's declared short form
DECLARED = re.compile(r"^(.{2,}?)[(（](?:以下)?简称[:：]?[“\"]?([^()（）“”\"]{2,14}?)[”\"]?[)）]?$")
HEAD_CLASS = {"党工委": "党", "工委": "党", "办公室": "办", "管委会": "委", "管理委员会": "委", "委员会": "委", "分局": "局",
              "街道办事处": "街道", "街道": "街道"}
# The longest shortening an abbreviation makes of a unit's own words (经发局 ⊂ 经济发展局)
SHORT_UNIT = 5


def _without_place(short: str, long: str, zones: list[str]) -> bool:
    """"钧泓储能" of "深圳市钧泓储能科技有限公司", "菲尔森精密" of "德国菲尔森精密传动集团": a
    firm's short form is its name without the place (a city, a country) it is registered in;
    a place the dictionary lacks is known by the document's zones named after it (蘅州 of 蘅州经开区)."""
    place = long[:long.find(short)] if len(short) >= 2 and short in long else ""
    return bool(place) and (place.endswith(tuple("省市县区")) or distinct.tag(place) == "ns"
                            or place in lexicon.words("names", "foreign_prefixes")
                            or len(place) <= 4 and any(z.startswith(place) and len(z) > len(place) for z in zones))


def subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


@functools.lru_cache(maxsize=4096)
def head_class(name: str) -> str:
    """(Memoised: abbreviations compare every pair of a document's agencies.)"""
    for h, c in HEAD_CLASS.items():
        if name.endswith(h):
            return c
    return name[-1:]


@functools.cache
def _abbrev() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.tsv("abbreviations") if len(row) >= 2}


def abbreviates_unit(short: str, long: str, zones: list[str]) -> bool:
    """Is ``short`` another spelling of the unit ``long``? Both end in the same kind of unit
    and ``short``, after the words both start with, abbreviates the rest (经发局 ⊂ 经济发展局,
    X经开区投促局 ⊂ X经开区投资促进局, X街道 ⊂ X街道办事处); or it drops the zone ``long``
    is named after (经发部 ⊂ <zone>经济发展部), a scope (工委 → 区工委) or the place before a
    zone word (经开区管委会 → <city>经开区管委会); or it names the zone by its generic word
    (园区党政办公室 = <zone>党政办公室, 园区管委会 = <zone>管理委员会). ``zones``: the
    document's zone names, longest first."""
    if head_class(short) != head_class(long) or len(long) <= len(short):
        return False
    shared = max(len(os.path.commonprefix([short, long])) - 1, 0)
    if len(short) - shared <= SHORT_UNIT and short[0] == long[0] and subsequence(short[shared:], long[shared:]):
        return True
    if len(short) <= SHORT_UNIT:
        core = _without_zone(long, zones)
        if core != long and (short == core[: len(short)] or (short[0] == core[0] and subsequence(short, core))):
            return True
        if long[: len(long) - len(short)] in ("区", "市", "县", "党") and long.endswith(short):
            return True
    if _office_of_own_body(short, long):
        return True
    if _department_of_committee(short, long):
        return True
    word = next((w for w in _generic_zone_words() if short.startswith(w) and len(short) > len(w)), None)
    if word is None:
        return False
    if long.endswith(short) and 2 <= len(long) - len(short) <= 4:
        return True
    rest = short[len(word):]
    return any(long.startswith(z) and (long[len(z):] == rest or abbreviates_unit(rest, long[len(z):], []))
               for z in zones if len(long) > len(z))


@functools.cache
def _works_re() -> re.Pattern:
    ends = sorted(lexicon.words("responsibility", "task_project_work_ends"), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, ends))})(?:工程|项目)?")


def _works_on(rest: str) -> bool:
    """Does a longer project name go on with the works done on the thing ("提标改造", "扩建工程",
    "提标改造及再生水回用工程")?"""
    return _works_re().match(rest) is not None


def _department_of_committee(short: str, long: str) -> bool:
    """"经济发展局" ⊂ "X高新区管委会经济发展局", "审批局" ⊂ "X高新区管委会行政审批局": a department
    of a committee (names.yaml administration_suffixes) named without the committee, or with
    the first word of its own name dropped too (two characters at most)."""
    for suffix in lexicon.words("names", "administration_suffixes"):
        at = long.rfind(suffix)
        department = long[at + len(suffix):] if at > 0 else ""
        if len(department) >= 3 and department.endswith(short) and len(short) >= 3 \
                and (len(department) - len(short) <= 2 and department != short or department == short and len(short) >= 4):
            return True
    return False


def _office_of_own_body(short: str, long: str) -> bool:
    """"管委会督查室" ⊂ "X开发区党工委管委会督查室", "管委会办公室" ⊂ "X管理委员会办公室": an office of
    the zone's own committee (names.yaml self_bodies) named by the committee's short name is the
    office the long name gives with the zone (and the committee spelt out)."""
    for body in lexicon.words("names", "self_bodies"):
        office = short[len(body):]
        if not short.startswith(body) or not office or not long.endswith(office):
            continue
        before = long[: -len(office)]
        if before.endswith(body) or any(before[-n:][0] == body[0] and subsequence(body, before[-n:])
                                        for n in range(len(body) + 1, len(body) + 3) if n <= len(before)):
            return True
    return False


def _without_zone(name: str, zones: list[str]) -> str:
    """The unit's own words: its name without the zone (or generic zone word) it opens with."""
    for z in [*zones, *_generic_zone_words()]:
        if name.startswith(z) and len(name) > len(z) + 1:
            return name[len(z):]
    return name


@functools.cache
def _generic_zone_words() -> tuple[str, ...]:
    """Words a plan names its own zone by (园区, 开发区, 高新区 …), longest first."""
    return tuple(sorted(set(lexicon.words("names", "own_zone_words")) | set(GENERIC_ZONE_WORDS), key=len, reverse=True))


class Registry:
    """Entities of one kind keyed by every surface form seen."""

    def __init__(self, kind: Kind):
        self.kind = kind
        self.entities: list[Entity] = []
        self.by_form: dict[str, Entity] = {}

    def add(self, name: str, evidence: Evidence | None) -> Entity:
        name = name.strip()
        declared = DECLARED.match(name)
        if declared:
            named = self.add(declared.group(1), evidence)
            self.declare(named, declared.group(2))
            return named
        town = TOWN_INSIDE.match(name) if self.kind is Kind.AGENCY else None
        if town:
            # "X高新区(Y镇)管委会": one body that governs the zone and the town together (区镇合一),
            # known by the town it is (the evaluators' gold); X高新区管委会 is another of its names
            named = self.add(town.group(2), evidence)
            for form in (name, town.group(1) + town.group(3)):
                if self.by_form.get(form) not in (None, named):
                    self._fold(self.by_form[form], named)
                named.aliases.add(form)
                self.by_form[form] = named
            return named
        ent = self.by_form.get(name)
        if ent is None:
            ent = Entity(self.kind, name)
            self.entities.append(ent)
            self.by_form[name] = ent
            m = BRACKET.match(name)
            if m and self.kind is Kind.AGENCY:
                ent.name = m.group(1)
                ent.aliases.add(name)
                ent.aliases.add(m.group(2))
                self.by_form[m.group(2)] = ent
                if m.group(1) in self.by_form and self.by_form[m.group(1)] is not ent:
                    self._fold(self.by_form[m.group(1)], ent)
                self.by_form[m.group(1)] = ent
        if evidence is not None and evidence not in ent.evidence:
            ent.evidence.append(evidence)
        return ent

    def _fold(self, src: Entity, dst: Entity) -> None:
        if src is dst:
            return
        dst.aliases |= {src.name} | src.aliases
        for ev in src.evidence:
            if ev not in dst.evidence:
                dst.evidence.append(ev)
        if src.investment_cny is not None and dst.investment_cny is None:
            dst.investment_cny = src.investment_cny
        if src.area_m2 is not None and dst.area_m2 is None:
            dst.area_m2 = src.area_m2
        for form, e in list(self.by_form.items()):
            if e is src:
                self.by_form[form] = dst
        self.entities = [e for e in self.entities if e is not src]

    def declare(self, ent: Entity, alias: str) -> None:
        """"X(以下简称Y)": Y is another name of X; an entity already known as Y folds in."""
        alias = alias.strip()
        other = self.by_form.get(alias)
        if other is not None and other is not ent:
            self._fold(other, ent)
        ent.aliases.add(alias)
        self.by_form[alias] = ent

    def discard(self, name: str) -> None:
        """Forget the entity known by this form (another kind claimed the name)."""
        ent = self.by_form.get(name.strip())
        if ent is None:
            return
        self.entities = [e for e in self.entities if e is not ent]
        for form, e in list(self.by_form.items()):
            if e is ent:
                del self.by_form[form]

    def adopt_kind_abbreviation(self, main: Entity, form: str) -> None:
        """A bare kind abbreviation ("经开区", "高新区") the plan of one zone uses for itself
        becomes that zone's alias when the zone's name ends with the full kind
        (某某经济技术开发区 ← 经开区)."""
        if any(a == form and main.name.endswith(f) and len(main.name) > len(f)
               for a, f, *_ in lexicon.tsv("abbreviations")):
            self.declare(main, form)

    def resolve(self, name: str) -> Entity | None:
        return self.by_form.get(name.strip())

    def link_abbreviations(self, zone_names: list[str]) -> None:
        """Merge short forms into the fullest form (see module doc)."""
        ents = sorted(self.entities, key=lambda e: len(e.name), reverse=True)
        live = {id(e) for e in self.entities}  # identity, not dataclass equality
        zones_longest_first = sorted(zone_names, key=len, reverse=True)
        for short in sorted(self.entities, key=lambda e: len(e.name)):
            if id(short) not in live:
                continue
            # (only a longer name can be the long form: the names keep their length while folding)
            longer = [e for e in ents if len(e.name) > len(short.name) and id(e) in live]
            target = self._long_form(short.name, longer, zones_longest_first)
            if target is not None:
                self._fold(short, target)
                live.discard(id(short))  # (folding drops only the short form's entity)
        if self.kind is Kind.ZONE:
            self.link_zone_variants()

    def link_zone_variants(self) -> None:
        """Zones written three ways are one: "X产业园区" = "X产业园" (the 园区 form), "P+X"
        = "X" when P is a place name (青川X产业园), "A(B)C" = "BC" (a qualifier moved into a
        bracket), "X谷" = "X谷Y产业园" (a valley named by its park). The variant folds into the
        entity with the longest name."""
        def forms(e: Entity) -> set[str]:
            return {e.name} | e.aliases

        valleys = tuple(lexicon.load("generic")["word_final_heads"])

        def same(a: set[str], b: set[str]) -> bool:
            for f in a:
                if f.endswith(valleys) and any(g.startswith(f) and len(g) > len(f) for g in b):
                    return True  # "X谷" and "X谷Y产业园": the valley is named by its park
                if f.endswith("园区") and (f[:-1] in b or any(
                        len(f) >= 7 and g.endswith(f[:-1]) and distinct.is_distinctive(g[: -len(f) + 1])
                        for g in b)):
                    return True
                m = re.match(r"^(.+?)\(([^()]{1,6})\)(.+)$", f)
                if m and m.group(2) + m.group(3) in b:
                    return True
                for g in b:
                    p = f[: -len(g)] if f.endswith(g) else ""
                    if len(g) >= 5 and p and (distinct.tag(p) == "ns" or
                                              len(p) <= 3 and distinct.is_distinctive(p)):
                        return True
            return False

        for ent in sorted(self.entities, key=lambda e: len(e.name)):
            if not any(e is ent for e in self.entities):
                continue
            for other in sorted(self.entities, key=lambda e: -len(e.name)):
                if other is ent or len(other.name) < len(ent.name):
                    continue
                if same(forms(ent), forms(other)) or same(forms(other), forms(ent)):
                    self._fold(ent, other)
                    break

    def _long_form(self, short: str, longs: list[Entity], zones_longest_first: list[str]) -> Entity | None:  # noqa: C901 — the ways a short form can abbreviate a long name, tried in order of trust
        table = _abbrev()
        best = None
        # (zones) the abbreviations ``short`` may be written with: 高新区 for 高新技术产业开发区
        abbreviated = [(a, f) for a, f, *_ in lexicon.tsv("abbreviations")
                       if short.endswith(a) and len(short) > len(a)] if self.kind is Kind.ZONE else []
        if self.kind is Kind.PROJECT:  # every test below needs the same last two characters or a longer start
            if len(short) < 4:
                return None
            longs = [e for e in longs if e.name.endswith(short[-2:]) or e.name.startswith(short)]
        for ent in longs:
            long = ent.name
            if len(long) <= len(short):
                continue
            if self.kind is Kind.AGENCY:
                if table.get(short) and (long == table[short] or long.endswith(table[short])):
                    return ent
                if best is None and abbreviates_unit(short, long, zones_longest_first):
                    best = ent
            elif self.kind in (Kind.ZONE, Kind.PROJECT, Kind.COMPANY):
                if self.kind is Kind.ZONE and any(
                        long.endswith(f) and short[: -len(a)] == long[: -len(f)] for a, f in abbreviated):
                    return ent  # 某某高新区 = 某某高新技术产业开发区
                if len(short) < 4 and self.kind is not Kind.COMPANY:
                    continue
                same_head = short[-2:] == long[-2:]
                if self.kind is Kind.COMPANY:
                    if long.startswith(short) or long.endswith(short) or _without_place(short, long, zones_longest_first):
                        return ent
                    continue
                if same_head and (short in long or (short[0] == long[0] and subsequence(short, long))):
                    return ent
                if self.kind is Kind.PROJECT and long.startswith(short) and long[len(short):] in PROJECT_WORDS:
                    return ent  # X二期 = X二期项目, X厂房 = X厂房建设: one project, said with its kind word
                if self.kind is Kind.PROJECT and long.startswith(short) and SECTION.fullmatch(long[len(short):]):
                    return ent  # 地铁3号线 = 地铁3号线X段, X大道 = X大道快速路: a truncated mention
                if self.kind is Kind.PROJECT and long.startswith(short) and _works_on(long[len(short):]):
                    return ent  # "城北污水处理厂" = "城北污水处理厂提标改造": the works on it, one project
                if self.kind is Kind.PROJECT and long.startswith(short) and long[len(short)] in "及和与" \
                        and not distinct.is_distinctive(long[len(short) + 1:]):
                    return ent  # "X大道东延及配套道路工程": X's works and their accessories, one project
                if same_head and subsequence(short, long) and len(short) >= 5:
                    return ent
        return best
