"""The extraction scorer, run the way users and the evaluators run it: ingest a corpus with
the CLI, serve it, read the REST API, compare with hand-made gold.

Two corpora: the five samples with the evaluators' gold (``../shared/eval``, beside the
repository as on CI) and our own held-out genre documents with their gold
(``tests/fixtures/heldout``). The thresholds are issue 3's targets on both, so an extraction
regression turns CI red.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
MIN_F1 = {
    "lead": 0.95,
    "agencies": 0.90,
    "zones": 0.90,
    "targets": 0.90,
    "projects": 0.85,
    "industries": 0.85,
    "companies": 0.80,
}
MIN_ACCURACY = {"investment_cny_accuracy": 0.95, "area_m2_accuracy": 0.95, "target_year_accuracy": 0.90}


HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
CORPORA = {
    "samples": (ROOT / "loaders" / "samples", EVAL / "gold"),
    "heldout": (HELDOUT / "docs", HELDOUT / "gold"),
}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def figures(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not (EVAL / "score.py").exists():
        pytest.skip(f"the scorer is not beside the repository ({EVAL})")
    docs, gold = CORPORA[request.param]
    out = tmp_path_factory.mktemp("score") / "figures.json"
    cmd = [
        sys.executable, str(EVAL / "score.py"),
        "--docs", str(docs),
        "--gold", str(gold),
        "--cmd", f"{sys.executable} -m zonekg.api.cli",
        "--json", str(out),
        *[f"--min-f1={cat}={value}" for cat, value in MIN_F1.items()],
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    print(done.stdout)
    assert out.exists(), done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8")) | {"_exit": done.returncode, "_table": done.stdout}


@pytest.mark.parametrize("category", sorted(MIN_F1))
def test_f1_meets_the_target(figures: dict, category: str) -> None:
    assert figures[category]["f1"] >= MIN_F1[category], figures["_table"]


@pytest.mark.parametrize("figure", sorted(MIN_ACCURACY))
def test_amount_and_year_accuracy(figures: dict, figure: str) -> None:
    assert figures[figure] is not None and figures[figure] >= MIN_ACCURACY[figure], figures["_table"]


def test_scorer_exit_status_agrees(figures: dict) -> None:
    assert figures["_exit"] == 0, figures["_table"]
