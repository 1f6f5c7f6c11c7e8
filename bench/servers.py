"""Servers a benchmark starts on loopback and stops again: ``zonekg serve`` and rdflib-endpoint.

Each runs as a child process on a free port; :func:`serving` waits until it answers and always
stops it (by its own process id) when the block ends.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
"""Where the running interpreter's console scripts are (the venv's ``zonekg``)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
            time.sleep(0.2)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {seconds:g} s")


@contextmanager
def serving(command: Sequence[str], ready_path: str, port: int, *, start_seconds: float = 600,
            env: dict[str, str] | None = None) -> Iterator[str]:
    """Run ``command`` (listening on ``port``), yield its base URL once ``ready_path`` answers."""
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        list(command), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})}, start_new_session=True,
    )
    try:
        _wait(base + ready_path, process, start_seconds)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)


def zonekg(store: Path, *, workers: int | None = None, timeout: float | None = None) -> tuple[list[str], int]:
    """The command line of ``zonekg serve`` on ``store`` and the port it will listen on."""
    port = free_port()
    command = [str(BIN / "zonekg"), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    if timeout:
        command += ["--timeout", str(timeout)]
    return command, port


RDFLIB_ENDPOINT_PATH = "/"
"""Where ``rdflib-endpoint serve`` answers SPARQL."""


def rdflib_endpoint(ntriples: Path, store: str) -> tuple[list[str], int]:
    """rdflib-endpoint serving ``ntriples`` from its ``default`` (in-memory) or ``Oxigraph`` store
    at :data:`RDFLIB_ENDPOINT_PATH`."""
    port = free_port()
    command = [str(BIN / "rdflib-endpoint"), "serve", str(ntriples), "--host", "127.0.0.1",
               "--port", str(port), "--store", store]
    return command, port
