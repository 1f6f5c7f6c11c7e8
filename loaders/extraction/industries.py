"""Industries: enumerated clusters ("三大传统制造业和四大高新技术产业") and sector words of
the genre (data/industries.yaml) where the plan sets them as a focus."""
from __future__ import annotations

import functools
import re

from zonekg.loaders.extraction import distinct, lexicon, lists, names
from zonekg.loaders.extraction.numerals import to_decimal
from zonekg.loaders.extraction.sectors import is_industry, is_industry_exact, sectors
from zonekg.loaders.extraction.text import Sentence
from zonekg.loaders.extraction.wordscan import holds_any

CLAUSE = re.compile(r"[,，;；:：。!?！？]")


def find(sentence: Sentence) -> list[str]:
    """Industry names of one sentence: listed, paired, measured, heading a task, leading a
    cluster, positioned as a base, and sector words in a focus clause."""
    text = sentence.text
    out = _labelled(text) + _listed(sentence) + _pairs(text) + _measured(text) + _headline(text) + _led(text) \
        + _positioned_bases(text) + _measured_each(text)
    out.extend(_sector_words(sentence, list(out)))
    return list(dict.fromkeys(out))  # unique, in order of appearance


def _labelled(text: str) -> list[str]:
    """"主导产业：A、B" on a line of a park's profile: every item is an industry (the label
    vouches, "软件和信息服务" and "X汽车及零部件" whole), unless it names firms ("X企业")."""
    m = _label_re().match(text)
    if m is None:
        return []
    org = tuple(lexicon.load("industries")["organisation_nouns"])
    items = [i.strip("“”\"' 。") for i in re.split(r"[、,，;；]", m.group(1))]
    return [i for i in items if 2 <= len(i) <= 12 and not i.endswith(org)]


@functools.cache
def _label_re() -> re.Pattern:
    return re.compile(rf"^\s*(?:{'|'.join(lexicon.words('industries', 'label_cues'))})\s*[:：](.+)$")


def _listed(sentence: Sentence) -> list[str]:
    """The items of 、-lists that name industries: by a head ("等主导产业"), a count cue
    ("三大主导产业：A、B、C"), a focus verb ("重点发展A、B和C") or a list of fields."""
    sector_names = sectors().names
    out: list[str] = []
    org = tuple(lexicon.load("industries")["organisation_nouns"])
    for e in lists.find(sentence):
        kind = lists.head_kind(e.head)
        items = [i.strip("“”\"' ") for i in e.items]
        if items:  # "在X科学城前瞻布局A、B": the first item starts after a place and a verb
            items[0] = lists.trim_item(lists.after_names(items[0]), first=True)
        count = e.count
        if not e.head:
            # the cue may close the clause before: "四大主导产业：A、B", "三个未来产业（A、B、C）"
            at = sentence.text.find(e.clause)
            cue = _leading_cue(sentence.text[:at] + e.clause if at >= 0 else e.clause, items[0])
            if cue is not None:
                kind, count = "industry", cue
            elif _after_focus_verb(e.clause, items[0]) and len(items) >= 3 \
                    and all(map(is_industry, items[:-1] + [_closing_cut(items[-1])])):
                # "重点发展A、B和C", "加快打造A、B及C新高地": the verb sets the focus
                items[-1] = _closing_cut(items[-1])
                kind, count = "industry", len(items)
        elif kind is None and count and (_direction(e.head) or _cue_opens(e.head)):
            kind = "industry"  # "围绕A、B和C三个(主攻)方向", "A、B两类业务进出口额…"
        elif kind is None and e.head.startswith("为") and _direction(e.head[1:]):
            kind = "industry"  # "以A、B和C为主攻方向": sector-like items only (no count vouches)
        elif kind is None and _field(e.head, e.clause, items[0]):
            kind, count = "industry", None  # "A、B等重点领域": its sector-like items
        if kind == "industry" or (kind is None and sum(i in sector_names for i in items) * 2 >= len(items)):
            if count and len(items) > count:
                items = items[-count:]
            whole = count is not None and len(items) == count  # the count vouches for every item
            out.extend(i for i in items if 2 <= len(i) <= 12 and not i.endswith(org)
                       and (whole or is_industry(i)) and not _announces(i))
    return out


