"""The pages in a real headless Chromium, served by a real uvicorn: they draw, filter,
search, show tooltips, open entity pages, export PNG, stay inside the app and run nothing a
document smuggles in."""
from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from PIL import Image

from graph_page import SHARES, synthetic_graph
from page_driver import Tab
from world import IMG_NAME, SCRIPT_NAME, agency, zone
from zonekg.ontology import iris
from zonekg.graph.analysis import rank_agencies
from zonekg.visualize.overview import overview, whole
from zonekg.visualize.page import render
from zonekg.visualize.style import relation_label

ECON = agency("苏州工业园区管委会", "经济发展委员会")
NANO_PROJECT = iris.project_iri("纳米城", "纳米城三期")
HOSTILE_AGENCY = agency(IMG_NAME, IMG_NAME)


def assert_not_blank(tab: Tab) -> None:
    image = Image.open(io.BytesIO(tab.page.locator("#network").screenshot())).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 24)
    white = sum(n for n, rgb in colours if rgb == (255, 255, 255))
    assert 1 - white / (image.width * image.height) > 0.005, "the network area is blank"
    assert len(colours) > 50, "the network area has hardly any colours"


def assert_stayed_inside(tab: Tab, origin: str) -> None:
    outside = [u for u in tab.requests if not u.startswith((origin, "data:", "blob:"))]
    assert outside == [], f"requests left the app: {outside}"
    assert tab.errors == []


def screen_point(tab: Tab, node: str) -> tuple[float, float]:
    return tuple(tab.page.evaluate(
        """(id) => { const net = window.zonekg.network;
             const p = net.canvasToDOM(net.getPosition(id));
             const box = document.getElementById('network').getBoundingClientRect();
             return [box.left + p.x, box.top + p.y]; }""",
        node,
    ))


def hover_tooltip(tab: Tab, node: str) -> str:
    tab.page.mouse.move(*screen_point(tab, node))
    tip = tab.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    return tip.inner_text()


def test_whole_graph_draws_offline_and_physics_stops(tab: Tab, base_url: str) -> None:
    tab.open(f"{base_url}/graph")
    ready = tab.page.evaluate("window.zonekgReady")
    assert ready["nodes"] == 31 and ready["edges"] == 37
    assert_not_blank(tab)
    assert tab.page.evaluate("window.zonekg.network.physics.physicsEnabled") is False
    assert not tab.page.locator("#physics").is_checked()
    tab.page.locator("#physics").check()
    assert tab.page.evaluate("window.zonekg.network.physics.physicsEnabled") is True
    assert_stayed_inside(tab, base_url)


GLYPHS = """() => {
  const face = window.zonekg.network.body.nodes[window.zonekg.nodes.getIds()[0]].options.font.face;
  const chars = [...new Set(window.zonekg.nodes.get().map((n) => n.label).join("").match(/\\p{Script=Han}/gu))];
  const picture = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 32;
    const g = canvas.getContext("2d");
    g.font = "24px " + face;
    g.fillText(text, 2, 26);
    return canvas.toDataURL();
  };
  const blank = picture("");
  const pictures = chars.slice(0, 60).map(picture);
  return {chars: pictures.length, distinct: new Set(pictures).size, blank: pictures.filter((p) => p === blank).length};
}"""


def test_chinese_labels_are_drawn_as_glyphs_not_boxes(tab: Tab, base_url: str) -> None:
    """Without a CJK font every character is the same empty box (tofu): each Han character of
    the labels, drawn in the network's label font, must give its own picture."""
    tab.open(f"{base_url}/graph")
    drawn = tab.page.evaluate(GLYPHS)
    assert drawn["chars"] >= 30 and drawn["blank"] == 0
    assert drawn["distinct"] == drawn["chars"], "Chinese characters render as identical boxes: no CJK font"


def test_legend_hides_and_shows_a_kind(tab: Tab, base_url: str) -> None:
    tab.open(f"{base_url}/graph")
    visible = "window.zonekg.network.body.nodeIndices.length"
    before = tab.page.evaluate(visible)
    button = tab.page.locator('#legend button[data-kind="Project"]')
    assert button.inner_text() == "项目 6"
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert tab.page.evaluate(visible) == before - 6
    assert tab.page.evaluate(f"window.zonekg.network.body.nodeIndices.includes({NANO_PROJECT!r})") is False
    button.click()
    assert tab.page.evaluate(visible) == before


def test_search_finds_an_alias_and_centres_on_it(tab: Tab, base_url: str) -> None:
    tab.open(f"{base_url}/graph")
    tab.page.locator('#legend button[data-kind="Agency"]').click()  # search un-hides the kind
    tab.page.fill("#search-input", "经发委")
    tab.page.press("#search-input", "Enter")
    assert tab.page.locator("#search-status").inner_text() == "已定位：经济发展委员会"
    assert tab.page.evaluate("window.zonekg.network.getSelectedNodes()") == [ECON]
    # Centred once the focus animation ends (its length depends on the frame rate).
    tab.page.wait_for_function(
        """(id) => { const net = window.zonekg.network, v = net.getViewPosition(), p = net.getPosition(id);
              return Math.hypot(v.x - p.x, v.y - p.y) < 5; }""",
        arg=ECON,
        timeout=10_000,
    )
    tab.page.fill("#search-input", "没有这个名字")
    tab.page.press("#search-input", "Enter")
    assert tab.page.locator("#search-status").inner_text() == "未找到"


