"""Projects a task names: each one is a project of its own with the task's leads and
participants, linked to the task (GUIDELINES: a named, concrete undertaking).

"深入推进A港、B港等重点特色园区建设" → A港, B港; "推进A中心、B中心和C中心建设" → all three;
"全面实施“X”安居工程" → “X”安居工程; "全力做好X实验室筹建保障服务工作" → X实验室;
"加快建设以A、B为极点,链接…的X轴" → X轴. A task that names none is itself the project.
Words are in ``data/responsibility.yaml`` (task_project_*), heads also in ``data/names.yaml``.
"""
from __future__ import annotations

import functools
import re

from zonekg.loaders.extraction import distinct, lexicon
from zonekg.loaders.extraction.text import HEADING_NUMBER
from zonekg.loaders.extraction.vocabulary import is_generic_stem

_CLAUSE = re.compile(r"[，,；;。:：!！]")
_ITEM = re.compile(r"、|和|及|与")
# A road section, a line or a phase ends a project name in a list with named works:
# "107国道X绕城段", "s356A至B改扩建二期"
_SECTION_END = re.compile(r"(?:段|线|[一二三四五六七八九]期)$")
# A bracket of figures after a name ("X孵化器（建筑面积3.2万平方米）", "X二期（总投资28亿元）")
# describes it; a bracket without a figure ("X产业园（二期）", "中德（洹阳）") is part of it
_FIGURES = re.compile(r"[(（][^()（）]*\d[^()（）]*[)）]")
# An amount before the name ("建设总投资4.5亿元的X项目", "总投资3亿元的X厂年内建成") describes it too
_AMOUNT_BEFORE = re.compile(r"(?:(?<=[\u4e00-\u9fff])|^)(?:总投资|投资)?约?\d+(?:\.\d+)?[万亿]?元的")
# The size of a work after its name ("建成X绿道12公里") is no part of it
# (a length or an area: a count, "新建人才公寓800套", makes the clause an indicator)
_MEASURE_AFTER = re.compile(r"\d+(?:\.\d+)?\s*(?:公里|千米|米|万平方米|平方米|亩)$")
# A number that counts (300个, 20亿元, 60家) makes an indicator; a road code (s356, 107国道) does not
_COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个|家|亿|万|项|条|座|批|名|人|户|亩|平方米|公里|倍|次)")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _work_ends() -> tuple[re.Pattern, re.Pattern]:
    """What ends a work on an existing thing (…改造), and a capacity inside a name (年产5万吨)."""
    c = lexicon.load("responsibility")
    return re.compile(f"(?:{_alt(c['task_project_work_ends'])})$"), re.compile(c["task_project_capacity"])


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    c = lexicon.load("responsibility")
    n = lexicon.load("names")
    heads = c["task_project_heads"] + n["project_heads"] + n["zone_suffixes"]
    verb = re.compile(f"(?:{_alt(c['task_project_verbs'])})")
    # a time may stand between the name and its tail: "推动X项目年内投产", "X工程6月底前开工"
    when = r"(?:年内|年底前|年底|上半年|下半年|\d{1,2}月(?:底|末)?前?)?"
    # a work on the place named as works ("X文创园改造提升工程", "X厂提标改造项目") is the
    # project's name, not a tail ("X中学主体工程" is: the works of X)
    named_works = rf"(?!(?:{_alt(c['task_project_work_ends'])})+(?:工程|项目)$)"
    head_then_tail = re.compile(
        rf"^(.{{2,30}}?(?:{_alt(heads)})){when}(?:(?:{_alt(c['task_project_tails'])}){named_works}.*)?$")
    ends_head = re.compile(rf"(?:{_alt(heads)})$")
    any_head = re.compile(f"(?:{_alt(heads)})")
    return verb, head_then_tail, ends_head, any_head, tuple(c["task_project_generic"])


def _balanced(name: str) -> str:
    """A name without a quote mark left open by the clause split (“X”Y keeps its pair)."""
    if name.count("“") != name.count("”"):
        name = name.strip("“”")
    return name


def _heads_apart(name: str, ends_head: re.Pattern) -> list[str]:
    """"B中心和C中心" is two names when each side ends like one ("A改造和B管网工程": a work on
    an existing thing ends like one too); else one name."""
    parts = _ITEM.split(name)
    works = _work_ends()[0]
    return parts if len(parts) > 1 and all(ends_head.search(p) or works.search(p) and len(p) >= 6
                                           for p in parts) and ends_head.search(parts[-1]) else [name]


