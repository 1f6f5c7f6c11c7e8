"""How each endpoint's cost grows with the store: the same workload, one client, against two
(or more) stores served one after the other by the working tree.

    python bench/growth.py STORE_SMALL STORE_LARGE [--requests 20] [--timeout 60]
                           [--only analysis page] [--draw]

Each store's first request per endpoint is reported apart ("first": it may wait for the
background warm-up after start), then ``--requests`` more give p50 and p99. ``--only`` keeps
the endpoints whose label contains one of the words; ``--draw`` also draws the network pages
in headless Chromium (``page_draw``) on each store.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import load
import page_draw
import servers
import workload


def measure(store: Path, requests: int, timeout: float, only: list[str] | None = None,
            draw: bool = False) -> dict[str, dict]:
    command, port = servers.zonekg(store, timeout=timeout)
    with servers.serving(command, "/api/health", port, start_seconds=1800) as base:
        ids = workload.pick_ids(base)
        out = {}
        for request in [*workload.rest(ids), *workload.pages(ids), *workload.sparql_requests(ids)]:
            if only and not any(word in request.label for word in only):
                continue
            first, _ = load.run(base, [request], clients=1, seconds=timeout, max_requests=1, timeout=timeout + 30)
            stats, _ = load.run(base, [request], clients=1, seconds=timeout, max_requests=requests,
                                timeout=timeout + 30)
            out[request.label] = {**load.total(stats).summary(), "first_ms": load.total(first).summary()["p50_ms"]}
        if draw:
            for label, figures in page_draw.draw(base, page_draw.pages(ids.agency, ids.zone)).items():
                out[f"drawn {label}"] = figures
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stores", type=Path, nargs="+")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", nargs="+", help="only the endpoints whose label contains one of these")
    parser.add_argument("--draw", action="store_true", help="also draw the network pages in Chromium")
    args = parser.parse_args()
    figures = {str(store): measure(store, args.requests, args.timeout, args.only, args.draw) for store in args.stores}
    names = list(figures)
    print("| endpoint | " + " | ".join(f"{Path(n).name} p50 / p99 (first) ms" for n in names)
          + " | growth of p50 |\n|---" + "|---" * (len(names) + 1) + "|")
    for label in figures[names[0]]:
        cells = [figures[n][label] for n in names]
        if label.startswith("drawn "):  # answer and drawn ms, entities drawn
            print(f"| {label} | " + " | ".join(f"answer {c.get('answer_ms')}, drawn {c.get('drawn_ms')} "
                                             f"({c.get('nodes', c.get('error'))} entities)" for c in cells) + " | |")
            continue
        growth = (cells[-1]["p50_ms"] + 1) / (cells[0]["p50_ms"] + 1)
        print(f"| {label} | " + " | ".join(f"{c['p50_ms']} / {c['p99_ms']} ({c['first_ms']})"
                                         + (f" {c['errors']} err" if c["errors"] else "") for c in cells)
              + f" | {growth:.1f}x |")
    if args.out:
        args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
