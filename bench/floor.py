#!/usr/bin/env python3
"""Ingest against its floor, the working tree beside older revisions, side by side.

The floor is jieba's bare ``cut`` over the same text: extraction cannot be faster than one
segmentation pass. For each corpus and each version (the working tree, and every ``--revision``
unpacked with ``git archive`` and put first on ``PYTHONPATH``), rounds alternate between the
versions so the machine's load weighs on each alike, and each round runs in a fresh process:

- ``prepare()`` over every document in one process, CPU seconds, beside jieba's ``cut`` CPU
  seconds over the same text in the same process (the ratio is what issue 9 bounds by 3);
- with ``--ingest``: ``zonekg ingest`` with one job and with ``--jobs 2`` into a fresh store
  (wall seconds, CPU seconds of the whole process tree and of the writer, the ingesting
  process itself, peak RSS of the tree), as ``bench/ingest.py`` measures it.

Medians of the rounds are printed as Markdown tables (and the rows as JSON with ``--json``).
CPU seconds are compared, not wall seconds, when the machine is shared.

    bench/floor.py /tmp/c100 --revision 12bd3b0 --rounds 3
    bench/floor.py /tmp/c100 /tmp/c400 --revision 12bd3b0 --ingest --rounds 1
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import ingest as ingest_bench
from servers import BIN

ROOT = Path(__file__).resolve().parents[1]
MEASURE_CPU = r'''
import pathlib, sys, time
import jieba
from zonekg.loaders.pipeline import prepare
from zonekg.loaders.readers import read_document

jieba.setLogLevel(60)
jieba.initialize()
files = sorted(p for p in pathlib.Path(sys.argv[1]).iterdir() if p.is_file())
prepare(files[0])  # rules, dictionaries and jieba loaded before the clock starts
bodies = [read_document(f).text() for f in files]
began = time.process_time()
for body in bodies:
    for _ in jieba.cut(body):
        pass
jieba_cpu = time.process_time() - began
began = time.process_time()
for f in files:
    prepare(f)
print(time.process_time() - began, jieba_cpu)
'''


def unpack(revision: str, into: Path) -> str:
    """``revision``'s tree as an importable ``zonekg`` package under ``into``; its path prefix."""
    package = into / revision / "zonekg"
    package.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(package)], input=archive, check=True)
    return str(into / revision)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(corpus: Path, python_path: str | None, with_ingest: bool) -> dict:
    """One round for one version: prepare/jieba CPU, and the ingests when asked."""
    env = {**os.environ, **({"PYTHONPATH": python_path} if python_path else {})}
    done = subprocess.run([str(BIN / "python"), "-c", MEASURE_CPU, str(corpus)], capture_output=True,
                          text=True, env=env, check=True)
    prepare_cpu, jieba_cpu = map(float, done.stdout.split())
    row = {"prepare_cpu": prepare_cpu, "jieba_cpu": jieba_cpu, "ratio": prepare_cpu / jieba_cpu}
    if with_ingest:
        for jobs in (1, 2):
            with tempfile.TemporaryDirectory(prefix="zonekg-floor-") as folder:
                before = _children_cpu()
                ran = ingest_bench.ingest(corpus, Path(folder) / "store", jobs=jobs,
                                          env={"PYTHONPATH": python_path} if python_path else None)
                row[f"jobs{jobs}_wall"] = ran["seconds"]
                row[f"jobs{jobs}_cpu"] = _children_cpu() - before
                row[f"jobs{jobs}_writer_cpu"] = ran["writer_cpu_s"]  # the rest of the tree's is the extraction's
                row[f"jobs{jobs}_rss_mb"] = ran["peak_rss_mb"]
        row["jobs2_speedup"] = row["jobs1_wall"] / row["jobs2_wall"]
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", type=Path, nargs="+", help="folders of documents (bench/corpus.py OUT)")
    parser.add_argument("--revision", action="append", default=[], help="an older revision to measure beside")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ingest", action="store_true", help="also zonekg ingest with 1 and 2 jobs")
    parser.add_argument("--json", action="store_true", help="print every round as a JSON line too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zonekg-revisions-") as folder:
        versions = {"working tree": None} | {rev: unpack(rev, Path(folder)) for rev in args.revision}
        for corpus in args.corpora:
            rounds: dict[str, list[dict]] = {name: [] for name in versions}
            for _ in range(args.rounds):
                for name, python_path in versions.items():
                    row = measure(corpus, python_path, args.ingest)
                    rounds[name].append(row)
                    if args.json:
                        print(json.dumps({"corpus": str(corpus), "version": name} | row), flush=True)
            keys = list(next(iter(rounds.values()))[0])
            print(f"\n{corpus} ({len([p for p in corpus.iterdir() if p.is_file()])} documents, "
                  f"median of {args.rounds} rounds)\n")
            print("| version | " + " | ".join(keys) + " |")
            print("|---" * (len(keys) + 1) + "|")
            for name, rows in rounds.items():
                print(f"| {name} | " + " | ".join(f"{statistics.median(r[k] for r in rows):.2f}" for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
