"""Each analysis costs what its answer needs: the rows it reads from a store four times as
large stay the same (or grow with the part of the store the answer is about), where the old
whole-network read grew fourfold."""
from __future__ import annotations

from pathlib import Path

import pytest

from plans import SIZES, build, read_model_of, rows_read
from zonekg.graph import analyst as analyst_module
from zonekg.graph.analyst import Analyst
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.store import open_store
from zonekg.graph.network import build_network
from zonekg.ontology import iris


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: build(tmp_path_factory.mktemp(f"plans-{n}"), n) for n in SIZES}


def growth(stores: dict[int, Path], ask, *, model: bool = False) -> float:
    small, large = (rows_read(stores[n], lambda catalog: ask(Analyst(catalog)), model=model) for n in SIZES)
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
    """With the service's read model the profiles come from its index: the store is asked
    only whether the zones are zones (and, with no zone, which zones are busiest), however
    many zones share an industry or a metric (here every zone shares one with every other)."""
    one, other = (iris.zone_iri(f"青川第{i}经济开发区") for i in (3, 5))
    assert growth(stores, lambda a: a.compare_zones(one, other), model=True) < 1.3
    assert growth(stores, lambda a: a.compare_zones(one, limit=5), model=True) < 1.3
    monkeypatch.setattr(analyst_module, "ZONE_POOL", 10)
    assert growth(stores, lambda a: a.compare_zones(limit=5), model=True) < 1.3


def test_zones_like_one_are_found_the_same_with_the_index_kept_and_read_afresh(stores: dict[int, Path]) -> None:
    one = iris.zone_iri("青川第3经济开发区")
    answers = []
    for model in (True, False):
        store = open_store(stores[SIZES[0]])
        try:
            catalog = Catalog(local_runner(store), model=read_model_of(store) if model else None)
            answers.append(Analyst(catalog).compare_zones(one, limit=5))
        finally:
            store.close()
    assert answers[0] == answers[1] and len(answers[0]) == 5 and answers[0][0].similarity > 0


def test_a_path_reads_around_its_ends(stores: dict[int, Path]) -> None:
    source = iris.agency_iri("青川第3开发区管委会", "经济发展局")
    target = iris.agency_iri("青川第5开发区管委会", "财政局")
    assert growth(stores, lambda a: a.shortest_path(source, target)) < 1.3
