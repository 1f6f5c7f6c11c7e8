"""A page costs what it draws: the overview and a focus view read the same amount from a store
four times as large (the whole-network read, which the pages no longer do, grows fourfold)."""
from __future__ import annotations

from pathlib import Path

import pytest

from plans import SIZES, CountingCatalog, build, rows_read
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.memo import GenerationMemo
from zonekg.graph.network import build_network
from zonekg.graph.region import RegionReader
from zonekg.graph.store import open_store
from zonekg.ontology import iris
from zonekg.graph.analyst import Analyst
from zonekg.visualize import compose
from zonekg.visualize.compose import co_leadership_drawing, focus_drawing, graph_page, overview_drawing
from zonekg.visualize.overview import WHOLE_LIMIT
from zonekg.visualize.style import KINDS


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: build(tmp_path_factory.mktemp(f"plans-{n}"), n) for n in SIZES}


def test_overview_reads_the_same_from_a_store_four_times_larger(stores: dict[int, Path]) -> None:
    small, large = (rows_read(stores[n], overview_drawing) for n in SIZES)
    whole_small, whole_large = (rows_read(stores[n], build_network) for n in SIZES)
    assert whole_large / whole_small > 3.5  # the store did grow fourfold
    assert large / small < 1.3, (small, large)


def test_focus_view_reads_the_same_from_a_store_four_times_larger(stores: dict[int, Path]) -> None:
    econ = iris.agency_iri("青川第3开发区管委会", "经济发展局")
    small, large = (rows_read(stores[n], lambda c: focus_drawing(c, econ, 2)) for n in SIZES)
    assert large / small < 1.3, (small, large)
    store = open_store(stores[20])
    try:
        drawn = focus_drawing(Catalog(local_runner(store)), econ, 2)
    finally:
        store.close()
    labels = {d["label"] for _, d in drawn.view.graph.nodes(data=True)}
    assert {"经济发展局", "青川第3区0号厂房项目", "青川第3经济开发区", "财政局", "青川第3开发区管委会"} <= labels
    assert "招商局" not in labels  # a sibling department sharing no project with it


def test_co_leadership_and_kinds_views_read_the_same_from_a_store_four_times_larger(
    stores: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compose, "WHOLE_DRAWN", WHOLE_LIMIT)  # both stores count as too large to draw whole
    for draw in (lambda c: co_leadership_drawing(Analyst(c)),
                 lambda c: overview_drawing(c, {"Zone", "Project", "Industry", "Target"})):
        small, large = (rows_read(stores[n], draw) for n in SIZES)
        assert large / small < 1.3, (small, large)
    store = open_store(stores[80])
    try:
        drawn = overview_drawing(Catalog(local_runner(store)), {"Zone", "Project", "Industry"})
    finally:
        store.close()
    kinds = {k for _, k in drawn.view.graph.nodes(data="kind")}
    assert kinds == {"Zone", "Project", "Industry"}  # industries: those of the projects shown
    assert drawn.view.hidden.keys() == {"Agency", "Target"}
    assert all(drawn.view.graph.degree(n) for n, k in drawn.view.graph.nodes(data="kind") if k == "Industry")


def test_a_kept_page_is_read_and_laid_out_once(stores: dict[int, Path]) -> None:
    kept = GenerationMemo(lambda: 0)
    store = open_store(stores[20])
    try:
        catalog = CountingCatalog(local_runner(store))
        econ = iris.agency_iri("青川第3开发区管委会", "经济发展局")
        for ask in ({}, {"focus": econ}, {"view": "co-leadership"}):
            first = graph_page(catalog, keep=kept.get, **ask)
            read = catalog.rows
            again = graph_page(catalog, keep=kept.get, **ask)
            assert read > 0 and catalog.rows == read and again != first  # a fresh nonce, nothing read
    finally:
        store.close()


def test_the_overview_of_every_kind_shares_the_overview_s_look_at_the_whole_store(
    stores: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's size and the top zones and agencies (aggregates over the whole store) are
    asked once per generation for the overview and every choice of kinds together."""
    monkeypatch.setattr(compose, "WHOLE_DRAWN", WHOLE_LIMIT)
    asked: list[str] = []
    for name in ("size", "top_zones", "busiest_agencies"):
        method = getattr(RegionReader, name)
        monkeypatch.setattr(RegionReader, name, lambda self, *a, _m=method, _n=name: asked.append(_n) or _m(self, *a))
    kept = GenerationMemo(lambda: 0)
    store = open_store(stores[80])
    try:
        catalog = Catalog(local_runner(store))
        for kinds in (None, set(KINDS), {"Zone", "Project"}):
            graph_page(catalog, kinds=kinds, keep=kept.get)
    finally:
        store.close()
    assert sorted(asked) == ["busiest_agencies", "size", "top_zones"]
