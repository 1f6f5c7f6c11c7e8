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

from zonekg.loaders.extraction import lexicon

_CLAUSE = re.compile(r"[，,；;。:：!！]")
_ITEM = re.compile(r"、|和|及|与")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    c = lexicon.load("responsibility")
    n = lexicon.load("names")
    heads = c["task_project_heads"] + n["project_heads"] + n["zone_suffixes"]
    verb = re.compile(f"(?:{_alt(c['task_project_verbs'])})")
    head_then_tail = re.compile(rf"^(.{{2,30}}?(?:{_alt(heads)}))(?:(?:{_alt(c['task_project_tails'])}).*)?$")
    ends_head = re.compile(rf"(?:{_alt(heads)})$")
    any_head = re.compile(f"(?:{_alt(heads)})")
    return verb, head_then_tail, ends_head, any_head, tuple(c["task_project_generic"])


def _balanced(name: str) -> str:
    """A name without a quote mark left open by the clause split (“X”Y keeps its pair)."""
    if name.count("“") != name.count("”"):
        name = name.strip("“”")
    return name


def projects_in_task(text: str) -> list[str]:
    """The projects a task's text names, in order, without duplicates."""
    verb, head_then_tail, ends_head, _, generic = _patterns()
    out: list[str] = []
    acted = False  # a construction verb opened the task: "…的X轴" closes its object
    for clause in _CLAUSE.split(text):
        clause = clause.strip()
        m = verb.search(clause)
        if m is None:
            if acted and "的" in clause and ends_head.search(clause):
                out.append(clause.rsplit("的", 1)[1])
            continue
        acted = True
        obj = clause[m.end():]
        if "等" in obj and _ITEM.search(obj.split("等")[0]):
            items = _ITEM.split(obj.split("等")[0])
        else:
            whole = head_then_tail.match(obj)
            if whole is None:
                continue
            items = _ITEM.split(whole.group(1))
            if not all(ends_head.search(i) for i in items):
                items = [whole.group(1)]  # "工业和信息化服务平台" is one name
        out += [_balanced(i.strip()) for i in items]
    return [p for p in dict.fromkeys(out)
            if 3 <= len(p.strip("“”\"")) <= 30 and ends_head.search(p) and not re.search(r"\d", p)
            and not any(g in p for g in generic) and not verb.match(p)]


def names_a_facility(text: str) -> bool:
    """Does the text name a built thing (a 大厦, 园, 中心 …) anywhere?"""
    return _patterns()[3].search(text) is not None
