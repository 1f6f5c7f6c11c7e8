"""A live ``zonekg serve`` to attack: a real socket, real processes, real signals.

The suite runs in a short form by default (CI) and in full with ``ZONEKG_HOSTILE=full``, which
uses the sizes of the original reports (a 300 MB zip bomb, 100,000 nested elements).
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

FULL = os.environ.get("ZONEKG_HOSTILE") == "full"
TOKEN = "hostile-test-token"
SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"
ZONEKG = str(Path(sys.executable).with_name("zonekg"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/hostile/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.hostile)


@dataclass
class LiveServer:
    process: subprocess.Popen[str]
    url: str

    def client(self, **options: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=options.pop("timeout", 60), **options)  # type: ignore[arg-type]

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("hostile") / "store"
    subprocess.run([ZONEKG, "ingest", str(SAMPLES / "000_eaf52f291030d4dd.txt"), str(SAMPLES / "001_5914d671fb660af2.txt"),
                    "--store", str(store), "--quiet"], check=True, capture_output=True)
    return store


@pytest.fixture()
def start_server(sample_store: Path, tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Starts ``zonekg serve`` on a copy of the sample store with extra environment settings."""
    started: list[LiveServer] = []

    def start(**environment: str) -> LiveServer:
        import shutil

        store = tmp_path / f"store{len(started)}"
        shutil.copytree(sample_store, store)
        env = {**os.environ, "ZONEKG_TOKEN": TOKEN, **environment}
        process = subprocess.Popen([ZONEKG, "serve", "--store", str(store), "--port", "0"], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        url = None
        for line in process.stdout:  # type: ignore[union-attr]
            found = re.search(r"(http://127\.0\.0\.1:\d+)/api/projects", line)
            if found:
                url = found.group(1)
                break
        assert url, "the server did not start"
        server = LiveServer(process, url)
        started.append(server)
        for _ in range(100):
            try:
                if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                    return server
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("the server does not answer")

    yield start
    for server in started:
        server.stop()


@pytest.fixture()
def server(start_server: Callable[..., LiveServer]) -> LiveServer:
    return start_server(ZONEKG_HEADER_TIMEOUT="1")
