"""Find named things by their suffix and the words in front of them.

Chinese plans name zones, agencies, projects and companies by a head word at the END
(…产业园, …局, …研究院, …集团). So we look for those heads, then walk LEFT to where the name
starts: the nearest punctuation, a verb or preposition from ``data/boundaries.yaml``
("加快推进X", "依托X"), a quantity ("36万平方米X"), or the end of another name inside the
span ("东部滨海新城国家产城融合示范区" is two zones). Each sentence is scanned once with
bounded look-behind, so the cost is linear in the text.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from zonekg.loaders.extraction import distinct, lexicon, people
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.sectors import is_industry, is_industry_exact
from zonekg.loaders.extraction.text import HEADING_NUMBER, Sentence
from zonekg.loaders.extraction.vocabulary import (
    PUNCT,
    boundary_at,
    boundary_ends,
    head_matches,
    is_generic_stem,
    vocabulary,
)

MAX_NAME = {Kind.AGENCY: 40, Kind.ZONE: 22, Kind.PROJECT: 22, Kind.COMPANY: 16}
CLAUSE_END = "，,；;。!?！？:："
_CLAUSE_SPLIT = re.compile(f"[{re.escape(CLAUSE_END)}]")
EXTENSIONS = {Kind.AGENCY: "agency_extension", Kind.ZONE: "zone_extension", Kind.PROJECT: "project_extension"}
"""The pattern (data/names.yaml) of what may carry a name of each kind on past its head."""


def _rule(id: str) -> re.Pattern[str]:
    """A pattern of data/names.yaml, compiled once."""
    return lexicon.pattern("names", id)


@functools.cache
def _single_boundaries() -> frozenset[str]:
    """The one-character boundary words (particles, prepositions: 了, 在, 向 …)."""
    return frozenset(w for w in lexicon.words("boundaries", "words") if len(w) == 1)


def _words(key: str) -> frozenset[str]:
    """A word list of data/names.yaml as a set (for membership tests)."""
    return _word_sets()[key]


@functools.cache
def _word_sets() -> dict[str, frozenset[str]]:
    return {key: frozenset(value) for key, value in lexicon.load("names").items() if isinstance(value, list)}


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence: where, of what kind, and by which head word."""

    name: str
    kind: Kind
    sentence: Sentence
    start: int
    end: int
    head: str
    alias: str | None = None  # a short form the document declares right after the name


def find(sentence: Sentence) -> list[Mention]:
    """Every zone/agency/project/company name in one sentence (computed once per sentence:
    industries and relations ask again)."""
    return sentence.memo("names", _find)


def _find(sentence: Sentence) -> list[Mention]:  # noqa: C901, PLR0915 — the checks a head-word candidate passes, in their order (each may move its start or change its kind) # long: the order of the checks is the rule; splitting them needs the candidate as a value first
    text = sentence.text
    v = vocabulary()
    conj, generic_names = v.conjunctions, v.generic_names
    bends = boundary_ends(text)
    matches = head_matches(text)
    out: list[Mention] = []
    accepted: list[tuple[int, int, Kind]] = []
    alias_spans = [(m.start(), m.end()) for m in _rule("declared_alias").finditer(text)]
    for s0, e, head, kind in matches:
        ext = _rule(EXTENSIONS[kind]) if kind in EXTENSIONS else None
        extended = False
        if ext:
            m = ext.match(text, e)
            if m and not (kind is Kind.PROJECT and m.group() == "项目"):
                e, extended = m.end(), True
        if _false_head(text, s0, e, head):
            continue
        quoted = _rule("quoted_code_name").search(text[max(0, s0 - 12):s0])
        if quoted and not any(c in quoted.group() for c in _gen()["code_name_works"]):
            quoted = None  # “一城三园”工程, “四换三名”工程: a slogan, not works
        start: int | None  # where the name begins; None: no name here
        whole = _quoted_whole(text, s0, e) if kind is Kind.PROJECT and not quoted else None
        if quoted and kind in (Kind.PROJECT, Kind.ZONE):
            # “一纵两横”道路工程: a quoted code name in front of the head is the stem
            start = s0 - len(quoted.group())
            name, stem = text[start:e], quoted.group()
        elif whole is not None:
            start = whole
            name, stem = text[start:e], text[start:s0]
        else:
            # a department stem with verbs or 和 inside (规划建设局, 发展和改革局) is kept whole
            protect = s0 - _department_stem(text, s0) if kind is Kind.AGENCY else s0
            if kind is Kind.AGENCY and head == "处":  # 海关+监管协调处: its functions are one name
                protect = min(protect, s0 - _office_functions(text, s0))
            if head.endswith("中心"):  # 投资+促进中心: the function may run into the head
                protect = min(s0, e - 2 - _department_stem(text, e - 2))
            if kind is Kind.AGENCY and head.endswith("领导小组"):
                start = _group_start(text, s0, bends)
            else:
                start = _start(text, protect, kind, bends, accepted, conj)
            if start is not None and protect < s0 and any(
                    a1 == protect and ak is Kind.AGENCY for _, a1, ak in accepted):
                start = protect  # "招商服务局投资促进中心": two units
            if start is None:
                continue
            if start < protect < s0 and bends.get(protect) == start:
                start = protect  # "会同规划建设局": a boundary word before a whole stem is no part of it
            if protect < s0:  # trim only what precedes the protected stem ("设在区"); a particle
                # or preposition right before it is none of it ("听取了经济发展局的汇报")
                start = start if protect - start < 2 else _trim_leading(text, start, protect, kind)
                if start is not None and text[start:protect] in _single_boundaries():
                    start = protect
            else:
                start = _trim_leading(text, start, s0, kind)
            if start is None:
                continue
            start = min(start, protect)
            if kind is Kind.AGENCY:
                # "X创新发展示范区管理委员会": the body of the zone just named opens with its name
                start = min([start] + [a0 for a0, a1, ak in accepted if a1 == s0 and ak is Kind.ZONE])
                start = _whole_zone_word(text, start, s0)
                start = _after_glued_unit(text, start, s0)
            elif kind is Kind.COMPANY:
                start = _after_glued_unit_end(text, start, s0)
            if kind is Kind.AGENCY and head.endswith("领导小组") and start is not None:
                g0 = _group_start(text, s0, bends)
                if g0 < start and text[g0:start].endswith(tuple(lexicon.words("names", "zone_suffixes"))):
                    start = g0  # the scope and zone opening the group's name stay
            balanced = _balance(text, start, s0, e)
            if balanced is None:
                continue
            if balanced > start and text[balanced - 1] == ")":
                # "A(总投资3.8亿元)和B工程": what follows the closed bracket is trimmed like any
                # text before a name (the 和 opening B is no part of it)
                balanced = _trim_leading(text, balanced, max(balanced, min(protect, s0)), kind)
                if balanced is None:
                    continue
            start = balanced
            number = HEADING_NUMBER.match(text) if start == 0 else None
            if number and s0 - number.end() >= 2:
                start = number.end()  # "6.X科技有限公司投资建设…": an item's number opens no name
            name = text[start:e].strip("“”\"' ")
            stem = text[start:s0].strip("“”\"' ")
        if kind is Kind.AGENCY and head == "处" and text.endswith(tuple(lexicon.words("names", "build_verbs")), 0, start):
            continue  # "各设立招商联络处1个": an office the plan sets up is its works, no unit yet
        office = kind is Kind.PROJECT and head.endswith("中心") and _agency_center(text, start, s0, e, stem, head)
        if office:
            kind = Kind.AGENCY  # 区招商中心, 土地储备中心: a government unit, not a facility
        if kind is Kind.AGENCY and stem[:1] == "经" and (stem[1:] == "" or stem[1:] in _words("self_bodies")):
            start, stem, name = start + 1, stem[1:], name[1:]  # "经管委会研究": 经 = "after"
        if kind is Kind.AGENCY and stem.endswith(("已经", "曾经", "业经")) and head in _words("self_bodies"):
            start, stem, name = s0, "", head  # "方案已经管委会研究": an adverb in front
        if kind is Kind.AGENCY and head in ("政府", "人民政府") and len(stem) == 2 \
                and stem[0] in "经由在对向与和及把将被为从据按报请" and stem[1] in "省市区县":
            start, stem, name = start + 1, stem[1:], name[1:]  # "经区政府研究": 经 = "after"
        if kind is Kind.AGENCY and head in ("政府", "人民政府") and len(stem) == 1 and text[start - 2:start] == stem + "委":
            start, stem, name = start - 2, text[start - 2:s0], text[start - 2:e]  # "省委省政府": one phrase for both
        if kind is Kind.AGENCY and (_rule("document_number").match(text, e) or name.startswith("各")
                                    or _rule("unit_type_list").search(text[max(0, start - 12):start])):
            continue  # 宝府办〔2008〕18号: a document number's code; 各委办局, 各县、市、区人民政府: labels
        if kind is Kind.AGENCY and name.startswith("年度") and re.search(r"\d$", text[:start]):
            start, name, stem = start + 2, name[2:], stem[2:]  # "2023年度X局": the year's tail
        if kind is Kind.AGENCY and text[start - 1:start] in "“\"" and start > 0 \
                and text[e:e + 1] in "”\"":
            continue  # “一网通办”, “园区事园区办”: a quoted slogan, not an office
        if kind is Kind.AGENCY and stem in lexicon.words("names", "department_only_stems") \
                and _duty_context(_clause(text, start, e)):
            pass  # 招商局 as the unit in charge, not the company of that name
        elif not (office and stem) and (name in generic_names or not _valid(kind, head, stem)):
            continue
        if any(a <= start < b for a, b in alias_spans):
            continue  # inside "(以下简称X)": the alias of the name before it
        # "X片区污水处理厂": a facility of a common name right after a zone is named after it
        # (merged with the zone's name below, as "X新城人民医院" is)
        # (not works, "X高新区人才驿站主体工程": the works of the project, named on its own)
        after_zone = kind is Kind.PROJECT and head != "工程" \
            and any(a1 == start and ak is Kind.ZONE for _, a1, ak in accepted)
        if not office and not _proper(text, start, e, kind, head, stem, name, extended or bool(quoted) or after_zone):
            continue
        if kind is Kind.PROJECT and head in _gen()["partner_institution_heads"] and (
                _partner(text, start, e) or _supported(text, start, e)):
            kind = Kind.COMPANY  # "与X医院合作", "支持X研究院申报…": a named partner, not a facility to build
        alias = _rule("declared_alias").match(text, e) or \
            (_rule("firm_short_form").match(text, e) if kind is Kind.COMPANY else None)
        out.append(Mention(name, kind, sentence, start, e, head,
                           alias.group(1) if alias and alias.group(1) != name else None))
        accepted.append((start, e, kind))
    out = [m for m in out if not (m.kind is Kind.COMPANY and _event(text, m.start, m.end)
                                  or m.kind is Kind.PROJECT and _rule("venue").match(text, m.end)
                                  and text[:m.start].endswith(("在", "于")))]
    firms = [f for f in _weak_companies(sentence, bends, out) if _whole_firm(text, f)]
    firms += _listed_beside_firms(sentence, out + firms)
    out = [m for m in out if m.kind is not Kind.COMPANY or _whole_firm(text, m)]
    out = _free_trade_areas(sentence, out)
    # drop mentions nested inside a longer accepted mention of a kind that keeps prefixes
    final: list[Mention] = []
    for mention in out:
        if any(o is not mention and o.start <= mention.start and mention.end <= o.end
               and (o.start, o.end) != (mention.start, mention.end)
               and not _opens_project(mention, o) for o in out):
            continue
        if any((f.start, f.end) == (mention.start, mention.end) for f in final):
            continue  # 码头+三期工程 and 工程: one span found by two heads
        final.append(mention)
    openings = _firm_openings(sentence)
    if openings:  # the firm's project replaces what was read inside its name
        spans = [(m.start, m.end) for m in openings if m.kind is Kind.PROJECT]
        final, firms = ([m for m in found if m.kind is Kind.AGENCY
                         or not any(a <= m.start and m.end <= b for a, b in spans)] for found in (final, firms))
    final = _zone_facilities(sentence, _firm_built_parks(text, final, firms + openings))
    extra = _park_phases(sentence, final) + _built_parks(sentence, final) + _brand_prefixed(sentence, final + firms) + _quantified_works(sentence, final + firms) \
        + _administered_zones(sentence, final) + _zone_sections(sentence, final)
    found = final + firms + openings + extra + _output_projects(sentence, bends, final + firms + openings + extra,
                                                                accepted, conj)
    return [u for u in (_unnumbered(m, generic_names) for m in found) if u is not None]