@functools.cache
def _headline_re() -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, lexicon.load("industries")["heading_verbs"]), key=len, reverse=True))
    return re.compile(rf"(?:{verbs}|[一二三四五六七八九十]是)([\u4e00-\u9fff]{{2,8}}?)"
                      r"(?:新兴|主导|支柱|特色|未来)?产业")


_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[\d一二三四五六七八九十]+[.、．])\s*")
# A run-in heading that is only its industry: "1、生物医药产业。", "（二）数字经济产业："
_BARE_HEADING = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:新兴|主导|支柱|特色|未来)?产业")


def _headline(text: str) -> list[str]:
    """A task heading that names its industry: "1.做大X产业。", "（二）培育X新兴产业",
    "四是X产业。" — a focus verb (or 一是/二是…) opens the clause and 产业 closes it; or a
    numbered run-in heading that is nothing but a sector's 产业 ("1、生物医药产业。依托…"), where
    the numbering sets the focus the verb would."""
    generic = tuple(lexicon.load("industries")["generic_modifiers"])
    org = tuple(lexicon.load("industries")["organisation_nouns"])
    out = []
    run_in = _NUMBERING.match(text) is not None and re.match(r"[^,，;；:：。!?！？]*(?:[。:：]|$)", text)
    for k, clause in enumerate(CLAUSE.split(text)):
        if "产业" not in clause:
            continue  # (the heading ends with 产业)
        clause = _NUMBERING.sub("", clause).strip()
        m = _headline_re().fullmatch(clause)
        if m is None and k == 0 and run_in:
            m = _BARE_HEADING.fullmatch(clause)
            m = m if m and is_industry(m.group(1)) else None
        x = _unqualified(m.group(1)) if m else None
        if x and x not in generic and not x.endswith(generic) \
                and not re.search("[和及与]", x) and not any(o in x for o in org):
            out.append(x)
    return out


def _unqualified(x: str) -> str | None:
    """X of "X核心产业" without its qualifier: a statistical class of a sector names that sector
    ("数字经济核心" → 数字经济) and nothing when what is left is no known sector ("数字核心",
    "新区数字经济核心"); an X without a qualifier is itself."""
    tail = next((q for q in lexicon.load("industries")["sector_qualifiers"] if x.endswith(q)), None)
    if tail is None:
        return x
    return x[:-len(tail)] if is_industry_exact(x[:-len(tail)]) else None


def inside_longer(found: list[str], texts: list[str]) -> set[str]:
    """Industries of a document that occur only inside a longer one it also names: "装备制造"
    when every focus mention reads "寒地装备制造" is part of that cluster, not its own item
    (the per-sentence check of find(), at document scope)."""
    focus = sectors().focus_verbs
    out = set()
    for x in found:
        longer = [y for y in found if y != x and x in y]
        if not longer:
            continue
        free = False
        for text in texts:
            for clause in CLAUSE.split(text):
                if x not in clause or not holds_any(clause, focus):
                    continue
                covered: set[int] = set()
                for y in longer:
                    for m in re.finditer(re.escape(y), clause):
                        covered.update(range(m.start(), m.end()))
                if any(not set(range(m.start(), m.end())) <= covered
                       for m in re.finditer(re.escape(x), clause)):
                    free = True
        if not free:
            out.add(x)
    return out


COUNT_WORD = r"(?:[一二两三四五六七八九十]|\d+)\s*(?:大|个|项|类|条)"


@functools.cache
def _cue_heads() -> str:
    heads = lexicon.load("industries")["count_cue_heads"]
    return "|".join(sorted(map(re.escape, heads), key=len, reverse=True))


def _direction(head: str) -> bool:
    # the head may keep its count and the verb after it: "三条细分赛道延链补链"
    return bool(re.fullmatch(rf"[\u4e00-\u9fff]{{0,4}}(?:{_cue_heads()})", head)
                or re.match(rf"{COUNT_WORD}[\u4e00-\u9fff]{{0,4}}?(?:{_cue_heads()})", head))


def _cue_opens(head: str) -> bool:
    """"A、B两类业务进出口额占比…": after the count, the list's head opens with a cue word
    (not one opening a place: "两个产业园区" lists parks)."""
    cfg = lexicon.load("industries")
    cue = next((c for c in sorted(cfg["count_cue_heads"], key=len, reverse=True) if head.startswith(c)), None)
    return cue is not None and not head[len(cue):].startswith(tuple(cfg["name_tails"]))


