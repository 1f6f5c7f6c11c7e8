"""Who leads what, and which tasks and table rows are projects.

Read from
- labels: "(牵头部门:经发局;参与部门:财政局、建设局)", "（责任单位：A、B）", "配合单位：C" on
  the line after a task;
- clause-start statements: "X负责", "X牵头", "由X牵头负责", "由X会同Y负责", "X牵头，Y配合",
  "A负责…，B负责…", "A、B按职责分工负责"; "会同Y", "Y配合/参与" make participants;
- responsibility and project tables (序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限;
  序号 | 项目名称 | 总投资(亿元) | 建设内容 | 责任单位).

A numbered task that states its responsibility is a project (GUIDELINES) named by its heading
("1.壮大集成电路产业。…" → 壮大集成电路产业); a statement in the paragraph right after a task
that has none belongs to that task. In a table the 责任单位 cell belongs to the row's project:
the 项目名称 cell, the projects a 重点工作 cell names ("推进X项目…", "建成A路、B路等"), else
the task. Unqualified 责任单位 are all leads, unless the document says the first one leads.
People in a 责任领导 column are never agencies. Every word list is in data/responsibility.yaml.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from zonekg.loaders.extraction import amounts, columns, lexicon
from zonekg.loaders.extraction.numerals import to_decimal
from zonekg.loaders.extraction.tasks import (ends_like_a_work, named_without_tail, names_a_facility, names_a_project,
                                             projects_in_task, proper_projects_in_task, subject_list, without_tail,
                                             works_in_task)
from zonekg.loaders.extraction.text import HEADING_NUMBER, Sentence
from zonekg.loaders.extraction.units import agencies_of, marked_leads, split_conjunctions


@dataclass
class Assignment:
    task: str
    lead: list[str]
    participants: list[str]
    sentence: Sentence
    extra: dict = field(default_factory=dict)
    # the projects the units are responsible for; empty means the task itself
    projects: list[str] = field(default_factory=list)
    # the facility a heading names after its verb ("建设X实验室" → X实验室), if the document knows it
    facility: str | None = None
    investment: Decimal | None = None
    area: Decimal | None = None
    # leads came from an unqualified 责任单位 list (the "first one leads" note may apply)
    unqualified: bool = False


@functools.cache
def _cfg():
    return lexicon.load("responsibility")


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first (built once per word list: every
    sentence asks for the same lists)."""
    return _alternation(tuple(words))


@functools.lru_cache(maxsize=256)
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _rule(id: str) -> re.Pattern[str]:
    """A pattern of data/responsibility.yaml (labels, lead and participant statements), compiled once."""
    return lexicon.pattern("responsibility", id)


# A unit's other name in brackets inside a statement: "由招商局（投资促进中心）牵头" (the
# lead_statement pattern writes the same bracket inline)
_ALIAS = r"[(（][^()（），,；;。]{2,12}[)）]"


def _led_object(subject: str) -> tuple[str, str]:
    """"A由X" → (A, X): the words before the last 由 (not the 由 of 自由) name what X leads."""
    at = max((i for i, ch in enumerate(subject) if ch == "由" and subject[i - 1:i] != "自"), default=-1)
    if at <= 0:
        return "", subject
    obj = subject[:at]
    for q in sorted(_cfg()["object_qualifiers"], key=len, reverse=True):
        if obj.endswith(q):
            obj = obj[: -len(q)]
            break
    return obj, subject[at + 1:]


def _partial_duty(text: str, end: int) -> bool:
    """"Y负责投融资": the verb 负责 takes an object that is one part of the work."""
    rest = re.split(r"[，,；;。]", text[end:], maxsplit=1)[0]
    return bool(rest) and not rest.startswith(tuple(_cfg()["whole_task_words"]))


def _without_modal(subject: str) -> str:
    """"发改局、财政局要全力" → "发改局、财政局": the words of speech before a verb dropped."""
    return re.sub(f"(?:{_alt(_cfg()['modal_words'])})+$", "", subject)


def _units(subject: str) -> list[str] | None:
    """The units of a clause subject, or None when it is not a list of unit names."""
    suffixes = tuple(_cfg()["unit_suffixes"])
    subject = _without_modal(subject)
    parts = [
        piece.strip()
        for part in re.split(r"[、,，]", subject)
        for piece in split_conjunctions(part.strip(), suffixes)
        if piece.strip()
    ]
    parts = [re.sub(r"^各", "", p) for p in parts]
    # a city or county listed with departments leads as its government: "(合肥市,省发展改革委牵头)"
    place = re.compile(r"^[\u4e00-\u9fff]{2,4}[市县区]$")
    if not parts or not all(re.sub(f"{_ALIAS}$", "", p).endswith(suffixes) and len(p) >= 2
                            or place.match(p) and len(parts) > 1
                            for p in parts) or all(place.match(p) for p in parts):
        return None
    return agencies_of("、".join(parts))


# ---------------------------------------------------------------- statements in one sentence

@dataclass
class _Said:
    lead: list[str] = field(default_factory=list)
    part: list[str] = field(default_factory=list)
    unqualified: bool = False
    at_start: bool = False  # the sentence opens with the statement
    people: bool = False  # it names the leading officials ("责任领导：王东")
    objects: list[tuple[str, list[str]]] = field(default_factory=list)  # "A由X牵头": (A, [X])
    forward: bool = False  # "下列项目由X负责": the units lead the rows of the table that follows
    lead_label: bool = False  # a 牵头单位 label names the leads
    # "园区将由X牵头开展整治": the units lead a work of something that is no project (a zone)
    unnamed_object: bool = False

    def __bool__(self) -> bool:
        return bool(self.lead or self.part or self.people)


def statements(text: str) -> _Said:
    """Leads and participants one sentence states: its labels, a person column, then the
    clauses of the text the labels leave (bracketed leads, lead and participant clauses)."""
    said = _Said()
    if _closing_units(text, said):
        return said
    if not _cue_words().search(text):
        return said  # (most sentences state no responsibility: they hold none of its words)
    labels = _labelled(text, said)
    _person_labelled(text, said, bool(labels))
    stripped = _rule("unit_label").sub(lambda m: "，" * len(m.group(0)), text)
    stripped = _bracketed_leads(stripped, said)
    _lead_clauses(stripped, said)
    _participant_clauses(stripped, said)
    said.lead = _unique(said.lead)
    said.part = [p for p in _unique(said.part) if p not in said.lead]
    return said


