#!/usr/bin/env python3
"""Score :func:`zonekg.loaders.extraction.extract` directly against the gold files.

``zonekg evaluate`` ingests into a store and reads what the service serves; this harness
skips both: it reads each document with ``read_document``, runs ``extract``, converts the
Extraction into the item dicts the API would serve, and scores them with the same
:class:`zonekg.loaders.evaluation.Score`, so the figures mean the same thing.

    python3 tests/tools/score_extraction.py [--docs DIR] [--gold DIR] [--explain]
        [--min-f1 lead=0.95 ...] [--extractor module:function]
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from zonekg.loaders.evaluation import CATEGORIES, Score, load_gold
from zonekg.loaders.extraction.model import Extraction, Kind, Relation
from zonekg.loaders.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "loaders" / "samples"


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
    score = Score()
    for gold in load_gold(gold_dir):
        score.add(gold, to_items(extractor(read_document(docs / gold["doc"]))))
    if explain:
        print("\n".join(score.explained), file=out)
    print(score.table(), file=out)
    return score.figures()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=SAMPLES)
    ap.add_argument("--gold", type=Path, default=SAMPLES / "gold")
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
