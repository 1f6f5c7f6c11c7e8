"""The ingest's read-model step alone, revision against revision, in alternating rounds.

    python bench/model_step.py STORE --revision A_CHECKOUT --revision B_CHECKOUT [--extra DIR] [--rounds 2]

``STORE`` is a store an ingest wrote (never changed: each run starts on a copy). Each revision
is a checkout with its own ``.venv``. In each round, for each revision in turn (the order
alternates), a copy is made and the revision's :class:`~zonekg.graph.model_keeper.ModelKeeper`
reads the model whole and saves it, as ``zonekg ingest`` does after a first ingest (a fresh
process: its wall, CPU and peak RSS, and the model file's size); with ``--extra``, that
revision's ``zonekg ingest DIR --jobs 1`` then lands those documents into the copy one by one
and brings the saved model up to date, as a later ingest does (wall, CPU and peak RSS of the
ingest process). Run it alone under the lock at normal priority and give the load average.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from store_rounds import alternating_copies

WHOLE = """
import sys
from zonekg.graph.model_keeper import ModelKeeper
from zonekg.graph.store import open_store
store = open_store(sys.argv[1])
keeper = ModelKeeper(store)
keeper.rewritten()
keeper.save()
store.close()
"""


def timed(command: list[str]) -> dict[str, float]:
    """Wall, CPU (user + system, with its children) and peak RSS of ``command``'s process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"{command[:3]} failed ({status})")
    return {"wall_s": round(time.perf_counter() - started, 1), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--revision", type=Path, action="append", required=True)
    parser.add_argument("--extra", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    results = []
    for round_number, revision, copy in alternating_copies(args.store, args.revision, args.rounds):
        (copy / "read-model.json").unlink(missing_ok=True)
        result: dict[str, object] = {"round": round_number, "revision": str(revision)}
        result["whole"] = timed([str(revision / ".venv/bin/python"), "-c", WHOLE, str(copy)])
        result["model_mb"] = round((copy / "read-model.json").stat().st_size / 2**20, 1)
        if args.extra:
            result["later_ingest"] = timed([str(revision / ".venv/bin/zonekg"), "ingest", str(args.extra),
                                            "--store", str(copy), "--jobs", "1", "--quiet"])
        print(json.dumps(result), file=sys.stderr, flush=True)
        results.append(result)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