def _opens_project(zone: Mention, project: Mention) -> bool:
    """"南翼产业园标准化厂房三期": a zone with a proper name that opens a project's name is a
    zone of its own as well (the project lies in it); not when only a kind word follows
    ("绿满开发区工程": a campaign named after a slogan)."""
    return zone.kind is Kind.ZONE and project.kind is Kind.PROJECT and zone.start == project.start \
        and len(project.name) - len(zone.name) >= 3 and distinct.is_distinctive(zone.name[: len(zone.name) - len(zone.head)])


def _quoted_whole(text: str, s0: int, e: int) -> int | None:
    """Where a facility's name quoted whole starts: “X及Y规划研究院”, “A筹建的X研究院Y分中心”
    (after who builds it). The quotes mark the name, so verbs and conjunctions inside it
    (规划, 发展, 及) cut nothing; a quote opening with a verb is a slogan (“打造X中心”)."""
    if text[e:e + 1] != "”":
        return None
    q = text.rfind("“", max(0, s0 - MAX_NAME[Kind.PROJECT] - 12), s0)
    if q < 0 or any(c in "”、" + CLAUSE_END for c in text[q + 1:s0]):
        return None
    start = q + 1 + text[q + 1:s0].rfind("的") + 1
    while start < s0 and text[start] == " ":
        start += 1
    if s0 - start < 2 or e - start > MAX_NAME[Kind.PROJECT] or boundary_at(text, start):
        return None
    return start


def _unnumbered(m: Mention, generic_names: frozenset[str]) -> Mention | None:
    """The mention without a heading's numbering in front ("(三)X基地", "3.X园", "三、X"): a
    heading or list item whose whole line is the name reaches back over its number, which is
    never part of a name; None when what is left is only a generic word."""
    number = HEADING_NUMBER.match(m.name)
    if not number:
        return m
    name = m.name[number.end():]
    if len(name) < 2 or name in generic_names:
        return None
    return dataclasses.replace(m, name=name, start=m.start + number.end())


@functools.cache
def _sections_re() -> re.Pattern:
    cfg = lexicon.load("names")
    heads = "|".join(map(re.escape, lexicon.words("names", "section_heads")))
    verbs = "|".join(map(re.escape, cfg["section_verbs"]))
    return re.compile(rf"(?:{verbs})((?:[\u4e00-\u9fff]{{2,10}}?(?:{heads})[、和及与])+[\u4e00-\u9fff]{{2,10}}?(?:{heads}))"
                      rf"[两二三四五六七八九2-9]个(?:{heads}|片区|板块|组团)")


