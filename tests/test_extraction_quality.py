"""Extraction quality, measured the way a user measures it: ``zonekg evaluate DOCS --gold DIR``
ingests a corpus into a temporary store and scores what the service would serve against
hand-made gold.

Corpora in the repository: the five samples with their gold (``loaders/samples/
gold``: the evaluators' gold for them) and our own held-out genre documents with their gold
(``tests/fixtures/heldout*``). The thresholds are issue 3's targets, so an extraction
regression turns CI red. One more, the twenty real public documents beside the repository
(``../shared/eval/real``, as on CI; never copied into it), is held to issue 8's targets.
"""
from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from zonekg.api.cli import main

pytestmark = pytest.mark.slow  # seconds per corpus or wheel: CI runs it, the default run does not

ROOT = Path(__file__).resolve().parents[1]
MIN_F1 = {
    "lead": 0.95,
    "agencies": 0.90,
    "zones": 0.90,
    "targets": 0.90,
    "projects": 0.85,
    "industries": 0.85,
    "companies": 0.80,
}
MIN_ACCURACY = {"investment_cny_accuracy": 0.95, "area_m2_accuracy": 0.95, "target_year_accuracy": 0.90}


FIXTURES = ROOT / "tests" / "fixtures"
CORPORA = {
    "samples": (ROOT / "loaders" / "samples", ROOT / "loaders" / "samples" / "gold"),
    "heldout": (FIXTURES / "heldout" / "docs", FIXTURES / "heldout" / "gold"),
    "heldout2": (FIXTURES / "heldout2" / "docs", FIXTURES / "heldout2" / "gold"),
    "heldout3": (FIXTURES / "heldout3" / "docs", FIXTURES / "heldout3" / "gold"),
    "heldout4": (FIXTURES / "heldout4" / "docs", FIXTURES / "heldout4" / "gold"),
    "heldout5": (FIXTURES / "heldout5" / "docs", FIXTURES / "heldout5" / "gold"),
    "heldout6": (FIXTURES / "heldout6" / "docs", FIXTURES / "heldout6" / "gold"),
    "heldout7": (FIXTURES / "heldout7" / "docs", FIXTURES / "heldout7" / "gold"),
    "heldout8": (FIXTURES / "heldout8" / "docs", FIXTURES / "heldout8" / "gold"),
    "heldout9": (FIXTURES / "heldout9" / "docs", FIXTURES / "heldout9" / "gold"),
    "heldout10": (FIXTURES / "heldout10" / "docs", FIXTURES / "heldout10" / "gold"),
    "heldout11": (FIXTURES / "heldout11" / "docs", FIXTURES / "heldout11" / "gold"),
    "heldout12": (FIXTURES / "heldout12" / "docs", FIXTURES / "heldout12" / "gold"),
}
REAL = ROOT.parent / "shared" / "eval" / "real"
if (REAL / "docs").is_dir():
    CORPORA["real"] = (REAL / "docs", REAL / "gold")
