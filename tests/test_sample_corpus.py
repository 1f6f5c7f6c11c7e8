"""The sample corpus answers the question zonekg exists for: which department leads which
project. Seed 001 names the lead department of its eight key tasks (重大事项)."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.graph.catalog import local_runner
from zonekg.graph.store import open_store
from zonekg.loaders.pipeline import ingest

SAMPLES = Path(__file__).resolve().parents[1] / "loaders" / "samples"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(tmp_path_factory.mktemp("corpus"), create=True)
    report = ingest([SAMPLES], store)
    assert report.ok, report.failed
    yield local_runner(store)
    store.close()


def test_seed_001_names_eight_lead_departments(run) -> None:
    result = run(
        """SELECT ?project ?lead WHERE {
             GRAPH ?g { ?p zk:leadAgency ?a } ?g zk:fileName "001_5914d671fb660af2.txt" .
             ?p rdfs:label ?project . ?a rdfs:label ?lead .
           }""",
        None,
    )
    pairs = {(row[0][1], row[1][1]) for row in result.rows}
    projects = {p for p, _ in pairs}
    assert len(projects) == 8, pairs
    leads = {lead for _, lead in pairs}
    assert {"经济发展局", "商务局", "社会事务管理局", "服务业发展办公室", "农经局"} <= leads
    assert ("打造国际海洋生态科技城", "农经局") in pairs


def test_every_sample_document_has_its_graph(run) -> None:
    result = run("SELECT DISTINCT ?f WHERE { GRAPH ?g { ?g zk:fileName ?f } }", None)
    assert sorted(r[0][1] for r in result.rows) == sorted(p.name for p in SAMPLES.iterdir() if p.is_file())
