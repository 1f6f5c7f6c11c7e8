"""What a start and the first answers after it cost, in-process, in CPU seconds and wall seconds.

    python bench/first_answers.py STORE [--revision REV] [--zones 3]

Measured on one open store, each answer computed cold (no memo): reading the read model
whole (what a start without a snapshot does), saving it and loading it back (a start with
one; working tree only), the zones most like each of the ``--zones`` busiest zones
(``/api/analysis/zones?a=``), the overview and then the overview of every kind
(``/graph?kinds=all``) sharing what the service's page memo shares, and the first filtered
project lists. With ``--revision`` the same runs with that revision's code (extracted as
``bench/compare.py`` does) in a child process first, so before and after come from one run on
the same store. CPU seconds are this process's (the store is embedded: its work is counted);
on a busy machine compare them, not the wall figures.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def timed(results: dict[str, dict], label: str, compute: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    value = compute()
    results[label] = {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3)}
    print(f"{label}: {results[label]}", file=sys.stderr, flush=True)
    return value


def measure(store_path: Path, zones: int) -> dict[str, dict]:
    from zonekg.graph.analyst import Analyst
    from zonekg.graph.catalog import Catalog, ListFilter, local_runner
    from zonekg.graph.memo import GenerationMemo
    from zonekg.graph.read_model import Current, ReadModel
    from zonekg.graph.store import open_store
    from zonekg.visualize.compose import overview_drawing
    from zonekg.visualize.style import KINDS

    results: dict[str, dict] = {}
    store = open_store(store_path)
    try:
        live = Catalog(local_runner(store))
        model = timed(results, "read model, whole", lambda: ReadModel.read(live.select))
        if hasattr(store, "state"):
            from zonekg.graph import model_snapshot

            token = store.state()
            timed(results, "read model, save", lambda: model_snapshot.save(store_path, token, model))
            timed(results, "read model, load", lambda: model_snapshot.load(store_path, token))
        current = Current()
        current.install(model)

        def catalog() -> Catalog:  # a fresh memo: every answer cold
            return Catalog(local_runner(store), generation=lambda: 0, model=current)
        busiest = Analyst(catalog()).busiest_zones(zones)
        for i, zone in enumerate(busiest):
            timed(results, f"zones like busy zone {i + 1}", lambda z=zone: Analyst(catalog()).similar_zones(z))
        pages = GenerationMemo(lambda: 0)
        shared = catalog()

        def drawing(kinds: set[str] | None) -> Any:
            try:
                return overview_drawing(shared, kinds, pages.get)
            except TypeError:  # a revision whose overview shares nothing
                return overview_drawing(shared, kinds)
        timed(results, "/graph overview", lambda: drawing(None))
        timed(results, "/graph?kinds=all after the overview", lambda: drawing(set(KINDS)))
        lists = catalog()
        zone = lists.order("zones").members[busiest[0]].name
        for label, flt in (("lead=商务局", ListFilter(lead="商务局")), (f"zone={zone}", ListFilter(zone=zone)),
                           ("q=智能", ListFilter(q="智能"))):
            timed(results, f"projects?{label} page and facets",
                  lambda f=flt: (lists.list("projects", f, 50, 0), lists.facets("projects", f)))
    finally:
        store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--revision")
    parser.add_argument("--zones", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the results as JSON only (used for --revision)")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.store, args.zones)))
        return
    out: dict[str, Any] = {}
    if args.revision:
        from compare import extract

        with tempfile.TemporaryDirectory() as folder:
            path = extract(args.revision, Path(folder))
            done = subprocess.run([sys.executable, __file__, str(args.store), "--zones", str(args.zones), "--json"],
                                  env={**os.environ, "PYTHONPATH": str(path)}, check=True, stdout=subprocess.PIPE)
            out["before"] = json.loads(done.stdout)
    out["after" if args.revision else "figures"] = measure(args.store, args.zones)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