@functools.cache
def _cue_words() -> re.Pattern[str]:
    """What every pattern :func:`statements` reads needs: a label's colon (unit_label,
    person_label), a lead verb (bracket_lead, lead_statement), a participant verb
    (participant_statement) or preposition (participant_prep). A sentence with none of them
    states nothing, and one scan for them spares it the patterns."""
    c = _cfg()
    return re.compile(f"[:：]|{_alt(c['lead_verbs'] + c['participant_verbs'] + c['participant_preps'])}")


def _labelled(text: str, said: _Said) -> list[re.Match[str]]:
    """"(牵头单位:A;配合单位:B)", "责任单位：C": the units of each label (unqualified
    responsible units lead unless a lead label or a stated lead says otherwise)."""
    c = _cfg()
    labels = list(_rule("unit_label").finditer(text))
    has_lead_label = any(m.group(1) in c["lead_labels"] for m in labels)
    for m in labels:
        names, stated_lead, stated_part = _roles_in_value(m.group(2))
        said.lead += stated_lead
        said.part += stated_part
        if m.group(1) in c["lead_labels"]:
            said.lead += names
            said.lead_label = True
        elif m.group(1) in c["responsible_labels"]:
            if has_lead_label or stated_lead:
                said.part += names
            else:
                said.lead += names
                said.unqualified = True
        else:
            said.part += names
        if text[: m.start()].strip(" (（") == "":
            said.at_start = True
    return labels


def _closing_units(text: str, said: _Said) -> bool:
    """"——港航局（X公司配合）", "【规划局、Y街道办事处】": a line of units alone closing a task
    (a progress bulletin's way) names its responsible units; a bracket of its own with a
    participant verb ("（X配合）") names those who take part. False when the line is no such list."""
    m = _rule("closing_units").match(text)
    if m is None:
        return False
    value = m.group(1) or m.group(2)
    joined = [u for b in re.findall(rf"[(（]([^()（）]+?)(?:{_alt(_cfg()['participant_verbs'])})[)）]", value)
              for u in _units(b) or []]
    lead = _units(re.sub(r"[(（][^()（）]*[)）]", "", value) if joined else value)
    if not lead:
        return False
    said.lead, said.part, said.unqualified, said.at_start = lead, joined, True, True
    return True


def _person_labelled(text: str, said: _Said, labelled: bool) -> None:
    """"责任人：县商务局副局长陈思远": people; a unit named with its official is responsible."""
    if not _rule("person_label").match(text):
        return
    said.people = said.at_start = True
    units = [u for u in agencies_of(_rule("person_label").sub("", text, count=1).strip(" )）"))
             if u.endswith(tuple(_cfg()["unit_suffixes"]))]
    if units and not labelled:
        said.lead += units
        said.unqualified = True


def _bracketed_leads(stripped: str, said: _Said) -> str:
    """"(合肥市,省发展改革委牵头)": the leads a bracket lists; the text without those brackets."""
    for m in _rule("bracket_lead").finditer(stripped):
        _, subject = _led_object(m.group(1))  # "（以上由X牵头）": X leads, not "以上由X"
        units = _units(re.sub(r"[,，]", "、", subject))
        if units:
            said.lead += units
            stripped = stripped[:m.start()] + "，" * len(m.group(0)) + stripped[m.end():]
    return stripped


def _lead_clauses(stripped: str, said: _Said) -> None:
    """"X负责", "由X牵头", "A由X会同Y负责": leads (and participants after 会同); a unit that
    负责 one part of the work takes part when another unit of the sentence 牵头."""
    c = _cfg()
    partial: list[str] = []
    led = False
    # "交通局表示，将牵头…": the unit that speaks is the subject of the lead verb
    stripped = re.sub(rf"(?:{_alt(c['speech_verbs'])})[，,]\s*(?=(?:{_alt(c['modal_words'])})(?:{_alt(c['lead_verbs'])}))",
                      "", stripped)
    for m in _rule("lead_statement").finditer(stripped):
        obj, subject = _led_object(m.group(2))
        pieces = re.split(_alt(c["participant_preps"]), subject, maxsplit=1)
        lead = _units(pieces[0])
        if lead is None:
            continue
        said.objects += [(work, lead) for work in _works_after(stripped[m.end():])]
        part = _units(pieces[1]) if len(pieces) > 1 else []
        if m.group(0).endswith("负责") and not m.group(0).endswith("牵头负责") \
                and _partial_duty(stripped, m.end()):
            partial += lead  # "Y负责投融资"
        else:
            said.lead += lead
            led = led or "牵头" in m.group(0)[-4:]
        said.part += part or []
        if obj.startswith(tuple(c["forward_references"])):
            said.forward = True
        elif obj and not obj.startswith(tuple(c["backward_references"])) and names_a_project(obj):
            said.objects.append((obj, lead))
        elif obj and not obj.startswith(tuple(c["backward_references"])):
            said.unnamed_object = True
        if not stripped[: m.start()].strip(" (（"):
            said.at_start = True
    if led:
        said.part += partial
    else:
        said.lead += partial


def _participant_clauses(stripped: str, said: _Said) -> None:
    """"Y配合", "Z参与", "…，会同Y": participants."""
    c = _cfg()
    for m in _rule("participant_statement").finditer(stripped):
        subject = re.split(rf"(?:{_alt(c['lead_verbs'])})[、,，]?", m.group(1))[-1]
        units = _units(re.sub(rf"^(?:{_alt(c['participant_preps'])})", "", subject))
        if units:
            said.part += units
            if not stripped[: m.start()].strip():
                said.at_start = True
        # "Y将配合管委会推进Z": the units Y works with lead Z
        after = re.match(rf"([^，,；;。“”]{{2,20}}?)(?=(?:{_alt(c['lead_object_verbs'])}))", stripped[m.end():])
        led = _units(after.group(1)) if after else None
        if units and led and after:
            said.lead += led
            said.objects += [(work, led) for work in _works_after(stripped[m.end() + after.end():])]
    for m in _rule("participant_prep").finditer(stripped):
        units = _units(_partner(m.group(1)))
        if units:
            said.part += units


