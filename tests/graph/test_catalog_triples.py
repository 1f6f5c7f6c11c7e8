"""The triple-pattern layer's cost: a page, not the store."""
from __future__ import annotations

from pathlib import Path

from test_store_contract import store_of
from timing import fastest
from zonekg.graph.catalog import Catalog, local_runner


def test_a_page_of_every_triple_costs_the_page_not_the_store(tmp_path: Path) -> None:
    """The first page of the unfiltered pattern takes about as long on a store forty times
    larger. It sorted every triple before the first page (ORDER BY ?s ?p ?o): ~40x and more,
    1.5 s on the five samples."""

    def first_page(catalog: Catalog) -> None:
        page, more = catalog.triples(None, None, None, 100, 0)
        assert len(page) == 100 and more

    small, large = (Catalog(local_runner(store_of(tmp_path / name, n, 500))) for name, n in (("small", 1), ("large", 40)))
    first_page(small), first_page(large)  # warm up (the query parser loads once)
    on_small, on_large = fastest(lambda: first_page(small), lambda: first_page(large), rounds=11)
    assert on_large < 4 * on_small
