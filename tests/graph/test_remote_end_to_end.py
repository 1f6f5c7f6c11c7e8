"""zonekg on a SPARQL server, end to end as a user runs it: ``zonekg ingest samples --store
http://…`` then ``zonekg serve --store`` the same URL gives the scorer the same figures as the
embedded store, and a server that is down or refuses the credentials is named in a clear error."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from zonekg.graph.errors import StoreUnavailable
from zonekg.graph.store import open_store

pytestmark = pytest.mark.slow  # a Virtuoso, ingests and servers: CI runs it, the default run does not

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
SAMPLES = ROOT / "loaders" / "samples"
CLI = [sys.executable, "-m", "zonekg.api.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(store: str) -> Iterator[str]:
    """``zonekg serve --store store`` on a free port, stopped (SIGTERM) when the block ends."""
    base = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen([*CLI, "serve", "--store", store, "--port", base.rsplit(":", 1)[1]],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def figures(store: str, out: Path) -> dict:
    """The scorer's figures for the samples ingested into ``store`` and served from it."""
    done = subprocess.run([*CLI, "ingest", str(SAMPLES), "--store", store], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    with serving(store) as base:
        done = subprocess.run([sys.executable, str(EVAL / "score.py"), "--url", base,
                               "--gold", str(EVAL / "gold"), "--json", str(out)],
                              capture_output=True, text=True, timeout=600)
    assert out.exists(), done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_scorer_figures_are_the_same_on_virtuoso(virtuoso_store_url: str, tmp_path: Path) -> None:
    if not (EVAL / "score.py").exists():
        pytest.skip(f"the scorer is not beside the repository ({EVAL})")
    embedded = figures(str(tmp_path / "store"), tmp_path / "embedded.json")
    remote = figures(virtuoso_store_url, tmp_path / "remote.json")
    assert remote == embedded and embedded["lead"]["f1"] > 0.9


def test_a_server_that_is_down_is_named(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(StoreUnavailable, match=url):
        open_store(url)
    done = subprocess.run([*CLI, "query", "--store", url, "ASK {}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and url in done.stderr and "Traceback" not in done.stderr


def test_refused_credentials_are_named(virtuoso_store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZONEKG_STORE_PASSWORD", "not-the-password")
    with pytest.raises(StoreUnavailable, match="refused the credentials") as refused:
        open_store(virtuoso_store_url)
    assert virtuoso_store_url in str(refused.value)
    monkeypatch.delenv("ZONEKG_STORE_USER")
    with pytest.raises(StoreUnavailable, match="ZONEKG_STORE_USER"):
        open_store(virtuoso_store_url)
