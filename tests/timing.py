"""Timing for the tests that compare costs (never absolute times): two calls timed in
alternating rounds, each one's fastest run kept. A busy machine (CI beside other jobs, a
developer's test run beside a benchmark) slows some runs and never speeds one, so the fastest
runs compare the work; a single run or a median flaked when the load came in bursts."""
from __future__ import annotations

import time
from collections.abc import Callable


def seconds(call: Callable[[], object]) -> float:
    """How long one ``call`` took."""
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def fastest(first: Callable[[], object], second: Callable[[], object], rounds: int = 7) -> tuple[float, float]:
    """The fastest run of ``first`` and of ``second`` over ``rounds`` alternating rounds."""
    runs = [(seconds(first), seconds(second)) for _ in range(rounds)]
    return min(run[0] for run in runs), min(run[1] for run in runs)
