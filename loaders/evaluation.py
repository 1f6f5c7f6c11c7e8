"""How far to trust the graph: extraction scored against gold files written by hand.

``zonekg evaluate DOCS --gold DIR`` ingests ``DOCS`` into a temporary store, reads every item
the way the REST API serves it, and compares, document by document, with one gold file per
document. A user annotates a few of their own plans this way to see how well zonekg reads
their kind of document; the samples' gold ships in ``loaders/samples/gold/``.

Gold format (JSON, one file per document; the fields the score reads):

    {"doc": "plan.txt",                         # the document's file name
     "zones":      [{"name": "某某高新区", "aliases": ["高新区"], "core": true}],
     "agencies":   [{"name": "经济发展局", "aliases": ["经发局"]}],
     "companies":  [{"name": "某某科技有限公司"}],
     "industries": [{"name": "生物医药"}],
     "projects":   [{"name": "某某产业园", "lead": ["经济发展局"],
                     "investment_cny": 1200000000, "area_m2": 80000}],
     "targets":    [{"metric": "地区生产总值", "value": 8, "unit": "%", "year": 2024}]}

An item marked ``"core": false`` is one a careful reader may or may not list: finding it is
neither rewarded nor punished. Matching follows the evaluators' scorer: names compared after
NFKC folding with quotes, brackets and spaces removed, equal to any name or alias, or one
containing the other (at least 4 characters and 60% of the longer); each gold item matched
once (a second match is a duplicate and counts as a false positive); targets match on value
and unit (万/亿 folded into the value) and on metric (equal, containing, or named in the
text); ``lead`` pairs a project with each of its lead agencies (any alias of the agency).
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zonekg.graph.catalog import Catalog, ListFilter

CATEGORIES = ("zones", "agencies", "companies", "industries", "projects", "lead", "targets")
COLLECTIONS = ("zones", "agencies", "companies", "industries", "projects", "targets")
AMOUNTS = ("investment_cny", "area_m2")
PAGE = 500
STRIP = set(" \t\r\n\u3000“”\"'‘’「」『』《》〈〉()（）[]【】·•")
UNIT_SYNONYMS = {"％": "%", "percent": "%", "百分点": "个百分点"}
SCALES = (("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4))
CONTAINED_MIN_CHARS = 4
CONTAINED_MIN_SHARE = 0.6

Item = dict[str, Any]


def norm(text: object) -> str:
    folded = unicodedata.normalize("NFKC", str(text or "")).lower()
    return "".join(ch for ch in folded if ch not in STRIP)


def names_of(item: Item) -> set[str]:
    names = {norm(item.get("name") or item.get("label") or "")}
    names.update(norm(a) for a in item.get("aliases") or [])
    names.discard("")
    return names


def name_match(a: Item, b: Item) -> int:
    """2 when a name of one equals a name of the other, 1 when one contains the other, else 0."""
    best = 0
    for x in names_of(a):
        for y in names_of(b):
            if x == y:
                return 2
            short, long_ = sorted((x, y), key=len)
            if len(short) >= CONTAINED_MIN_CHARS and short in long_ and len(short) / len(long_) >= CONTAINED_MIN_SHARE:
                best = 1
    return best


def in_base_unit(value: object, unit: object) -> tuple[float | None, str]:
    """23 亿元 and 2300000000 元 are one amount: the 万/亿 prefixes are folded into the value."""
    folded = norm(unit)
    folded = UNIT_SYNONYMS.get(folded, folded)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, folded
    for prefix, size in SCALES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            return number * size, folded[len(prefix):]
    return number, folded


def same_number(a: object, b: object, tolerance: float = 1e-6) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= tolerance * max(1.0, abs(x), abs(y))


def target_match(gold: Item, got: Item) -> int:
    gold_value, gold_unit = in_base_unit(gold.get("value"), gold.get("unit"))
    value, unit = in_base_unit(got.get("value"), got.get("unit"))
    if gold_value is None or gold_unit != unit or not same_number(gold_value, value):
        return 0
    gold_metric, metric = norm(gold.get("metric")), norm(got.get("metric"))
    if gold_metric and metric and gold_metric == metric:
        return 2
    if gold_metric and metric and (gold_metric in metric or metric in gold_metric):
        return 1
    gold_text, text = norm(gold.get("text")), norm(got.get("text"))
    return 1 if (gold_metric and text and gold_metric in text) or (metric and gold_text and metric in gold_text) else 0


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def match(gold: list[Item], got: list[Item], same: Callable[[Item, Item], int], tally: Tally,
          label: Callable[[Item], str]) -> list[bool]:
    """One-to-one matching, exact matches first, then containment; returns which gold items
    were matched. Non-core gold items neither reward nor punish."""
    taken = [False] * len(gold)
    scores = [[same(g, x) for g in gold] for x in got]
    placed = [False] * len(got)
    core = [g.get("core", True) for g in gold]
    for level in (2, 1):
        for j, row in enumerate(scores):
            free = sorted((i for i, sc in enumerate(row) if sc >= level and not taken[i]),
                          key=lambda i: (-row[i], not core[i]))
            if placed[j] or not free:
                continue
            taken[free[0]] = placed[j] = True
            tally.tp += core[free[0]]
    for j, row in enumerate(scores):
        if placed[j]:
            continue
        hits = [i for i, sc in enumerate(row) if sc]
        if not hits:
            tally.fp += 1
            tally.extra.append(label(got[j]))
        elif any(core[i] for i in hits):
            tally.fp += 1
            tally.dup += 1
            tally.extra.append(label(got[j]) + " (duplicate)")
    for i, g in enumerate(gold):
        if core[i] and not taken[i]:
            tally.fn += 1
            tally.missed.append(label(g))
    return taken


def _name(item: Item) -> str:
    return str(item.get("name") or item.get("label"))


def lead_pairs(projects: list[Item], key: str, agencies: list[Item]) -> list[Item]:
    """(project, agency) pairs; an agency named by one spelling carries all its aliases."""
    by_name: dict[str, Item] = {}
    by_id: dict[str, Item] = {}
    for agency in agencies:
        for name in names_of(agency):
            by_name.setdefault(name, agency)
        if agency.get("id"):
            by_id[agency["id"]] = agency
    pairs = []
    for project in projects:
        for lead in project.get(key) or []:
            lead = {"name": lead} if isinstance(lead, str) else dict(lead)
            known = by_id.get(lead.get("id") or "") or by_name.get(norm(_name(lead)))
            if known:
                lead["aliases"] = [*(lead.get("aliases") or []), _name(known), *(known.get("aliases") or [])]
            pairs.append({"project": project, "agency": lead, "core": project.get("core", True)})
    return pairs


@dataclass
class Score:
    """Tallies per category and amount/year accuracy (right, checked) over all documents."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    accuracy: dict[str, list[int]] = field(
        default_factory=lambda: {"investment_cny": [0, 0], "area_m2": [0, 0], "target_year": [0, 0]})
    explained: list[str] = field(default_factory=list)

    def add(self, gold: Item, got: dict[str, list[Item]]) -> None:
        """Score one document's items against its gold."""
        before = {c: (len(t.missed), len(t.extra)) for c, t in self.tallies.items()}
        for category in ("zones", "agencies", "companies", "industries", "projects"):
            match(gold.get(category, []), got.get(category, []), name_match, self.tallies[category], _name)
        self._amounts(gold.get("projects", []), got.get("projects", []))
        match(lead_pairs(gold.get("projects", []), "lead", gold.get("agencies", [])),
              lead_pairs(got.get("projects", []), "lead_agencies", got.get("agencies", [])),
              lambda g, x: min(name_match(g["project"], x["project"]), name_match(g["agency"], x["agency"])),
              self.tallies["lead"], lambda p: f"{_name(p['project'])} <- {_name(p['agency'])}")
        targets = got.get("targets", [])
        taken = match(gold.get("targets", []), targets, target_match, self.tallies["targets"],
                      lambda t: f"{t.get('metric')} {t.get('value')}{t.get('unit')}")
        for matched, target in zip(taken, gold.get("targets", [])):
            if matched and target.get("year"):
                self.accuracy["target_year"][1] += 1
                self.accuracy["target_year"][0] += any(
                    target_match(target, x) and str(x.get("year"))[:4] == str(target["year"])[:4] for x in targets)
        self.explained.append(f"== {gold['doc']}")
        for category, tally in self.tallies.items():
            missed, extra = before[category]
            self.explained += [f"  {category:10} missed  {x}" for x in tally.missed[missed:]]
            self.explained += [f"  {category:10} extra   {x}" for x in tally.extra[extra:]]

    def _amounts(self, gold: list[Item], got: list[Item]) -> None:
        for project in gold:
            for key in AMOUNTS:
                found = [x for x in got if name_match(project, x)] if project.get(key) is not None else []
                if found:
                    self.accuracy[key][1] += 1
                    self.accuracy[key][0] += any(same_number(project[key], x.get(key), 0.01) for x in found)

    def figures(self) -> dict[str, Any]:
        """P/R/F1 per category, accuracies and the micro F1 over all categories."""
        result: dict[str, Any] = {}
        for category, t in self.tallies.items():
            p, r, f = t.prf()
            result[category] = {"tp": t.tp, "fp": t.fp, "fn": t.fn, "dup": t.dup,
                                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        for key, (right, checked) in self.accuracy.items():
            result[f"{key}_accuracy"] = round(right / checked, 4) if checked else None
        total = Tally(*(sum(getattr(t, a) for t in self.tallies.values()) for a in ("tp", "fp", "fn")))
        result["micro_f1"] = round(total.prf()[2], 4)
        return result

    def table(self) -> str:
        lines = [f"{'category':14} {'tp':>5} {'fp':>5} {'fn':>5} {'dup':>4} {'P':>6} {'R':>6} {'F1':>6}"]
        for category, t in self.tallies.items():
            p, r, f = t.prf()
            lines.append(f"{category:14} {t.tp:5} {t.fp:5} {t.fn:5} {t.dup:4} {p:6.3f} {r:6.3f} {f:6.3f}")
        for key, (right, checked) in self.accuracy.items():
            lines.append(f"{key + ' accuracy':24} {right}/{checked}")
        lines.append(f"micro F1 {self.figures()['micro_f1']:.3f}")
        return "\n".join(lines)


def load_gold(folder: Path) -> list[Item]:
    """Every ``*.json`` gold file of ``folder``, by file name."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def served_by_document(catalog: Catalog) -> dict[str, dict[str, list[Item]]]:
    """Every item of every collection as the REST API serves it, under each document that
    states it (an item from two documents counts in both)."""
    per_document: dict[str, dict[str, list[Item]]] = {}
    for collection in COLLECTIONS:
        for item in _all(catalog, collection):
            for source in item.get("sources") or []:
                per_document.setdefault(source["document"], {}).setdefault(collection, []).append(item)
    return per_document


def _all(catalog: Catalog, collection: str) -> Iterable[Item]:
    offset = 0
    while True:
        refs = catalog.refs(collection, ListFilter(), PAGE, offset)
        yield from catalog.describe(collection, [r["id"] for r in refs if r["id"]])
        offset += len(refs)
        if len(refs) < PAGE:
            return


def evaluate(catalog: Catalog, gold: list[Item]) -> Score:
    """Score what the catalog serves against the gold documents."""
    served = served_by_document(catalog)
    score = Score()
    for document in gold:
        score.add(document, served.get(document["doc"], {}))
    return score
