"""The page without a browser: views, links, escaping, self-containment, layout, tooltips."""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest

from graph_page import SHARES, synthetic_graph
from world import BREAKOUT_ALIAS, IMG_NAME, SCRIPT_NAME, agency, build_store, zone
from zonekg.api.cli import main
from zonekg.graph.analysis import UnknownEntity, co_leadership, rank_agencies
from zonekg.graph.analyst import Analyst, CoLeadership
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.network import build_network
from zonekg.graph.store import open_store
from zonekg.ontology import iris
from zonekg.visualize import tooltip
from zonekg.visualize.compose import graph_page, links, parse_kinds
from zonekg.visualize.layout import positions
from zonekg.visualize.overview import (
    BUSIEST_AGENCIES, FOCUS_DRAWN, MAX_DRAWN, co_leadership_view, neighbourhood, overview, whole,
)
from zonekg.visualize.page import EDGE_LABELS, VIS_NETWORK, prepare, render, script_json

ECON = agency("苏州工业园区管委会", "经济发展委员会")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(build_store(tmp_path_factory.mktemp("render-world"), with_hostile=True))
    yield Catalog(local_runner(store))
    store.close()


@pytest.fixture(scope="module")
def graph(catalog: Catalog) -> nx.MultiDiGraph:
    return build_network(catalog)


def test_script_json_cannot_end_its_script_element() -> None:
    value = {"label": "</script><script>alert(1)</script>", "q": "a & b <!-- c -->"}
    text = script_json(value)
    assert not re.search(r"[<>&]", text)
    assert json.loads(text) == value


def test_hostile_names_never_reach_the_html_raw(catalog: Catalog, graph: nx.MultiDiGraph) -> None:
    hostile_zone = zone(SCRIPT_NAME)
    for page in (graph_page(catalog), graph_page(catalog, focus=hostile_zone)):
        for raw in (SCRIPT_NAME, IMG_NAME, BREAKOUT_ALIAS, "<svg onload", "<b>粗体</b>"):
            assert raw not in page
        assert page.count("</script>") == 3  # the data, vis-network and the page script
    title = re.search(r"<title>(.*)</title>", graph_page(catalog, focus=hostile_zone)).group(1)
    assert title.startswith("&lt;script&gt;window.__pwned=1&lt;/script&gt;示范区")


def test_the_page_is_self_contained(catalog: Catalog) -> None:
    page = graph_page(catalog)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "<link" not in page
    assert "Content-Security-Policy" in page and "script-src 'nonce-" in page
    vis_network = resources.files("pyvis").joinpath(VIS_NETWORK, "vis-network.min.js").read_text(encoding="utf-8")
    assert vis_network in page  # embedded whole, from the build pyvis ships


def test_overview_of_a_large_graph_shows_structure_and_busiest_agencies() -> None:
    big = synthetic_graph(2000)
    loners = [f"https://example.org/Company/alone-{i}" for i in range(50)]
    big.add_nodes_from(loners, kind="Company", label="孤立企业")
    ranks = rank_agencies(big, with_betweenness=False)
    view = overview(big, ranks)
    assert BUSIEST_AGENCIES < len(view.graph) <= MAX_DRAWN
    busiest = [r.id for r in ranks[:BUSIEST_AGENCIES]]
    assert set(busiest) <= set(view.graph) and set(busiest) <= view.key
    zones = {n for n, k in view.graph.nodes(data="kind") if k == "Zone"}
    assert zones and zones <= view.key
    assert not set(loners) & set(view.graph)
    assert all(view.graph.degree(n) > 0 for n in view.graph), "nothing drawn is unconnected"
    assert view.note.startswith("概览：") and "其中 50 个与其他实体没有关系" in view.note
    page_links = links(view)
    assert ("显示全部", "/graph?kinds=all") in page_links.more
    assert whole(big, parse_kinds("all")).note is None


def test_small_graph_is_shown_whole(graph: nx.MultiDiGraph) -> None:
    view = overview(graph, rank_agencies(graph, with_betweenness=False))
    assert len(view.graph) == len(graph) and view.note is None


def test_focus_on_an_agency_follows_its_projects_before_its_committee() -> None:
    """An agency of a committee with many departments: its page shows its projects, their
    zones and co-leads, and the committee, but not the committee's other departments."""
    graph = nx.MultiDiGraph()
    node = lambda kind, name: graph.add_node(f"urn:{kind}:{name}", kind=kind, label=name) or f"urn:{kind}:{name}"  # noqa: E731
    committee = node("Agency", "管委会")
    departments = [node("Agency", f"第{i}局") for i in range(21)]
    for department in departments:
        graph.add_edge(department, committee, relation="partOf")
    focus, partner = departments[0], departments[1]
    zones = [node("Zone", f"{i}号园区") for i in range(3)]
    projects = [node("Project", f"{i}号项目") for i in range(6)]
    for i, project in enumerate(projects):
        graph.add_edge(project, focus, relation="leadAgency")
        graph.add_edge(project, zones[i % 3], relation="locatedIn")
    graph.add_edge(projects[0], partner, relation="participatingAgency")
    shown = set(neighbourhood(graph, focus, 2).graph)
    assert {focus, committee, partner, *projects, *zones} == shown