def _zone_sections(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """"分为临空园区和港口园区两个片区", "下辖A园区、B园区两个园区": the sections a zone is
    divided into are zones, even when their names are common words (临空, 港口)."""
    m = _sections_re().search(sentence.text) if "个" in sentence.text else None
    if m is None:
        return []
    out: list[Mention] = []
    pos = m.start(1)
    heads = lexicon.words("names", "section_heads")
    for item in re.split("[、和及与]", m.group(1)):
        start, pos = pos, pos + len(item) + 1
        head = next((h for h in heads if item.endswith(h)), None)
        if head and not any(f.start <= start and start + len(item) <= f.end for f in found):
            out.append(Mention(item, Kind.ZONE, sentence, start, start + len(item), head))
    return out


def _administered_zones(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """The zone an agency is named after: "X开发区管委会", "X度假区管理办", "X高新区(Y镇)管委会",
    "X高新区科技创新和经济发展局" name the zone X too (a circular to the zones' committees lists
    the zones of a city; a zone's department names its zone)."""
    generic_names = vocabulary().generic_names
    heads = lexicon.words("names", "zone_suffixes")
    out: list[Mention] = []
    for m in found:
        if m.kind is not Kind.AGENCY:
            continue
        for e in range(len(m.name) - 2, 1, -1):  # the longest zone opening the name
            zone = m.name[:e]
            if not zone.endswith(heads):
                continue
            head = next((h for h in heads if zone.endswith(h)), None)
            if head is None:
                continue
            stem = zone[: -len(head)]
            if zone in generic_names or stem in generic_names or is_generic_stem(stem) \
                    or not _valid(Kind.ZONE, head, stem) or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", zone):
                continue
            out.append(Mention(zone, Kind.ZONE, sentence, m.start, m.start + e, head))
            break
    return out


def _whole_firm(text: str, m: Mention) -> bool:
    """A firm's name starts with no count ("7项…") and ends where a word ends: "化工" inside
    "绿化工程" is no firm ending."""
    if re.match(r"[\d０-９一二三四五六七八九十两]+[项个家条座处批]", m.name):
        return False
    if not distinct.may_join(text, m.end):
        return True  # (most names end at a mark: no cut needed)
    window_start = max(m.start, m.end - 4)
    pos = window_start
    for token, _ in distinct.tokens(text[window_start:m.end + 4]):
        if pos < m.end < pos + len(token):
            return False
        pos += len(token)
    return True


def _free_trade_areas(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """"中国（X）自由贸易试验区Y片区": the free-trade zone and the 片区 right after it are one
    zone, the area's official name."""
    out: list[Mention] = []
    for m in found:
        before = out[-1] if out else None
        if before is not None and before.kind is m.kind is Kind.ZONE and before.end == m.start \
                and m.name.endswith("片区") and _rule("free_trade_area").search(before.name):
            m = Mention(sentence.text[before.start:m.end], Kind.ZONE, sentence, before.start, m.end, m.head)
            out.pop()
        out.append(m)
    return out


def _park_phases(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """A park named with its phase ("X产业园二期", "X示范园（二期）") is that phase's project
    (and the park a zone); a phase that opens another name ("X港区四期集装箱码头") is that name's."""
    out = []
    for m in found:
        phase = _rule("park_phase").match(sentence.text, m.end) if m.kind is Kind.ZONE else None
        if phase is not None and not any(o.start < phase.end() and m.end < o.end for o in found if o is not m):
            out.append(Mention(sentence.text[m.start:phase.end()], Kind.PROJECT, sentence, m.start, phase.end(), m.head))
    return out


def _built_parks(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """A park whose build the plan states ("推进X科技园建设", "依托X创新园建设") is that build's
    project as well as a zone; a park it only names ("依托X园区", "建成X园Y停车场": a work in
    it) stays a zone."""
    return [Mention(m.name, Kind.PROJECT, sentence, m.start, m.end, m.head) for m in found
            if m.kind is Kind.ZONE and m.name.endswith("园") and _rule("park_build").match(sentence.text, m.end)]


def _output_projects(sentence: Sentence, bends: dict[int, int], found: list[Mention],
                     accepted: list[tuple[int, int, Kind]], conj: frozenset[str]) -> list[Mention]:
    """Projects named by what they make or by their phase, without a facility head:
    "X年产300万只Y技改项目" (the firm X opens it when named), "年产5000万片Y项目",
    "X动力电池二期", "X正极材料项目一期"."""
    text = sentence.text
    out: list[Mention] = []
    spans = [(m.start, m.end) for m in found if m.kind is Kind.PROJECT]
    for m in _rule("output_project").finditer(text):
        if re.search(r"[，,；;。、：:|]", m.group()):
            continue
        start = m.start()
        firm = next((f for f in found if f.kind is Kind.COMPANY and f.end == start), None)
        if firm is not None:
            start = firm.start
        if any(a <= start < b or a < m.end() <= b for a, b in spans):
            continue
        out.append(Mention(text[start:m.end()], Kind.PROJECT, sentence, start, m.end(), "项目"))
        spans.append((start, m.end()))
    named = [(m.start, m.end) for m in found]
    for m in _rule("phase_project").finditer(text):
        ps, e = m.start(), m.end()
        if text[ps - 1:ps] == "(" and text[e:e + 1] == ")":
            ps, e = ps - 1, e + 1  # "X能源站（一期）": the brackets are the phase's
        if any(a < e and ps < b for a, b in spans) or any(a < ps <= b for a, b in named):
            continue  # (a phase after a name found by its head is that name's extension)
        begin = _start(text, ps, Kind.PROJECT, bends, accepted, conj)
        if begin is None:
            continue
        begin = _trim_leading(text, begin, ps, Kind.PROJECT)
        stem = text[begin:ps] if begin is not None else ""
        if begin is None or len(stem) < 4 or not distinct.is_distinctive(stem) or is_generic_stem(stem) \
                or re.search(r"[\d]", stem):
            continue
        out.append(Mention(text[begin:e], Kind.PROJECT, sentence, begin, e, m.group()))
        spans.append((begin, e))
    return out


def _event(text: str, start: int, e: int) -> bool:
    """"第五届X半导体产业博览会": the name is the theme of an event."""
    if re.match(r"第[一二三四五六七八九十\d]+届", text[start:e]):
        return True
    return _event_after().match(text, e, e + 8) is not None


@functools.cache
def _event_after() -> re.Pattern[str]:
    """An event's head word (data/names.yaml) within three characters after a name, all heads
    in one pattern compiled once (not one pattern looked up per head per candidate)."""
    return re.compile(rf"[\u4e00-\u9fff]{{0,3}}(?:{'|'.join(lexicon.words('names', 'event_heads'))})")


_SECTOR_AFTER_TAIL = re.compile(r"[\u4e00-\u9fff]{0,2}(?:产业(?!化)|行业|领域|基地|园|城|小镇|技术|装备|制造|企业|项目|等)")
_PROJECT_AFTER_TAIL = re.compile(r"[\u4e00-\u9fff]{0,2}(?:项目|等)")


def _weak_companies(sentence: Sentence, bends: dict[int, int], found: list[Mention]) -> list[Mention]:  # noqa: C901, PLR0915 — the checks a firm-tail candidate passes, in their order # long: each check reads the tokens and stem the ones before it computed
    """Firms named without a company marker: a proper stem + a sector tail (X微电子, X乳业) in a
    company context, or after a foreign prefix (日本X化成). They may open a project's name
    ("X乳业扩建项目"), so they stand beside it."""
    text = sentence.text
    cfg = lexicon.load("names")
    foreign = tuple(cfg["foreign_prefixes"])
    # a firm may open a park's name ("X住工装配式建筑产业园": the firm's park is a project)
    taken = [(m.start, m.end) for m in found if m.kind is not Kind.PROJECT
             and not (m.kind is Kind.ZONE and m.head in cfg["firm_park_heads"])]
    out: list[Mention] = []
    tails = lexicon.words("names", "company_weak_tails")
    for t, tail_re in _tail_patterns():
        if t not in text:
            continue  # (a substring test is far cheaper than a scan that finds nothing)
        for mt in tail_re.finditer(text):
            s0, e = mt.start(), mt.end()
            if any(a < e and s0 < b for a, b in taken):
                continue  # inside a name found already (X科技+有限公司): tested before its stem is read
            if _SECTOR_AFTER_TAIL.match(text, e, e + 5) and not _PROJECT_AFTER_TAIL.match(text, e, e + 4):
                continue  # a sector phrase: X新能源产业, X电子信息, X生物医药
            if _starts_longer_word(text, s0, e):
                continue  # the tail is the start of a longer word (电子+化学品)
            start = max(0, s0 - 10)
            for i in range(s0 - 1, start - 1, -1):
                if text[i] in PUNCT or (not text[i].isdigit() and not "\u4e00" <= text[i] <= "\u9fff"):
                    start = i + 1
                    break
            stem = _firm_stem(text[start:s0])
            start = s0 - len(stem)
            if not 2 <= len(stem) <= 8 or any(a < e and start < b for a, b in taken):
                continue
            name = text[start:e]
            is_foreign = stem.startswith(foreign) and len(stem) > 3
            toks = distinct.tokens(stem)
            brand = len(toks) == 2 and all(len(tk) == 1 for tk, _ in toks) \
                and toks[0][1] not in distinct.FUNCTION_TAGS  # 陇+达: two characters, a brand
            core = stem[len(next((f for f in foreign if stem.startswith(f)), "")):]
            common = [tk for tk, tg in distinct.tokens(core)
                      if len(tk) >= 2 and tg not in (None, "ns", "nr", "nrt", "nz", "nt", "j", "nrfg")]
            if _brand_and_business(core, common):
                common = []  # "X节能科技": a brand, then its business
            if any(text.endswith(tails, start + 2, p) for p in range(start, s0)):
                continue  # "X锂能正极材料项目": the firm ends at its own tail, a product follows
            if is_foreign and len(core) >= 2 and not any(
                    distinct.tag(tk) in ("a", "ad", "an", "b", "d", "f", "m", "n", "q", "r", "v", "vn")
                    for tk in common):
                common = []  # "台湾X精工": a regional prefix and a brand (not 韩国大型物流)
            if common and _rule("investing").match(text[e:]) and len(toks) >= 3 \
                    and all(len(tk) == 1 for tk, _ in toks[:2]):
                common = []  # "X禾牧场乳业扩建项目": a coined brand before a product word
            branch = any(m.kind is Kind.PROJECT and m.start == start and e < m.end
                         and m.name.endswith(tuple(cfg["firm_facility_heads"])) for m in found) \
                and distinct.is_distinctive(stem) and not common  # X华南研发中心, X疫苗产业化基地
            slot = len(stem) <= 4 and not is_generic_stem(stem) and not is_industry(stem) \
                and (_firm_slot(text, start, e) or branch)
            if not slot and (common or not (distinct.is_distinctive(stem) or brand)
                             or (len(toks) == 1 and toks[0][1] == "ns")):
                # only proper or unknown words make a firm's name: "海洋健康食品", "陆路物流"
                # are sector phrases
                continue  # a place + a sector ("威海电子") is no firm
            left, right = start, e
            while left > 0 and text[left - 1] not in CLAUSE_END:
                left -= 1
            while right < len(text) and text[right] not in CLAUSE_END:
                right += 1
            opens_park = any(m.kind is Kind.ZONE and m.start == start and m.end > e
                             and m.head in cfg["firm_park_heads"] for m in found) \
                and not is_industry(t)  # (X智能传感器产业园: a sector park)
            if not is_foreign and not opens_park and not slot \
                    and not any(c in text[left:right] for c in cfg["company_context"]):
                continue
            if not branch and any(m.kind is Kind.PROJECT and m.start <= start and e < m.end for m in found) \
                    and not re.match(r"[\d一二三四五六七八九十]|项目|扩建|技改|新建|年产|产线", text[e:]):
                continue  # "X汽车梦工场": the stem of a facility's name, not a firm named
            if _event(text, start, e) or any(o.name == name for o in out):
                continue
            if any(m.kind is Kind.ZONE and m.start < e <= m.end and m.start != start for m in found):
                continue  # inside a park's name, not at its start
            for i, m in enumerate(found):
                if m.kind is Kind.ZONE and m.start == start and m.end > e:
                    found[i] = dataclasses.replace(m, kind=Kind.PROJECT)
            out.append(Mention(name, Kind.COMPANY, sentence, start, e, t))
            taken.append((start, e))
    return out


_PHASE_FIRST = re.compile(r"^[一二三四五六七八九十]期")


def _zone_facilities(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """"启动鹭汀新城人民医院建设": a facility with a common name (人民医院, 第一中学) right after
    a zone's name is named after the zone: one project, the zone's name included (a zone of a
    proper name is named there as a zone as well). A phase opening the facility's name is the
    zone's phase ("X装备园三期标准厂房"): it makes the name no more its own."""
    zones = {m.end: m for m in found if m.kind is Kind.ZONE}
    if not zones:
        return found
    merged: dict[int, Mention] = {}
    for m in found:
        z = zones.get(m.start)
        if m.kind is Kind.PROJECT and z is not None and len(m.name) > len(m.head) \
                and not distinct.is_distinctive(_PHASE_FIRST.sub("", m.name[: len(m.name) - len(m.head)])):
            merged[id(m)] = dataclasses.replace(m, name=sentence.text[z.start:m.end], start=z.start)
            if not _opens_project(z, merged[id(m)]):
                merged[id(z)] = merged[id(m)]  # (a zone of a proper name stays a zone as well)
    if not merged:
        return found
    out = [merged.get(id(m), m) for m in found]
    return [m for k, m in enumerate(out) if m not in out[:k]]


def _firm_built_parks(text: str, found: list[Mention], firms: list[Mention]) -> list[Mention]:
    """"支持X食品集团建设Y产业园": a park a named firm builds is the firm's project, not a
    development zone (the firm, then a build verb, then the park)."""
    ends = {f.end for f in firms if f.kind is Kind.COMPANY} | {m.end for m in found if m.kind is Kind.COMPANY}
    if not ends:
        return found
    verbs = lexicon.words("names", "firm_build_verbs")
    return [dataclasses.replace(m, kind=Kind.PROJECT)
            if m.kind is Kind.ZONE and any(text[:m.start].endswith(v) and m.start - len(v) in ends for v in verbs)
            else m for m in found]


def _firm_openings(sentence: Sentence) -> list[Mention]:
    """A firm named only as the opening of its project's name: a brand, a firm tail and what
    it builds there ("X食品中央厨房产业园", "X医疗器械华东总部", "德国X精工减速机工厂") or makes
    ("X电机年产300万台…项目"). Both the firm and the project are named. A place and a sector
    ("某某食品产业园", "某某生物医药产业园") name no firm: the project part needs words of its
    own before the head, and the tail may not start a longer word."""
    text = sentence.text
    out: list[Mention] = []
    for mt in _tail_union().finditer(text):
        s0, e, t = mt.start(), mt.end(), mt.group()
        end = _project_after_firm(text, e)
        if end is None or _starts_longer_word(text, s0, e) \
                or is_industry_exact(t + distinct.tokens(text[e:end])[0][0]):
            continue  # (生物+医药产业园, 智能+传感器产业园: a sector, not a firm's tail)
        if any(tg in FUNCTION_TAGS for _, tg in distinct.tokens(text[e:end])):
            continue  # "X橡胶在区外…生产线": a clause, not the project's name
        if text.startswith(_organisation_heads(), e):
            continue  # "X食品集团建设Y产业园": the firm has a full name, and acts
        left = s0
        while left > 0 and s0 - left < 12 and "\u4e00" <= text[left - 1] <= "\u9fff":
            left -= 1
        stem = _firm_stem(text[left:s0])
        abroad = next((f for f in _foreign_prefixes() if stem.startswith(f) and len(stem) > len(f) + 1), "")
        if not _brand_stem(stem[len(abroad):]):
            continue
        start = s0 - len(stem)
        out.append(Mention(text[start:end], Kind.PROJECT, sentence, start, end, text[e:end]))
        out.append(Mention(text[start:e], Kind.COMPANY, sentence, start, e, t))
    return out


def place_stems(names: list[str]) -> frozenset[str]:
    """The places a document's zones and agencies are named after: "淇原" of 淇原新区,
    "枫坪" of 枫坪县发展和改革局 (a stem of 2–4 characters before a scope or a zone word)."""
    kinds = tuple(lexicon.words("names", "place_kind_openers"))
    return frozenset(n[:k] for n in names for k in (2, 3, 4)
                     if len(n) > k and (n[k] in "省市县区镇乡" or n[k:].startswith(kinds)))


def place_and_sector(firm: str, places: frozenset[str]) -> bool:
    """"淇原储能" in the plan of 淇原新区: the place's sector, no firm of its own."""
    tail = next((t for t, _ in _tail_patterns() if firm.endswith(t) and len(firm) > len(t)), None)
    return tail is not None and firm[: -len(tail)] in places


def firm_brand(firm: str, places: frozenset[str]) -> tuple[str, str | None] | None:
    """"楮城锐驰新能源" → ("楮城锐驰", "锐驰"): a firm named by its own words and a sector tail,
    its words before the tail and its brand (those words without the place or country it is
    named after, when they are a brand); None when no sector tail ends the name."""
    tail = next((t for t, _ in _tail_patterns() if firm.endswith(t) and len(firm) > len(t)), None)
    if tail is None:
        return None
    stem = firm[: -len(tail)]
    named_after = max((p for p in (*places, *_foreign_prefixes()) if stem.startswith(p) and len(stem) - len(p) >= 2),
                      key=len, default="")
    brand = stem[len(named_after):]
    return stem, brand if len(brand) <= 4 and _brand_stem(brand) else None


# Function words: no brand or product name has one ("翼的", "在区外")
FUNCTION_TAGS = ("p", "c", "u", "uj", "ul", "r", "d")


@functools.cache
def _organisation_heads() -> tuple[str, ...]:
    return tuple(_gen()["organisation_heads"])


@functools.cache
def _foreign_prefixes() -> tuple[str, ...]:
    return tuple(sorted(lexicon.words("names", "foreign_prefixes"), key=len, reverse=True))


@functools.cache
def _tail_union() -> re.Pattern:
    """Every firm tail in one pattern, the longest first at each position (医疗器械 before 医疗)."""
    return re.compile("|".join(re.escape(t) for t in sorted(lexicon.words("names", "company_weak_tails"),
                                                             key=len, reverse=True)))


@functools.cache
def _firm_project_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    cfg = lexicon.load("names")
    alt = lambda key: "|".join(sorted(map(re.escape, cfg[key]), key=len, reverse=True))  # noqa: E731
    phase = r"(?:[一二三四五六七八九]期|\([一二三四五六七八九]期\))?"  # "X项目二期", "X项目（二期）"
    # a product's Latin words keep their space ("X光电Micro LED显示模组项目")
    char = r"(?:[\u4e00-\u9fffA-Za-z0-9.]|(?<=[A-Za-z]) (?=[A-Za-z]))"
    return (re.compile(rf"(?:{alt('headquarters_regions')})?总部(?:基地)?"),
            re.compile(rf"(?:{alt('firm_project_openers')}){char}{{0,24}}?项目{phase}"),
            re.compile(rf"(?![园城]|产业){char}{{2,14}}?(?:{alt('firm_project_heads')})(?:项目)?{phase}"))


def _project_after_firm(text: str, e: int) -> int | None:
    """Where the project a firm's name opens ends ("华东总部", "年产…项目", "<product>基地")."""
    for pattern in _firm_project_patterns():
        m = pattern.match(text, e)
        if m:
            return m.end()
    return None


def _brand_stem(stem: str) -> bool:
    """A firm's own word before its tail: 2–5 characters, proper or unknown to the
    dictionary, no place or area word (临港, 西区), no common word (重点, 新建)."""
    if not 2 <= len(stem) <= 5 or is_generic_stem(stem) or is_industry(stem) \
            or stem[-1] in "区园城镇县市乡省村街":
        return False
    toks = distinct.tokens(stem)
    if len(toks) == 1 and toks[0][1] == "ns" or any(tg in FUNCTION_TAGS for _, tg in toks):
        return False
    common = [tk for tk, tg in toks if len(tk) >= 2 and tg not in (None, "ns", "nr", "nrt", "nz", "nt", "j", "nrfg")]
    return not common or _brand_and_business(stem, common)


def _listed_beside_firms(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """"支持A电子、B智能在区内…": an item listed with a firm that has a firm's shape (a brand
    and a firm tail) is a firm too, even when its brand alone would not tell."""
    text = sentence.text
    out: list[Mention] = []
    firms = [m for m in found if m.kind is Kind.COMPANY]
    if not firms or "、" not in text:
        return out
    pos = 0
    for item in text.split("、"):
        start, end = pos, pos + len(item)
        pos = end + 1
        if any(m.start < end and start < m.end for m in found):
            continue
        if not any(f.start == end + 1 or f.end == start - 1 for f in firms):
            continue  # (only right beside a firm of the same list)
        cand = _firm_stem(_CLAUSE_SPLIT.split(item)[-1])
        tail = next((t for t, _ in _tail_patterns() if cand.endswith(t)), None)
        if tail and 2 <= len(cand) - len(tail) <= 4 and _brand_stem(cand[: -len(tail)]):
            out.append(Mention(cand, Kind.COMPANY, sentence, end - len(cand), end, tail))
    return out


def _brand_and_business(core: str, common: list[str]) -> bool:
    """A firm's stem made of a brand and the business it names (X节能, X环保): the common
    words are business verbs ending the stem, after a distinctive part."""
    business = lexicon.load("names")["firm_business_verbs"]
    return bool(common) and all(tk in business for tk in common) and core.endswith(tuple(business)) \
        and distinct.is_distinctive(core[: -len(common[-1])])


@functools.cache
def _tail_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each firm tail with its compiled pattern, longest first (compiled once, not per sentence)."""
    return tuple((t, re.compile(re.escape(t))) for t in lexicon.words("names", "company_weak_tails"))


def _starts_longer_word(text: str, s0: int, e: int) -> bool:
    """Whether the firm tail at ``s0:e`` opens a longer word of the dictionary (电子+化学品);
    a tail before a mark opens none, and needs no cut."""
    return distinct.may_join(text, e) and len(distinct.tokens(text[s0:e + 3])[0][0]) > e - s0


@functools.lru_cache(maxsize=16384)
def _firm_stem(stem: str) -> str:
    """The firm's own words at the end of a stretch: after the last boundary word or verb
    (memoised: a stretch is read again for each firm tail and list item it holds)."""
    # the last end of a boundary word before the stem's last character
    best = max((e for e in vocabulary().boundary_ends.longest(stem) if e < len(stem)), default=0)
    stem = stem[best:]
    for w in ("与", "和", "及", "同", "集团", "公司"):  # "X集团与Y": Y's name starts after
        if w in stem[:-1]:
            stem = stem[stem.rindex(w, 0, len(stem) - 1) + len(w):]
    toks = distinct.tokens(stem)
    for i in range(len(toks) - 1, 0, -1):
        if toks[i][1] == "v" and len(toks[i][0]) >= 2 and not (
                i == len(toks) - 1 and toks[i][0] in lexicon.load("names")["firm_business_verbs"]):
            # "X扩大电子…": a verb ends the text before (not X节能+科技: the firm's business)
            stem = "".join(t for t, _ in toks[i + 1:])
            toks = distinct.tokens(stem)
            break
    k = 0
    while k < len(toks) - 1 and (toks[k][1] or "") in ("v", "p", "c", "d", "r", "u", "uj", "m", "f"):
        if len(toks) - k == 2 and len(toks[k][0]) == 1 and len(toks[k + 1][0]) == 1:
            break  # "蒙+源": two single characters are a coined brand, not a verb + a character
        if toks[k][1] == "m" and not re.fullmatch(r"[\d一二两三四五六七八九十百千万亿几]+", toks[k][0]) \
                and len(toks[k + 1][0]) == 1:
            break  # "佰+衡": a rare numeral character opening a brand, not a number
        k += 1
    return "".join(t for t, _ in toks[k:])


def _firm_slot(text: str, start: int, e: int) -> bool:
    """Positions only a firm fills, so a brand made of common words (雪原农机, 寒光碳素) is one:
    the subject of a build verb after 支持/鼓励/推动 ("支持X扩建…生产线、Y建设智能工厂"), an item of
    "以A、B为龙头", an item of "引进A、B等…项目", or the opener of "年产…项目"."""
    cfg = lexicon.load("names")
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_END:
        left -= 1
    before, after = text[left:start], text[e:e + 30]
    lead = any(w in before for w in cfg["firm_subject_cues"])
    if lead and re.match(r"(?:" + "|".join(cfg["firm_build_verbs"]) + ")", after):
        return True
    if after.startswith("年产") and re.search(r"(?:^|[\d.、]|建设|推动|推进|实施|引进|支持|鼓励)[\s|]*$", before):
        return True  # "X年产…项目" in a table cell, a list item or after a leading verb
    if re.match(r"[^，。；、]{0,12}?项目", after) and re.search(r"(?:建设|推动|推进|实施)$", before):
        return True
    if re.match(r"(?:[、和及与][^，。；]{2,12}?)*为(?:龙头|链主)", after):
        return True
    return bool(re.search(r"(?:引进|签约|落户)[^，。；]*$", before)
                and re.match(r"(?:[、和及与][^，。；]{2,12}?)*等[^，。；]{0,8}项目", after))


@functools.cache
def _department_stems() -> tuple[tuple[int, frozenset[str]], ...]:
    """The department stems and agency-centre stems of data/names.yaml by length, longest
    first (one set look-up per length, not a comparison per stem)."""
    stems = lexicon.words("names", "department_stems") + lexicon.words("names", "agency_center_stems")
    return tuple((n, frozenset(w for w in stems if len(w) == n)) for n in sorted({len(w) for w in stems}, reverse=True))


def _department_stem(text: str, s0: int) -> int:
    """Length of the department stem (data/names.yaml) that ends right before an agency head."""
    for n, stems in _department_stems():
        w = text[max(0, s0 - n):s0]
        if w in stems:
            joined = text[max(0, s0 - len(w) - 1):s0 - len(w)]
            if joined in "和与及":  # 科技创新和经济发展局: two functions of one department
                before = _department_stem(text, s0 - len(w) - 1)
                if before:
                    return len(w) + 1 + before
            return len(w)
    return 0


def _office_functions(text: str, s0: int) -> int:
    """Length of the run of section_office_functions (data/names.yaml) right before a 处: "监管协调处",
    "招商服务处" are verbs a boundary would cut, but they name the division."""
    words = lexicon.words("names", "section_office_functions")
    p = s0
    while True:
        w = next((w for w in words if text.startswith(w, p - len(w))), None)
        if w is None:
            return s0 - p
        p -= len(w)


def _group_start(text: str, s0: int, bends: dict[int, int]) -> int:
    """Where a 领导小组's own words start: "X小镇建设工作领导小组" is one name, so a verb of its
    remit (建设工作, 推进领导小组) does not cut it; punctuation, function words and other verbs
    ("健全X领导小组") do."""
    limit = max(0, s0 - MAX_NAME[Kind.AGENCY])
    p = s0
    while p > limit:
        if p in bends and (text[p - 1] in PUNCT or p - bends[p] == 1
                           or (p < s0 and not text.startswith("工作", p))
                           or distinct.tag(text[bends[p]:p]) is None):  # "情况报领导小组"
            break
        p -= 1
    # "县经济开发区建设发展领导小组": the scope and the zone the group is for open its name
    zones = "|".join(sorted(map(re.escape, lexicon.words("names", "zone_suffixes")), key=len, reverse=True))
    for q in (p, bends.get(p, p)):  # (the zone may precede the group's remit: X开发区+建设发展)
        m = re.search(rf"(?:^|(?<=[{re.escape(''.join(PUNCT))}]))[\u4e00-\u9fff]{{0,10}}?(?:{zones})$",
                      text[limit:q])
        if m and p < s0 and text[limit + m.start():q] not in _gen()["names"] \
                and m.group()[:1] in lexicon.words("names", "scope_prefixes"):
            return limit + m.start()
    return p


def _agency_center(text: str, start: int, s0: int, e: int, stem: str, head: str) -> bool:
    """A 中心 that is a government unit: an administrative stem (data/names.yaml) unless works
    on it follow ("X政务服务中心改造"), or a generic stem listed next to agencies
    ("营商环境办公室、政务服务中心"); never one the plan builds ("建设X中心")."""
    cfg = lexicon.load("names")
    if any(text[max(0, start - len(v)):start] == v for v in cfg["build_verbs"]) \
            or _rule("center_works_after").match(text, s0 + len(head)):
        return False  # "X政务服务中心改造", "推进X企业服务中心投入运营": the building
    full = stem + head[:-2]  # 项目+服务中心: the function is everything before 中心
    core = full[1:] if full[:1] in cfg["scope_prefixes"] else full
    admin = any(core.endswith(w) for w in cfg["agency_center_stems"] + cfg["department_stems"])
    if admin:
        return True  # "营商环境服务中心为项目配备专员": the office at work, not a building
    if distinct.is_distinctive(core):
        return False
    # listed with an agency: "X局、Y中心" or "Y中心、X局"
    agency_heads = [h for h, k in vocabulary().heads.items() if k is Kind.AGENCY]
    before = text[max(0, start - 12):start]
    after = text[e:e + 12]
    if re.search(rf"(?:{'|'.join(map(re.escape, agency_heads))})[、和及]?$", before):
        return True
    m = re.match(r"[、和及]([^、,，;；。|]{2,12})", after)
    return bool(m and any(m.group(1).strip().endswith(h) for h in agency_heads)
                and m.group(1).strip()[-1:] != "心")


def _duty_context(clause: str) -> bool:
    """A responsibility statement or a table row (cells split by |) names units in charge."""
    return "|" in clause or any(c in clause for c in lexicon.load("names")["responsibility_cues"])


def _clause(text: str, start: int, e: int) -> str:
    """The clause (between 。 and ；) around text[start:e]."""
    left = start
    while left > 0 and text[left - 1] not in "。;；":
        left -= 1
    right = e
    while right < len(text) and text[right] not in "。;；":
        right += 1
    return text[left:right]


def _balance(text: str, start: int, s0: int, e: int) -> int | None:
    """Never start a name inside or across a bracket: "局(科学技术局" starts after "(",
    "XX路(开发区" is the bracket's content, not a name ending at 开发区."""
    depth_open: list[int] = []
    for i in range(start, e):
        ch = text[i]
        if ch == "(":
            depth_open.append(i)
        elif ch == ")":
            if depth_open:
                depth_open.pop()
            else:
                start = i + 1  # a ")" closing something opened before the name
    if depth_open:
        start = depth_open[-1] + 1
    return start if start <= s0 else None


def _proper(text: str, start: int, e: int, kind: Kind, head: str, stem: str, name: str,
            coded: bool) -> bool:
    """Genre-level checks that tell a proper name from a category, a count or a slogan."""
    if "+" in name:
        return False  # "园区+开发公司": a formula, not a name
    if _rule("counted_category").search(text[max(0, start - 6):start]) or _rule("count_in_stem").search(stem):
        return False  # "41个滨水公园", "8大民生工程": a count of a category
    if distinct.is_category_head(head) and not coded and not distinct.is_distinctive(stem, kind is Kind.ZONE) \
            and not _rule("wing").match(stem) and not _area_scoped(stem) \
            and not (kind is Kind.PROJECT and distinct.is_own_zone_facility(stem)) \
            and not (kind is Kind.COMPANY and _platform(stem)):
        return False  # "研发中心", "平安园区", "道路工程", "企业集团"
    if kind is Kind.PROJECT and distinct.is_category_head(head) and not coded \
            and re.search(r"[和及与]", stem) and not distinct.is_distinctive(re.split(r"[和及与]", stem)[-1]):
        return False  # "创客空间和科技孵化器": two kinds of facility, neither named
    if kind in (Kind.ZONE, Kind.PROJECT) and _aspiration(text, start, e):
        return False
    if kind is Kind.PROJECT and _rule("count_after").match(text[e:]) and not distinct.is_distinctive(stem):
        return False  # "人才公寓1200套"
    if kind is Kind.PROJECT and _rule("ordinal_before_head").search(stem):
        return False  # "建成首条智能产线", "第二座变电站": which one of a kind, no name
    if kind is Kind.PROJECT and not coded and _praised_kind(text[:start], stem):
        return False  # "引进知名大学研究院等机构": a kind the plan wants more of, praised, not named
    return True


@functools.cache
def _quality_words() -> tuple[str, ...]:
    """The quality words, longest first (国内知名 before 知名): sorted once, not per candidate."""
    return tuple(sorted(_gen()["quality_words"], key=len, reverse=True))


def _praised_kind(before: str, stem: str) -> bool:
    """Is the stem common words after a quality word ("知名大学", "一流高校"), in it or before it?"""
    quality = _quality_words()
    word = next((q for q in quality if stem.startswith(q)), "")
    return (bool(word) or before.endswith(quality)) and not distinct.is_distinctive(stem[len(word):])


def _area_scoped(stem: str) -> bool:
    m = _rule("area_scope").match(stem)
    return m is not None and not is_generic_stem(m.group(1)) \
        and m.group(1) not in _gen()["names"] and m.group(1) not in ("城区", "市区", "社区", "景区", "辖区")


def _platform(stem: str) -> bool:
    """"区城投", "市交投": a scope and the abbreviation of a state-owned platform company."""
    core = stem[1:] if stem[:1] in lexicon.words("names", "scope_prefixes") else stem
    return core in _gen()["platform_company_stems"]


def _supported(text: str, start: int, e: int) -> bool:
    """"支持X研究院申报省级研发机构": the plan supports an institution in its own work."""
    g = _gen()
    return text[:start].endswith(tuple(g["supported_institution_cues"])) \
        and text[e:].startswith(tuple(g["institution_activities"]))


def _partner(text: str, start: int, e: int) -> bool:
    """True inside "与A、B及C合作/签约": the clause names partners."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_END:
        left -= 1
    right = e
    while right < len(text) and text[right] not in CLAUSE_END:
        right += 1
    return "与" in text[left:start] and any(w in text[e:right] for w in ("合作", "签约", "共建"))


def _aspiration(text: str, start: int, e: int) -> bool:
    """True when the name is a title the area becomes or aims at, not an entity."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_END:
        left -= 1
    before = text[left:start]
    if any(w in before for w in lexicon.load("names")["aspiration_words"]):
        return True
    if _rule("positioning_label").search(text[:left]):
        return True
    return bool(_rule("aspiration_after").match(text[e:e + 45]))


def _start(text: str, s0: int, kind: Kind, bends: dict[int, int],
           accepted: list[tuple[int, int, Kind]], conj: frozenset[str]) -> int | None:
    """Where the name ending with the head at ``s0`` starts, or None when it runs too long."""
    limit = max(0, s0 - MAX_NAME[kind])
    if kind is Kind.ZONE and any(a1 == s0 and akind is Kind.ZONE for _, a1, akind in accepted):
        return s0  # "X示范区核心区": a part of the zone just named, with no name of its own
    p = s0
    while p > limit:
        if p in bends:
            b0 = bends[p]
            hard = text[p - 1] in PUNCT
            if kind is Kind.COMPANY and not hard and b0 not in bends \
                    and text[b0:p] in lexicon.words("names", "firm_business_verbs"):
                p = b0  # "X建设投资有限公司": the firm's business is part of its name
                continue
            if kind is Kind.ZONE and p == s0 and b0 > 0 and b0 not in bends and text[b0 - 1].isalnum() \
                    and text[b0:p] in _generic_set("name_internal_verbs"):
                p = b0  # "X创新发展示范区": the development a zone shows is part of its name
                continue  # (not "（三）推进园区…": a verb opening the text acts on the zone)
            # a boundary word adjacent to an agency head is part of the name (建设局, 规划分局,
            # 推进办公室) unless it is a function word or a verb acting on the body (按照工委,
            # 提升街道)
            if hard or p < s0 or kind not in (Kind.AGENCY, Kind.COMPANY) \
                    or not _names_agency(text[b0:p], text[s0:]):
                return p
        # another complete name ends here: a zone inside a longer zone/project name splits
        for _a0, a1, akind in accepted:
            if a1 == p and p < s0:
                if text[p:p + 1] in conj:
                    return p + 1
                rest = s0 - p
                if akind is Kind.ZONE and kind in (Kind.ZONE, Kind.PROJECT) and rest >= 2 \
                        and text[p] != "(" and not _zones_park(text, p, s0, kind):
                    return p
                if akind is Kind.AGENCY and rest >= 2 and text[p] != "(" \
                        and not text[s0:].startswith(tuple(lexicon.words("names", "subunit_heads"))):
                    return p  # "招商服务局投资促进中心": two units; "X管委会督查室" is one
        if text[p - 1] in conj and p < s0:
            # A及B: split only when A is itself a complete name
            if any(a1 == p - 1 for _, a1, _ in accepted):
                return p
        p -= 1
    return 0 if limit == 0 else None


def _zones_park(text: str, p: int, s0: int, kind: Kind) -> bool:
    """"X经开区绿色食品产业园", "X芯谷设计园": a park named after the zone it lies in (the zone's
    kind word or a valley's 谷 right before it) keeps the zone's name in its own."""
    ends = tuple(lexicon.words("names", "own_zone_words")) + tuple(_gen()["word_final_heads"])
    return kind is Kind.ZONE and text.endswith(ends, 0, p) \
        and text.startswith(tuple(lexicon.words("names", "section_heads")), s0)


def _names_agency(word: str, rest: str) -> bool:
    """Whether a boundary word right before an agency head belongs to its name."""
    tg = distinct.tag(word)
    if tg is None:
        return False  # a phrase the boundary list composes ("情况报", "进展报"), no department word
    if tg in ("p", "c", "d", "ad", "r", "u", "uj", "m", "t", "f"):
        return False
    if tg == "v":
        return rest.startswith(("办", "小组", "领导小组"))  # 项目推进办, 推进办公室, 推进领导小组
    return True


@functools.cache
def _gen() -> dict:
    return lexicon.load("generic")


@functools.cache
def _generic_set(key: str) -> frozenset[str]:
    """A word list of data/generic.yaml as a set, built once (not per candidate name)."""
    return frozenset(_gen()[key])


def _single_pair(tokens: list[str], tags: dict, j: int, first: int) -> bool:
    """Token j is one character of a two-character word jieba lacks (智+造, 康+养, or a
    place name split as 松+岚): a neighbouring single character that is no function word."""
    if len(tokens[j]) != 1:
        return False
    function_tags = ("f", "p", "d", "c", "m", "q")
    before = j > first and len(tokens[j - 1]) == 1 and tags.get(tokens[j - 1]) not in function_tags
    after = j + 1 < len(tokens) and len(tokens[j + 1]) == 1 and tags.get(tokens[j + 1]) not in function_tags
    return before or after


def _trim_leading(text: str, start: int, s0: int, kind: Kind) -> int | None:  # noqa: C901 — one trim per kind of leading word, applied in order # long: the trims move one start, so their order matters
    """Drop scope words and leading verb/adverb/preposition tokens from a stem (jieba's
    dictionary tags, looked up only: no slow POS tagging)."""
    g = _gen()
    start = _after_numbers(text, _after_byline(text, start, s0), s0, kind)
    stem = text[start:s0]
    changed = stem[:1] in _leading_strip_openers()  # (most stems open with none: no loop)
    while changed:
        changed = False
        for w in g["leading_strip"]:
            if stem.startswith(w) and len(stem) > len(w):
                stem, start, changed = stem[len(w):], start + len(w), True
    if len(stem) < 2 or (kind is Kind.AGENCY and len(stem) <= 2):
        return start  # 服发办, 经发局: abbreviations are not words jieba knows
    if kind is Kind.AGENCY and len(stem) <= 4 and stem[0] in lexicon.words("names", "scope_prefixes") \
            and text[s0:s0 + 1] in "局办委":
        return start  # 区经发局, 县住建局: a scope and an abbreviation
    tags = distinct.segmenter()[1]
    bad = _generic_set("non_name_tags")
    tokens = [token for token, _ in distinct.tokens(stem)]
    k = 0
    keep = 1 if kind is Kind.AGENCY else 0
    while k < len(tokens) - keep and (tags.get(tokens[k]) in bad or (
            k + 1 < len(tokens) and tags.get(tokens[k]) == "vn" and tags.get(tokens[k + 1]) == "v")) \
            and not (len(tokens[k]) == 1 and tags.get(tokens[k]) == "v" and k + 1 < len(tokens)
                     and len(tokens[k + 1]) == 1):
        # (two single characters in a row are a name jieba does not know: 通光研究院)
        start += len(tokens[k])
        k += 1
    if kind in (Kind.ZONE, Kind.AGENCY):
        # "定期走访园区", "南拓展新城", "刘某同志兼任办公室", "办公室承担领导小组": a free
        # verb inside the stem ends the text before the name
        internal = _generic_set("name_internal_verbs")
        pos = start
        for j in range(k, len(tokens)):
            pos += len(tokens[j])
            cut = ("v",) if j == len(tokens) - 1 else ("v", "ad", "d", "p")  # 复华高新园
            if tags.get(tokens[j]) in cut and tokens[j] not in internal \
                    and not _single_pair(tokens, tags, j, k):
                start = pos
            elif kind is Kind.ZONE and j < len(tokens) - 1 and len(tokens[j]) >= 3 \
                    and tokens[j].endswith("化"):
                start = pos  # "产城一体化滨海新城", "国际化X新城": a quality, not the name
    if kind is Kind.ZONE and k < len(tokens) and tokens[k] in g["zone_leading_scope"] \
            and s0 - (start + len(tokens[k])) >= 2:
        start += len(tokens[k])  # "园区东区X加工区", "区X小镇": the scope is not the name
    area = _rule("area_scope").match(text, s0 - len(stem))
    if area and area.group(1)[0] in vocabulary().conjunctions:
        area = None  # "和开发区X厂": the area starts after the conjunction, which trimming dropped
    if kind is Kind.PROJECT and area and _area_scoped(area.group()) and start < area.end(1):
        start = area.start()  # "综保区X平台": the area's name is no verb to trim
    if kind is Kind.PROJECT:
        # "X大学共建Y研究院": the partner and the verb go, Y研究院 is what is built
        for v in g["partner_build_verbs"]:
            i = text.rfind(v, start, s0)
            if i > start and text[start:i].endswith(tuple(g["organisation_heads"])):
                start = i + len(v)
    if kind is Kind.COMPANY and _foreign_brand(text[start:s0]):
        return start  # "新加坡丰和集团": the 和 of a brand joins nothing
    # "片区开发运作和X产业园", "青岛路两侧和新城", "A聚集区和B中心": a conjunction starts a
    # new name after a verb, after a complete name, or when nothing but the head follows
    heads = vocabulary().heads
    pos = s0 - len(stem)
    for j, tok in enumerate(tokens):
        pos += len(tok)
        if pos <= start or tok not in ("和", "与", "及"):
            continue
        left = text[start:pos - 1]
        prev = tokens[j - 1] if j > 0 else ""
        if pos >= s0 or tags.get(prev) in ("v", "vn") or any(left.endswith(h) for h in heads) \
                or left.endswith(("区", "城", "院", "心", "会")):
            start = pos
    return start


def _foreign_brand(stem: str) -> bool:
    """"新加坡丰和", "日本东和": a country or region and the two- or three-character brand of a
    firm registered there. The brand's characters are whatever words jieba knows (丰 an
    adjective, 和 a conjunction): after a country they are a name, not a phrase to split."""
    abroad = next((f for f in _foreign_prefixes() if stem.startswith(f)), None)
    return abroad is not None and 2 <= len(stem) - len(abroad) <= 3 \
        and stem[len(abroad)] not in vocabulary().conjunctions


@functools.cache
def _leading_strip_openers() -> frozenset[str]:
    """The first characters of the scope words a stem may open with (data/generic.yaml
    leading_strip)."""
    return frozenset(w[0] for w in _gen()["leading_strip"])


@functools.cache
def _false_endings() -> tuple[str, ...]:
    return tuple(_gen()["false_endings"])


def _false_head(text: str, s0: int, e: int, head: str) -> bool:
    g = _gen()
    if text.endswith(_false_endings(), 0, e):
        return True
    follow = g["false_followers"].get(head)
    if follow and text[e:e + 1] in follow:
        return True
    if head.endswith("城") and text[e:e + 1] in g["city_word_followers"]:
        return True  # "X生态城市", "X新城镇": 城市/城镇, no city-zone
    if head in g["word_final_heads"] and "\u4e00" <= text[e:e + 1] <= "\u9fff":
        # "X谷科技": a brand goes on; "类似X谷的机构": an example of a kind of firm
        return text[e] == "的" or not boundary_at(text, e)
    return False


def _fused(stem: str, head: str) -> bool:
    """True when dictionary segmentation joins the stem's last character to the head."""
    if stem[-1:] in "市城区县镇中" and distinct.tag(stem[-1] + head) in ("n", "j", "s"):
        return True  # 市中心, 城中心, 中小学
    tail = stem[-3:] + head
    cut, pos = len(tail) - len(head), 0
    for tok, _ in distinct.tokens(tail):
        if pos < cut < pos + len(tok):
            return cut - pos == 1 and pos + len(tok) == len(tail) \
                and distinct.tag(tok) in ("n", "nz", "j", "s") and tok not in vocabulary().heads
        pos += len(tok)
    return False


def _whole_zone_word(text: str, start: int, head_start: int) -> int:
    """"由综保区管委会负责", "配合单位：综保区管理局": a name never starts inside a zone's kind
    word (综保区, 经开区 …) before its head, whatever the dictionary cut ("由综|保区", "综|保区管理")."""
    for w in lexicon.words("names", "own_zone_words"):
        i = text.find(w, max(0, start - len(w) + 1), head_start)
        if 0 <= i < start and i + len(w) <= head_start:
            return i
    return start


def _after_glued_unit_end(text: str, start: int, head_start: int) -> int:
    """"规划建设科开发区建设发展有限公司" in a table dump: a firm named after the plan's own zone
    starts at the zone's kind word when a unit's end is glued before it."""
    ends, own = lexicon.words("names", "glued_unit_ends"), lexicon.words("names", "own_zone_words")
    for i in range(start + 1, head_start):
        if text.startswith(own, i) and text[start:i].endswith(ends):
            return i
    return start


def _after_glued_unit(text: str, start: int, head_start: int) -> int:
    """Units a table dump glued together ("市经贸委市规划建设局", "…技术市科技局"): a name
    starts after the last unit that ends right before a scope word (市/区/县/省)."""
    units = tuple(lexicon.words("names", "glued_unit_ends"))
    for i in range(head_start - 1, start, -1):
        if text[i] in "市区县省" and text[start:i].endswith(units) and (i - start >= 3 or i - start <= 2
                                                                       and head_start - i >= 3):
            return i  # (a unit's last characters cut off by a word before it: "科|县水利局")
    # a verb or preposition in front of a government: "进展情况报区人民政府办公室"
    gov = re.compile(r"[省市区县](?:人民)?政府")
    for i in range(start + 1, head_start + 1):
        if gov.match(text, i) and text[i - 1] in "报经由向请送交及和与对":
            return i
    # a task's words run into the unit: "…先进生产技术市科技局" (技术 is no place: 嘉兴市 is)
    for i in range(start + 2, head_start):
        if text[i] in "市县" and i - start >= 4 and people.word_tag(text[i - 2:i]) not in (None, "ns", "nr", "nrt", "nt", "nz") \
                and people.word_tag(text[i - 1:i + 1]) is None:
            return i
    return start


def _agency_by_its_head(head: str, stem: str) -> bool | None:
    """The agency heads whose stem decides alone (a government, a customs district, the zone's
    own bodies); None for the others, which _valid's general rules read."""
    if head in _words("self_bodies") and stem in ("", "区", "市", "县"):
        return True  # 工委, 管委, 区工委: the zone's own committees, named by their head
    if stem in _words("own_zone_words") and head not in ("政府", "人民政府", "海关", "处"):
        return True  # 高新区党工委, 开发区管委会, 开发区财政局: the plan's own zone's bodies
    if head in ("政府", "人民政府"):
        # a government is named by its place (台州市, 黄埔区) or scope (区政府); 各X is a label,
        # and a date glued in front (2月18日区政府) is no part of the name
        return re.fullmatch(r"[\u4e00-\u9fff]{0,8}[省市区县镇乡旗]", stem) is not None and stem[0] not in "各年月日号"
    if head == "海关":
        # a customs district is named by its place (榆关海关); "新增海关高级认证企业" names none
        return bool(stem) and not any(len(tk) > 1 and (tag or "")[:1] in ("v", "d", "p") for tk, tag in distinct.tokens(stem))
    if re.fullmatch(r"[省市区县]政府", stem) and head in ("督查室", "办公室"):
        return True  # 市政府督查室: the government's own office
    if head == "办公厅":
        return stem.endswith(("政府", "人民政府", "党委", "委")) and stem[0] != "各"
    return None


@functools.lru_cache(maxsize=16384)
def _valid(kind: Kind, head: str, stem: str) -> bool:  # noqa: C901 — one sanity rule per kind of name, read top-down as a table
    """Kind-specific sanity: enough stem, not generic, not starting with a digit (memoised: a
    plan names the same things sentence after sentence, and the rules ask jieba's tags)."""
    settled = _agency_by_its_head(head, stem) if kind is Kind.AGENCY else None
    if settled is not None:
        return settled
    if not stem:
        # a long zone head is a name by itself (综合保税区B区 after the right extension)
        return kind is Kind.ZONE and len(head) >= 4
    if is_generic_stem(stem):
        return False
    if stem[0].isdigit() and kind is not Kind.PROJECT:
        return False
    if re.search(r"[一二三四五六七八九十两]+[大个城区园镇街]", stem + head) and kind is Kind.ZONE:
        return False  # "一城三园", "七大特色产业园": layouts and counts, not names
    if kind is Kind.ZONE and stem.endswith(tuple(lexicon.words("names", "level_words"))):
        return False  # "晋位国家级经开区": a class of zones, not one
    if kind is Kind.ZONE and stem.endswith(tuple(lexicon.words("names", "province_scopes"))) \
            and head in vocabulary().generic_names:
        return False  # "某某自治区综合保税区": the province's bonded zones
    if kind is Kind.ZONE and stem.endswith("市") and head in ("开发区", "园区"):
        return False  # "某某市开发区": the city's zones as a class (全市开发区), not one zone
    if kind is Kind.ZONE and len(stem) < (3 if head == "谷" else 2):
        return False  # (a valley needs a name: 某某眼谷, not 硅谷 as a word)
    if kind is Kind.PROJECT and len(head) >= 2 and _fused(stem, head):
        return False  # "城区中小学": the head is the end of a common word (中小学)
    if kind is Kind.AGENCY and head == "厅":
        return any(w in stem[:4] for w in lexicon.words("names", "provincial_scopes")) \
            and len(stem) >= 3  # 自治区商务厅, 省科技厅 — not 展厅, 餐厅
    if kind is Kind.AGENCY and head == "处":
        return stem.endswith(tuple(lexicon.words("names", "section_office_functions")))  # 园区管理处, not 好处
    if kind is Kind.AGENCY and head == "委":
        return stem.endswith(tuple(lexicon.words("names", "commission_stems")))  # 市发展改革委
    unit_types = lexicon.words("names", "unit_type_words")
    if kind is Kind.AGENCY and stem in unit_types:
        return False  # 乡镇办, 镇街: a type of unit
    if kind is Kind.AGENCY and stem[-1:] + head in unit_types and not distinct.is_distinctive(stem[:-1]):
        return False  # "服务于块上街镇的工作": 街镇 (a type of unit) after a common word, no town
    if kind is Kind.AGENCY and head == "乡" and distinct.tag(stem[-1:] + head) is not None:
        return False  # 水乡, 家乡, 新乡: a word (or a city) ending in 乡, no township
    if kind is Kind.AGENCY and head in ("镇", "乡", "街道", "办", "局", "办事处") and len(stem) < 2:
        return False  # 快办, 查办: a verb, not an office
    if kind is Kind.AGENCY and distinct.tag(stem[-1] + head) in ("v", "vn"):
        return False  # 督办, 承办, 举办
    if kind is Kind.AGENCY and head in ("镇", "乡", "街道", "办事处") and not (
            distinct.is_distinctive(stem) or len(stem) >= 2 and distinct.tag(stem) is None):
        return False  # 提升街道, 区级和N条街道: a street of no name
    if kind is Kind.PROJECT and len(stem) < 2:
        return False
    if kind is Kind.COMPANY and len(stem) < 2:
        return False
    return True


def _brand_prefixed(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """A firm named only as the owner of a platform or practice others are told to use or
    copy: "用好X农村电商平台", "推广X“Y式”党建经验". The firm is the brand-shaped token right
    after the verb: a word the dictionary tags as a proper name (nz/nt/nrt), or a run of
    2–4 characters unknown to it as a word; a common word ("推广先进经验") names no firm."""
    text = sentence.text
    out: list[Mention] = []
    for m in _rule("brand_use").finditer(text):
        stretch, s0 = m.group(1), m.start(1)
        toks = distinct.tokens(stretch)
        quoted = text[m.end(1):m.end(1) + 1] == "“"
        name = None
        if toks and len(toks[0][0]) >= 2 and toks[0][1] in _words("brand_tags"):
            name = toks[0][0]
            rest = stretch[len(name):]
            if quoted and 1 <= len(rest) <= 2 and len(stretch) <= 6:
                name = stretch  # the brand runs on to the quote: "博世"+"XY"“Z式”
        else:
            run = ""
            for tk, _ in toks:
                if len(tk) != 1:
                    break
                run += tk
            if 2 <= len(run) <= 4 and (len(run) < len(stretch) or m.end() - m.end(1) > 2):
                # a product word follows the run ("X农村电商平台", "X“Y式”经验")
                name = run
        if not name or is_generic_stem(name) or is_industry(name) \
                or not distinct.is_distinctive(name):
            continue
        if any(f.start <= s0 < f.end and not (f.kind is Kind.PROJECT and f.start == s0) for f in found):
            continue  # (a platform's name the firm opens stands beside it: X农村电商平台)
        out.append(Mention(name, Kind.COMPANY, sentence, s0, s0 + len(name), ""))
    return out


def _quantified_works(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """Works named by a place and its size: "推进X11800亩市政基础设施", "加快X4900亩片区开发"
    (the quantity stays inside the name), and "推进X岛综合开发" / "X片区综合开发"."""
    text = sentence.text
    out: list[Mention] = []
    for m in _rule("quantified_works").finditer(text):
        name = m.group(1)
        opening = re.match(r"[\u4e00-\u9fff]+?(?=\d|岛|片区)", name)
        if opening is None:
            continue  # (the pattern starts with the place: cannot happen)
        place = opening.group()
        if is_generic_stem(place) or not distinct.is_distinctive(place) \
                or re.match(r"[各全本该此新老一二三四五六七八九十]", place):
            continue
        s0 = m.start(1)
        if any(f.start <= s0 and s0 + len(name) <= f.end and f.kind is Kind.PROJECT for f in found):
            continue
        out.append(Mention(name, Kind.PROJECT, sentence, s0, s0 + len(name), name[-4:]))
    return out


def bare_zone_abbreviations(sentences: list[Sentence]) -> set[str]:
    """Kind abbreviations of data/abbreviations.tsv ("经开区", "高新区") written on their own,
    outside any zone name: "今年经开区工作的总体要求" speaks of the plan's own zone."""
    forms = {row[0] for row in lexicon.tsv("abbreviations")
             if row[1].endswith(tuple(lexicon.words("names", "zone_suffixes")))
             and not row[1].endswith(row[0])}  # (开发区 is the kind word itself, not a short form)
    out: set[str] = set()
    for s in sentences:
        for form in forms - out:
            at = s.text.find(form)
            if at < 0:
                continue
            spans = [(m.start, m.end) for m in find(s) if m.kind in (Kind.ZONE, Kind.AGENCY)]
            while at >= 0:
                if not any(a <= at and at + len(form) <= b for a, b in spans) \
                        and not _names_before(s.text, at):
                    out.add(form)
                    break
                at = s.text.find(form, at + 1)
    return out


def _names_before(text: str, at: int) -> bool:
    """Whether the characters right before ``at`` are a place's name run into the form
    ("某某经开区" found by no rule): a distinctive stem, not a scope word or a verb."""
    before = text[max(0, at - 4):at]
    run = ""
    for ch in reversed(before):
        if not "\u4e00" <= ch <= "\u9fff":
            break
        run = ch + run
    if len(run) < 2:
        return False
    toks = distinct.tokens(run)
    last = toks[-1]
    if len(last[0]) >= 2:
        return last[1] in ("ns", "nr", "nz", "nt", None) and last[0] not in _gen()["generic_modifiers"]
    return distinct.is_distinctive(run[-2:])  # "澜+州": a place jieba does not know


_LAST_ASCII_DIGIT = re.compile(r"[0-9](?!.*[0-9])", re.S)
"""The last ASCII digit of a span (str.isdigit also takes other scripts' digits: not these)."""


def _after_numbers(text: str, start: int, s0: int, kind: Kind) -> int:
    """Where a name may start after a number run into the text before it: a row number
    ("X港区4城镇": no town's name) before an agency, a date ("建议2024年经开区", "1月22日片区",
    "力争9月实现X产线投产") before a zone or a project."""
    cut = None
    if kind is Kind.AGENCY:
        cut = next((m.end() for m in _LAST_ASCII_DIGIT.finditer(text, start, s0)), None)
    elif kind in (Kind.ZONE, Kind.PROJECT):
        cut = max((m.end() for m in _rule("date_before_zone").finditer(text, start, s0)), default=None)
    if cut is None:
        return start
    while cut < s0 and not "\u4e00" <= text[cut] <= "\u9fff":
        cut += 1
    return cut


def _after_byline(text: str, start: int, s0: int) -> int:
    """Where a name may start once a report's dateline and byline before it are skipped:
    "本报讯记者王明澜州经开区…" → the zone starts at 澜州."""
    end = start
    for m in _rule("dateline").finditer(text, start, s0):
        end = m.end()
    pos = end if end > start else start
    while True:
        role = _rule("byline_role").match(text, pos, s0)
        if not role or role.end() == pos:
            break
        rest = text[role.end():s0]
        sizes = [n for n in (3, 2) if people.is_person(rest[:n])]
        # the name ends where punctuation or the next role starts, else where enough is left
        # for the name after it ("记者王明澜州经开区": 王明, since 州 alone names nothing)
        size = next((n for n in sizes if rest[n:n + 1] in " )）" or _rule("byline_role").match(rest, n)), None) \
            or next((n for n in sizes if len(rest) - n >= 2), None)
        if size is None:
            break
        pos = role.end() + size
        while pos < s0 and text[pos] in " )）":
            pos += 1
        end = pos
    return max(start, end)

