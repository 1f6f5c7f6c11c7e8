"""Project lists filtered by lead, zone (with its parks) or industry are answered from the read
model's facet links: the same members as the store's join, and nothing read from the store but
the named entities, however many projects they have."""
from __future__ import annotations

from pathlib import Path

import pytest

from plans import SIZES, CountingCatalog, build, read_model_of
from zonekg.graph.catalog import Catalog, ListFilter, local_runner
from zonekg.graph.store import open_store

FILTERS = [ListFilter(lead="经济发展局"), ListFilter(zone="青川第3经济开发区"), ListFilter(industry="生物医药"),
           ListFilter(zone="青川第3经济开发区", lead="财政局"), ListFilter(industry="新材料", lead="招商局"),
           ListFilter(lead="经济发展局", q="1号"), ListFilter(lead="没有这个部门")]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: build(tmp_path_factory.mktemp(f"plans-{n}"), n) for n in SIZES}


def test_held_filters_give_the_members_the_store_s_join_gives(stores: dict[int, Path]) -> None:
    store = open_store(stores[SIZES[0]])
    try:
        from_model = Catalog(local_runner(store), model=read_model_of(store))
        from_store = Catalog(local_runner(store))
        for flt in FILTERS:
            assert from_model.members("projects", flt) == from_store.members("projects", flt), flt
        assert len(from_model.members("projects", FILTERS[1])) == 4  # the zone's and its park's
        assert from_model.members("projects", FILTERS[-1]) == []
    finally:
        store.close()


def test_a_held_filter_reads_the_names_not_the_projects(stores: dict[int, Path]) -> None:
    """生物医药 is one industry of projects in every fourth plan or so: the store's join reads
    each of them, the model's answer reads the industry's name only."""
    for size in SIZES:
        store = open_store(stores[size])
        try:
            read = []
            for model in (read_model_of(store), None):
                catalog = CountingCatalog(local_runner(store), model=model)
                members = catalog.members("projects", ListFilter(industry="生物医药"))
                read.append(catalog.rows)
        finally:
            store.close()
        assert len(members) >= size // 4 and read[0] == 1 and read[1] > len(members), (size, read)