def _leading_cue(clause: str, first: str) -> int | None:
    """"三大主导产业即A、B、C", "两大新兴产业包括A和B": a count and an industry head announce
    the list that follows; the count it states."""
    i = clause.find(first)
    m = re.search(rf"({COUNT_WORD})[\u4e00-\u9fff]{{0,4}}(?:{_cue_heads()})(?:即|包括|为|是|:|：|\(|（)$",
                  clause[:i])
    if not m:
        return None
    numeral = re.match(r"[一二两三四五六七八九十]|\d+", m.group(1))  # COUNT_WORD starts with one
    n = to_decimal(numeral.group()) if numeral else None
    return int(n) if n else None


def _extended(clause: str, pos: int, w: str) -> str:
    """A sector word continued by its parts: "X汽车及零部件", "新能源电池材料" (a product of up
    to four characters and a component noun before the item ends) is the longer sector."""
    m = _component_re().match(clause, pos + len(w))
    return w + m.group() if m else w


@functools.cache
def _component_re() -> re.Pattern:
    nouns = "|".join(map(re.escape, lexicon.load("industries")["component_nouns"]))
    # (the product before a component noun joins no second sector: "汽车零部件和智能装备")
    return re.compile(rf"(?:(?:及|和|与)(?:{nouns})|(?:(?![和及与])[\u4e00-\u9fff]){{0,4}}?(?:{nouns}))"
                      r"(?=产业|集群|等|、|和|及|$)")


def _announces(item: str) -> bool:
    """"新区坚持做强四大主导产业": a span holding a count cue is the sentence announcing the
    list, never an item of it."""
    return bool(re.search(rf"{COUNT_WORD}[\u4e00-\u9fff]{{0,4}}(?:{_cue_heads()})", item))


def _pairs(text: str) -> list[str]:
    """Two industries joined by 和 without a 、 list: "两大新兴产业即A和B", "培育A和B两个新增长点"."""
    out: list[str] = []
    heads = _cue_heads()
    for clause in CLAUSE.split(text):
        if "和" not in clause and "及" not in clause and "与" not in clause:
            continue  # (both forms join the two with 和, 及 or 与)
        m = re.search(rf"(?:两|二|2)\s*(?:大|个|项|类)[\u4e00-\u9fff]{{0,4}}(?:{heads})(?:即|包括|为|是)"
                      r"([\u4e00-\u9fff]{2,12})(?:和|及|与)([\u4e00-\u9fff]{2,12})$", clause)
        if not m:
            m = re.search(r"([\u4e00-\u9fff]{2,16})(?:和|及|与)([\u4e00-\u9fff]{2,12})"
                          rf"(?:两|二|2)\s*(?:大|个|项|类)[\u4e00-\u9fff]{{0,4}}(?:{heads})", clause)
            if not m:
                continue
            first = lists.trim_item(m.group(1), first=True)
        else:
            first = m.group(1)
        out.extend(i for i in (first, m.group(2)) if 2 <= len(i) <= 12 and "、" not in i)
    return out + _focus_pairs(text)


@functools.cache
def _focus_pair_re() -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, lexicon.load("industries")["list_focus_verbs"]), key=len, reverse=True))
    return re.compile(rf"(?:{verbs})([\u4e00-\u9fff]{{2,8}}?)(?:和|及|与)([\u4e00-\u9fff]{{2,8}})$")


def _focus_pairs(text: str) -> list[str]:
    """"X片区主攻A和B", "瞄准A和B": two sectors joined by 和 that end a clause right after a
    focus verb. Both look like sectors, or one is a known sector and the other a short
    word naming no organisation ("海洋生物和新材料"); "主攻项目建设和招商引资" names none."""
    org = tuple(lexicon.load("industries")["organisation_nouns"])
    out: list[str] = []
    for clause in CLAUSE.split(text):
        m = _focus_pair_re().search(clause)
        if m is None:
            continue
        pair = m.groups()
        if any(i.endswith(org) or i.endswith(("产业", "集群")) or _announces(i) for i in pair):
            continue  # ("做强A及B产业": _measured reads the sectors of "X产业")
        if all(map(is_industry, pair)) or any(map(is_industry_exact, pair)) and all(len(i) <= 6 for i in pair):
            # "软件和信息服务业", "批发和零售业": a 业 closing the pair makes it one sector
            one = pair[1].endswith("业") and not pair[1].endswith("行业")
            out.extend([clause[m.start(1):m.end(2) - 1]] if one else pair)
    return out


