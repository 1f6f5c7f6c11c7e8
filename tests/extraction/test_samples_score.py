"""Runs the direct harness on the five samples: a regression floor that turns CI red."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"

# Floors at the level reached so far (regression guard) ...
FLOOR = {"zones": 0.98, "agencies": 0.97, "companies": 0.92, "industries": 0.91,
         "projects": 0.87, "lead": 0.95, "targets": 0.97}
# ... and the product targets of issue 3 (all reached on the samples; asserted below).
REQUIRED = {"lead": 0.95, "agencies": 0.90, "zones": 0.90, "targets": 0.90, "projects": 0.85,
            "industries": 0.85, "companies": 0.80}


@pytest.fixture(scope="module")
def figures():
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from score_extraction import run
    return run(SAMPLES, SAMPLES / "gold", out=io.StringIO())


@pytest.mark.parametrize("cat", list(FLOOR))
def test_floor(figures, cat):
    assert figures[cat]["f1"] >= FLOOR[cat]


def test_amount_accuracy(figures):
    assert figures["area_m2_accuracy"] >= 0.95
    assert figures["investment_cny_accuracy"] >= 0.95
    assert figures["target_year_accuracy"] >= 0.97


MET = ["lead", "agencies", "zones", "targets", "projects", "industries", "companies"]


@pytest.mark.parametrize("cat", MET)
def test_required(figures, cat):
    assert figures[cat]["f1"] >= REQUIRED[cat]


def test_every_required_target_is_asserted():
    # once a target was met its xfail became an assertion above; none may be left out
    assert set(MET) == set(REQUIRED)