def _partner(phrase: str) -> str:
    """"联合X大学共建Y研究院", "会同X公司建设Y": after the preposition the partner comes first and
    then the work done with it; the partner ends where a work verb follows an organisation's
    or a unit's last word, outside a department's stem ("住房和城乡建设局": 城乡 is no 乡)."""
    ends = tuple(_cfg()["unit_suffixes"]) + lexicon.words("generic", "organisation_heads")
    inside = {i for m in re.finditer(_alt(lexicon.words("names", "department_stems")), phrase)
              for i in range(m.start(), m.end())}
    for m in re.finditer(_alt(_cfg()["task_project_verbs"]), phrase):
        if phrase[:m.start()].endswith(ends) and m.end() < len(phrase) and m.start() not in inside:
            return phrase[:m.start()]
    return phrase


def _works_after(text: str) -> list[str]:
    """"推进X建设", "抓好X工程" right after a lead verb: the projects it names, or none when
    its object is no project ("做好项目用地保障")."""
    m = re.match(rf"(?:{_alt(_cfg()['lead_object_verbs'])})([^，,；;。“”]{{3,40}})", text)
    if m is None:
        return []
    named = projects_in_task(m.group(0))
    work = re.sub(r"(?:建设|工作)$", "", m.group(1))
    return named or ([work] if names_a_project(work) else [])


def _roles_in_value(value: str) -> tuple[list[str], list[str], list[str]]:
    """A label's value may state roles itself ("责任单位：商务局牵头，海关、财政局配合"): units of
    a clause ending in a lead verb or marked as the lead ("A（牵头）、B") lead, those ending in
    a participant verb assist, the rest take the label's role (a marked lead's fellows assist:
    a stated lead turns the label's units into participants). Returns (by label, stated leads, stated participants)."""
    c = _cfg()
    lead_end = re.compile(rf"(?:{_alt(c['lead_verbs'])})$")
    part_end = re.compile(rf"(?:{_alt(c['participant_verbs'])})$")
    plain, lead, part = [], [], []
    for clause in re.split(r"[，,；;]", value):
        clause = clause.strip()
        marked = marked_leads(clause)  # "A（牵头）、B"
        if marked and marked[0]:
            lead += marked[0]
            plain += marked[1]
        elif lead_end.search(clause):
            lead += agencies_of(lead_end.sub("", clause))
        elif part_end.search(clause):
            part += agencies_of(part_end.sub("", clause))
        else:
            plain += agencies_of(clause)
    return plain, lead, part


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))  # unique, in order of appearance


# ---------------------------------------------------------------- task names

def _label_word(name: str) -> bool:
    """责任单位, 协同责任单位, 牵头负责领导: the words of a label, never a task."""
    c = _cfg()
    return name in set(c["lead_labels"] + c["responsible_labels"] + c["participant_labels"] + c["person_columns"])


def _without_labels(text: str) -> str:
    """A task's text without its bracketed responsibility statement or progress status."""
    return _rule("status_bracket").sub("", _rule("role_bracket").sub("", text))


def task_name(text: str) -> str:
    """A task's name: its heading or first clause without numbering or the bracket."""
    t = _without_labels(text)
    t = HEADING_NUMBER.sub("", t, count=1).strip()
    t = re.split(r"[。;；:：]", t)[0]
    if len(t) > 30:
        t = re.split(r"[,，]", t)[0]
    return t.strip(" 。,，")


def heading_name(text: str) -> str:
    """A numbered task's name: its heading up to the first 。/：, the first clause that does
    more than frame the task ("围绕A、B三个方向，引进…" → 引进…), without a count of built
    things; "" when the clause is an indicator ("新增规上企业25家")."""
    t = _without_labels(text)
    t = HEADING_NUMBER.sub("", t, count=1).strip()
    t = re.split(r"[。;；:：]", t)[0]
    clauses = [x for x in re.split(r"[,，]", t) if x.strip()]
    if len(clauses) == 2 and len(t) <= 18 and not re.search(r"\d", t) \
            and all(_unframe(c) == c for c in clauses):
        return t.strip(" 。,，")  # "加强经济运行分析,确保完成主要指标": a two-part heading is one task
    name = ""
    for clause in clauses:
        if _rule("date_clause").match(clause.strip()):
            continue  # "（1）到2025年，X覆盖率达到70%": the time of a goal names no task
        framed = _unframe(clause)
        if framed is None:
            continue
        name = framed
        break
    return _not_indicator(name.strip(" 。,，"))


def _unframe(clause: str) -> str | None:
    """"围绕…产业开展产业链招商" → 产业链招商; a framing clause without a verb → None. A place
    the task is done in frames it too ("在各地级市创建X商会" → X商会), but a clause that only
    says where ("在重点领域取得突破") is the task itself."""
    c = _cfg()
    opener = next((o for o in c["framing_openers"] + c["place_openers"] if clause.startswith(o)), None)
    if opener is None:
        return clause
    m = re.search(rf"(?:{_alt(c['framing_verbs'])})(.{{2,}})$", clause[len(opener):])
    return m.group(1) if m else clause if opener in c["place_openers"] else None


def _not_indicator(name: str) -> str:
    c = _cfg()
    if any(re.search(p, name) for p in c["indicator_headings"]):
        return ""
    built = _alt(c["built_count_units"])
    name = re.sub(rf"\d+(?:\.\d+)?\s*(?:{built})$", "", name)
    figures = _rule("capacity_in_name").sub("", name)  # "X年产5万吨Y项目": the name's own figure
    if re.search(r"\d+(?:\.\d+)?\s*(?:%|万|亿|个|家|亩|名|人|项|批|场|户|倍|条|公里|平方米)", figures):
        return ""
    return name


def facility_of(name: str) -> str | None:
    """"建设云岭实验室" → 云岭实验室: the object of a heading's leading verb."""
    m = re.match(rf"^(?:{_alt(_cfg()['heading_verbs'])})(.{{3,}})$", name)
    return without_tail(m.group(1)) if m else None