def _after_focus_verb(clause: str, first: str) -> bool:
    """True when the list follows a focus verb directly ("重点发展A、B和C")."""
    before = clause[: clause.find(first)]
    return bool(before) and before.endswith(tuple(lexicon.load("industries")["list_focus_verbs"]))


def _led(text: str) -> list[str]:
    """An industry named as the leader of the plan's clusters: "形成以X为龙头的N个以上的产业集群"
    (X is the lead industry, written as is) and "以X产业为引领" (a sector ending in 产业 sets the
    direction; "以规划为引领" names none). Firms as 龙头 ("以A集团为龙头") are no industry."""
    out: list[str] = []
    if "为龙头的" not in text and "产业为引领" not in text:
        return out  # (the words both patterns need: most sentences have neither)
    cfg = lexicon.load("industries")
    generic = tuple(cfg["generic_modifiers"])
    org = tuple(cfg["organisation_nouns"])
    firms = tuple(lexicon.words("names", "company_markers"))
    for clause in CLAUSE.split(text):
        for m in re.finditer(r"以([\u4e00-\u9fff]{2,10}?)为龙头的[^，,；;。]{0,12}?(?:产业集群|产业体系)", clause):
            x = m.group(1)
            if "、" in x or x.endswith(org + firms) or x in generic or not is_industry(x):
                continue
            out.append(x)
        for m in re.finditer(r"以([\u4e00-\u9fff]{2,10}?)产业为引领", clause):
            x = m.group(1)
            if x in generic or x.endswith(tuple(g for g in generic if len(g) > 1)) \
                    or any(o in x for o in org):
                continue  # ("创新" ends with 新 but is no generic 新产业)
            out.append(x + "产业")
    return out


def _positioned_bases(text: str) -> list[str]:
    """"按照A城“X产业基地”、B城“Y基地”的功能定位": a quoted base that a plan sets as a
    district's positioning names the sector X产业 (not every 基地 is an industry: only
    "X产业基地", quoted, in a sentence stating a 定位)."""
    if "定位" not in text:
        return []
    generic = tuple(lexicon.load("industries")["generic_modifiers"])
    out = []
    for m in re.finditer(r"“([\u4e00-\u9fff]{2,8}?)产业基地”", text):
        x = m.group(1)
        if x in generic or x.endswith(tuple(g for g in generic if len(g) > 1)):
            continue
        out.append(x + "产业")
    return out


def _closing_cut(item: str) -> str:
    """"汽车智能化新高地" → "汽车智能化": the noun closing a list of sectors is no part of its
    last item."""
    for noun in sorted(lexicon.load("industries")["list_closing_nouns"], key=len, reverse=True):
        if item.endswith(noun) and len(item) - len(noun) >= 2:
            return item[: -len(noun)]
    return item


def _field(head: str, clause: str, first: str) -> bool:
    """"A、B、C等重点领域(专项子基金)", "聚焦A、B等领域": a list of fields whose sector-like
    items are industries; a bare 领域 only after a focus verb (not "教育、医疗等领域")."""
    cfg = lexicon.load("industries")
    if any(head.startswith(h) for h in cfg["field_heads"]):
        return True
    before = clause[: clause.find(first)]
    return head.startswith(cfg["bare_field_head"]) and any(v in before for v in cfg["focus_verbs"])


