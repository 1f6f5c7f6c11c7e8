"""People's names: a 责任领导 cell ("王 东", "董贵波"), a name run into a department
("李明华经济发展局", "赵敏商务局"). Person names are never agencies nor part of one.

A name is a surname from ``data/people.yaml`` plus one or two given-name characters, written
alone or with a space between surname and given name (tables pad two-character names:
"王  东"). A word that begins with a surname character but is a common word (高新, 金融) or
ends like a unit or a thing (…局, …区, …业) is not a name. Where a name runs into a unit
(:func:`leading_person`), jieba's ``nr`` tag must agree with the list: either alone takes
places for people (tests/extraction/test_people.py measures it).
"""
from __future__ import annotations

import functools
import re

from zonekg.loaders.extraction import lexicon

_CJK = r"[\u4e00-\u9fff]"
# Scope words a unit's name opens with ("王东|市科技局"): a person may run into them.
_SCOPES = "省市区县镇乡"
# A list of people as a cell writes it: separated by 、，, spaces or line breaks.
_SEPARATORS = re.compile(r"[、，,;；\s]+")


@functools.cache
def _cfg() -> dict:
    return lexicon.load("people")


@functools.cache
def _surnames(key: str) -> frozenset[str]:
    """``surnames`` (one character) or ``compound_surnames`` (two), as a set."""
    return frozenset(_cfg()[key])


def _given_name_ok(given: str) -> bool:
    c = _cfg()
    return 1 <= len(given) <= 2 and re.fullmatch(f"{_CJK}+", given) is not None \
        and given[-1] not in c["not_given_name_final"]


def is_person(text: str) -> bool:
    """Is ``text`` (alone) one person's name? Spaces inside ("王 东") are table padding."""
    name = re.sub(r"\s+", "", text)
    if not 2 <= len(name) <= 4 or name in _cfg()["not_names"] or name[0] in _SCOPES:
        return False  # 区 is a surname too, but 区经发局 is the district's bureau
    single, compound = _surnames("surnames"), _surnames("compound_surnames")
    if name[:2] in compound and _given_name_ok(name[2:]):
        return True
    if name[0] in single and len(name) <= 3 and _given_name_ok(name[1:]):
        return True
    return False


def people_in(cell: str) -> list[str] | None:
    """The people a cell lists ("钱 宇", "王 嵘 方 勇", "蒋永根、金跃民"), or None when
    anything in it is not a person. A name split by padding ("钱 宇") is one person."""
    parts = [p for p in _SEPARATORS.split(cell.strip()) if p]
    out: list[str] = []
    i = 0
    while i < len(parts):
        # padding splits a name into a surname and a given name: "王 东", "欧阳 明"
        if i + 1 < len(parts) and len(parts[i]) <= 2 and len(parts[i + 1]) <= 2 \
                and is_person(parts[i] + parts[i + 1]) and not is_person(parts[i]):
            out.append(parts[i] + parts[i + 1])
            i += 2
            continue
        if not is_person(parts[i]):
            return None
        out.append(parts[i])
        i += 1
    return out or None


def _park_unit(rest: str) -> bool:
    """"金沙|电子信息产业园管理处": what follows names a park by its sector, so the words before
    are the park's place, not a person (a park is never named by its sector alone)."""
    return any(w in rest for w in _cfg()["place_type_openers"] if len(w) >= 2)


def leading_person(text: str) -> str | None:
    """A person's name that opens ``text`` and runs into a unit ("赵敏商务局" → 赵敏,
    "李明华 经济发展局" → 李明华, "王东市科技局" → 王东), or None.

    Run together, a name and a place look alike (祁岭海关, 柳营街道), so both detectors must
    agree: the surname list proposes, jieba must tag the opening word ``nr``, and what follows
    must be a unit of its own (3+ characters opening with a word or a scope: not 海关 alone,
    not 智造园… cut mid-word)."""
    head = text.strip()
    spaced = re.match(rf"^({_CJK}{{2,4}})\s+\S", head)
    if spaced and is_person(spaced.group(1)):
        return spaced.group(1)
    freq, tags = _dictionary()
    fits = [size for size in (3, 2)
            if len(head) >= size + 3 and is_person(head[:size])
            and not (freq.get(head[:size]) and tags.get(head[:size]) != "nr")
            and (head[size] in _SCOPES or len(_first_word(head[size:])) >= 2)
            and not head[size:].startswith(tuple(_cfg()["place_type_openers"]))
            and not _park_unit(head[size:])]
    if not fits:
        return None
    opening, flag = _first_tagged(head)
    if flag != "nr":
        return None
    if 3 in fits and head[3] in _SCOPES and head[:3].startswith(opening):
        return head[:3]  # jieba took the scope's neighbour for the name's end (郑敏|强市农办)
    return opening if opening in (head[:size] for size in fits) else None


def trailing_person(text: str) -> str | None:
    """The official written after a unit ("县发改局陈秋实" → 陈秋实, "县商务局副局长陈思远" →
    副局长陈思远, "县工信局 林海东" → 林海东), or None. The unit must end like one (局, 办 …)
    right before the post or the name, so a name never eats the unit's own last characters."""
    head = text.strip()
    single, compound = _surnames("surnames"), _surnames("compound_surnames")
    if len(head) < 4 or not (head[-3] in single or head[-2] in single or head[-4:-2] in compound):
        return None  # no surname where a name could start
    for size in (3, 2):
        name = head[-size:]
        rest = head[:-size].rstrip()
        if len(rest) < 2 or not is_person(name):
            continue
        title = next((t for t in _titles() if rest.endswith(t)), "")
        unit = rest[: len(rest) - len(title)].rstrip()
        if len(unit) >= 2 and unit.endswith(_unit_ends()):
            return head[len(unit):].strip()
    return None


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(_cfg()["official_titles"], key=len, reverse=True))


@functools.cache
def _unit_ends() -> tuple[str, ...]:
    return tuple(lexicon.load("responsibility")["unit_suffixes"]) + ("管委会", "政府", "部", "科")


@functools.lru_cache(maxsize=4096)
def _first_word(text: str) -> str:
    import jieba

    return next(iter(jieba.cut(text)), "")


@functools.lru_cache(maxsize=4096)
def _first_tagged(text: str) -> tuple[str, str]:
    """(Memoised, like :func:`_first_word`: a unit list is read again by several stages.)"""
    import jieba.posseg as pseg

    for pair in pseg.cut(text):
        return pair.word, pair.flag
    return "", ""


@functools.cache
def _dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's word frequencies and part-of-speech tags."""
    import jieba
    import jieba.posseg

    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word, None when it is no word."""
    freq, tags = _dictionary()
    return tags.get(word) if freq.get(word) else None