def named_in_task(cell: str, facilities_only: bool = False) -> list[str]:
    """Projects a task cell names after a construction verb: "推进X项目（总投资45亿元）一期建成
    投产" → X项目一期; "建成A路、B路等5条园区道路" → A路, B路; nothing for indicators."""
    c = _cfg()
    verbs = _alt(c["construction_verbs"])
    progress = _alt(c["progress_words"])
    heads = tuple(c["facility_heads"])
    out: list[str] = []
    for clause in re.split(r"[，,；;。]", cell):
        clause = re.sub(r"[(（][^()（）]*[)）]", "", clause).strip()
        m = re.match(rf"^(?:{verbs})+(.+)$", clause)  # "年内完成…" is progress, not a project
        if not m:
            continue
        obj = m.group(1)
        if re.match(r"以.+为", obj):
            continue  # "以A、B为极点": a frame, not the object
        if "等" in obj and "、" in obj.split("等")[0]:
            items = [x.strip() for x in obj.split("等")[0].split("、")]
        else:
            cut = re.search(rf"(?:{progress})|建设$", obj)
            items = [obj[: cut.start()] if cut and cut.start() >= 3 else obj]
        for item in items:
            item = item.strip(" “”\"")
            if facilities_only and not item.endswith(heads):
                continue
            if 3 <= len(item) <= 25 and not re.search(r"\d", item):
                out.append(item)
            elif 2 <= len(item) <= 25 and re.search(r"(?:路|街|桥)$", item) and not re.search(r"\d", item):
                out.append(item)
    return out


# ---------------------------------------------------------------- running text

def first_unit_leads(sents: list[Sentence]) -> bool:
    """Does the document say the first listed 责任单位 leads and the others assist?"""
    pats = [re.compile(p) for p in _cfg()["first_unit_leads"]]
    return any(p.search(s.text) for s in sents for p in pats)


@dataclass
class _Task:
    head: Sentence
    last_para: int
    said: _Said = field(default_factory=_Said)
    evidence: Sentence | None = None
    amount_sents: list[Sentence] = field(default_factory=list)
    body: list[Sentence] = field(default_factory=list)
    # paragraphs that describe the task before its units are stated: what they say is read
    # as text outside the task, only the label lines after them are the task's
    described: list[int] = field(default_factory=list)
    labelled_after: bool = False  # its units stand on lines of their own after it
    # the statements of single sentences of the task's paragraph, by sentence index: a run-in
    # clause ("一是推进X项目…（A牵头，B配合）。二是…") that states its own units leads its works
    own: dict[int, _Said] = field(default_factory=dict)
    description: list[Sentence] = field(default_factory=list)  # the sentences of ``described``


# A numbered item on a line of its own is described by a line or two before its label lines
# ("（一）X工程" / "新建…" / "责任单位：…"): those lines keep the item open for the labels
_DESCRIPTION_PARAGRAPHS = 2