def _object_of(item: str, verb: re.Pattern) -> str:
    """A list item that has a builder and a verb of its own ("A扩建X线、B建设Y工厂") names
    its object (Y工厂); an item whose verb closes it ("高标准农田建设项目") is one name."""
    m = verb.search(item, 2)
    return item[m.end():] if m and "建" in m.group(0) and len(item) - m.end() >= 4 else item


def projects_in_task(text: str) -> list[str]:
    """The projects a task's text names, in order, without duplicates."""
    verb, head_then_tail, ends_head, _, generic = _patterns()
    found: list[tuple[str, bool]] = []  # (name, named as a project by the words around it)
    acted = False  # a construction verb opened the task: "…的X轴" closes its object
    for clause in _CLAUSE.split(_FIGURES.sub("", text)):
        clause = _AMOUNT_BEFORE.sub("", clause.strip())
        m = verb.search(clause)
        # a work may be the clause's subject when no verb stands before its name
        said_first = m is None or m.start() > 0
        subjects = subject_list(clause) if said_first else []
        if subjects and (m is None or m.start() >= clause.find(subjects[-1])):
            found += [(i, True) for i in subjects]  # "A项目、B专用线等2个项目年内开工"
            continue
        subject = _subject_work(clause) if said_first else None
        if subject and (m is None or m.start() >= clause.find(subject) + len(subject)):
            found.append((subject, False))  # "X污水处理厂年内建成通水": the work is the subject
            continue
        if m is None:
            if acted and "的" in clause and ends_head.search(clause):
                found.append((clause.rsplit("的", 1)[1], False))
            continue
        acted = True
        # "X公司投资建设的Y项目": a verb before 的 describes the name after it
        obj = _MEASURE_AFTER.sub("", clause[m.end():]).removeprefix("的")
        before, _, after = obj.partition("等")
        if after and (_ITEM.search(before) or re.match(r"^.{0,6}项目", after)):
            # "A、B等在建项目", "X等项目": the items are projects, whatever their last word;
            # "A路、B路等道路工程": those with a proper name (not "X道路、管网等配套工程")
            said = re.match(r"^.{0,6}项目", after) is not None
            works = re.match(r"^.{0,6}工程", after) is not None
            found += [(i, said or works and _proper(i)) for i in _ITEM.split(before)]
            continue
        listed = [_object_of(item, verb) for item in obj.split("、")]
        last = head_then_tail.match(listed[-1])
        if len(listed) > 1 and last is not None:
            # every item may say what is done to it and when ("确保A项目6月底前投产、B项目年内建成")
            items = [without_tail(i) for i in listed[:-1]] + _heads_apart(last.group(1), ends_head)
            if re.search(r"(?:项目|工程)$", items[-1]) or all(
                    ends_head.search(i) or _SECTION_END.search(i) for i in items):
                # "A二期、B改造工程", "C绕城段、D公路", "E系统治理、F系统治理项目"
                found += [(i, True) for i in items]
                continue
        whole = head_then_tail.match(obj)
        if whole is None:
            continue
        items = _heads_apart(whole.group(1), ends_head)
        if len(items) > 1:
            found += [(i, True) for i in items]  # "A中心和B中心", "A改造和B工程"
        else:
            found.append((whole.group(1), False))  # "工业和信息化服务平台" is one name
    out = []
    for name, said in found:
        name = _balanced(name.strip())
        if 3 <= len(name.strip("“”\"")) <= 30 and (said or ends_head.search(name) or _SECTION_END.search(name)) \
                and not _COUNT.search(_work_ends()[1].sub("", name)) and not any(g in name for g in generic) \
                and not verb.match(name):
            out.append(name)
    return list(dict.fromkeys(out))


def subject_list(clause: str) -> list[str]:
    """A clause opened by a list of works that "等N个项目" sums up ("（一）A项目、B项目、C专用线
    等3个项目务必于4月底前开工"): those works, each ending like one; none for a list of other
    things ("钢铁、化工等3个行业")."""
    before, sep, after = HEADING_NUMBER.sub("", clause, count=1).partition("等")
    if not sep or "、" not in before or not re.match(r"[\d一二三四五六七八九十两]+个(?:重点|重大)?项目", after):
        return []
    items = before.split("、")
    ends_head = _patterns()[2]
    return items if all(ends_head.search(i) or _SECTION_END.search(i) for i in items) else []


