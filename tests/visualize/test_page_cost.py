"""A page costs what it draws: the overview and a focus view read the same amount from a store
four times as large (the whole-network read, which the pages no longer do, grows fourfold)."""
from __future__ import annotations

from pathlib import Path

import pytest

from world import Builder, document
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.network import build_network
from zonekg.graph.store import open_store
from zonekg.loaders.extraction.model import Extraction, Kind, Relation, TargetKind
from zonekg.loaders.mapping import to_quads
from zonekg.ontology import iris
from zonekg.visualize.compose import focus_drawing, overview_drawing

INDUSTRIES = ("生物医药", "新材料", "智能制造", "现代物流")


def plan(i: int) -> Extraction:
    """One zone's plan: four departments leading four projects in the zone and a park."""
    b = Builder(f"青川第{i}经济开发区", f"青川第{i}开发区管委会")
    zone = b.add(Kind.ZONE, f"青川第{i}经济开发区")
    park = b.add(Kind.ZONE, f"青川第{i}科技园")
    b.link(park, Relation.PART_OF, zone)
    committee = b.add(Kind.AGENCY, f"青川第{i}开发区管委会")
    departments = [b.add(Kind.AGENCY, name) for name in ("经济发展局", "财政局", "招商局", "建设局")]
    for department in departments:
        b.link(department, Relation.PART_OF, committee)
    for k, lead in enumerate(departments):
        project = b.add(Kind.PROJECT, f"青川第{i}区{k}号厂房项目")
        b.link(project, Relation.LEAD_AGENCY, lead)
        b.link(project, Relation.PARTICIPATING_AGENCY, departments[(k + 1) % 4])
        b.link(project, Relation.LOCATED_IN, park if k % 2 else zone)
        b.link(project, Relation.INDUSTRY, b.add(Kind.INDUSTRY, INDUSTRIES[(i + k) % 4]))
    b.target("地区生产总值", TargetKind.GROWTH_RATE, str(5 + i % 3), "%")
    return b.extraction


class CountingCatalog(Catalog):
    """A catalog that counts the result rows it reads."""

    rows = 0

    def select(self, sparql, params=None):
        found = super().select(sparql, params)
        self.rows += len(found)
        return found


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    made = {}
    for documents in (20, 80):
        path = tmp_path_factory.mktemp(f"plans-{documents}")
        store = open_store(path, create=True)
        for i in range(documents):
            name = f"青川第{i}开发区工作要点.txt"
            store.replace_document(iris.document_iri(name), to_quads(document(name), plan(i)))
        store.close()
        made[documents] = path
    return made


def rows_read(path: Path, draw) -> int:
    store = open_store(path)
    try:
        catalog = CountingCatalog(local_runner(store))
        draw(catalog)
        return catalog.rows
    finally:
        store.close()


def test_overview_reads_the_same_from_a_store_four_times_larger(stores: dict[int, Path]) -> None:
    small, large = (rows_read(stores[n], overview_drawing) for n in (20, 80))
    whole_small, whole_large = (rows_read(stores[n], build_network) for n in (20, 80))
    assert whole_large / whole_small > 3.5  # the store did grow fourfold
    assert large / small < 1.3, (small, large)


def test_focus_view_reads_the_same_from_a_store_four_times_larger(stores: dict[int, Path]) -> None:
    econ = iris.agency_iri("青川第3开发区管委会", "经济发展局")
    small, large = (rows_read(stores[n], lambda c: focus_drawing(c, econ, 2)) for n in (20, 80))
    assert large / small < 1.3, (small, large)
    store = open_store(stores[20])
    try:
        drawn = focus_drawing(Catalog(local_runner(store)), econ, 2)
    finally:
        store.close()
    labels = {d["label"] for _, d in drawn.view.graph.nodes(data=True)}
    assert {"经济发展局", "青川第3区0号厂房项目", "青川第3经济开发区", "财政局", "青川第3开发区管委会"} <= labels
    assert "招商局" not in labels  # a sibling department sharing no project with it
