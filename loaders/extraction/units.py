"""Lists of responsible units as a cell or a label writes them: "财政局、建设局和国土分局",
"★区发改委、统计局", "区财政局*、区发改局", "李明华 经济发展局".

Shared by the statements of running text (:mod:`.responsibility`) and table rows
(:mod:`.columns`). Words are in ``data/responsibility.yaml``.
"""
from __future__ import annotations

import functools
import re

from zonekg.loaders.extraction import distinct, lexicon, people

# Separators of a list of units; 、 inside brackets ("各县(市、区)政府") is part of one name.
SPLIT = re.compile(r"[、,，;；/\s]+(?![^()（）]*[)）])")
CONJUNCTION = re.compile(r"和|及|与")
# Marks a table or a label puts on the unit that leads ("★区发改委", "区财政局*",
# "规划建设局（牵头）"); the others assist.
LEAD_MARK = re.compile(r"^[★☆※*＊]+|[★☆※*＊]+$|[(（]牵头[)）]$")
# The items after 各 in "各县、市、区政府": kinds of place (and their governments), no unit
PLACE_KIND = re.compile(r"(?:[省市县区镇乡]|街道)(?:人民政府|政府)?")


@functools.cache
def _cfg() -> dict:
    return lexicon.load("responsibility")


def split_conjunctions(part: str, suffixes: tuple[str, ...]) -> list[str]:
    """"财政局和国土分局" is two units, "工业和信息化局" or "人力资源和社会保障局" one: a
    conjunction separates units only where the words before it already end like a unit."""
    for m in CONJUNCTION.finditer(part):
        left = part[: m.start()]
        if len(left) >= 2 and left.endswith(suffixes):
            return [left, *split_conjunctions(part[m.end():], suffixes)]
    return [part]


def _pieces(cell: str) -> list[str]:
    suffixes = tuple(_cfg()["unit_suffixes"])
    return [piece for part in SPLIT.split(cell) for piece in split_conjunctions(part, suffixes)]


@functools.lru_cache(maxsize=16384)
def _clean(part: str) -> str:
    """One unit's name without marks, a person in front, 等/各 and "此项工作由" (memoised: the
    same units are listed row after row, and the people tests tag with jieba)."""
    part = LEAD_MARK.sub("", part.strip("。.“”\"' "))
    if part[:1] in "(（" and part[-1:] in ")）":
        part = part[1:-1]
    elif part.count("(") + part.count("（") < part.count(")") + part.count("）"):
        part = part.rstrip(")）")
    person = people.leading_person(part)
    if person:
        part = part[len(person):].strip()
    part = re.sub(r"[(（][^()（）]*[)）]$", lambda m: "" if _names_someone(m.group()[1:-1]) else m.group(), part)
    person = people.trailing_person(part)
    if person:
        part = part[: -len(person)].strip()  # "县发改局陈秋实", "县商务局副局长陈思远"
    if part.startswith("各"):
        return ""  # 各街镇, 各县(市、区)政府: a type of unit, no one in particular
    part = re.sub(r"等$|等(?:\d+个)?(?:部门|单位)$", "", part)
    return re.sub(r"^[^由]{0,8}?(?:工作|项目|任务|事项)由(?=..)", "", part)  # "此项工作由X"


def _names_someone(note: str) -> bool:
    """A bracket after a unit that names its contact person ("(经济发展部 刘畅)")."""
    words = note.split()
    return bool(words) and (people.is_person(words[-1]) or people.trailing_person(note) is not None)


def agencies_of(cell: str) -> list[str]:
    """Split a list of units as written ("财政局、建设局和国土分局") into names; a bare type of
    unit ("各镇、街道", "各县、市、区政府", "相关部门") or a person names no unit and is dropped. Places listed
    before a government share its head: "黄埔区、南沙区政府" → 黄埔区政府, 南沙区政府."""
    generic = set(_cfg()["generic_units"])
    out = []
    distributed = False  # inside a list 各 opens ("各县、市、区政府"): every item a kind of place
    for piece in _pieces(cell):
        bare = piece.strip("。.“”\"' ")
        distributed = bare.startswith("各") or distributed and PLACE_KIND.fullmatch(bare) is not None
        if distributed:
            continue
        part = _clean(piece)
        if len(part) >= 2 and not part.isdigit() and part not in generic and not people.is_person(part):
            out.append(part)
    return _shared_government(out)


def government_place(name: str) -> str | None:
    """The place a government is named by in a unit list: 黄埔区政府 → 黄埔区."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{1,6}[区县市镇乡])(?:人民)?政府", name)
    return m.group(1) if m else None


def _shared_government(units: list[str]) -> list[str]:
    out = list(units)
    for k in range(len(out) - 1, 0, -1):
        head = re.search(r"(?<=[区县市镇乡])(?:人民政府|政府)$", out[k])
        if not head:
            continue
        j = k - 1
        while j >= 0 and re.fullmatch(r"[\u4e00-\u9fff]{1,6}[区县市镇乡]", out[j]):
            out[j] += head.group()
            j -= 1
    return out


def marked_leads(cell: str) -> tuple[list[str], list[str]] | None:
    """(leads, others) when the cell marks its lead units ("区财政局*、区发改局"), else None."""
    pieces = _pieces(cell)
    if not any(LEAD_MARK.search(p.strip()) for p in pieces):
        return None
    lead = [u for p in pieces if LEAD_MARK.search(p.strip()) for u in agencies_of(p)]
    rest = [u for p in pieces if not LEAD_MARK.search(p.strip()) for u in agencies_of(p)]
    return lead, rest


def is_company(name: str) -> bool:
    """A unit named as a firm is named: …公司, …集团, or a brand and the trade it is known by
    ("云帆科技", "鼎盛精工" among the 配合单位): no office's name ends in a trade."""
    if name.endswith(tuple(_cfg()["company_suffixes"])):
        return True
    trade = next((t for t in lexicon.words("names", "company_weak_tails") if name.endswith(t)), None)
    return trade is not None and distinct.is_distinctive(name[:-len(trade)])
