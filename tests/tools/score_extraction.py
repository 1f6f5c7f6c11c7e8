#!/usr/bin/env python3
"""Score :func:`zonekg.loaders.extraction.extract` directly against the gold files.

The official scorer (shared/eval/score.py) ingests through the CLI and reads the REST API;
this harness skips both: it reads each document with ``read_document``, runs ``extract``,
converts the Extraction into the item dicts the API would serve, and calls the scorer's own
``score_doc``/``Tally`` so the figures mean the same thing.

    python3 tests/tools/score_extraction.py [--docs DIR] [--gold DIR] [--explain]
        [--min-f1 lead=0.95 ...] [--extractor module:function]
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
from pathlib import Path

from zonekg.loaders.extraction.model import Extraction, Kind, Relation
from zonekg.loaders.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
CATEGORIES = ["zones", "agencies", "companies", "industries", "projects", "lead", "targets"]


def load_scorer(path: Path | None = None):
    path = path or SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("zonekg_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def to_items(ex: Extraction) -> dict[str, list[dict]]:
    """The per-document items the REST API would return for this extraction."""
    plural = {Kind.ZONE: "zones", Kind.AGENCY: "agencies", Kind.COMPANY: "companies",
              Kind.INDUSTRY: "industries", Kind.PROJECT: "projects"}
    out: dict[str, list[dict]] = {c: [] for c in CATEGORIES}
    for e in ex.entities:
        item = {"name": e.name, "aliases": sorted(e.aliases)}
        if e.kind is Kind.PROJECT:
            item["lead_agencies"] = [{"name": r.name} for r in ex.related(e.ref, Relation.LEAD_AGENCY)]
            item["participating_agencies"] = [
                {"name": r.name} for r in ex.related(e.ref, Relation.PARTICIPATING_AGENCY)]
            zones = ex.related(e.ref, Relation.LOCATED_IN)
            item["zone"] = zones[0].name if zones else None
            item["investment_cny"] = float(e.investment_cny) if e.investment_cny is not None else None
            item["area_m2"] = float(e.area_m2) if e.area_m2 is not None else None
        out[plural[e.kind]].append(item)
    for t in ex.targets:
        if t.actual:
            continue
        out["targets"].append({"metric": t.metric, "kind": t.kind.value, "value": float(t.value),
                               "unit": t.unit, "year": t.year, "text": t.text})
    return out


def run(docs: Path, gold_dir: Path, explain: bool = False, extractor=None, out=sys.stdout):
    """Score every gold document; returns the figures dict (per category P/R/F1)."""
    if extractor is None:
        from zonekg.loaders.extraction import extract as extractor
    score = load_scorer()
    tallies = {c: score.Tally() for c in CATEGORIES}
    attrs = {"investment_cny": [0, 0], "area_m2": [0, 0], "target_year": [0, 0]}
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        doc = read_document(docs / gold["doc"])
        got = to_items(extractor(doc))
        before = {c: (len(tallies[c].misses), len(tallies[c].false)) for c in CATEGORIES}
        score.score_doc(gold, got, tallies, attrs)
        if explain:
            print(f"== {gold['doc']}", file=out)
            for c in CATEGORIES:
                m0, f0 = before[c]
                for x in tallies[c].misses[m0:]:
                    print(f"  {c:10} missed  {x}", file=out)
                for x in tallies[c].false[f0:]:
                    print(f"  {c:10} extra   {x}", file=out)
    figures: dict = {}
    print(f"{'category':11} {'tp':>5} {'fp':>5} {'fn':>5} {'dup':>4} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for c in CATEGORIES:
        t = tallies[c]
        p, r, f = t.prf()
        figures[c] = {"tp": t.tp, "fp": t.fp, "fn": t.fn, "dup": t.dup, "precision": p,
                      "recall": r, "f1": f}
        print(f"{c:11} {t.tp:5} {t.fp:5} {t.fn:5} {t.dup:4} {p:6.3f} {r:6.3f} {f:6.3f}", file=out)
    for k, (ok, n) in attrs.items():
        figures[k + "_accuracy"] = ok / n if n else None
        print(f"{k + ' accuracy':24} {ok}/{n}", file=out)
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=SHARED / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--min-f1", action="append", default=[], metavar="CAT=F")
    ap.add_argument("--extractor", help="module:function to score instead of extract()")
    a = ap.parse_args()
    extractor = None
    if a.extractor:
        mod, _, fn = a.extractor.partition(":")
        extractor = getattr(importlib.import_module(mod), fn)
    figures = run(a.docs, a.gold, a.explain, extractor)
    short = []
    for spec in a.min_f1:
        cat, _, val = spec.partition("=")
        if figures[cat]["f1"] < float(val):
            short.append(f"{cat} F1 {figures[cat]['f1']:.3f} < {float(val):.3f}")
    if short:
        print("short: " + "; ".join(short))
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
