"""The page without a browser: views, links, escaping, self-containment, layout, tooltips."""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest

from graph_page import synthetic_graph
from world import BREAKOUT_ALIAS, IMG_NAME, SCRIPT_NAME, agency, build_store, zone
from zonekg.api.cli import main
from zonekg.graph.analysis import UnknownEntity
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.network import build_network
from zonekg.graph.oxigraph_store import OxigraphStore
from zonekg.ontology import iris
from zonekg.visualize import tooltip
from zonekg.visualize.compose import graph_page, links, parse_kinds
from zonekg.visualize.layout import positions
from zonekg.visualize.overview import OVERVIEW_KINDS, co_leadership_view, neighbourhood, whole
from zonekg.visualize.page import VIS_NETWORK, script_json

ECON = agency("苏州工业园区管委会", "经济发展委员会")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):
    store = OxigraphStore(build_store(tmp_path_factory.mktemp("render-world"), with_hostile=True))
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


def test_overview_of_a_large_graph_says_it_is_partial() -> None:
    big = synthetic_graph(2000)
    view = whole(big)
    assert {k for _, k in view.graph.nodes(data="kind")} == set(OVERVIEW_KINDS)
    assert view.note.startswith("概览：显示全图 2000 个实体中的 1400 个")
    assert set(view.hidden) == {"Industry", "Company", "Target"}
    page_links = links(view)
    assert page_links.kinds["Industry"] == "/graph?kinds=Zone%2CAgency%2CProject%2CIndustry"
    assert ("显示全部", "/graph?kinds=all") in page_links.more
    assert whole(big, parse_kinds("all")).note is None


def test_small_graph_is_shown_whole(graph: nx.MultiDiGraph) -> None:
    view = whole(graph)
    assert len(view.graph) == len(graph) and view.note is None


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


def test_co_leadership_view_labels_edges_with_shared_projects(graph: nx.MultiDiGraph) -> None:
    view = co_leadership_view(graph)
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
