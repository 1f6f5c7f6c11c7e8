"""Before and after, side by side: every REST endpoint and page with one client, served from an
older revision of zonekg and from the working tree, alternating on the same store.

    bench/compare.py REVISION STORE [--requests 5] [--timeout 60]

The old revision is extracted with ``git archive`` into a temporary folder and put first on
PYTHONPATH, so both servers run in the same interpreter and environment; each is started on a
free loopback port with the same query time limit (``--timeout``, high by default so that slow
endpoints show their real cost instead of the limit's 503).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import load
import servers
import workload

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("api", "graph", "loaders", "ontology", "visualize")


def extract(revision: str, folder: Path) -> Path:
    """``revision``'s source laid out as the ``zonekg`` package under ``folder``."""
    source = folder / "source"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    package = folder / "path" / "zonekg"
    package.mkdir(parents=True)
    for name in PACKAGES:
        (package / name).symlink_to(source / name)
    return folder / "path"


def measure(store: Path, requests: int, timeout: float, pythonpath: Path | None,
            only: list[str] | None = None) -> dict[str, dict]:
    command, port = servers.zonekg(store, timeout=timeout)
    env = {"PYTHONPATH": str(pythonpath)} if pythonpath else None
    with servers.serving(command, "/api/health", port, env=env) as base:
        ids = workload.pick_ids(base)
        out = {}
        for request in [*workload.rest(ids), *workload.pages(ids)]:
            if only and not any(part in request.label for part in only):
                continue
            stats, _ = load.run(base, [request], clients=1, seconds=timeout, max_requests=requests,
                                timeout=timeout + 30)
            out[request.label] = load.total(stats).summary()
            print(f"{'before' if pythonpath else 'after '} {request.label}: {out[request.label]}", file=sys.stderr)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision")
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument("--only", nargs="+", help="only the endpoints whose label contains one of these")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zonekg-before-") as folder:
        old = extract(args.revision, Path(folder))
        before = measure(args.store, args.requests, args.timeout, old, args.only)
    after = measure(args.store, args.requests, args.timeout, None, args.only)
    print("| endpoint | before p50 ms | after p50 ms | before p99 | after p99 |\n|---|---|---|---|---|")
    for label, a in after.items():
        b = before.get(label, {})
        print(f"| {label} | {b.get('p50_ms')}{' (' + str(b['errors']) + ' err)' if b.get('errors') else ''} "
              f"| {a['p50_ms']} | {b.get('p99_ms')} | {a['p99_ms']} |")
    if args.out:
        args.out.write_text(json.dumps({"revision": args.revision, "before": before, "after": after}, indent=1))


if __name__ == "__main__":
    main()
