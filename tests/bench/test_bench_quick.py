"""CI's smoke test of the benchmark: ``bench/run --quick`` runs end to end on two small
generated corpora and its ratio checks hold (no errors at 1, 8 and 32 clients; /sparql ahead
of rdflib-endpoint's default store; details cost no more as the store grows)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
@pytest.mark.slow
def test_quick_benchmark_runs_and_its_ratios_hold(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ROOT / "bench" / "run"), "--quick", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=1800, env={**os.environ, "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    checks = [line for line in result.stdout.splitlines() if line.startswith(("ok ", "FAIL"))]
    assert checks and not [c for c in checks if c.startswith("FAIL")], checks
    assert list(tmp_path.glob("quick-*.json"))