def _subject_work(clause: str) -> str | None:
    """A clause that opens with a work's proper name and says what becomes of it ("X污水处理厂
    年内建成通水", "X项目完成主体工程" after an amount): that work; None for a clause opened by
    a verb or an adverb ("全力推进X建设") or one naming a kind ("标准厂房年内建成")."""
    # a commitment opening the clause ("力争X项目年底前竣工") is no part of the name
    clause = re.sub(rf"^(?:{_alt(lexicon.words('targets', 'commitment_words'))})", "", clause)
    whole = _patterns()[1].match(clause) if re.match(r"[\u4e00-\u9fff]", clause) else None  # (no item number)
    if whole is None or whole.end(1) == len(clause) or "、" in whole.group(1) \
            or not (_proper(whole.group(1)) or _named_zones(whole.group(1))):
        return None  # (a list of works, "A项目、B项目年底前竣工", names each on its own)
    c = lexicon.load("responsibility")
    if any(v in whole.group(1) for v in c["lead_verbs"] + c["participant_verbs"]):
        return None  # "规划建设局负责项目前期…": a unit's duty, no work's name
    if "的" in whole.group(1):
        # "A集团投资的B项目年内开工": what stands before 的 describes the work, B alone is its name
        name = whole.group(1).rsplit("的", 1)[1]
        return name if _proper(name) or _named_zones(name) else None
    return whole.group(1) if distinct.tokens(clause)[0][1] not in ("v", "vn", "vd", "d", "ad", "p", "c") else None


def _named_zones(name: str) -> bool:
    """"X产业园污水处理厂", "X生物谷标准化厂房": a facility named by the park it serves (a park
    named before its suffix, something the facility does between the suffix and its head) is
    that park's one facility of the kind, not a kind ("园区道路", "研发中心")."""
    head = _patterns()[2].search(name)
    stem = name[:head.start()] if head else name
    return any(0 < (i := stem.find(z, 2)) and len(stem) - i - len(z) >= 2
               for z in lexicon.words("names", "zone_suffixes"))


def ends_like_a_work(name: str) -> bool:
    """Does the name end in a facility's, a project's or a park's head word ("X信息平台")?"""
    return _patterns()[2].search(name) is not None


def without_tail(name: str) -> str:
    """The name a heading's object gives before what is done to it ("X信息平台上线运行" →
    X信息平台, "X园二期年内投产" → X园二期); the object itself when no tail follows a head."""
    whole = _patterns()[1].match(name)
    return whole.group(1) if whole else name


def named_without_tail(cell: str) -> str:
    """A task cell that opens with a facility's name and says what is done to it ("X监管中心投入
    运营") names the facility; a cell opened by a verb ("支持X研究院申报…") stays the task."""
    name = without_tail(cell)
    opening = distinct.tokens(name)[0] if name else ("", None)
    return name if opening[1] not in ("v", "vn", "vd", "d", "p") else cell


def proper_projects_in_task(text: str) -> list[str]:
    """The projects a task names by a proper name ("汀泗河系统治理项目", not "科技创新平台"):
    what a task that states no responsibility (or whose page stops first) still tells."""
    return [name for name in projects_in_task(text) if _proper(name)]


def _proper(name: str) -> bool:
    """Is the part before a project name's head distinctive ("汀泗河系统治理项目", not "科技创新平台")?"""
    head = _patterns()[2].search(name) or _SECTION_END.search(name)
    stem = name[:head.start()] if head else name
    return distinct.is_distinctive(stem.strip("“”")) or distinct.is_own_zone_facility(stem)


def works_in_task(text: str) -> list[str]:
    """The projects a task's sentence names that are particular works: a proper name, a phase
    of something ("X整机项目二期") or a built facility ("综保区智慧监管平台", "数字经济研究院"),
    not a kind of work ("工业用地批后工程"): what a sentence under a task's heading adds to it."""
    facility = _facility_end()
    return [name for name in projects_in_task(text)
            if re.search(r"[一二三四五六七八九十\d]期$", name) or facility.search(name) and not _generic_facility(name)
            or _proper(name)]


def _generic_facility(name: str) -> bool:
    """"区域分拨中心", "重点研发中心": a facility head after generic words only is a kind."""
    head = _patterns()[2].search(name)
    return head is not None and is_generic_stem(name[:head.start()])


@functools.cache
def _facility_end() -> re.Pattern:
    return re.compile(f"(?:{_alt(lexicon.load('responsibility')['facility_heads'])})$")


def names_a_project(name: str) -> bool:
    """Does the phrase end like a project or a park ("X接线工程", "X物流园"), a distinctive
    name before its head?"""
    from zonekg.loaders.extraction import distinct

    _, _, ends_head, _, generic = _patterns()
    head = ends_head.search(name) or _SECTION_END.search(name)
    return head is not None and head.start() >= 2 and not any(g in name for g in generic) \
        and distinct.is_distinctive(name[:head.start()].strip("“”"))


def names_a_facility(text: str) -> bool:
    """Does the text name a built thing (a 大厦, 园, 中心 …) anywhere?"""
    return _patterns()[3].search(text) is not None