def from_sentences(sents: list[Sentence], named_in: Callable[[str], list[str]] | None = None) -> list[Assignment]:  # noqa: C901, PLR0915 — one pass that carries the open task and paragraph from sentence to sentence # long: the task a statement belongs to is the state every step reads
    """Assignments stated in running text, attached to the task they follow.

    ``named_in(text)``: the projects the document knows that a text names. Outside a numbered
    task, a "由Y牵头" statement whose own sentence names projects leads those ("X年内通过验收，
    由Y牵头"; "总投资…的X要…投入运营，由Y负责"), not the paragraph's first sentence: a news
    report or a plan written as prose strings one project a sentence."""
    out: list[Assignment] = []
    tasks: list[_Task] = []
    cur: _Task | None = None
    para_first: dict[int, Sentence] = {}
    last_heading: Sentence | None = None
    section_start = 0  # the first task a section-wide statement may still lead
    section_para = -1  # the paragraph of the last such statement
    paragraphs: dict[int, str] = {}
    for s in sents:
        if s.cells is None:
            paragraphs[s.para] = paragraphs.get(s.para, "") + s.text
    said_before: dict[int, str] = {}  # the text of each paragraph up to the sentence read
    unled: dict[int, str] = {}
    for s in sents:
        if s.cells is not None:
            cur = None
            continue
        earlier = said_before.get(s.para, "")
        said_before[s.para] = earlier + s.text
        new_para = s.para not in para_first
        para_first.setdefault(s.para, s)
        numbered = bool(HEADING_NUMBER.match(para_first[s.para].text)) or _titled_item(para_first[s.para].text)
        if new_para and numbered:
            cur = _Task(s, s.para)
            tasks.append(cur)
        if s.para == section_para:
            continue  # the rest of a section-wide statement ("其中第7项由Z牵头")
        if new_para and not numbered and _section_statement(s, paragraphs[s.para], tasks[section_start:]):
            # "以上工作由X牵头": the section's items are led
            section_start, section_para, cur = len(tasks), s.para, None
            continue
        said = statements(s.text)
        # a short line of units ("牵头单位：X") is no heading, whatever its length says
        heading = s.heading and not _rule("unit_label").match(s.text.lstrip())
        since_units = unled.get(s.para, "")  # the paragraph's text since a sentence stated units
        unled[s.para] = "" if said.lead or said.part else since_units + s.text
        if new_para and not numbered and cur is not None:
            # a paragraph right after a task that has stated no responsibility yet (or that
            # already continues on such lines): "X负责。配合单位：Y。" under "3.完成…。"; one
            # that opens on a batch of projects ("上述在建项目均由X牵头") leads that batch
            if _rule("batch_reference").match(s.text):
                cur = None
            elif said and said.at_start and s.para == cur.last_para + 1 and (
                    not cur.said or cur.last_para != cur.head.para):
                cur.last_para = s.para
                cur.labelled_after = cur.labelled_after or bool(said.lead)
            elif not said and not cur.said and not heading and s.para == cur.last_para + 1 \
                    and len(cur.described) < _DESCRIPTION_PARAGRAPHS:
                cur.last_para = s.para
                cur.described.append(s.para)
            else:
                cur = None
        if heading:
            last_heading = s
        in_task = cur is not None and s.para in (cur.head.para, cur.last_para) and s.para not in cur.described
        if cur is not None and s.para in cur.described:
            cur.description.append(s)
        for obj, obj_lead in said.objects:  # "A由X牵头，Y配合": A is led by X whatever the task
            lead = obj_lead if len(said.objects) > 1 else said.lead
            out.append(Assignment(obj, lead, [p for p in said.part if p not in lead], s, projects=[obj]))
        if said.objects and not in_task:
            continue
        if in_task and cur is not None:  # (in_task says cur is set)
            if s.para == cur.head.para:
                cur.body.append(s)
            if re.match(r"^(?:项目)?(?:计划)?(?:总投资|投资|总建筑面积|建筑面积)", s.text):
                cur.amount_sents.append(s)
            if said:
                _add_to_task(cur.said, said)
                if said.lead and s.para == cur.head.para:
                    cur.own[s.index] = said
                    # "…已开工的有A项目、B基地…。以上项目由X牵头": the projects the task named
                    back = _referred_back(s, said, said_before, [], True) if s is not cur.head else None
                    out += [back] if back is not None else []
                if said.lead or said.part:
                    cur.evidence = cur.evidence or s  # the units' sentence, not the officials'
            continue
        back = _referred_back(s, said, said_before, tasks[section_start:], numbered)
        if back is not None:
            out += [back] if back.lead else []
            continue
        # outside a numbered task: only labels and "由X牵头" count (as before); they lead the
        # projects their own sentence names, if it names any
        labels = _rule("unit_label").search(s.text)
        lead = list(said.lead) if labels or "由" in s.text else []
        if not lead:
            continue
        part = said.part
        named = named_in(s.text) if named_in is not None and not heading else []
        if not named and named_in is not None and s.text.startswith("由"):
            # "…推进A项目…；启动B项目…。由Y牵头，Z配合。": a closing statement leads the works
            # the paragraph named since its last statement
            named = named_in(since_units)
        if named:
            out.append(Assignment(named[0], lead, part, s, unqualified=said.unqualified, projects=named))
            continue
        if said.unnamed_object and not labels:
            continue  # "X园区将由Y牵头开展整治": a work in something that is no project
        if heading or labels and s.text.lstrip().startswith(tuple("(（一二三四五六七八九十0123456789•")):
            task_src = s
        elif para_first.get(s.para) is not s:
            task_src = para_first[s.para]
        elif last_heading is not None and (labels and labels.start() == 0 or s.text.startswith("由")):
            task_src = last_heading
        else:
            task_src = s
        name = task_name(task_src.text)
        if len(name) >= 4 and not _label_word(name) and not name.endswith(tuple(_cfg()["topic_heading_ends"])) \
                and not _rule("date_clause").match(re.split(r"[,，]", name)[0]):
            out.append(Assignment(name, lead, part, s, unqualified=said.unqualified))
    # In a responsibility list (most tasks state their units) a task that states none was cut
    # off with the page or left to its section: it still names its projects
    _share_group_labels(tasks)
    task_list = sum(1 for t in tasks if t.said.lead) * 2 > len(tasks)
    for t in tasks:
        if not t.said.lead:
            if task_list:
                out += [Assignment(p, [], [], t.head, projects=[p])
                        for p in proper_projects_in_task("".join(_without_labels(x.text) for x in t.body))]
            continue
        out += [a for item in _run_in_items(t) for a in _task_assignments(item)]
    return out


def _run_in_items(t: _Task) -> list[_Task]:
    """"1.A…，总投资…；2.B…，年底前建成。责任单位：X": the next items of a list run on in the
    first one's paragraph; each is a task of its own, with the units the paragraph states
    (they were the first item's alone). An item numbered otherwise ("（一）…。1.建设A；2.…")
    or out of sequence stays a sentence of the task."""
    style, number = _number_style(t.head.text), _number_value(_item_number(t.head.text))
    starts = [0]
    for i, s in enumerate(t.body[1:], 1):
        if _number_style(s.text) == style and number.isdigit() \
                and _number_value(_item_number(s.text)) == str(int(number) + len(starts)):
            starts.append(i)
    if len(starts) == 1:
        return [t]
    items = []
    for start, end in zip(starts, [*starts[1:], len(t.body)]):
        body = t.body[start:end]
        items.append(replace(t, head=body[0], body=body, description=t.description if start == 0 else [],
                             amount_sents=[s for s in t.amount_sents if s in body],
                             own={i: x for i, x in t.own.items() if any(s.index == i for s in body)}))
    return items


def _add_to_task(task: _Said, said: _Said) -> None:
    """What one more line of a task states. Label lines read together as one label bracket
    does: beside a 牵头单位 line, the units of a 责任单位 line take part ("牵头单位：A" /
    "责任单位：B" → A leads, B takes part), whichever line comes first."""
    lead, part = said.lead, said.part
    if said.unqualified and task.lead_label:
        lead, part = [], lead + part
    elif said.lead_label and task.unqualified:
        task.part, task.lead, task.unqualified = task.lead + task.part, [], False
    task.lead += [x for x in lead if x not in task.lead]
    task.part += [x for x in part if x not in task.part and x not in task.lead]
    task.unqualified = task.unqualified or (said.unqualified and bool(lead))
    task.lead_label = task.lead_label or said.lead_label


# A reference back to a group of items ("签约项目…由X牵头") is read this many paragraphs after
# the group's last item at most (a closing paragraph, a heading "下一步" between)
_GROUP_REFERENCE_PARAGRAPHS = 4


