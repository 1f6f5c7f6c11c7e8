"""Benchmark: read + extract throughput (characters per second) without a store.

Reads every file named (the samples by default) once to warm the lexicons, then reads and
extracts them ``--repeat`` times and prints characters/s. Compare two trees by running both in
one session (timings on a shared machine are noisy; compare ratios, not absolute figures).
Run:  python tests/bench/bench_extract.py [FILE_OR_FOLDER ...] [--repeat 20]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from zonekg.loaders.extraction import extract
from zonekg.loaders.pipeline import iter_files
from zonekg.loaders.readers import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[SAMPLES])
    parser.add_argument("--repeat", type=int, default=20)
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


if __name__ == "__main__":
    main()
