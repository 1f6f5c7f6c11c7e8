"""Each analysis costs what its answer needs: the rows it reads from a store four times as
large stay the same (or grow with the part of the store the answer is about), where the old
whole-network read grew fourfold."""
from __future__ import annotations

from pathlib import Path

import pytest

from plans import SIZES, build, rows_read
from zonekg.graph import analyst as analyst_module
from zonekg.graph.analyst import Analyst
from zonekg.graph.network import build_network
from zonekg.ontology import iris


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: build(tmp_path_factory.mktemp(f"plans-{n}"), n) for n in SIZES}


def growth(stores: dict[int, Path], ask) -> float:
    small, large = (rows_read(stores[n], lambda catalog: ask(Analyst(catalog))) for n in SIZES)
    assert small > 0
    return large / small


def test_the_whole_network_grows_with_the_store(stores: dict[int, Path]) -> None:
    small, large = (rows_read(stores[n], build_network) for n in SIZES)
    assert large / small > 3.5


def test_ranking_and_co_leadership_read_the_same_from_a_larger_store(stores: dict[int, Path]) -> None:
    econ = iris.agency_iri("青川第3开发区管委会", "经济发展局")
    assert growth(stores, lambda a: a.rank_agencies(10)) < 1.3
    assert growth(stores, lambda a: a.co_leadership(10)) < 1.3
    assert growth(stores, lambda a: a.co_leadership(agency=econ)) < 1.3


def test_zone_comparisons_read_what_they_compare(stores: dict[int, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    one, other = (iris.zone_iri(f"青川第{i}经济开发区") for i in (3, 5))
    assert growth(stores, lambda a: a.compare_zones(one, other)) < 1.3
    monkeypatch.setattr(analyst_module, "ZONE_POOL", 10)
    assert growth(stores, lambda a: a.compare_zones(limit=5)) < 1.3
    # Every zone shares a metric with every other here, so the zones like one are all zones:
    # reading grows with them (4x), not with their square.
    assert growth(stores, lambda a: a.compare_zones(one, limit=5)) < 4.5


def test_a_path_reads_around_its_ends(stores: dict[int, Path]) -> None:
    source = iris.agency_iri("青川第3开发区管委会", "经济发展局")
    target = iris.agency_iri("青川第5开发区管委会", "财政局")
    assert growth(stores, lambda a: a.shortest_path(source, target)) < 1.3
