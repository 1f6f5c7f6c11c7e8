"""Fixtures of the analysis tests: the hand-made world as a networkx graph and as a served app."""
from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from world import build_store
from zonekg.api.app import create_app
from zonekg.api.settings import Settings
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.network import build_network
from zonekg.graph.store import open_store


@pytest.fixture(scope="session")
def world_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    store = open_store(build_store(tmp_path_factory.mktemp("world")))
    try:
        return build_network(Catalog(local_runner(store)))
    finally:
        store.close()


@pytest.fixture(scope="session")
def analysis_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(store=build_store(tmp_path_factory.mktemp("served-world")), workers=1)
    with TestClient(create_app(settings)) as client:
        yield client
