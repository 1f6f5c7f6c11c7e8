"""Runs the direct harness on the five samples: a regression floor that turns CI red."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no shared/eval")

# Floors at the level reached so far (regression guard) ...
FLOOR = {"zones": 0.90, "agencies": 0.97, "companies": 0.70, "industries": 0.82,
         "projects": 0.85, "lead": 0.95, "targets": 0.97}
# ... and the product targets of issue 3, not all reached yet.
REQUIRED = {"lead": 0.95, "agencies": 0.90, "zones": 0.90, "targets": 0.90, "projects": 0.85,
            "industries": 0.85, "companies": 0.80}


@pytest.fixture(scope="module")
def figures():
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from score_extraction import run
    return run(SHARED / "seeds", SHARED / "eval" / "gold", out=io.StringIO())


@pytest.mark.parametrize("cat", list(FLOOR))
def test_floor(figures, cat):
    assert figures[cat]["f1"] >= FLOOR[cat]


def test_amount_accuracy(figures):
    assert figures["area_m2_accuracy"] >= 0.95
    assert figures["investment_cny_accuracy"] >= 0.95
    assert figures["target_year_accuracy"] >= 0.97


MET = ["lead", "agencies", "zones", "targets", "projects"]
NOT_MET = [c for c in REQUIRED if c not in MET]


@pytest.mark.parametrize("cat", MET)
def test_required(figures, cat):
    assert figures[cat]["f1"] >= REQUIRED[cat]


@pytest.mark.xfail(reason="issue 3 targets not reached yet (see report)", strict=True)
@pytest.mark.parametrize("cat", NOT_MET)
def test_required_not_yet(figures, cat):
    assert figures[cat]["f1"] >= REQUIRED[cat]
