"""A real ``zonekg serve`` in a process of its own, for tests that need real clients, real
signals and real processes (the in-process test client shares one thread pool and one IP)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

SAMPLES = Path(__file__).resolve().parents[1] / "loaders" / "samples"
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def zonekg(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "zonekg.api.cli", *args],
                            env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def ingest_samples(store: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "zonekg.api.cli", "ingest", str(SAMPLES), "--store", str(store)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return store


class Served:
    """``zonekg serve`` on a free loopback port; ``client(ip)`` talks to it from that address
    (any of 127.0.0.0/8), so tests can play several clients."""

    def __init__(self, store: Path | str, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = zonekg("serve", "--store", str(store), "--port", str(self.port), *args, env=env)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read().decode() if self.process.stderr else ""
            try:
                if httpx.get(f"{self.base}/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("zonekg serve did not answer")

    def client(self, ip: str = "127.0.0.1", timeout: float = 120) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=timeout,
                            transport=httpx.HTTPTransport(local_address=ip))

    def stop(self) -> float:
        """SIGTERM, and the seconds the server took to exit."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        return time.monotonic() - started


def children_of(pid: int) -> set[int]:
    """Every live process descending from ``pid`` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if fields[0] != "Z":
                    parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (not zombies)."""
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living