def test_co_leadership_of_a_large_graph_draws_the_busiest_and_their_closest_partners() -> None:
    big = synthetic_graph(3000)
    shared = co_leadership(big)
    seeds = [r.id for r in rank_agencies(big, with_betweenness=False)[:BUSIEST_AGENCIES]]
    view = co_leadership_view(CoLeadership(shared, seeds, 450, {}))
    assert len(view.graph) == MAX_DRAWN < len(shared)
    assert set(seeds) <= set(view.graph) and view.key == set(seeds)
    strength = dict(shared.degree(weight="weight"))
    partners, left_out = set(view.graph) - set(seeds), set(shared) - set(view.graph)
    assert min(strength[n] for n in partners) >= max(strength[n] for n in left_out)
    assert f"另有 {len(left_out)} 个未显示" in view.note and "全图共 450 个部门" in view.note


def test_focus_on_a_busy_zone_draws_its_closest_entities_first() -> None:
    big = synthetic_graph(3000)
    zone = max((n for n, k in big.nodes(data="kind") if k == "Zone"), key=big.degree)
    view = neighbourhood(big, zone, 3)
    assert len(view.graph) == FOCUS_DRAWN < len(nx.ego_graph(big.to_undirected(), zone, 3))
    assert set(nx.all_neighbors(big, zone)) <= set(view.graph) and f"最多显示 {FOCUS_DRAWN} 个" in view.note


def test_a_prepared_page_gets_a_fresh_nonce_each_time(graph: nx.MultiDiGraph) -> None:
    page = prepare(whole(graph, {"Zone", "Agency"}))
    first, second = page.html(), page.html()
    nonces = [re.findall(r"nonce-([\w-]+)'|nonce=\"([\w-]+)\"", text) for text in (first, second)]
    assert all(len({a or b for a, b in found}) == 1 and len(found) == 3 for found in nonces)
    assert nonces[0] != nonces[1] and first.replace(nonces[0][0][0], "") == second.replace(nonces[1][0][0], "")


def test_edge_labels_are_drawn_only_when_few() -> None:
    few = whole(synthetic_graph(60), {"Zone", "Agency"})
    assert few.graph.number_of_edges() <= EDGE_LABELS
    assert all(e["label"] == e["text"] for e in page_data(render(few))["edges"])
    many = whole(synthetic_graph(400), set(SHARES))
    edges = page_data(render(many))["edges"]
    assert len(edges) > EDGE_LABELS
    assert all("label" not in e and e["text"] for e in edges)


def page_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="zonekg-data">(.*?)</script>', page, re.S).group(1))


def test_neighbourhoods(graph: nx.MultiDiGraph) -> None:
    labels = lambda view: {d["label"] for _, d in view.graph.nodes(data=True)}  # noqa: E731
    econ = labels(neighbourhood(graph, ECON, 2))
    assert {"纳米城三期", "生物医药创新中心", "人工智能算力平台", "纳米城", "生物医药产业园", "苏州工业园区"} <= econ
    suzhou = neighbourhood(graph, zone("苏州工业园区"), 2)
    assert {"纳米城", "生物医药产业园", "生物医药", "纳米技术", "人工智能", "地区生产总值",
            "规上工业总产值", "经济发展委员会", "科技创新委员会", "财政局"} <= labels(suzhou)
    assert "昆山经济技术开发区" not in labels(neighbourhood(graph, zone("苏州工业园区"), 1))
    project = labels(neighbourhood(graph, iris.project_iri("纳米城", "纳米城三期"), 1))
    assert project == {"纳米城三期", "经济发展委员会", "规划建设委员会", "财政局", "纳米城", "纳米技术"}
    with pytest.raises(UnknownEntity):
        neighbourhood(graph, zone("无此区"))


def test_co_leadership_view_labels_edges_with_shared_projects(catalog: Catalog) -> None:
    view = co_leadership_view(Analyst(catalog).co_leadership(50))
    assert len(view.graph) == 7
    weights = sorted(d["weight"] for *_, d in view.graph.edges(data=True))
    assert weights == [1, 1, 1, 1, 1, 2, 2, 2]


def test_layout_places_every_node_apart_and_repeatably() -> None:
    big = synthetic_graph(600, seed=3)
    first, second = positions(big), positions(big)
    assert first == second and set(first) == set(big)
    assert len(set(first.values())) == len(big)


def test_tooltip_lines() -> None:
    assert tooltip.money("3500000000") == "35 亿元"
    assert tooltip.money("800000") == "80 万元"
    assert tooltip.money("950") == "950 元"
    assert tooltip.lines("Zone", "某区", None, None) == [("开发区", "某区")]


def test_viz_command_writes_the_page(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", with_hostile=True)
    out = tmp_path / "suzhou.html"
    assert main(["viz", "--store", str(store), "-o", str(out), "--focus", "zone/苏州工业园区"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "苏州工业园区 的关系网络" in page and SCRIPT_NAME not in page
    assert main(["viz", "--store", str(store), "-o", str(out), "--focus", "zone/无此区"]) == 1
