"""Peak memory of a ``zonekg ingest`` over time, with the read-model step told apart from the writer.

    python bench/ingest_memory.py CORPUS STORE [--zonekg PATH] [--interval 0.25] [-- extra ingest args]

Runs ``ZONEKG ingest CORPUS --store STORE --jobs 1 --quiet`` (``STORE`` must not exist; it is
left for the caller to delete) and samples, every ``--interval`` seconds, the resident memory
of its process tree (the ingest and its extraction children) and of the ingest alone. The
extraction children live until the last document is read (one helper process stays); what the
ingest does after they are gone is the end of the bulk load and then the read model's step,
and the model's own progress bar (``read model …`` on stderr, a terminal here, when the
revision shows one) marks that step's start exactly. Prints one JSON object: wall and CPU seconds (user + system of the whole tree,
reaped children), the peaks over the whole run, while children lived and after, the start of the
model step when it was told, the model's files and their size.

Why a sampler and not ``/usr/bin/time``: the peak of the whole run is the writer's or the
model's, and only the time series tells which.
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path


def rss_kib(pid: int) -> int:
    """Resident KiB of ``pid`` (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


def children(pid: int) -> list[int]:
    """Every descendant of ``pid``."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("store", type=Path)
    parser.add_argument("--zonekg", default=str(Path(sys.executable).with_name("zonekg")))
    parser.add_argument("--interval", type=float, default=0.25)
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()
    if args.store.exists():
        sys.exit(f"{args.store} exists")
    command = [args.zonekg, "ingest", str(args.corpus), "--store", str(args.store), "--jobs", "1", *args.extra]
    started = time.perf_counter()
    # stderr on a terminal, so the ingest shows its progress bars (the model step's among them)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # 0 columns: no bar
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    told: list[tuple[float, str]] = []

    def read_stderr() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            told.append((time.perf_counter() - started, chunk.decode(errors="replace")))

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    samples: list[tuple[float, int, int, int]] = []  # seconds, tree KiB, ingest KiB, children
    while process.poll() is None:
        kids = children(process.pid)
        own = rss_kib(process.pid)
        samples.append((time.perf_counter() - started, own + sum(rss_kib(k) for k in kids), own, len(kids)))
        time.sleep(args.interval)
    reader.join(timeout=5)
    print(json.dumps(summary(command, process.returncode, time.perf_counter() - started, samples, told, args.store)))


def summary(command: list[str], status: int, wall: float, samples: list[tuple[float, int, int, int]],
            told: list[tuple[float, str]], store: Path) -> dict[str, object]:
    """The run's figures; ``samples`` are ``(seconds, tree KiB, ingest KiB, children)``."""
    times = os.times()
    most = max((n for *_, n in samples), default=0)
    last_child = max((t for t, _, _, n in samples if n == most), default=0.0)  # the extraction's last
    model_start = next((t for t, text in told if "read model" in text), None)
    files = {p.name: p.stat().st_size for p in store.glob("read-model*")}

    def peak(chosen: list[tuple[float, int, int, int]], column: int) -> float:
        return round(max((s[column] for s in chosen), default=0) / 1024, 1)

    after = [s for s in samples if s[0] > last_child]
    model = [s for s in samples if model_start is not None and s[0] >= model_start]
    return {
        "command": " ".join(command), "returncode": status, "wall_s": round(wall, 1),
        "cpu_s": round(times.children_user + times.children_system, 1),
        "peak_tree_mb": peak(samples, 1), "peak_while_children_mb": peak([s for s in samples if s[3] == most], 1),
        "children_gone_s": round(last_child, 1), "peak_after_children_mb": peak(after, 2),
        "model_step_start_s": None if model_start is None else round(model_start, 1),
        "model_step_s": None if model_start is None else round(wall - model_start, 1),
        "peak_model_step_mb": peak(model, 2) if model else None,
        "model_files_mb": {k: round(v / 2**20, 1) for k, v in files.items()},
        "stderr_tail": "".join(text for _, text in told)[-600:],
        "samples": [(round(t, 1), round(tree / 1024), n) for t, tree, _, n in samples[:: max(1, len(samples) // 400)]],
    }


if __name__ == "__main__":
    main()
