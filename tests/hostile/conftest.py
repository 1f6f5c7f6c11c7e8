"""Fixtures of the hostile suite: the sample store and live servers started on it."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from live_server import SAMPLES, TOKEN, ZONEKG, LiveServer


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/hostile/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.hostile)
            item.add_marker(pytest.mark.slow)


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
