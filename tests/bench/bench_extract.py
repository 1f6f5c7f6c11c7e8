"""Benchmark: read + extract throughput (characters per second) without a store.

Reads every file named (the samples by default) once to warm the lexicons, then reads and
extracts them ``--repeat`` times and prints characters/s. Compare two trees by running both in
one session (timings on a shared machine are noisy; compare ratios, not absolute figures).
``--stages`` adds one traced pass and prints the share of each extraction stage.
Run:  python tests/bench/bench_extract.py [FILE_OR_FOLDER ...] [--repeat 20] [--stages]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from zonekg.loaders.extraction import Trace, extract
from zonekg.loaders.pipeline import iter_files
from zonekg.loaders.readers import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[SAMPLES])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stages", action="store_true", help="also time each extraction stage")
    args = parser.parse_args()
    files = list(iter_files(args.paths))
    chars = sum(len(read_document(f).text()) for f in files)
    for f in files:
        extract(read_document(f))
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for f in files:
            extract(read_document(f))
    elapsed = time.perf_counter() - t0
    print(f"{len(files)} files, {chars} chars x {args.repeat}: {elapsed:.2f} s, "
          f"{chars * args.repeat / elapsed:,.0f} chars/s")
    if args.stages:
        seconds: dict[str, float] = {}
        for f in files:
            trace = Trace()
            extract(read_document(f), trace=trace)
            for stage, took in trace.seconds.items():
                seconds[stage] = seconds.get(stage, 0.0) + took
        total = sum(seconds.values())
        print("  ".join(f"{stage} {took / total:.0%}" for stage, took in seconds.items()))


if __name__ == "__main__":
    main()
