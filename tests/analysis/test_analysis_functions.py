"""The analyst on the hand-made world: rankings, co-leadership, zone comparison, paths."""
from __future__ import annotations

import pytest

from world import agency, zone
from zonekg.graph import analysis
from zonekg.graph.analyst import Analyst
from zonekg.graph.errors import InvalidParameter
from zonekg.ontology import iris

SUZHOU_ADMIN, KUNSHAN_ADMIN = "苏州工业园区管委会", "昆山开发区管委会"
ECON = agency(SUZHOU_ADMIN, "经济发展委员会")
TECH = agency(SUZHOU_ADMIN, "科技创新委员会")
PLAN = agency(SUZHOU_ADMIN, "规划建设委员会")
FINANCE = agency(SUZHOU_ADMIN, "财政局")
KS_ECON = agency(KUNSHAN_ADMIN, "经济发展局")
KS_INVEST = agency(KUNSHAN_ADMIN, "招商局")
KS_BUILD = agency(KUNSHAN_ADMIN, "建设局")
SUZHOU, KUNSHAN, ISLAND = zone("苏州工业园区"), zone("昆山经济技术开发区"), zone("孤岛产业园")


def test_the_agency_in_every_project_ranks_first(analyst: Analyst) -> None:
    ranks, total = analyst.rank_agencies(50)
    assert total == len(ranks) == 9
    top = ranks[0]
    assert (top.id, top.lead, top.participate, top.degree) == (ECON, 2, 1, 3)
    assert top.betweenness == max(r.betweenness for r in ranks) > 0
    # Degree 2 next, the bridge between Suzhou's two groups (财政局) ahead on betweenness.
    assert [r.id for r in ranks[1:5]] == [FINANCE, KS_INVEST, KS_ECON, TECH]
    by_id = {r.id: r for r in ranks}
    assert (by_id[FINANCE].lead, by_id[FINANCE].participate) == (0, 2)
    assert by_id[PLAN].degree == by_id[KS_BUILD].degree == 1
    # Administrations lead nothing: ranked, but last.
    assert {r.id for r in ranks[-2:]} == {agency(SUZHOU_ADMIN, SUZHOU_ADMIN), agency(KUNSHAN_ADMIN, KUNSHAN_ADMIN)}
    assert all(r.degree == 0 and r.betweenness == 0 for r in ranks[-2:])


def test_co_leadership_links_agencies_by_shared_projects(analyst: Analyst) -> None:
    found = analyst.co_leadership(50)
    shared = found.graph
    assert found.seeds[0] == ECON and found.agencies == 9
    weights = {frozenset((a, b)): d["weight"] for a, b, d in shared.edges(data=True)}
    assert weights == {
        frozenset((ECON, FINANCE)): 2,
        frozenset((ECON, TECH)): 2,
        frozenset((ECON, PLAN)): 1,
        frozenset((PLAN, FINANCE)): 1,
        frozenset((TECH, FINANCE)): 1,
        frozenset((KS_ECON, KS_INVEST)): 2,
        frozenset((KS_ECON, KS_BUILD)): 1,
        frozenset((KS_INVEST, KS_BUILD)): 1,
    }
    assert shared[ECON][FINANCE]["projects"] == sorted(
        [iris.project_iri("纳米城", "纳米城三期"), iris.project_iri("苏州工业园区", "人工智能算力平台")]
    )
    assert shared.nodes[ECON]["label"] == "经济发展委员会"
    assert found.projects[iris.project_iri("纳米城", "纳米城三期")] == "纳米城三期"


def test_co_leadership_of_one_agency_and_of_the_busiest(analyst: Analyst) -> None:
    partners = analyst.co_leadership(agency=PLAN).graph
    assert {frozenset(e) for e in partners.edges()} == {frozenset((PLAN, ECON)), frozenset((PLAN, FINANCE))}
    assert partners[PLAN][ECON]["weight"] == 1
    busiest = analyst.co_leadership(1)
    assert busiest.seeds == [ECON]
    assert all(ECON in edge for edge in busiest.graph.edges())  # only the seed's links are read
    assert set(busiest.graph) == {ECON, TECH, PLAN, FINANCE}
    with pytest.raises(InvalidParameter):
        analyst.co_leadership(agency=SUZHOU)


def test_two_zones_share_an_industry_and_a_metric(analyst: Analyst) -> None:
    [c] = analyst.compare_zones(SUZHOU, KUNSHAN)
    assert c.shared_industries == [iris.industry_iri("人工智能")]
    assert c.only_a_industries == sorted([iris.industry_iri("生物医药"), iris.industry_iri("纳米技术")])
    assert c.only_b_industries == [iris.industry_iri("新能源汽车")]
    assert (c.shared_metrics, c.only_a_metrics, c.only_b_metrics) == (["地区生产总值"], ["规上工业总产值"], ["实际使用外资"])
    assert c.similarity == pytest.approx(2 / 7, abs=1e-6)


def test_all_pairs_most_similar_first_and_parks_inherit_project_industries(analyst: Analyst) -> None:
    pairs = analyst.compare_zones()
    assert {pairs[0].a, pairs[0].b} == {SUZHOU, KUNSHAN}
    assert all(ISLAND not in (p.a, p.b) for p in pairs)
    assert pairs == sorted(pairs, key=lambda p: -p.similarity) and all(p.similarity > 0 for p in pairs)
    nano_city = analyst.profiles([zone("纳米城")])[zone("纳米城")]
    assert nano_city.industries == {iris.industry_iri("纳米技术")}
    [like_kunshan] = analyst.compare_zones(KUNSHAN)
    assert like_kunshan.b == SUZHOU
    assert like_kunshan == analyst.compare_zones(KUNSHAN, SUZHOU)[0]
    assert [p.b for p in analyst.compare_zones(SUZHOU)][:1] == [KUNSHAN]
    with pytest.raises(InvalidParameter):
        analyst.compare_zones(ECON)


def test_shortest_path_crosses_zones_through_a_shared_industry(analyst: Analyst) -> None:
    found = analyst.shortest_path(ECON, KS_ECON)
    nodes, steps = found.nodes, found.steps
    assert len(steps) == 4 and nodes[0] == ECON and nodes[-1] == KS_ECON
    assert iris.industry_iri("人工智能") in nodes
    assert steps[0].relation == "leadAgency" and steps[0].object == ECON  # stated project → agency
    assert all({s.subject, s.object} == {u, v} for s, u, v in zip(steps, nodes, nodes[1:]))
    assert found.entities.nodes[nodes[2]]["label"] == "人工智能"
    back = analyst.shortest_path(KS_ECON, ECON)
    assert len(back.steps) == 4 and back.nodes[0] == KS_ECON
    assert analyst.shortest_path(ECON, ECON).nodes == [ECON]


def test_no_path_and_unknown_entities_are_errors(analyst: Analyst) -> None:
    with pytest.raises(analysis.NoPath):
        analyst.shortest_path(SUZHOU, ISLAND)
    for unknown in (zone("不存在的开发区"), "https://example.org/> } SELECT * { ?s ?p ?o", "zone/x"):
        with pytest.raises(analysis.UnknownEntity):
            analyst.shortest_path(SUZHOU, unknown)
        with pytest.raises(analysis.UnknownEntity):
            analyst.compare_zones(unknown)