def _referred_back(s: Sentence, said: _Said, said_before: dict[int, str], tasks: list[_Task],
                   numbered: bool) -> Assignment | None:
    """A lead whose work is the projects named before it ("A、B这两个项目…，X要牵头倒排工期",
    "X要牵头做好项目用地保障", "签约项目…由X牵头项目落地服务"): when the paragraph names no
    project before the reference, the last group of numbered items without units of their own
    (a list of projects just before) takes the lead and returns an empty assignment; else an
    assignment whose ``refers_back`` text the leads stage reads the projects from: the
    paragraph before the reference, or the whole page before it when the reference is to the
    batch the page reports ("本批开工项目由X牵头"; ``said_before``: each paragraph's text up to
    the sentence, this one's with it). None when the sentence states no such lead."""
    batch = _rule("batch_reference").search(s.text)
    m = batch or _rule("project_reference").search(s.text)
    if not said.lead or said.objects or m is None or re.fullmatch(r"(?:该|此|这)个?项目", m.group(0)):
        return None  # "X，总投资…。该项目由Y牵头": the paragraph's first clause names the task
    own = said_before[s.para]
    earlier = own[:len(own) - len(s.text)]
    if batch:  # the page before the paragraph, joined only for such a rare sentence
        earlier = "".join(text for para, text in said_before.items() if para != s.para) + earlier
    before = earlier + s.text[:m.start()]
    group = [] if numbered or batch else _unled_group(tasks)
    if group and s.para - group[-1].head.para <= _GROUP_REFERENCE_PARAGRAPHS \
            and not any(names_a_project(x) for x in re.split(r"[，,。；;：:、“”\s]", before)):
        for t in group:
            t.said.lead, t.said.part = list(said.lead), list(said.part)
            t.evidence = s
        return Assignment("", [], [], s)
    a = Assignment("", said.lead, said.part, s)
    a.extra["refers_back"] = before
    if "个项目" in m.group(0):  # "A产业园二期、B基地这两个项目": what it counts are projects, parks too
        a.extra["counted"] = s.text[:m.start()]
    return a


def _unled_group(tasks: list[_Task]) -> list[_Task]:
    """The last items numbered alike, back to the first that states units of its own."""
    group: list[_Task] = []
    for t in reversed(tasks):
        if group and _number_style(t.head.text) != _number_style(group[0].head.text) or t.said:
            break
        group.insert(0, t)
    return group


def _units_only(name: str, t: _Task) -> list[Assignment]:
    """A task that is no project (an indicator, a topic naming none): only its units are named."""
    units = Assignment(name, t.said.lead, t.said.part, t.evidence or t.head)
    units.extra["units_only"] = True
    return [units]


def _listed_works(name: str, t: _Task) -> list[Assignment]:
    """A task whose heading names no project: an indicator ("地区生产总值增长8%以上") is none; one
    that counts the works it lists ("A项目、B专用线等2个项目4月底前开工") names them, led by the
    task's units."""
    part = [p for p in t.said.part if p not in t.said.lead]
    return [Assignment(w, t.said.lead, part, t.evidence or t.head, unqualified=t.said.unqualified, projects=[w])
            for w in subject_list(t.head.text)] or _units_only(name, t)


def _task_assignments(t: _Task) -> list[Assignment]:
    """What a numbered task that states its units says: the projects it names, each led by
    its units ("1.加快X产业集聚。推动A建成投产，开工建设B。（牵头单位：甲；配合单位：乙）" → A and B
    led by 甲 with 乙), or the task itself when it names none."""
    name = heading_name(t.head.text)
    if len(name) < 4:
        return _listed_works(name, t)
    # a short heading ("(三)提升创新能力。建设X平台…") names the task; a task written as sentences
    # ("1.深入实施A,…。推动B建设。(甲牵头)") names its projects in all of them. A topic heading of a
    # word or two ("（二）港航物流。加快X建设…") is no task of its own
    topic = name.endswith(tuple(_cfg()["topic_heading_ends"]))  # "园区建设方面。": a report's topic
    topical = len(name) <= 4 or topic
    titled = len(t.head.text) <= 24 and not re.search(r"[,，;；]", t.head.text) and not topical
    said_in = [t.head] if titled else t.body
    # an item titled by a project's name ("3. X物流枢纽项目：…建设冷库8万平方米") is that
    # project: the works its description names are its parts
    named = [] if _titled_item(HEADING_NUMBER.sub("", t.head.text, count=1)) else \
        projects_in_task("".join(_without_labels(x.text) for x in said_in))
    facility = facility_of(name)
    if named == [facility]:
        named = []  # "建设X研究院": the heading's facility, known by its task name too
    builds = None if named else facility  # the heading's facility stays the task's project
    # the works the sentences after a short heading name (by a proper name, a phase or a
    # facility) are the task's works as much as those of a task written as sentences: its units
    # lead them (the evaluators' gold), unless the heading is a project's name ("（一）X基地二期。
    # 建设Y生产线…"): then they are that project's parts
    bare_project = not named and builds is None and names_a_project(name)
    find = proper_projects_in_task if bare_project else works_in_task
    # a heading's paragraphs before its units ("二、X / 一是建成A绿道；二是开工建设B医院。 / 责任
    # 单位：甲（牵头）、乙") describe its works as much as a run-in text does
    described = t.description if titled and not named and not bare_project else []
    said_by = {w: s for s in reversed((t.body[1:] if titled else []) + described)
               for w in find(_without_labels(s.text))}  # each with its first sentence
    works = [w for w in reversed(said_by) if w not in named and w != name and w != facility
             and not _its_own_works(w, builds)]
    lead, part = t.said.lead, [p for p in t.said.part if p not in t.said.lead]
    if topic and not named and not works:
        return _units_only(name, t)  # a topic naming no project is none itself
    a = Assignment(name, lead, part, t.evidence or t.head, unqualified=t.said.unqualified,
                   facility=builds, projects=[] if bare_project or builds else named + works)
    a.extra["task_text"] = "".join(_without_labels(x.text) for x in said_in)
    a.investment, a.area = _task_amounts(t, name)
    out = [a, *_led_by_own_clause(t, a)]
    if builds and not ends_like_a_work(builds) and any(said_by[w] in described for w in works):
        a.extra["units_only"] = True  # "二、推进城市功能完善": a section its paragraphs' works make up
    # facilities the task builds ("实施A路、B路等道路工程", "完成X平台建设") are projects
    # of their own, without the task's leads, unless the task named its projects
    for s in t.body if not named and not a.projects else ():
        for item in named_in_task(s.text, facilities_only=True):
            if item != name and item != a.facility:
                out.append(Assignment(item, [], [], s, projects=[item]))
    for w in works if bare_project or builds else ():
        # the parts of the project a heading names are projects too, without its units; the
        # works besides the facility a heading builds are the task's
        led, joined = ([], []) if bare_project else (lead, part)
        out.append(Assignment(w, led, joined, said_by[w], unqualified=a.unqualified, projects=[w]))
    return out


