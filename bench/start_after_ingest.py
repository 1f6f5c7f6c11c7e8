"""A start right after an ingest: how long ``zonekg serve`` takes to its first answers, on a store
as an ingest leaves it without the read model saved beside it (before) and with it (after).

    python bench/start_after_ingest.py STORE [--rounds 2]

``STORE`` is a store an ingest wrote (no ``read-model.json`` in it; it is never changed: each
run starts on a copy). In each round, in alternating order, one copy is served as it is and
another after :class:`~zonekg.graph.model_keeper.ModelKeeper` has saved the model the way
``zonekg ingest`` now does at its end (that step's wall and CPU seconds are the ingest's added
cost); for each: seconds from launching ``zonekg serve`` to ``/api/health`` answering 200, then
the first ``/api/projects``. Run it alone under the lock and give the load average beside it.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
from pathlib import Path

import servers
from store_rounds import alternating_copies


def kept(store_path: Path) -> dict[str, float]:
    """Save the read model beside ``store_path`` as an ingest does at its end; its cost."""
    from zonekg.graph.model_keeper import ModelKeeper
    from zonekg.graph.store import open_store

    wall, cpu = time.perf_counter(), time.process_time()
    store = open_store(store_path)
    try:
        keeper = ModelKeeper(store)
        keeper.rewritten()
        keeper.save()
    finally:
        store.close()
    return {"wall_s": round(time.perf_counter() - wall, 2), "cpu_s": round(time.process_time() - cpu, 2)}


def first_answers(store_path: Path) -> dict[str, float]:
    """Seconds from launching the server to health 200, and the first project list's."""
    command, port = servers.zonekg(store_path)
    launched = time.perf_counter()
    with servers.serving(command, "/api/health", port) as base:
        health = time.perf_counter() - launched
        listed = time.perf_counter()
        with urllib.request.urlopen(f"{base}/api/projects?limit=50", timeout=600) as answer:
            answer.read()
        return {"health_s": round(health, 2), "first_projects_s": round(time.perf_counter() - listed, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    rounds: dict[int, dict[str, dict]] = {}
    for round_number, label, copy in alternating_copies(args.store, ("before", "after"), args.rounds):
        result = rounds.setdefault(round_number, {})
        if label == "after":
            result["ingest adds"] = kept(copy)
        result[label] = first_answers(copy)
        print(f"round {round_number} {label}: {result[label]}", file=sys.stderr, flush=True)
    print(json.dumps(list(rounds.values()), indent=1))


if __name__ == "__main__":
    main()
