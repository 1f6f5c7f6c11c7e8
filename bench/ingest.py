"""Ingest as a user runs it (``zonekg ingest``), against the floor of segmenting the same text.

The floor is jieba's bare ``cut`` over every document's text (read with zonekg's own readers
beforehand, dictionary loaded beforehand): extraction cannot be faster than one segmentation
pass, so ``ingest / jieba`` says how far above the floor ingest is.
"""
from __future__ import annotations

import os
import resource
import subprocess
import time
from pathlib import Path

from servers import BIN


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (children, their children, ...), as /proc lists them now."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = [int(c) for c in (task / "children").read_text().split()]
                found += children
                stack += children
        except (OSError, ValueError):
            continue
    return found


def _rss_kb(pid: int) -> int:
    """Resident memory of one process in KiB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
    except (OSError, ValueError):
        return 0


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def _written_bytes(pid: int) -> int | None:
    """Bytes the process has caused to be written to disk so far (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/io", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("write_bytes:"))
    except (OSError, StopIteration, ValueError):
        return None


def _own_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) of the process and its threads, not its children (None
    once it is gone): the writer's share of an ingest's CPU."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def ingest(corpus: Path, store: Path | str, *, jobs: int | None = None, options: tuple[str, ...] = (),
           env: dict[str, str] | None = None) -> dict:
    """Time ``zonekg ingest corpus --store store [options]``; CPU (user + system) and peak RSS
    are of the whole process tree (every descendant is waited for, so its CPU is counted);
    ``writer_cpu_s`` and the bytes written to disk are those of the ingesting process (the
    store's single writer, with its threads; read until it exits, so within 0.2 s), and
    ``writer_alone_s`` the seconds it ran on after the extraction processes last used CPU
    (the load it had still to finish when the extraction was done)."""
    command = [str(BIN / "zonekg"), "ingest", str(corpus), "--store", str(store), *options]
    if jobs:
        command += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    peak = written = 0
    writer_cpu = 0.0
    extraction_cpu: dict[int, float] = {}
    extraction_last = began
    while process.poll() is None:
        below = _descendants(process.pid)
        peak = max(peak, sum(map(_rss_kb, [process.pid, *below])))
        written = _written_bytes(process.pid) or written
        writer_cpu = _own_cpu_s(process.pid) or writer_cpu
        used = {pid: cpu for pid in below if (cpu := _own_cpu_s(pid)) is not None}
        if any(cpu > extraction_cpu.get(pid, 0.0) for pid, cpu in used.items()):
            extraction_last = time.perf_counter()
        extraction_cpu.update(used)
        time.sleep(0.2)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"zonekg ingest failed: {process.stderr.read().decode()[-2000:]}")
    files = [p for p in corpus.iterdir() if p.is_file()]
    chars = sum(len(text) for text in texts(files))
    return {
        "documents": len(files),
        "characters": chars,
        "jobs": jobs or 1,
        "seconds": round(seconds, 2),
        "documents_per_s": round(len(files) / seconds, 2),
        "characters_per_s": round(chars / seconds),
        "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
        "writer_cpu_s": round(writer_cpu, 1),
        "writer_alone_s": round(began + seconds - extraction_last, 1) if extraction_cpu else None,
        "cores": os.cpu_count(),
        "peak_rss_mb": round(peak / 1024),
        "written_mb": round(written / 2**20),
        "store_mb": round(_size_mb(Path(store))) if Path(str(store)).is_dir() else None,
    }


def texts(files: list[Path]) -> list[str]:
    """Each document's body as zonekg reads it."""
    from zonekg.loaders.readers import read_document

    return [read_document(path).text() for path in files]


def jieba_floor(corpus: Path) -> dict:
    """Seconds jieba's ``cut`` takes over the same text (dictionary loaded first)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    bodies = texts(sorted(p for p in corpus.iterdir() if p.is_file()))
    began = time.perf_counter()
    tokens = sum(1 for body in bodies for _ in jieba.cut(body))
    seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 2), "tokens": tokens, "characters_per_s": round(sum(map(len, bodies)) / seconds)}