@functools.cache
def _measured_patterns() -> tuple[re.Pattern, ...]:
    cfg = lexicon.load("industries")

    def alt(key: str) -> str:
        return "|".join(sorted(map(re.escape, cfg[key]), key=len, reverse=True))

    x = r"([^、,，;；:：。()（）]{2,16}?)"
    return (
        # "X产业实现总产出N亿元", "推动X产业加速壮大"
        re.compile(rf"{x}产业(?:实现|完成|达到|的)?(?:{alt('output_words')}|{alt('growth_words')})"),
        # "实现X经济经济规模总量达到…"
        re.compile(r"([^、,，;；:：。()（）]{2,16}?经济)经济规模"),
        # "促进X发展行动方案"
        re.compile(rf"(?:促进|推动|加快|支持){x}(?:产业)?(?:高质量)?发展(?:{alt('programme_words')})"),
        # "聚焦X产业", "打造X产业集群", "聚焦A和B产业"
        re.compile(rf"(?:{alt('sector_focus_verbs')})([^、,，;；:：。()（）“”\"]{{2,16}}?)(?:新兴|主导|支柱|特色|未来)?产业(?:集群)?(?![园化链基区城])"),
    )


# The shortest sector each pattern of _measured_patterns() reads: after a plain focus verb a
# two- or three-character sector (文化产业, 汽车产业) is a broad field, not a focus.
MEASURED_MIN = (2, 2, 2, 4)
# Words each pattern of _measured_patterns() cannot match without: a sentence without them is
# not scanned (the patterns open with a lazy run of any characters, slow to fail).
MEASURED_NEEDS = ("产业", "经济规模", "发展", "产业")


# 等 closing a list (not 高等, 中等, 同等 … inside a word)
_LIST_END = re.compile(r"(?<![高中同平对均初上])等")


def _measured(text: str) -> list[str]:
    """Sectors the plan measures or grows by name: "X产业实现总产出N亿元", "推动X产业加速
    壮大", "X经济规模达到…", "促进X发展行动方案". "A及B产业" names two sectors."""
    cfg = lexicon.load("industries")
    generic = tuple(cfg["generic_modifiers"])
    org = tuple(cfg["organisation_nouns"])
    out = []
    verbs = tuple(sorted(cfg["sector_focus_verbs"] + ["发展"], key=len, reverse=True))
    for pattern, shortest, needed in zip(_measured_patterns(), MEASURED_MIN, MEASURED_NEEDS):
        if needed not in text:
            continue
        for m in pattern.finditer(text):
            if _LIST_END.search(m.group(1)):
                continue  # "A、B等主导产业提质增效": the items of a list, read by the list
            subject = _measured_subject(_after_verbs(m.group(1)))
            while subject.startswith(verbs):  # "培育发展X产业"
                subject = subject[len(next(v for v in verbs if subject.startswith(v))):]
            for part in _sector_parts(subject):
                sector = _unqualified(_balanced(part))
                if sector and shortest <= len(sector) <= 12 and is_industry(sector) and sector not in generic \
                        and sector not in cfg["non_sector_economies"] and not any(o in sector for o in org):
                    out.append(sector)
    return out


@functools.cache
def _measured_each_re() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, lexicon.load("industries")["output_words"]), key=len, reverse=True))
    return re.compile(rf"((?:[\u4e00-\u9fff]{{2,12}}、)+[\u4e00-\u9fff]{{2,8}}?)(?:{words})分别")


def _measured_each(text: str) -> list[str]:
    """"A、B业务量分别增长30%、20%": sectors the plan measures one by one. Every item must look
    like a sector ("工业、服务业增加值分别…" names no two sectors, 工业 being none)."""
    org = tuple(lexicon.load("industries")["organisation_nouns"])
    out: list[str] = []
    for m in _measured_each_re().finditer(text):
        items = m.group(1).split("、")
        items[0] = lists.trim_item(lists.after_names(items[0]), first=True)
        if all(2 <= len(i) <= 8 and is_industry(i) and not i.endswith(org) for i in items):
            out.extend(items)
    return out


# The count of a plan's sectors before 产业 ("A、B两大主导产业"): no part of the last one's name
_COUNTED = re.compile(r"[两二三四五六七八九十\d]+大(?:主导|支柱|新兴|特色|优势|重点)?$")


@functools.cache
def _measure_openers_re() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, lexicon.load("industries")["measure_openers"]), key=len, reverse=True))
    return re.compile(rf"^.*(?:{words})(?=..)")


def _measured_subject(phrase: str) -> str:
    """The sector a measured phrase names: after the words that end its subject, time or aim
    ("园区实现文化" → 文化, "力争全年文化" → 文化; the tagger reads 力争 as a noun), without the
    count of a list before it ("光电子两大主导" → 光电子)."""
    return _COUNTED.sub("", _measure_openers_re().sub("", phrase))


