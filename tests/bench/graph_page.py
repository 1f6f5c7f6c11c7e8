"""Benchmark: how long a 2,000-node network page takes to draw in headless Chromium.

Run ``python tests/bench/graph_page.py [NODES]``. It generates a graph shaped like zonekg's
(projects with lead and partner agencies, zones, industries, companies, targets), renders
the page as ``/graph?kinds=all`` would (every node) and as the default overview, and loads
each in Debian's Chromium, timing from navigation start until the page reports it has drawn
and settled (``window.zonekgReady``). It prints the Python render time (layout included),
the browser time, and the median of three loads.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from zonekg.visualize.overview import View, whole
from zonekg.visualize.page import render

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SHARES = {"Zone": 0.05, "Agency": 0.15, "Project": 0.5, "Industry": 0.05, "Company": 0.15, "Target": 0.10}


def synthetic_graph(nodes: int = 2000, seed: int = 0) -> nx.MultiDiGraph:
    """A zonekg-shaped graph of about ``nodes`` entities with Chinese-like names."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    members: dict[str, list[str]] = {}
    for kind, share in SHARES.items():
        members[kind] = [f"https://example.org/{kind}/{i}" for i in range(max(2, round(nodes * share)))]
        for i, iri in enumerate(members[kind]):
            graph.add_node(iri, kind=kind, label=f"{kind}-{i}号")

    def pick(kind: str) -> str:
        return rng.choice(members[kind])

    administrations = members["Agency"][: len(members["Zone"])]
    for agency in members["Agency"][len(administrations):]:
        graph.add_edge(agency, rng.choice(administrations), relation="partOf")
    for zone in members["Zone"]:
        for industry in rng.sample(members["Industry"], 3):
            graph.add_edge(zone, industry, relation="focusIndustry")
    for target in members["Target"]:
        graph.add_edge(pick("Zone"), target, relation="hasTarget")
    for project in members["Project"]:
        graph.add_edge(project, pick("Agency"), relation="leadAgency")
        for partner in rng.sample(members["Agency"], rng.randint(0, 2)):
            graph.add_edge(project, partner, relation="participatingAgency")
        graph.add_edge(project, pick("Zone"), relation="locatedIn")
        graph.add_edge(project, pick("Industry"), relation="industry")
    for company in members["Company"]:
        graph.add_edge(pick("Project"), company, relation="involvesCompany")
    return graph


def timed_render(view: View) -> tuple[str, float]:
    start = time.perf_counter()
    page = render(view)
    return page, time.perf_counter() - start


def draw_times(browser, page_file: Path, runs: int = 3) -> list[int]:
    """Browser milliseconds from navigation start to drawn and settled, per load."""
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.as_uri())
        page.wait_for_function("window.zonekgReady !== undefined", timeout=120_000)
        times.append(page.evaluate("window.zonekgReady.ms"))
        page.close()
    return times


def main(nodes: int = 2000) -> None:
    from playwright.sync_api import sync_playwright

    graph = synthetic_graph(nodes)
    views = {"all": whole(graph, kinds=set(SHARES)), "overview": whole(graph)}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, view in views.items():
            html, seconds = timed_render(view)
            path = Path(tmp) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            times = draw_times(browser, path)
            print(
                f"{name:8} {len(view.graph):5} nodes {view.graph.number_of_edges():5} edges | "
                f"render {seconds * 1000:6.0f} ms | browser draw+settle {times} ms, "
                f"median {statistics.median(times):.0f} ms | page {len(html) / 1e6:.1f} MB"
            )
        browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