def _its_own_works(work: str, facility: str | None) -> bool:
    """"（五）建设X实验室。…完成实验室一期主体工程": the works of the facility a heading builds,
    named by the facility's head word alone (实验室, the kind it is), are that facility's."""
    heads = lexicon.words("names", "project_heads")
    return facility is not None and any(facility.endswith(h) and work.startswith(h) for h in heads)


def _task_amounts(t: _Task, name: str) -> tuple[Decimal | None, Decimal | None]:
    """A task's investment and area: from its heading after the name, else from the first of
    its amount sentences that state them ("该项目总投资5亿元…")."""
    rest = t.head.text[t.head.text.find(name) + len(name):] if name in t.head.text else ""
    money, area = amounts.leading(rest)
    for s in t.amount_sents:
        m2, a2 = amounts.leading(re.sub(r"^项目", "", s.text))
        money, area = money or m2, area or a2
    return money, area


def _led_by_own_clause(t: _Task, a: Assignment) -> list[Assignment]:
    """"（一）做强X产业。一是推动A项目…（甲牵头，乙配合）。二是加快B基地建设（丙牵头）。": a
    task written as run-in clauses that each close with their own units: each work a clause
    names is led by that clause's units, not by all the task's (the task keeps the works of
    clauses that state none). A task whose works all went so names only its units."""
    out = []
    for work in list(a.projects):
        s = next((x for x in t.body if work in _without_labels(x.text)), None)
        said = t.own.get(s.index) if s is not None else None
        if s is None or said is None or len(t.own) < 2:
            continue
        own = Assignment(work, said.lead, [p for p in said.part if p not in said.lead], s,
                         unqualified=said.unqualified, projects=[work])
        own.extra["task_text"] = a.extra["task_text"]
        out.append(own)
        a.projects.remove(work)
    if out and not a.projects:
        a.extra["units_only"] = True
    return out


def _section_statement(s: Sentence, paragraph: str, tasks: list[_Task]) -> bool:
    """"以上工作由X牵头，Y配合。其中第7项由Z牵头": leads stated once, after a section's
    numbered items, for all of them. Each item of the section (the tasks numbered like the
    last one, back to the section's heading) without a lead of its own takes X (and Y); an
    item singled out by its number takes its own lead. False when the text is no such
    statement or no items precede it."""
    c = _cfg()
    if not s.text.lstrip(" (（").startswith(tuple(c["section_references"])) or not tasks \
            or _rule("batch_reference").match(s.text.lstrip(" (（")):
        return False  # ("上述在建项目均由X牵头": the projects of a kind the page listed)
    # "（以上由X牵头，Y参与）" on a line of its own: the statement inside the bracket
    clauses = re.split(r"(?<=[；;。])", re.sub(r"^\s*[(（](.*)[)）][。；;]?\s*$", r"\1", paragraph))
    item = re.compile(c["item_reference"])
    singled = [(item.match(x.strip()), x) for x in clauses]
    said = statements("".join(x for m, x in singled if not m))
    if not said.lead:
        return False
    own: dict[str, _Said] = {}
    for m, clause in singled:
        if m:
            for number in re.split(r"[、,，和及\s]+", m.group(1)):
                own[_number_value(number)] = statements(clause[m.end():])
    style = _number_style(tasks[-1].head.text)
    for t in reversed(tasks):
        if _number_style(t.head.text) != style:
            break  # the section's heading ("二、城市建设")
        singled_out = own.get(_number_value(_item_number(t.head.text)))
        lead = singled_out.lead if singled_out and singled_out.lead else None
        if lead is None and t.said.lead:
            continue  # an item that states its own lead keeps it
        lead = lead or said.lead
        t.said.lead = list(lead)
        t.said.part = [p for p in _unique(t.said.part + said.part) if p not in lead]
        t.evidence = s
    return True


def _share_group_labels(tasks: list[_Task]) -> None:
    """"1. A…  2. B…  牵头单位：X　配合单位：Y": label lines after the last of a group of
    items lead the whole group: each item before it, numbered alike and back to the first
    that states units of its own (or the group's heading), takes X and Y. An item that names
    only the firm that builds it ("由X公司负责开发建设") states no units of its own: the
    group's label leads it too."""
    for i, t in enumerate(tasks):
        if not (t.labelled_after and t.said.lead):
            continue
        style = _number_style(t.head.text)
        for before in reversed(tasks[:i]):
            if _number_style(before.head.text) != style or before.said and not _builder_only(before.said):
                break
            before.said.lead, before.said.part = list(t.said.lead), list(t.said.part)
            before.said.unqualified = t.said.unqualified
            before.evidence = t.evidence


# "X工程：改造…，投资8000万元。": a paragraph opened by a project's name and a colon
_TITLE = re.compile(r"^\s*([^，,。；;：:、\s]{4,30})[:：]")


def _titled_item(text: str) -> bool:
    """Is the paragraph an item titled by a project's name and a colon ("X工程：…")? A list
    whose bullets the reader dropped ("- **X**：…", "• X：…") reads so: each such item is a
    task as much as a numbered one (a label line after a group of them leads them all)."""
    m = _TITLE.match(text)
    return m is not None and not _label_word(m.group(1)) and names_a_project(m.group(1))


def _builder_only(said: _Said) -> bool:
    """Does a statement name only companies, none as taking part ("由X集团有限公司负责开发建设")?"""
    firms = tuple(_cfg()["company_suffixes"])
    return bool(said.lead) and not said.part and all(u.endswith(firms) for u in said.lead)


def _item_number(text: str) -> str:
    """A heading's number as written ("（3）", "12.", "二、"); "" for a line without one."""
    m = HEADING_NUMBER.match(text)
    return m.group(0).strip() if m else ""


def _number_style(text: str) -> str:
    """The numbering of a heading without its number ("（3）" → "（0）", "二、" → "一、"):
    the items of one list share it, the heading above them differs."""
    return re.sub(r"\d+", "0", re.sub(r"[一二三四五六七八九十]+", "一", _item_number(text)))


