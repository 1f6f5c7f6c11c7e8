#!/usr/bin/env python3
"""Generic baseline: jieba posseg ``nt`` words as agencies and ``ns`` words as zones, scored
with the same harness (tests/tools/score_extraction.py) for comparison."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import jieba
import jieba.posseg as pseg

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction.model import Evidence, Extraction, Entity, Kind

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_extraction import run, SHARED  # noqa: E402

jieba.setLogLevel(logging.WARNING)


def baseline(document: SourceDocument) -> Extraction:
    seen: dict[tuple[Kind, str], Entity] = {}
    for b, line in enumerate(document.text().splitlines()):
        for word, flag in pseg.cut(line):
            kind = {"nt": Kind.AGENCY, "ns": Kind.ZONE}.get(flag)
            if kind and len(word) >= 2:
                ent = seen.setdefault((kind, word), Entity(kind, word))
                ent.evidence.append(Evidence(line, b))
    return Extraction(entities=list(seen.values()))


if __name__ == "__main__":
    run(SHARED / "seeds", SHARED / "eval" / "gold", extractor=baseline)