def _after_verbs(phrase: str) -> str:
    """The phrase after its leading verbs, adverbs and scope words ("推动健康医疗" → 健康医疗,
    "实现在线新经济" → 在线新经济), by dictionary tags (a preposition-like 在 of 在线 stays)."""
    phrase = re.sub(r"^[\s\d.、．()（）]+", "", phrase)  # a numbering mark: "7.实现X"
    phrase = re.sub(r"^(?:[千百万]亿|[\d一二两三四五六七八九十百千]+(?:亿|万)?)级", "", phrase)  # 千亿级X
    toks = distinct.tokens(phrase)
    k = 0
    while k < len(toks) - 1 and (toks[k][1] in ("v", "vd", "d", "ad", "p", "c")
                                 or toks[k][0] in lexicon.load("generic")["leading_strip"]):
        k += 1
    return "".join(t for t, _ in toks[k:])


def _balanced(part: str) -> str:
    """Quotes at the edges of a part go only in pairs: "汽车“新四化”" keeps its quote."""
    part = part.strip()
    while part[:1] in "“\"" and part.count("“") > part.count("”"):
        part = part[1:]
    while part[-1:] in "”\"" and part.count("”") > part.count("“"):
        part = part[:-1]
    if part[:1] == "“" and part[-1:] == "”" and part.count("“") == 1:
        part = part[1:-1]
    return part


@functools.cache
def _sector_re() -> re.Pattern:
    """The sector words as one alternation, longest first (a scan per clause, not per word)."""
    return re.compile("|".join(map(re.escape, sectors().names)))


def _sector_parts(subject: str) -> list[str]:
    """"A及B" names two sectors, unless B is a component of A ("装备制造及配套", "汽车及零部
    件": one sector)."""
    parts = re.split(r"[及和与]", subject)
    if len(parts) == 2 and parts[1] in lexicon.load("industries")["component_nouns"]:
        return [subject]
    return parts


@functools.cache
def _unit_re() -> re.Pattern:
    """What follows a sector word in the name of the unit serving it ("发展中心" of 大数据发展中心)."""
    cfg = lexicon.load("industries")
    return re.compile(f"(?:{'|'.join(cfg['unit_functions'])})+(?:{'|'.join(cfg['unit_heads'])})")


def _sector_words(sentence: Sentence, listed: list[str]) -> list[str]:
    """Sector words (data/industries.yaml) in a clause with a focus verb, where they name the
    sector: not inside a listed industry ("建筑新材料") or a name ("X半导体", "现代服务业综合改
    革试验区"), and not going on into a product, a technology or an organisation ("光伏板",
    "新能源技术", "科技服务机构")."""
    cfg = lexicon.load("industries")
    focus = sectors().focus_verbs
    text = sentence.text
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*、[^”]*”", text)]
    stops = tuple(cfg["name_tails"]) + tuple(cfg["sector_followers"]) + tuple(cfg["organisation_nouns"])
    named = [(m.start, m.end) for m in names.find(sentence)]
    # what may follow a sector word that names the sector: punctuation and list words, or a
    # word of sector_end_words ("X产业", "X领域", "X发展")
    end_chars, end_words = cfg["sector_end_chars"], tuple(cfg["sector_end_words"])
    out: list[str] = []
    offset = 0
    for clause in CLAUSE.split(text):
        base = text.find(clause, offset)
        offset = base + len(clause)
        if not holds_any(clause, focus):
            continue
        done = 0  # (a sector extended by its parts covers what it took)
        for m in _sector_re().finditer(clause):
            if m.start() < done:
                continue
            w = _extended(clause, m.start(), m.group())
            done = m.start() + len(w)
            a, b = base + m.start(), base + done
            after = clause[done:]
            if not any(w != i and w in i for i in listed) \
                    and not any(s0 <= a and b <= e0 for s0, e0 in named) \
                    and not any(q0 <= a and b <= q1 for q0, q1 in quoted) \
                    and not after.startswith(stops) and not _unit_re().match(after) \
                    and (not after or after[0] in end_chars or after.startswith(end_words)):
                out.append(w)
    return out