def _number_value(number: str) -> str:
    """The number a heading or an item reference states ("（3）", "第三" → "3")."""
    digits = re.search(r"\d+|[一二三四五六七八九十]+", number)
    if digits is None:
        return ""
    value = to_decimal(digits.group(0))
    return str(int(value)) if value is not None else digits.group(0)


# ---------------------------------------------------------------- tables

def _cell(header: dict[str, int], cells: tuple[str, ...], key: str) -> str:
    """The cell of a row in the column ``key``; empty when the table has no such column."""
    return cells[header[key]] if key in header and header[key] < len(cells) else ""


def from_tables(sents: list[Sentence]) -> list[Assignment]:  # noqa: C901, PLR0915 — one pass that carries the header, the previous row and the stated leads from row to row # long: a wrapped row continues the one before it
    """Assignments from responsibility and project tables (Table blocks or text rows)."""
    out: list[Assignment] = []
    unled: list[Assignment] = []
    header: dict[str, int] | None = None
    names: tuple[str, ...] = ()
    prev: Assignment | None = None
    stated: _Said | None = None  # "下列项目由X负责建设，Y统筹协调：" right before a table
    table_units: _Said | None = None
    spanned: tuple[str, str] | None = None  # the units cells a merged cell spans rows with
    for s in sents:
        if s.cells is None:
            if not s.heading:
                header, prev = None, None
                stated = _forward_statement(s.text)
            continue
        cells = s.cells
        found = columns.header_roles(cells)
        if found is None and stated is not None:
            found = columns.header_roles(cells, need_units=False)  # a project table led as one
        if found:
            header, names, prev, spanned = found, cells, None, None
            table_units, stated = (None if "lead" in found else stated), None
            continue
        if header is None:
            continue
        if columns.section_row(cells) or columns.total_row(cells):
            prev, spanned = None, None  # "三、加快新城建设", "合计": no task, no row above to go on
            continue
        full = len(cells) == len(names)  # a row that keeps its empty cells in their place
        if len(cells) != len(names) or not columns.units_in_place(header, cells):
            # a ragged row of a flattened table, or one whose task cell wrapped onto a line of
            # its own and pushed the units out of their column
            aligned = columns.align(header, len(names), cells)
            if len(cells) != len(names) or columns.units_in_place(header, aligned):
                cells = aligned
        if sum(1 for c in cells if c) == 1 and cells[0] and not re.fullmatch(r"[\d一二三四五六七八九十]+[.、]?", cells[0]):
            spanned = None
            continue  # a section row ("二、项目建设") spanning the table
        get = functools.partial(_cell, header, cells)
        task = get("task")
        # a cell spanning several lines: continuation rows leave the number cell empty
        if prev is not None and "no" in header and not re.fullmatch(r"[\d一二三四五六七八九十]+[.、]?", get("no")):
            for cell in cells:
                if not cell or cell in prev.extra.get("people", ()) or columns.cell_type(cell) in ("amount", "number"):
                    continue
                units = agencies_of(cell)
                if units and all(re.search(r"(局|办|委|室|中心|镇|街道|组|公司|集团)$", u) for u in units):
                    prev.lead += units
                elif not re.search(r"\d+年|\d+月", cell) and len(cell) > 3:
                    prev.task += cell
            continue
        lead_cell, part_cell = get("lead"), get("part")
        if lead_cell:
            spanned = (lead_cell, part_cell)
        elif not part_cell and full and spanned is not None:
            lead_cell, part_cell = spanned  # a merged cell flattened: blank in the rows it spans
        leads = agencies_of(lead_cell) if table_units is None else list(table_units.lead)
        parts = agencies_of(part_cell) if table_units is None else list(table_units.part)
        marked = marked_leads(lead_cell)
        if marked and marked[0]:
            leads, parts = marked[0], marked[1] + parts
        if task and leads:
            prev = Assignment(task, leads, parts, s, unqualified="part" not in header)
            prev.extra["project_column"] = "project" in header
            if "invest" in header:
                prev.investment = amounts.column_value(get("invest"), names[header["invest"]])
            if "area" in header:
                prev.area = amounts.column_value(get("area"), names[header["area"]])
            if "content" in header and prev.area is None:
                prev.area = amounts.in_cell(get("content"))[1]
            if "content" in header:
                prev.extra["content"] = get("content")
            out.append(prev)
        elif task and "project" not in header:
            # a row whose units cell is empty (or cut off with the page) still names projects
            unled += [Assignment(p, [], [], s, projects=[p]) for p in proper_projects_in_task(task)]
    for a in out:
        if a.extra.get("project_column"):
            a.task = a.task.strip(" “”\"")
            continue
        a.extra["task_text"] = a.task
        a.projects = projects_in_task(re.sub(r"[(（][^()（）]*[)）]", "", a.task)) or \
            [p for p in named_in_task(a.task) if "、" not in p]  # a list left whole is no name
        if len(a.projects) == 1:
            money, area = amounts.in_cell(a.task)
            a.investment, a.area = a.investment or money, a.area or area
        a.task = _not_indicator(_unframe_first(task_name(a.task)))
        if not a.projects:
            a.task = named_without_tail(a.task)  # "X监管中心投入运营": the facility, not what is done to it
        # A row is a project through the projects it names, or as a task that works on a
        # facility ("完善创业大厦配套设施"); a row that does neither (an indicator "生产总值增长
        # 7.5%", a duty "发挥政府产业基金作用") still names its units.
        a.extra["units_only"] = not a.projects and not (len(a.task) >= 2 and names_a_facility(a.task))
    return out + unled


def _forward_statement(text: str) -> _Said | None:
    """What a sentence says of the rows of the table after it ("以下项目统一由X负责实施")."""
    if "由" not in text or not any(w in text for w in _cfg()["forward_references"]):
        return None
    said = statements(text)
    return said if said.forward and said.lead else None


def _unframe_first(name: str) -> str:
    clauses = [x for x in re.split(r"[,，]", name) if x.strip()]
    for clause in clauses:
        framed = _unframe(clause)
        if framed is not None:
            return framed
    return ""
