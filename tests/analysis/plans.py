"""Stores of N generated one-zone plans, for tests that compare what a question reads from a
store four times as large as another (rows read, not seconds: ratios hold on a busy machine)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from handmade import Plan, document, write_store
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.read_model import Current, ReadModel
from zonekg.graph.store import GraphStore, open_store
from zonekg.loaders.extraction.model import Extraction, Kind, Relation, TargetKind

INDUSTRIES = ("生物医药", "新材料", "智能制造", "现代物流")
SIZES = (20, 80)


def plan(i: int) -> Extraction:
    """One zone's plan: four departments leading four projects in the zone and a park."""
    b = Plan(f"青川第{i}经济开发区", f"青川第{i}开发区管委会")
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


def build(path: Path, documents: int) -> Path:
    return write_store(path, ((document(f"青川第{i}开发区工作要点.txt"), plan(i)) for i in range(documents)))


class CountingCatalog(Catalog):
    """A catalog that counts the result rows it reads."""

    rows = 0

    def select(self, sparql, params=None):
        found = super().select(sparql, params)
        self.rows += len(found)
        return found


def read_model_of(store: GraphStore) -> Current:
    """The read model of ``store``, as the service keeps it."""
    current = Current()
    current.install(ReadModel.read(Catalog(local_runner(store)).select))
    return current


def rows_read(path: Path, ask: Callable[[Catalog], object], *, model: bool = False) -> int:
    """Rows ``ask`` reads from the store at ``path`` (through a fresh catalog: nothing cached);
    with ``model``, the catalog has the read model the service keeps (read beforehand, not
    counted)."""
    store = open_store(path)
    try:
        catalog = CountingCatalog(local_runner(store), model=read_model_of(store) if model else None)
        ask(catalog)
        return catalog.rows
    finally:
        store.close()