# The later held-out sets are not yet at issue 3's targets in every category: they guard
# against regressions at floors a little under what the extraction reaches on them today.
FLOORS = {
    "heldout2": {"lead": 0.90, "agencies": 0.93, "zones": 0.95, "targets": 0.95, "projects": 0.92,
                 "industries": 0.72, "companies": 0.93},
    "heldout3": {"lead": 0.95, "agencies": 0.88, "zones": 0.85, "targets": 0.95, "projects": 0.84,
                 "industries": 0.65, "companies": 0.92},
    # written blind (micro 0.807, lead 0.51); floors under today's figures, raised as it improves
    "heldout4": {"lead": 0.90, "agencies": 0.93, "zones": 0.87, "targets": 0.94, "projects": 0.85,
                 "industries": 0.93, "companies": 0.95},
    # written blind too (micro 0.780, lead 0.28)
    "heldout5": {"lead": 0.78, "agencies": 0.93, "zones": 0.93, "targets": 0.95, "projects": 0.84,
                 "industries": 0.95, "companies": 0.80},
    # written blind in session 4 (micro 0.864, lead 0.667)
    "heldout6": {"lead": 0.90, "agencies": 0.90, "zones": 0.86, "targets": 0.92, "projects": 0.85,
                 "industries": 0.93, "companies": 0.90},
    # written blind in session 5 (micro 0.886, lead 0.675); floors under the figures after its fixes
    "heldout7": {"lead": 0.92, "agencies": 0.94, "zones": 0.93, "targets": 0.94, "projects": 0.90,
                 "industries": 0.88, "companies": 0.95},
    # written blind in session 6 (micro 0.840, lead 0.750); floors a few points under the figures
    # after extract8b's fixes (past figure beside this year's goal, wrapped tab cells, counted
    # category headings, run-in industry headings: targets 1.000, industries 0.923) and
    # extract8's names/leads fixes; both together: micro 0.954, lead 0.907, agencies 0.985, zones
    # 0.976, projects 0.909, companies 0.957; after session 7's extractleft fixes micro 0.983, lead
    # 0.980, projects 0.977, industries 0.974
    "heldout8": {"lead": 0.94, "agencies": 0.95, "zones": 0.93, "targets": 0.95, "projects": 0.93,
                 "industries": 0.93, "companies": 0.90},
    # written blind in session 7 (micro 0.836, lead 0.841, targets 0.679, companies 0.645);
    # floors a few points under the figures after extract9a's table readers and extract9b's
    # prose leads, legal names and progress-report goals: micro 0.980, lead 1.000, projects
    # 0.991, targets 0.991, agencies 0.990, zones 0.973, industries 0.919, companies 0.882
    "heldout9": {"lead": 0.95, "agencies": 0.95, "zones": 0.93, "targets": 0.95, "projects": 0.95,
                 "industries": 0.88, "companies": 0.83},
    # written blind in session 8 (micro 0.859, lead 0.567, projects 0.819; a PDF with a drawn
    # table, a one-cell-a-line table, a 领导分工 notice, projects inside task sentences, a batch
    # lead on a news page, amounts in Chinese numerals); floors a few points under the figures
    # after extract-a's and extract-b's fixes: micro 0.978, lead 0.965, projects 0.965, agencies
    # 1.000, targets 1.000, zones 0.974, industries 0.941, companies 0.933; after extract-c
    # (f01faf9) 0.984, industries and companies 1.000
    "heldout10": {"lead": 0.93, "agencies": 0.95, "zones": 0.93, "targets": 0.95, "projects": 0.93,
                  "industries": 0.90, "companies": 0.85},
    # written blind in session 9 (micro 0.820, lead 0.524, targets 0.864; Word tables with merged
    # cells, a rowspan/colspan project table, a progress bulletin, a Q&A, an investment guide, a
    # two-page PDF table, meeting minutes); floors a few points under the figures after extract-d's
    # fixes of m01–m03 (9d3caf5): micro 0.863, lead 0.729, zones 0.955, agencies 0.967, projects
    # 0.873, targets 0.897, industries 0.815, companies 0.744; with the fixes of m04–m07 too
    # (86f6930) micro 0.949, lead 0.991, projects 0.991, agencies 0.984, zones 0.977, industries
    # 0.897, targets 0.897, companies 0.762 (firms read with their sector tail, this gold's brand alone)
    "heldout11": {"lead": 0.95, "agencies": 0.95, "zones": 0.93, "targets": 0.86, "projects": 0.95,
                  "industries": 0.85, "companies": 0.72},
    # written blind in session 10 (micro 0.856, lead 0.522, projects 0.793; Word automatic
    # numbering, a 公众号 article, a PDF cut by page breaks, an indicator table, a mid-year summary,
    # a space-aligned GB18030 table, a duties notice); floors a few points under the figures after
    # extract-f's fixes of n01–n03 (adc0dbe): micro 0.895, lead 0.755, projects 0.867, agencies
    # 0.944, zones 1.000, industries 0.944, targets 0.887, companies 0.889
    "heldout12": {"lead": 0.72, "agencies": 0.92, "zones": 0.95, "targets": 0.85, "projects": 0.83,
                  "industries": 0.90, "companies": 0.85},
    # issue 8's targets on the real documents (web-page and Word dumps, flattened tables)
    "real": {"lead": 0.85, "agencies": 0.85, "zones": 0.85, "targets": 0.85, "projects": 0.80,
             "industries": 0.75, "companies": 0.70},
}
ACCURACY_FLOORS = {
    "real": {"target_year_accuracy": 0.90},  # the real pages state no project amounts
    "heldout2": {"investment_cny_accuracy": 0.70, "area_m2_accuracy": 0.80, "target_year_accuracy": 0.90},
    "heldout3": {"investment_cny_accuracy": 0.72, "area_m2_accuracy": 0.72, "target_year_accuracy": 0.90},
    # (area: 9 of 12 matched projects; the 12th, a task's body work found since, states its
    # area in the clause after its name, which no rule reads yet)
    "heldout4": {"investment_cny_accuracy": 0.85, "area_m2_accuracy": 0.72, "target_year_accuracy": 0.90},
    # (amounts: 5 of 12 and 4 of 7 matched projects; most of the rest stand in a clause or a
    # table cell away from the name. Area 6 of 9 since a park's phase named in a news sentence
    # is a project: it states its area in the sentence after, which no rule reads yet)
    "heldout5": {"investment_cny_accuracy": 0.60, "area_m2_accuracy": 0.65, "target_year_accuracy": 0.95},
    # (amounts: 20 of 24 matched projects; the rest stand in another sentence than the name's)
    "heldout6": {"investment_cny_accuracy": 0.80, "area_m2_accuracy": 0.85, "target_year_accuracy": 0.95},
    # (amounts: 16 of 19 and 5 of 6 matched projects)
    "heldout7": {"investment_cny_accuracy": 0.80, "area_m2_accuracy": 0.80, "target_year_accuracy": 0.95},
    # (blind: amounts 18 of 25 and areas 5 of 10 matched projects; now 23 of 29 and 7 of 12)
    "heldout8": {"investment_cny_accuracy": 0.72, "area_m2_accuracy": 0.52, "target_year_accuracy": 0.95},
    # (amounts 32 of 34, areas 8 of 10 matched projects)
    "heldout9": {"investment_cny_accuracy": 0.88, "area_m2_accuracy": 0.75, "target_year_accuracy": 0.95},
    # (amounts 16 of 17, areas 5 of 7 matched projects)
    "heldout10": {"investment_cny_accuracy": 0.85, "area_m2_accuracy": 0.65, "target_year_accuracy": 0.95},
    # (blind: amounts 18 of 28, areas 7 of 13 matched projects; after m01–m03's fixes 20 of 28, 8 of
    # 13; with m04–m07's 30 of 33, 13 of 15; due years 35 of 39)
    "heldout11": {"investment_cny_accuracy": 0.85, "area_m2_accuracy": 0.80, "target_year_accuracy": 0.85},
    # (blind: amounts 9 of 19, areas 4 of 6 matched projects; after n01–n03's fixes 15 of 21, 4 of 6)
    "heldout12": {"investment_cny_accuracy": 0.68, "area_m2_accuracy": 0.62, "target_year_accuracy": 0.95},
}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def figures(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    docs, gold = CORPORA[request.param]
    out = tmp_path_factory.mktemp("score") / "figures.json"
    floors = [f"--min-f1={cat}={value}" for cat, value in FLOORS.get(request.param, MIN_F1).items()]
    table = io.StringIO()
    with redirect_stdout(table):
        status = main(["evaluate", str(docs), "--gold", str(gold), "--json", str(out), *floors])
    print(table.getvalue())
    figures = json.loads(out.read_text(encoding="utf-8"))
    return figures | {"_corpus": request.param, "_exit": status, "_table": table.getvalue()}


@pytest.mark.parametrize("category", sorted(MIN_F1))
def test_f1_meets_the_target(figures: dict, category: str) -> None:
    wanted = FLOORS.get(figures["_corpus"], MIN_F1)[category]
    assert figures[category]["f1"] >= wanted, figures["_table"]


@pytest.mark.parametrize("figure", sorted(MIN_ACCURACY))
def test_amount_and_year_accuracy(figures: dict, figure: str) -> None:
    wanted = ACCURACY_FLOORS.get(figures["_corpus"], MIN_ACCURACY).get(figure)
    if wanted is None:
        pytest.skip(f"{figures['_corpus']} has no {figure} to measure")
    assert figures[figure] is not None and figures[figure] >= wanted, figures["_table"]


def test_exit_status_agrees(figures: dict) -> None:
    assert figures["_exit"] == 0, figures["_table"]
