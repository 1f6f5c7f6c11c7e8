"""Fixtures of the API tests: one shared app over the hand-made corpus, and fresh apps on demand."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api_corpus import ORIGIN, TOKEN, serve


@pytest.fixture(scope="session")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The read-mostly app shared by most tests (token configured, CORS for one origin)."""
    with serve(tmp_path_factory.mktemp("store"), token=TOKEN, cors_origins=[ORIGIN]) as test_client:
        yield test_client


@pytest.fixture()
def fresh_app(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Starts apps of their own (for tests that write, or need other settings); stops them after."""
    started: list[TestClient] = []

    def start(**settings: object) -> TestClient:
        test_client = serve(tmp_path / f"store{len(started)}", **settings)
        test_client.__enter__()
        started.append(test_client)
        return test_client

    yield start
    for test_client in started:
        test_client.__exit__(None, None, None)


@pytest.fixture()
def writable(fresh_app: Callable[..., TestClient]) -> TestClient:
    """A fresh app with the write token configured."""
    return fresh_app(token=TOKEN)
