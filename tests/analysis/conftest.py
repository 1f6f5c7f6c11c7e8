"""Fixtures of the analysis tests: the hand-made world in a store, read by an analyst, and
served by the app."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from world import build_store
from zonekg.api.app import create_app
from zonekg.api.settings import Settings
from zonekg.graph.analyst import Analyst
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.store import open_store


@pytest.fixture(scope="session")
def analyst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Analyst]:
    store = open_store(build_store(tmp_path_factory.mktemp("world")))
    yield Analyst(Catalog(local_runner(store)))
    store.close()


@pytest.fixture(scope="session")
def analysis_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(store=build_store(tmp_path_factory.mktemp("served-world")), workers=1)
    with TestClient(create_app(settings)) as client:
        yield client