def test_tooltip_lists_kind_amounts_quote_and_document(tab: Tab, base_url: str) -> None:
    tab.open(f"{base_url}/graph?focus={quote(NANO_PROJECT)}&depth=1")
    text = hover_tooltip(tab, NANO_PROJECT)
    for expected in ("项目：纳米城三期", "总投资：35 亿元", "面积：120000 平方米",
                     "原文：“纳米城三期是本计划的重点。”", "来源：苏州工业园区2024年工作计划.txt"):
        assert expected in text
    agency_text = hover_tooltip(tab, ECON)
    assert "别名：经发委" in agency_text and "协调：牵头 2 个项目，参与 1 个" in agency_text


def test_click_opens_the_entity_page(tab: Tab, base_url: str) -> None:
    tab.open(f"{base_url}/graph")
    tab.page.mouse.click(*screen_point(tab, ECON))
    tab.page.wait_for_url("**/graph?focus=*")
    tab.page.wait_for_function("window.zonekgReady !== undefined")
    assert tab.page.locator("h1").inner_text() == "经济发展委员会 的关系网络"
    shown = set(tab.page.evaluate("window.zonekg.nodes.getIds()"))
    assert {ECON, NANO_PROJECT, zone("纳米城"), zone("生物医药产业园")} <= shown
    assert zone("昆山经济技术开发区") not in shown
    assert_stayed_inside(tab, base_url)


def test_export_downloads_a_png(tab: Tab, base_url: str, tmp_path: Path) -> None:
    tab.open(f"{base_url}/graph")
    with tab.page.expect_download() as download:
        tab.page.locator("#export").click()
    assert download.value.suggested_filename == "zonekg-network.png"
    saved = tmp_path / "export.png"
    download.value.save_as(saved)
    image = Image.open(saved)
    assert image.format == "PNG" and image.width > 500
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 50


def test_hostile_names_run_nothing_and_show_as_text(tab: Tab, base_url: str) -> None:
    for url in (f"{base_url}/graph", f"{base_url}/graph?focus={quote(zone(SCRIPT_NAME))}"):
        tab.open(url)
        text = hover_tooltip(tab, HOSTILE_AGENCY)
        assert IMG_NAME in text and "&amp;<b>粗体</b>" in text
        assert tab.page.evaluate("typeof window.__pwned") == "undefined"
        assert tab.page.locator("img, svg, #legend b, .vis-tooltip b:has-text('粗体')").count() == 0
    assert tab.page.locator("h1").inner_text() == f"{SCRIPT_NAME} 的关系网络"
    assert tab.page.title() == f"{SCRIPT_NAME} 的关系网络"
    tab.page.fill("#search-input", "</script><script>")
    tab.page.press("#search-input", "Enter")
    assert tab.page.locator("#search-status").inner_text() == f"已定位：{SCRIPT_NAME}"
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"
    assert_stayed_inside(tab, base_url)


def test_co_leadership_view(tab: Tab, base_url: str) -> None:
    tab.open(f"{base_url}/graph?view=co-leadership")
    assert tab.page.evaluate("window.zonekgReady.nodes") == 7
    labels = tab.page.evaluate("window.zonekg.network.body.data.edges.get().map(e => e.label)")
    assert sorted(labels).count("共同项目 2") == 3
    assert_not_blank(tab)


def test_unknown_focus_is_a_404_problem(base_url: str) -> None:
    response = httpx.get(f"{base_url}/graph", params={"focus": "zone/无此区"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert httpx.get(f"{base_url}/graph", params={"kinds": "Zone,Bogus"}).status_code == 422


def view_edge_relation(view, index: int) -> str:
    return list(view.graph.edges(data="relation"))[index][2]


READABLE_PX = 9
"""Smallest label height, in screen pixels, that we call readable."""


def test_overview_of_a_large_graph_keeps_key_labels_readable(browser: object, tmp_path: Path) -> None:
    """At 1,366×768 with the overview fitted to the screen, every zone and busy agency the
    overview picked is labelled large enough to read, and edges carry no label until hovered."""
    big = synthetic_graph(2000)
    ranks = rank_agencies(big, with_betweenness=False)
    view = overview(big, ranks)
    page_file = tmp_path / "overview.html"
    page_file.write_text(render(view, ranks={r.id: r for r in ranks}), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        tab = Tab(context.new_page())
        tab.open(page_file.as_uri())
        heights = tab.page.evaluate(
            """(ids) => { const net = window.zonekg.network, scale = net.getScale();
                 return ids.map((id) => net.body.nodes[id].options.font.size * scale); }""",
            sorted(view.key),
        )
        assert len(heights) >= 20 and min(heights) >= READABLE_PX, heights
        labelled = "window.zonekg.network.body.data.edges.get().filter(e => e.label).map(e => e.label)"
        assert tab.page.evaluate(labelled) == []
        tab.page.evaluate("() => { window.zonekg.network.emit('hoverEdge', {edge: 0}); }")
        assert tab.page.evaluate(labelled) == [relation_label(view_edge_relation(view, 0))]
        tab.page.evaluate("() => { window.zonekg.network.emit('blurEdge', {edge: 0}); }")
        assert tab.page.evaluate(labelled) == []
    finally:
        context.close()


@pytest.mark.slow
def test_two_thousand_nodes_draw_within_seconds(tab: Tab, tmp_path: Path) -> None:
    view = whole(synthetic_graph(2000), kinds=set(SHARES))
    page_file = tmp_path / "big.html"
    page_file.write_text(render(view), encoding="utf-8")
    tab.open(page_file.as_uri())
    ready = tab.page.evaluate("window.zonekgReady")
    assert ready["nodes"] == 2000
    assert ready["ms"] < 10_000, f"drawing 2,000 nodes took {ready['ms']} ms"
    assert tab.page.evaluate("window.zonekg.network.physics.physicsEnabled") is False
    assert_not_blank(tab)
    assert_stayed_inside(tab, page_file.as_uri())
